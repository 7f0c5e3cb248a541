/** A stored I-CAP briefing as a page: CompStat, the map of hot spots and risk zones, walks, problems, tips. */
import { useMemo } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle, Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { useCategories } from '../../../web/hooks/useCategories.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { IncidentMap } from '../../../web/components/IncidentMap.js';
import type { AreaCollection, IncidentCollection } from '../../../web/api/client.js';
import type { RouteParams } from '../../../web/programs.js';
import { briefingPdfUrl, circlePolygon, icapApi, type BriefingContent, type CompstatRow } from './api.js';

export default function BriefingPage({ params }: RouteParams) {
  return (
    <ConsoleLayout permission="icap:read" wide>
      <BriefingView id={Number(params.briefingId)} />
    </ConsoleLayout>
  );
}

function BriefingView({ id }: { id: number }) {
  const { t, formatDate } = useI18n();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.icap.briefing.${key}`, vars);
  const categories = useCategories();
  const briefing = useAsync(() => icapApi.briefing(id), [id]);
  const c = briefing.data?.content;
  useDocumentTitle(k('documentTitle', { date: c ? formatDate(c.asOf) : '' }));
  const layers = useMemo(() => (c ? mapLayers(c, k('zone'), k('cell')) : undefined), [c]); // eslint-disable-line react-hooks/exhaustive-deps
  if (briefing.error) return <ErrorAlert error={briefing.error} />;
  if (!briefing.data || !c || !layers) return <Loading />;
  const day = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeZone: c.timeZone });
  const stale = c.dataThrough && new Date(c.asOf).getTime() - new Date(c.dataThrough).getTime() > 7 * 86_400_000;
  const pct = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v}%`);
  const rows = (list: CompstatRow[], withArea: boolean) => list.map((r) => (
    <tr key={`${r.area}-${r.category}`}>
      <th scope="row">{withArea ? `${r.area} · ` : ''}{categories.label(r.category)}</th>
      <td>{r.week}</td><td>{r.weekPrior}</td><td>{pct(r.weekChange)}</td><td>{r.days28}</td><td>{r.days28Prior}</td><td>{pct(r.days28Change)}</td>
      <td>{r.ytd}</td><td>{r.ytdPrior}</td><td>{pct(r.ytdChange)}</td>
    </tr>
  ));
  const head = (
    <thead><tr>{['category', 'week', 'prior', 'change', 'days28', 'prior', 'change', 'ytd', 'prior', 'change'].map((h, i) => <th scope="col" key={i}>{k(`columns.${h}`)}</th>)}</tr></thead>
  );
  const active = c.riskZones.filter((z) => z.active);
  return (
    <article data-testid="briefing">
      <p className="margin-0"><Link href="/console/programs/icap">{k('back')}</Link></p>
      <h1 className="margin-top-1">{k('title', { date: day(c.asOf) })}</h1>
      {briefing.data.isDemo && <p><span className="usa-tag bridges-demo-tag margin-left-0">{t('programs.icap.demo')}</span> {k('demoNote')}</p>}
      {stale && <div className="usa-alert usa-alert--warning usa-alert--slim"><div className="usa-alert__body"><p className="usa-alert__text">{k('stale', { date: day(c.dataThrough!) })}</p></div></div>}
      <p><a className="usa-button" href={briefingPdfUrl(id)} data-testid="briefing-pdf">{k('pdf')}</a></p>
      <h2>{k('compstat')}</h2>
      <div className="usa-table-container--scrollable"><table className="usa-table usa-table--compact" data-testid="compstat-citywide"><caption>{k('citywide')}</caption>{head}<tbody>{rows(c.compstat.citywide, false)}</tbody></table></div>
      <div className="usa-table-container--scrollable"><table className="usa-table usa-table--compact"><caption>{k('districts')}</caption>{head}<tbody>{rows(c.compstat.districts, true)}</tbody></table></div>
      <h2>{k('places')}</h2>
      <p>{k('nearRepeat', { events: c.nearRepeat.events, radius: c.nearRepeat.radiusM, days: c.nearRepeat.windowDays })}{!c.nearRepeat.significant && ` ${k('noPattern')}`}</p>
      <ul className="usa-list">{c.nearRepeat.sentences.slice(0, 3).map((s) => <li key={s}>{s}</li>)}</ul>
      <IncidentMap incidents={layers.shootings} areas={layers.zones} violentCategories={categories.violent} categoryLabel={categories.label} label={k('mapLabel')} describedBy="briefing-map-note" className="bridges-icap-map" />
      <p id="briefing-map-note" className="bridges-muted">{k('mapNote')}</p>
      <table className="usa-table usa-table--compact" data-testid="hotspots"><caption>{k('hotSpots')}</caption>
        <thead><tr><th scope="col">{k('neighborhood')}</th><th scope="col">{k('shootings')}</th><th scope="col">{k('z')}</th><th scope="col">{k('confidence')}</th></tr></thead>
        <tbody>{c.hotSpots.map((h, i) => <tr key={i}><th scope="row">{h.neighborhood ?? '—'}</th><td>{h.count}</td><td>{h.z}</td><td>{h.confidence >= 3 ? '99%' : '95%'}</td></tr>)}</tbody>
      </table>
      <table className="usa-table usa-table--compact" data-testid="risk-zones"><caption>{k('riskZones', { n: active.length })}</caption>
        <thead><tr><th scope="col">{k('block')}</th><th scope="col">{k('neighborhood')}</th><th scope="col">{k('shotOn')}</th><th scope="col">{k('until')}</th><th scope="col">{k('nearby')}</th></tr></thead>
        <tbody>{active.map((z) => <tr key={z.incidentId}><th scope="row">{z.hundredBlock ?? '—'}</th><td>{z.neighborhood ?? '—'}</td><td>{day(z.occurredAt)}</td><td>{day(z.until)}</td><td>{z.nearby}</td></tr>)}</tbody>
      </table>
      <h2>{k('walks')}</h2>
      {!c.walks ? <p>{k('notInstalled')}</p> : (
        <>
          <p>{k('walksDone', { done: c.walks.doneLastWeek, onTime: c.walks.doneOnTimeLastWeek, doors: c.walks.doorsLastWeek })}</p>
          {c.walks.due.length === 0 && <p>{k('noWalksDue')}</p>}
          <ul className="usa-list">{c.walks.due.map((w) => <li key={w.id}><Link href={`/console/programs/walks/${w.id}`}>{w.title}</Link> · {day(w.dueFrom)} – {day(w.dueTo)}{w.overdue ? ` · ${k('overdue')}` : ''}</li>)}</ul>
        </>
      )}
      <h2>{k('problems')}</h2>
      {!c.problems ? <p>{k('notInstalled')}</p> : c.problems.open.length === 0 ? <p>{k('noProblems')}</p> : (
        <ul className="usa-list">{c.problems.open.map((p) => <li key={p.id}><Link href={`/console/programs/problems/${p.id}`}>{p.title}</Link> · {p.areaName ?? '—'} · {t(`programs.icap.stages.${p.stage}`)}</li>)}</ul>
      )}
      <h2>{k('tips')}</h2>
      {!c.tips ? <p>{k('notInstalled')}</p> : <p>{k('tipsText', { week: c.tips.lastWeek, d28: c.tips.last28, prior: c.tips.prior28 })}</p>}
    </article>
  );
}

/** Risk zones as circles and hot-spot cells as squares (drawn as areas), the zones' shootings as points. */
function mapLayers(c: BriefingContent, zoneName: string, cellName: string): { zones: AreaCollection; shootings: IncidentCollection } {
  const active = c.riskZones.filter((z) => z.active);
  // District outlines give the map its landmarks when there is no tile server.
  const districts = c.districts.map((d, i) => ({ type: 'Feature' as const, id: 20_000 + i, geometry: d.geometry as AreaCollection['features'][number]['geometry'], properties: { id: 20_000 + i, kind: 'district', name: d.name, code: null } }));
  const cells = c.hotSpots.map((h, i) => {
    const dLat = h.cellSize / 2 / 110_574;
    const dLon = h.cellSize / 2 / (111_320 * Math.cos((h.lat * Math.PI) / 180));
    const ring = [[h.lon - dLon, h.lat - dLat], [h.lon + dLon, h.lat - dLat], [h.lon + dLon, h.lat + dLat], [h.lon - dLon, h.lat + dLat], [h.lon - dLon, h.lat - dLat]];
    return { type: 'Feature' as const, id: 10_000 + i, geometry: { type: 'Polygon' as const, coordinates: [ring] }, properties: { id: 10_000 + i, kind: 'custom', name: cellName, code: null } };
  });
  return {
    zones: { type: 'FeatureCollection', features: [...districts, ...active.map((z, i) => ({ type: 'Feature' as const, id: i + 1, geometry: circlePolygon(z.lon, z.lat, z.radiusM), properties: { id: i + 1, kind: 'custom', name: zoneName, code: null } })), ...cells] },
    shootings: { type: 'FeatureCollection', features: active.map((z) => ({ type: 'Feature', id: z.incidentId, geometry: { type: 'Point', coordinates: [z.lon, z.lat] }, properties: { id: z.incidentId, category: z.category, occurredAt: z.occurredAt, hundredBlock: z.hundredBlock, offenseText: null } })) },
  };
}
