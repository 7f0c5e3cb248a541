/**
 * Horizontal bars with their label and value written beside them, so nothing depends on reading the bar
 * length or its colour; an SVG image with a summary, and the table of the same figures.
 */
import { useId } from 'react';
import { useI18n } from '../../i18n/index.js';
import { DataTable } from './DataTable.js';

export interface BarChartProps {
  title: string;
  summary: string;
  bars: Array<{ label: string; value: number }>;
  valueHeading: string;
  labelHeading: string;
  color?: string;
  testId?: string;
}

const W = 720;
const ROW = 34;
const LABEL_W = 330;

export function BarChart({ title, summary, bars, valueHeading, labelHeading, color = '#1a4480', testId }: BarChartProps) {
  const { formatNumber } = useI18n();
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 8;
  const barWidth = (v: number) => Math.max(v > 0 ? 2 : 0, ((W - LABEL_W - 80) * v) / max);
  return (
    <figure className="bridges-chart" data-testid={testId}>
      <figcaption className="bridges-chart__title" id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} className="bridges-chart__svg" role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
        <desc id={`${id}-desc`}>{summary}</desc>
        {bars.map((bar, i) => (
          <g key={bar.label} transform={`translate(0, ${i * ROW + 4})`}>
            <text x={LABEL_W - 10} y={ROW / 2 + 4} textAnchor="end" className="bridges-chart__label bridges-chart__label--bar">{clip(bar.label, 44)}</text>
            <rect x={LABEL_W} y={6} width={barWidth(bar.value)} height={ROW - 14} fill={color} rx="2" />
            <text x={LABEL_W + barWidth(bar.value) + 8} y={ROW / 2 + 4} className="bridges-chart__value">{formatNumber(bar.value)}</text>
          </g>
        ))}
      </svg>
      <DataTable caption={title} heading={labelHeading} rowLabels={bars.map((b) => b.label)} columns={[{ name: valueHeading, values: bars.map((b) => b.value) }]} />
    </figure>
  );
}

/** Long labels are cut on the picture only; the table and the summary carry them whole. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
