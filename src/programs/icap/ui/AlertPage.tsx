/** One retaliation alert: the shooting, the risk zone on the map, the window of heightened risk, the walk. */
import { useMemo, useState } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle, Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { useCategories } from '../../../web/hooks/useCategories.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { IncidentMap } from '../../../web/components/IncidentMap.js';
import type { AreaCollection, IncidentCollection } from '../../../web/api/client.js';
import type { RouteParams } from '../../../web/programs.js';
import { circlePolygon, icapApi, type AlertDetail } from './api.js';

export default function AlertPage({ params }: RouteParams) {
  return (
    <ConsoleLayout permission="icap:alerts" wide>
      <AlertView alertId={Number(params.alertId)} />
    </ConsoleLayout>
  );
}

function AlertView({ alertId }: { alertId: number }) {
  const { t, formatDate } = useI18n();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.icap.alert.${key}`, vars);
  const categories = useCategories();
  const loaded = useAsync(() => icapApi.alert(alertId), [alertId]);
  const [acked, setAcked] = useState<AlertDetail>();
  const [error, setError] = useState<Error>();
  const alert = acked ?? loaded.data;
  useDocumentTitle(k('documentTitle', { block: alert?.hundredBlock ?? '' }));
  const incidents = useMemo<IncidentCollection | undefined>(() => alert && {
    type: 'FeatureCollection',
    features: alert.nearby.map((n) => ({ type: 'Feature', id: n.id, geometry: { type: 'Point', coordinates: [n.lon, n.lat] }, properties: { id: n.id, category: n.category, occurredAt: n.occurredAt, hundredBlock: n.hundredBlock, offenseText: null } })),
  }, [alert]);
  const zone = useMemo<AreaCollection | undefined>(() => alert && {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', id: 0, geometry: circlePolygon(alert.lon, alert.lat, alert.radiusM), properties: { id: 0, kind: 'custom', name: k('zone'), code: null } }],
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [alert]);
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!alert || !incidents || !zone) return <Loading />;
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const acknowledge = async () => {
    try {
      setAcked({ ...alert, ...(await icapApi.acknowledge(alert.id)) });
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <>
      <p className="margin-0"><Link href="/console/programs/icap">{k('back')}</Link></p>
      <h1 className="margin-top-1">{k('title', { category: categories.label(alert.category), block: alert.hundredBlock ?? '—' })}</h1>
      <ErrorAlert error={error} />
      <div className="usa-summary-box margin-y-2" data-testid="risk-window">
        <div className="usa-summary-box__body">
          <p className="usa-summary-box__text">{k('window', { radius: alert.radiusM, until: when(alert.riskUntil), days: alert.windowDays })}</p>
          <p className="usa-summary-box__text">{k('occurred', { time: when(alert.occurredAt) })} {alert.nearbyRecent > 0 ? k('chain', { n: alert.nearbyRecent }) : k('noChain')}</p>
          <p className="usa-summary-box__text">{k('basis')}</p>
        </div>
      </div>
      <ul className="usa-button-group">
        {alert.walkId && <li className="usa-button-group__item"><Link className="usa-button" href={`/console/programs/walks/${alert.walkId}`}>{k('walk')}</Link></li>}
        <li className="usa-button-group__item">
          {alert.acknowledgedAt
            ? <span>{k('acknowledged', { name: alert.acknowledgedBy ?? '—', time: when(alert.acknowledgedAt) })}</span>
            : <button type="button" className="usa-button usa-button--outline" onClick={() => void acknowledge()}>{k('acknowledge')}</button>}
        </li>
      </ul>
      <IncidentMap incidents={incidents} areas={zone} violentCategories={categories.violent} categoryLabel={categories.label} label={k('mapLabel')} describedBy="alert-list-note" className="bridges-icap-map" />
      <p id="alert-list-note" className="bridges-muted">{k('listNote')}</p>
      <table className="usa-table usa-table--compact" data-testid="alert-nearby">
        <caption>{k('nearbyCaption', { n: alert.nearby.length })}</caption>
        <thead><tr><th scope="col">{k('when')}</th><th scope="col">{k('category')}</th><th scope="col">{k('block')}</th></tr></thead>
        <tbody>{alert.nearby.map((n) => <tr key={n.id}><th scope="row">{when(n.occurredAt)}</th><td>{categories.label(n.category)}</td><td>{n.hundredBlock ?? '—'}</td></tr>)}</tbody>
      </table>
    </>
  );
}
