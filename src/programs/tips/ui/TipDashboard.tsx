/** Tip figures for command staff: per week, category, area and channel; response time; outcomes; the map. */
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { IncidentMap } from '../../../web/components/IncidentMap.js';
import type { IncidentCollection } from '../../../web/api/client.js';
import { money, publicTipsApi, tipsApi, type TipDashboard, type TipsMeta } from './api.js';

function Bars({ id, title, rows }: { id: string; title: string; rows: Array<{ label: string; count: number }> }) {
  const { t } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <section aria-labelledby={`${id}-heading`} className="bridges-tips__bars">
      <h3 id={`${id}-heading`}>{title}</h3>
      {rows.length === 0 ? <p className="bridges-muted">{t('programs.tips.dashboard.noneYet')}</p> : (
        <table className="usa-table usa-table--borderless width-full" data-testid={`dashboard-${id}`}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className="bridges-tips__bar-cell"><meter min={0} max={max} value={r.count} aria-hidden="true" /> {r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function TipDashboardPanel({ meta }: { meta: TipsMeta }) {
  const { t, pick, formatNumber, locale } = useI18n();
  const dashboard = useAsync(() => tipsApi.dashboard(), []);
  const map = useAsync(() => tipsApi.map(), []);
  const districts = useAsync(() => publicTipsApi.areas(), []);
  if (dashboard.loading && !dashboard.data) return <Loading />;
  if (!dashboard.data) return <ErrorAlert error={dashboard.error} />;
  const d: TipDashboard = dashboard.data;
  const hours = (h: number | null) => (h === null ? '—' : t('programs.tips.dashboard.hours', { n: h }));
  // The incidents map draws any points; tips are given the shape it expects (their number in the popup).
  const points: IncidentCollection | undefined = map.data && {
    type: 'FeatureCollection',
    features: map.data.features.map((f) => ({ ...f, properties: { id: f.properties.id, category: f.properties.category, occurredAt: f.properties.createdAt, hundredBlock: null, offenseText: f.properties.number } })),
  };
  return (
    <div data-testid="tip-dashboard">
      <ul className="bridges-figures usa-list usa-list--unstyled">
        <li><strong data-testid="dashboard-total">{formatNumber(d.total)}</strong> {t('programs.tips.dashboard.total')}</li>
        <li><strong>{hours(d.responseHours.median)}</strong> {t('programs.tips.dashboard.median')}</li>
        <li><strong>{hours(d.responseHours.p90)}</strong> {t('programs.tips.dashboard.p90')}</li>
        <li><strong>{formatNumber(d.responseHours.waiting)}</strong> {t('programs.tips.dashboard.waiting')}</li>
        <li><strong>{formatNumber(d.rewards.paid)}</strong> {t('programs.tips.dashboard.rewardsPaid', { amount: money(d.rewards.paidCents, locale) })}</li>
      </ul>
      <div className="bridges-tips__grid">
        <Bars id="weeks" title={t('programs.tips.dashboard.perWeek')} rows={d.perWeek.map((w) => ({ label: w.week, count: w.count }))} />
        <Bars id="categories" title={t('programs.tips.dashboard.perCategory')} rows={d.perCategory.map((c) => ({ label: pick(c.label ?? {}) || c.key, count: c.count }))} />
        <Bars id="areas" title={t('programs.tips.dashboard.perArea')} rows={d.perArea.map((a) => ({ label: a.name || t('programs.tips.dashboard.noArea'), count: a.count }))} />
        <Bars id="outcomes" title={t('programs.tips.dashboard.outcomes')} rows={d.outcomes.map((o) => ({ label: pick(o.label ?? {}), count: o.count }))} />
        <Bars id="channels" title={t('programs.tips.dashboard.channels')} rows={d.perChannel.map((c) => ({ label: t(`programs.tips.channels.${c.channel}`), count: c.count }))} />
      </div>
      <h3>{t('programs.tips.dashboard.map')}</h3>
      <p className="usa-hint" id="tip-map-note">{t('programs.tips.dashboard.mapNote')}</p>
      <IncidentMap incidents={points} areas={districts.data} violentCategories={['homicide', 'shooting']} categoryLabel={(code) => pick(meta.categories.find((c) => c.code === code)?.label) || code} label={t('programs.tips.dashboard.mapLabel')} describedBy="tip-map-note" />
    </div>
  );
}
