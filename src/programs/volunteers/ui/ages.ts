import type { I18n } from '../../../web/i18n/index.js';
import { AGE_BANDS, type AgeBand } from './api.js';

/** "Ages 14 to 20" from a program's bands (they are contiguous in practice; the lowest and highest are named). */
export function agesText(i18n: Pick<I18n, 't'>, bands: readonly AgeBand[]): string {
  const sorted = [...bands].sort((a, b) => AGE_BANDS.indexOf(a) - AGE_BANDS.indexOf(b));
  const low = sorted[0]?.split('-')[0];
  const last = sorted[sorted.length - 1];
  if (!low || !last) return '';
  if (last === '65-plus') return i18n.t('programs.volunteers.ages.from', { low });
  return i18n.t('programs.volunteers.ages.range', { low, high: last.split('-')[1] });
}

/** The label of one band in the form: "14 to 15", "65 or older". */
export function bandLabel(i18n: Pick<I18n, 't'>, band: AgeBand): string {
  if (band === '65-plus') return i18n.t('programs.volunteers.ages.bandPlus', { low: '65' });
  const [low, high] = band.split('-');
  return i18n.t('programs.volunteers.ages.band', { low, high });
}
