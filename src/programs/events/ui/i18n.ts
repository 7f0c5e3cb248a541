import { useI18n, type I18n, type Vars } from '../../../web/i18n/index.js';

/** The app's i18n with `e(key)` for this program's own messages ("programs.events.<key>"). */
export function useEventsI18n(): I18n & { e(key: string, vars?: Vars): string } {
  const i18n = useI18n();
  return { ...i18n, e: (key, vars) => i18n.t(`programs.events.${key}`, vars) };
}
