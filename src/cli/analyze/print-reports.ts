/** The tabular reports on the terminal: Knox tables with the summary, backtest, CompStat, displacement. */
import type { ComparedBacktestReport, CompstatReport, NearRepeatReport, WdqReport } from '../../core/analysis/index.js';
import { change, formatNumber, percent, textTable, type Cell } from './table.js';

export function nearRepeatTable(report: NearRepeatReport): string {
  const grid = (title: string, value: (r: number, c: number) => Cell) =>
    `${title}\n${textTable(['', ...report.timeBands], report.distanceBands.map((label, r) => [label, ...report.timeBands.map((_, c) => value(r, c))]))}`;
  const significant = (r: number, c: number) => report.pValue[r][c] <= report.alpha;
  return [
    `Knox near-repeat test: ${formatNumber(report.events)} incidents, ${formatNumber(report.closePairs)} close pairs, ${report.iterations} permutations (seed ${report.seed}, ${report.shards} shards), ${report.metric} distance${report.nrcCompatible ? ', NRC band boundaries' : ''}.`,
    '',
    grid('Observed pairs', (r, c) => report.observed[r][c]),
    '',
    grid('Expected pairs (mean of the permutations)', (r, c) => Number(report.expectedMean[r][c].toFixed(1))),
    '',
    grid(`Knox ratio (* = p ≤ ${report.alpha})`, (r, c) => (Number.isFinite(report.knoxRatio[r][c]) ? `${report.knoxRatio[r][c].toFixed(2)}${significant(r, c) ? '*' : ''}` : null)),
    '',
    grid('p-value', (r, c) => report.pValue[r][c].toFixed(3)),
    '',
    'Summary:',
    ...report.summary.sentences.map((s) => `  ${s}`),
  ].join('\n');
}

export function backtestTable(reports: readonly ComparedBacktestReport[]): string {
  const coverage = reports[0]?.coverage ?? [];
  const first = reports[0];
  const lines = [
    `Backtest: ${first.steps.length} origins from ${first.steps[0]?.start} to ${first.steps[first.steps.length - 1]?.start}, each forecast scored on the next ${first.horizonDays} days;`,
    `${formatNumber(first.studyAreaCells)} cells of ${first.cellSize} m; means over the ${first.scoredSteps} steps with incidents.`,
    '',
    textTable(
      ['model', ...coverage.map((s) => `hit ${percent(s, 0)}`), ...coverage.map((s) => `PAI ${percent(s, 0)}`), ...coverage.map((s) => `PEI ${percent(s, 0)}`)],
      reports.map((r) => [r.modelName, ...r.mean.hitRate.map((v) => v.toFixed(3)), ...r.mean.pai.map((v) => v.toFixed(1)), ...r.mean.pei.map((v) => v.toFixed(3))]),
    ),
  ];
  if (reports.length > 0 && first.scoredSteps >= 2) lines.push('', ...backtestComparison(reports));
  return lines.join('\n');
}

/** Hit rates with their 95% intervals, and per coverage which models the period cannot tell from the best. */
function backtestComparison(reports: readonly ComparedBacktestReport[]): string[] {
  const points = (v: number) => (v * 100).toFixed(1);
  const interval = (i: { low: number; high: number }) => `${points(i.low)} to ${points(i.high)}`;
  const coverage = reports[0].coverage;
  const lines = [
    textTable(
      ['model', ...coverage.map((s) => `hit ${percent(s, 0)} (95% interval), %`)],
      reports.map((r) => [r.modelName, ...r.comparison.hitRate.map((h) => `${points(h.mean)} (${interval(h)})`)]),
    ),
    '',
    'Paired differences from the best model (same steps; percentage points, 95% interval):',
  ];
  coverage.forEach((share, j) => {
    const best = reports.find((r) => r.comparison.best[j])!;
    const others = reports.filter((r) => !r.comparison.best[j]).map((r) => {
      const d = r.comparison.versusBest[j]!;
      const verdict = d.high < 0 ? 'lower' : 'not told apart';
      return `${r.model} ${d.mean <= 0 ? '' : '+'}${points(d.mean)} (${interval(d)}, ${verdict})`;
    });
    lines.push(`  ${percent(share, 0)}: best ${best.model}${others.length ? `; ${others.join('; ')}` : ''}`);
  });
  return lines;
}

export function compstatTable(report: CompstatReport): string {
  const d = report.days;
  const span = (p: { current: [string, string]; prior: [string, string] }) => `${p.current[0]} to ${p.current[1]} (prior ${p.prior[0]} to ${p.prior[1]})`;
  return [
    `CompStat through ${d.week.current[1]} (${report.timeZone}), each period against the same period a year earlier:`,
    `  7 days ${span(d.week)}; 28 days ${span(d.days28)}; year to date ${span(d.ytd)}.`,
    '',
    textTable(
      ['area', 'category', '7 days', '(prior)', 'change', '28 days', '(prior)', 'change', 'YTD', '(prior)', 'change'],
      report.rows.map((r) => [r.area, r.category === 'all' ? 'all categories' : r.category, r.week, r.weekPrior, change(r.weekChange), r.days28, r.days28Prior, change(r.days28Change), r.ytd, r.ytdPrior, change(r.ytdChange)]),
    ),
  ].join('\n');
}

export function wdqTable(report: WdqReport): string {
  const c = report.counts;
  return [
    `Weighted displacement quotient: before ${report.before[0]} to ${report.before[1]}, after ${report.after[0]} to ${report.after[1]} (end dates exclusive).`,
    '',
    textTable(['zone', 'before', 'after'], [['target', c.targetBefore, c.targetAfter], ['buffer', c.bufferBefore, c.bufferAfter], ['control', c.controlBefore, c.controlAfter]]),
    '',
    `Success measure ${report.successMeasure.toFixed(3)}; buffer displacement measure ${report.bufferDisplacementMeasure.toFixed(3)}; WDQ ${report.wdq === null ? 'undefined' : report.wdq.toFixed(3)}; total net effect ${report.totalNetEffect.toFixed(1)} incidents.`,
    report.interpretation,
  ].join('\n');
}
