import { useI18n, type I18n, type Vars } from '../../../web/i18n/index.js';

/** The app's i18n with `v(key)` for this program's own messages (programs.volunteers.<key>). */
export function useVolunteersI18n(): I18n & { v(key: string, vars?: Vars): string } {
  const i18n = useI18n();
  return { ...i18n, v: (key, vars) => i18n.t(`programs.volunteers.${key}`, vars) };
}
