/**
 * Hit rate of each model at every backtest step, as an SVG line chart drawn here (no chart library: a few
 * dozen lines of SVG, and full control of what assistive technology hears). Lines differ by colour, dash
 * pattern and marker; the <title>/<desc> summarise the chart and a data table follows it.
 */
import { useI18n } from '../../i18n/index.js';
import type { BacktestReport } from './api.js';
import { SERIES_COLORS, SERIES_DASHES } from './palettes.js';

const W = 760;
const H = 300;
const PAD = { left: 52, right: 16, top: 16, bottom: 44 };

/** A small marker shape per series: circle, square, triangle, diamond… */
function Marker({ kind, x, y, color }: { kind: number; x: number; y: number; color: string }) {
  const s = 3.5;
  switch (kind % 4) {
    case 0:
      return <circle cx={x} cy={y} r={s} fill={color} />;
    case 1:
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} fill={color} />;
    case 2:
      return <path d={`M${x},${y - s - 1}L${x + s + 1},${y + s}L${x - s - 1},${y + s}Z`} fill={color} />;
    default:
      return <path d={`M${x},${y - s - 1}L${x + s + 1},${y}L${x},${y + s + 1}L${x - s - 1},${y}Z`} fill={color} />;
  }
}

export function HitRateChart({ reports, coverageIndex, titleId }: { reports: BacktestReport[]; coverageIndex: number; titleId: string }) {
  const { t, formatDate, locale } = useI18n();
  const steps = reports[0]?.steps ?? [];
  const share = `${(reports[0]?.coverage[coverageIndex] ?? 0) * 100}%`;
  const max = Math.max(0.1, ...reports.flatMap((r) => r.steps.map((s) => s.hitRate[coverageIndex])));
  const top = Math.ceil(max * 10) / 10;
  const x = (i: number) => PAD.left + (steps.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (steps.length - 1));
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const yTicks = Array.from({ length: Math.round(top * 10) + 1 }, (_, k) => k / 10).filter((v, k, all) => all.length <= 6 || k % 2 === 0);
  // About six date labels; the last step is labelled too (right-aligned so it stays inside the frame).
  const every = Math.max(1, Math.ceil(steps.length / 6));
  const xTicks = steps.map((_, i) => i).filter((i) => i % every === 0 && (steps.length - 1 - i >= every / 2 || i === steps.length - 1));
  if (steps.length > 1 && !xTicks.includes(steps.length - 1)) xTicks.push(steps.length - 1);
  const day = (iso: string) => formatDate(`${iso}T12:00:00`, { month: 'short', day: 'numeric', year: '2-digit' });
  const pct = (v: number, digits = 0) => `${(v * 100).toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
  const description = t('analysis.backtest.chartDesc', {
    share, steps: steps.length,
    means: reports.map((r) => `${r.model} ${pct(r.mean.hitRate[coverageIndex], 1)}`).join('; '),
  });

  return (
    <figure className="bridges-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${titleId}-desc`} data-testid="hit-rate-chart">
        <title id={titleId}>{t('analysis.backtest.chartTitle', { share })}</title>
        <desc id={`${titleId}-desc`}>{description}</desc>
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#dfe1e2" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#1b1b1b">{pct(v)}</text>
          </g>
        ))}
        {xTicks.map((i) => (
          <text key={i} x={x(i)} y={H - PAD.bottom + 18} textAnchor={i === steps.length - 1 && i > 0 ? 'end' : 'middle'} fontSize="12" fill="#1b1b1b">{day(steps[i].start)}</text>
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 6} textAnchor="middle" fontSize="12" fill="#1b1b1b">{t('analysis.backtest.axisX')}</text>
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} stroke="#1b1b1b" />
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#1b1b1b" />
        {reports.map((r, k) => {
          const color = SERIES_COLORS[k % SERIES_COLORS.length];
          const points = r.steps.map((s, i) => `${x(i).toFixed(1)},${y(s.hitRate[coverageIndex]).toFixed(1)}`).join(' ');
          return (
            <g key={r.model} data-series={r.model}>
              <polyline points={points} fill="none" stroke={color} strokeWidth={2} strokeDasharray={SERIES_DASHES[k % SERIES_DASHES.length] || undefined} />
              {r.steps.length <= 60 && r.steps.map((s, i) => <Marker key={i} kind={k} x={x(i)} y={y(s.hitRate[coverageIndex])} color={color} />)}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="bridges-legend" aria-label={t('analysis.backtest.chartLegend')}>
          {reports.map((r, k) => (
            <li key={r.model}>
              <svg width="36" height="12" aria-hidden="true" focusable="false">
                <line x1="2" x2="34" y1="6" y2="6" stroke={SERIES_COLORS[k % SERIES_COLORS.length]} strokeWidth={2} strokeDasharray={SERIES_DASHES[k % SERIES_DASHES.length] || undefined} />
                <Marker kind={k} x={18} y={6} color={SERIES_COLORS[k % SERIES_COLORS.length]} />
              </svg>
              {r.model}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
