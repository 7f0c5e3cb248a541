import { useMemo } from 'react';
import { useI18n, type I18n, type Vars } from '../../../web/i18n/index.js';

export interface ResourcesI18n extends I18n {
  /** This program's messages (programs.resources.<key>). */
  r(key: string, vars?: Vars): string;
  /** A language's name in the reader's language ("vietnamita"), from the browser's own data. */
  languageName(code: string): string;
}

export function useResourcesI18n(): ResourcesI18n {
  const i18n = useI18n();
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([i18n.locale], { type: 'language' });
    } catch {
      return null; // An engine without DisplayNames shows the codes.
    }
  }, [i18n.locale]);
  return { ...i18n, r: (key, vars) => i18n.t(`programs.resources.${key}`, vars), languageName: (code) => names?.of(code) ?? code };
}
