import { useI18n } from '../../../web/i18n/index.js';
import type { Impact } from './api.js';

const W = 560;
const H = 220;
const PAD = { left: 36, right: 12, top: 16, bottom: 40 };

/**
 * Incidents in the canvass area week by week around the walk (bars), against the citywide trend scaled to
 * the area's level before the walk (line): bars below the line after the walk mean the area did better than
 * the city. The same figures follow as a table for screen readers and for exact values.
 */
export function ImpactChart({ impact, caption }: { impact: Impact; caption: string }) {
  const { t, formatNumber } = useI18n();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.walks.impact.${key}`, vars);
  const { week, local, city, tips } = impact.series;
  const before = (values: number[]) => values.reduce((s, v, i) => s + (week[i] < 0 ? v : 0), 0);
  const scale = before(city) > 0 ? before(local) / before(city) : 0;
  const trend = city.map((c) => c * scale);
  const max = Math.max(1, ...local, ...trend, ...tips);
  const n = week.length;
  const band = (W - PAD.left - PAD.right) / n;
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  const x = (i: number) => PAD.left + i * band;
  const zero = week.indexOf(0);
  const line = trend.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i) + band / 2},${y(v)}`).join(' ');
  const summary = k('summary', { before: impact.incidentsBefore, after: impact.incidentsAfter, expected: impact.expectedAfter ?? '—', days: impact.days });
  return (
    <figure className="bridges-impact margin-0" data-testid="impact-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${caption}. ${summary}`} className="bridges-impact__svg">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} stroke="#dfe1e2" />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="11" fill="#1b1b1b">{Math.round(max * f * 10) / 10}</text>
          </g>
        ))}
        {local.map((v, i) => <rect key={`l${i}`} x={x(i) + band * 0.15} width={band * 0.45} y={y(v)} height={y(0) - y(v)} fill="#1a4480" />)}
        {tips.map((v, i) => <rect key={`t${i}`} x={x(i) + band * 0.6} width={band * 0.25} y={y(v)} height={y(0) - y(v)} fill="#00bde3" stroke="#1b1b1b" strokeWidth="0.5" />)}
        <path d={line} fill="none" stroke="#b50909" strokeWidth="2" strokeDasharray="5 3" />
        {zero >= 0 && <line x1={x(zero)} x2={x(zero)} y1={PAD.top - 6} y2={H - PAD.bottom} stroke="#1b1b1b" strokeWidth="1.5" />}
        {zero >= 0 && <text x={x(zero) + 4} y={PAD.top + 4} fontSize="11" fill="#1b1b1b">{k('walk')}</text>}
        {week.map((w, i) => <text key={w} x={x(i) + band / 2} y={H - PAD.bottom + 14} textAnchor="middle" fontSize="10" fill="#1b1b1b">{w >= 0 ? `+${w + 1}` : w}</text>)}
        <text x={(W + PAD.left) / 2} y={H - 6} textAnchor="middle" fontSize="11" fill="#1b1b1b">{k('weeksAxis')}</text>
      </svg>
      <figcaption>
        <ul className="bridges-legend" aria-label={k('legend')}>
          <li><span className="bridges-legend__dot" style={{ background: '#1a4480', borderRadius: 0 }} aria-hidden="true" />{k('legendLocal')}</li>
          <li><span className="bridges-legend__dot" style={{ background: '#00bde3', borderRadius: 0 }} aria-hidden="true" />{k('legendTips')}</li>
          <li><span className="bridges-legend__line" style={{ borderColor: '#b50909', borderStyle: 'dashed' }} aria-hidden="true" />{k('legendTrend')}</li>
        </ul>
        <p className="margin-y-1">{summary}</p>
      </figcaption>
      <details>
        <summary>{k('tableToggle')}</summary>
        <table className="usa-table usa-table--compact">
          <caption>{caption}</caption>
          <thead><tr><th scope="col">{k('week')}</th><th scope="col">{k('legendLocal')}</th><th scope="col">{k('city')}</th><th scope="col">{k('legendTips')}</th></tr></thead>
          <tbody>
            {week.map((w, i) => <tr key={w}><th scope="row">{w >= 0 ? `+${w + 1}` : w}</th><td>{formatNumber(local[i])}</td><td>{formatNumber(city[i])}</td><td>{formatNumber(tips[i])}</td></tr>)}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
