/**
 * The Knox table's labels and plain-language summary in the reader's language. The server writes them in
 * English ("101–200 m", "More than 4 days", sentences); the structured summary it also sends is turned into
 * sentences here with the same reading rules.
 */
import type { I18n } from '../../i18n/index.js';
import type { NearRepeatReport } from './api.js';

type T = I18n['t'];

/** A band label in the reader's language. */
export function bandLabel(label: string, t: T): string {
  if (label === 'Same location') return t('analysis.nearRepeat.sameLocation');
  let m = /^More than (.+) m$/.exec(label);
  if (m) return t('analysis.nearRepeat.moreThanMetres', { n: m[1] });
  m = /^More than (.+) days$/.exec(label);
  if (m) return t('analysis.nearRepeat.moreThanDays', { n: m[1] });
  m = /^(.+) days$/.exec(label);
  if (m) return t('analysis.nearRepeat.days', { range: m[1] });
  return label;
}

const percentMore = (ratio: number) => Math.round((ratio - 1) * 100);

/** The summary sentences (what the NRC's summary page says), localised. */
export function knoxSentences(report: NearRepeatReport, t: T): string[] {
  const { nearRepeat, repeat } = report.summary;
  const sentences: string[] = [];
  if (nearRepeat.length === 0) sentences.push(t('analysis.nearRepeat.noNearRepeat'));
  for (const nr of nearRepeat) {
    sentences.push(t('analysis.nearRepeat.sentenceNear', { distance: bandLabel(nr.distance, t), upTo: bandLabel(nr.upTo, t), pct: percentMore(nr.ratio), time: bandLabel(nr.time, t) }));
  }
  const strongest = nearRepeat.reduce<(typeof nearRepeat)[number] | null>((best, nr) => (!best || nr.ratio > best.ratio ? nr : best), null);
  if (strongest) {
    sentences.push(t('analysis.nearRepeat.sentenceStrongest', { distance: bandLabel(strongest.distance, t), time: bandLabel(strongest.time, t), pct: percentMore(strongest.ratio) }));
  }
  sentences.push(repeat
    ? t('analysis.nearRepeat.sentenceRepeat', { upTo: bandLabel(repeat.upTo, t), pct: percentMore(repeat.ratio), time: bandLabel(repeat.time, t) })
    : t('analysis.nearRepeat.noRepeat'));
  return sentences;
}
