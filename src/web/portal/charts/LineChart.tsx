/**
 * A line chart drawn as SVG (no chart library: the page must work offline and under a strict CSP). It is an
 * image with a title and a summary for screen readers, lines told apart by dash pattern as well as colour,
 * and the same numbers as a table one click away.
 */
import { useId } from 'react';
import { useI18n } from '../../i18n/index.js';
import { niceTicks } from './scale.js';
import { DataTable } from './DataTable.js';

export interface LineSeries {
  name: string;
  values: Array<number | null>;
  color: string;
  dashed?: boolean;
}

export interface LineChartProps {
  title: string;
  /** One sentence with the figures that matter, read out instead of the picture. */
  summary: string;
  /** One label per point (the table's first column). */
  xLabels: string[];
  /** Indexes of the points that get a label under the axis. */
  xTicks: number[];
  xHeading: string;
  /** Text under a tick; the row label when absent. */
  tickLabel?: (index: number) => string;
  series: LineSeries[];
  testId?: string;
}

const W = 720;
const H = 260;
const M = { top: 12, right: 16, bottom: 30, left: 44 };

export function LineChart({ title, summary, xLabels, xTicks, xHeading, tickLabel, series, testId }: LineChartProps) {
  const { formatNumber } = useI18n();
  const id = useId();
  const max = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const x = (i: number) => M.left + (i * (W - M.left - M.right)) / Math.max(1, xLabels.length - 1);
  const y = (v: number) => H - M.bottom - (v * (H - M.top - M.bottom)) / top;
  const path = (values: Array<number | null>) => values
    .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .reduce<string[]>((parts, point, i, all) => {
      if (point === null) return parts;
      parts.push(`${i === 0 || all[i - 1] === null ? 'M' : 'L'}${point}`);
      return parts;
    }, []).join(' ');

  return (
    <figure className="bridges-chart" data-testid={testId}>
      <figcaption className="bridges-chart__title" id={`${id}-title`}>{title}</figcaption>
      <ul className="bridges-chart__legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name}>
            <svg width="28" height="10" focusable="false"><line x1="0" y1="5" x2="28" y2="5" stroke={s.color} strokeWidth="3" strokeDasharray={s.dashed ? '6 4' : undefined} /></svg>
            {s.name}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${W} ${H}`} className="bridges-chart__svg" role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="bridges-chart__grid" />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" className="bridges-chart__label">{formatNumber(t)}</text>
          </g>
        ))}
        {xTicks.map((i) => (
          <text key={i} x={x(i)} y={H - 8} textAnchor="middle" className="bridges-chart__label">{tickLabel ? tickLabel(i) : xLabels[i]}</text>
        ))}
        {series.map((s) => (
          <path key={s.name} d={path(s.values)} fill="none" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dashed ? '6 4' : undefined} strokeLinejoin="round" />
        ))}
      </svg>
      <DataTable caption={title} heading={xHeading} rowLabels={xLabels} columns={series.map((s) => ({ name: s.name, values: s.values }))} />
    </figure>
  );
}
