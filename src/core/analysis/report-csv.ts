/**
 * CSV forms of the tabular reports (near repeat, backtest, CompStat), one row per table cell or step, so a
 * spreadsheet or R reads them without reshaping.
 */
import type { CompstatReport } from './jobs/compstat.js';
import type { BacktestReport } from './jobs/backtest.js';
import type { NearRepeatReport } from './jobs/near-repeat.js';

/** A CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (values: (string | number | null | undefined)[]): string => values.map(csvField).join(',');
const pct = (share: number): string => `${Number((share * 100).toPrecision(3))}%`;

export function nearRepeatCsv(report: NearRepeatReport): string {
  const rows = [line(['distance_band', 'time_band', 'observed', 'expected_mean', 'knox_ratio', 'p_value'])];
  report.distanceBands.forEach((distance, r) => {
    report.timeBands.forEach((time, c) => {
      rows.push(line([distance, time, report.observed[r][c], Number(report.expectedMean[r][c].toFixed(3)),
        Number.isFinite(report.knoxRatio[r][c]) ? Number(report.knoxRatio[r][c].toFixed(3)) : null, Number(report.pValue[r][c].toFixed(4))]));
    });
  });
  return rows.join('\n') + '\n';
}

export function backtestCsv(reports: readonly BacktestReport[]): string {
  const coverage = reports[0]?.coverage ?? [];
  const header = ['model', 'start', 'end', 'events', ...coverage.map((s) => `hit_rate_${pct(s)}`), ...coverage.map((s) => `pai_${pct(s)}`), ...coverage.map((s) => `pei_${pct(s)}`)];
  const rows = [line(header)];
  const round = (v: number): number => Number(v.toFixed(4));
  for (const report of reports) {
    for (const step of report.steps) {
      rows.push(line([report.model, step.start, step.end, step.events, ...step.hitRate.map(round), ...step.pai.map(round), ...step.pei.map(round)]));
    }
    rows.push(line([report.model, 'mean', '', report.steps.reduce((n, s) => n + s.events, 0), ...report.mean.hitRate.map(round), ...report.mean.pai.map(round), ...report.mean.pei.map(round)]));
  }
  return rows.join('\n') + '\n';
}

export function compstatCsv(report: CompstatReport): string {
  const rows = [line(['area', 'category', 'week', 'week_prior', 'week_change_pct', 'days28', 'days28_prior', 'days28_change_pct', 'ytd', 'ytd_prior', 'ytd_change_pct'])];
  for (const r of report.rows) {
    rows.push(line([r.area, r.category, r.week, r.weekPrior, r.weekChange, r.days28, r.days28Prior, r.days28Change, r.ytd, r.ytdPrior, r.ytdChange]));
  }
  return rows.join('\n') + '\n';
}
