import { useI18n, type I18n, type Vars } from '../../../web/i18n/index.js';

/** The app's i18n with `b(key)` for this program's own messages ("programs.board.<key>"). */
export function useBoardI18n(): I18n & { b(key: string, vars?: Vars): string } {
  const i18n = useI18n();
  return { ...i18n, b: (key, vars) => i18n.t(`programs.board.${key}`, vars) };
}
