/**
 * Plain-language reading of a Knox table, in the manner of the Near Repeat Calculator's summary page.
 * A cell counts when it is significant (p ≤ α) AND meaningful (Knox ratio ≥ `minRatio`, i.e. at least
 * 20% more pairs than expected by default — the NRC's own summary of the 2016 Chicago burglaries only
 * reports cells with ratio ≥ 1.2 although a 1.14 cell was significant). A band's pattern lasts as long as
 * its consecutive leading time bands count.
 */
import type { KnoxResult } from './knox.js';

/** Options of {@link summarizeKnox}. */
export interface KnoxSummaryOptions {
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Smallest Knox ratio worth reporting (default 1.2). */
  minRatio?: number;
}

/** Structured summary plus the sentences. */
export interface KnoxSummary {
  /** For each near-repeat distance band with a pattern: label and the last time band of the run. */
  nearRepeat: { distance: string; upTo: string; ratio: number; time: string }[];
  /** Same-location (repeat victimisation) pattern, if any. */
  repeat: { upTo: string; ratio: number; time: string } | null;
  sentences: string[];
}

/** Upper end of a time label such as "3–4 days" → "4 days". */
function upperEnd(label: string): string {
  const m = /–(.+)$/.exec(label);
  return m ? m[1] : label;
}

/** Summarises a Knox result. */
export function summarizeKnox(result: KnoxResult, options: KnoxSummaryOptions = {}): KnoxSummary {
  const alpha = options.alpha ?? 0.05;
  const minRatio = options.minRatio ?? 1.2;
  const cols = result.timeBands.length - 1; // the "more than" column never counts
  const counts = (r: number, c: number): boolean => result.pValue[r][c] <= alpha && result.knoxRatio[r][c] >= minRatio;
  const run = (r: number): { last: number; best: number } | null => {
    let last = -1;
    let best = -1;
    for (let c = 0; c < cols && counts(r, c); c++) {
      last = c;
      if (best < 0 || result.knoxRatio[r][c] > result.knoxRatio[r][best]) best = c;
    }
    return last < 0 ? null : { last, best };
  };
  const sentences: string[] = [];
  const nearRepeat: KnoxSummary['nearRepeat'] = [];
  let strongest: { r: number; c: number } | null = null;
  for (let r = 1; r < result.distanceBands.length - 1; r++) {
    const found = run(r);
    if (!found) continue;
    const ratio = result.knoxRatio[r][found.best];
    nearRepeat.push({ distance: result.distanceBands[r], upTo: upperEnd(result.timeBands[found.last]), ratio, time: result.timeBands[found.best] });
    if (!strongest || ratio > result.knoxRatio[strongest.r][strongest.c]) strongest = { r, c: found.best };
  }
  if (nearRepeat.length === 0) sentences.push('No meaningful near-repeat pattern: nearby events are not over-represented soon after an incident.');
  for (const nr of nearRepeat) {
    sentences.push(`Within ${nr.distance} of an incident, near repeats are over-represented for up to ${nr.upTo}; risk is about ${Math.round((nr.ratio - 1) * 100)}% higher than if there were no pattern (${nr.time}).`);
  }
  if (strongest) {
    const ratio = result.knoxRatio[strongest.r][strongest.c];
    sentences.push(
      `The strongest significant near-repeat effect is within ${result.distanceBands[strongest.r]} and ${result.timeBands[strongest.c]}: about ${Math.round((ratio - 1) * 100)}% more than chance.`,
    );
  }
  const same = run(0);
  let repeat: KnoxSummary['repeat'] = null;
  if (same) {
    repeat = { upTo: upperEnd(result.timeBands[same.last]), ratio: result.knoxRatio[0][same.best], time: result.timeBands[same.best] };
    sentences.push(
      `Repeat victimisation: at the same location, events are over-represented for up to ${repeat.upTo}; the chance of another event is about ${Math.round((repeat.ratio - 1) * 100)}% higher than if there were no pattern (${repeat.time}).`,
    );
  } else sentences.push('No meaningful repeat-victimisation pattern at the same location.');
  return { nearRepeat, repeat, sentences };
}
