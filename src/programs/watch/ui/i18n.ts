import { useI18n, type I18n, type Vars } from '../../../web/i18n/index.js';

/** The app's i18n with `w(key)` for this program's own messages ("programs.watch.<key>"). */
export function useWatchI18n(): I18n & { w(key: string, vars?: Vars): string } {
  const i18n = useI18n();
  return { ...i18n, w: (key, vars) => i18n.t(`programs.watch.${key}`, vars) };
}
