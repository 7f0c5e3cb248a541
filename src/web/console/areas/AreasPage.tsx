/** Areas: the agency's beats, districts, neighborhoods… on a map, and as tables with their incident counts. */
import { useState } from 'react';
import { api, type AreaCollection } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { useDocumentTitle } from '../../router.js';
import { useAsync } from '../../hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../components/Alerts.js';
import { IncidentMap } from '../../components/IncidentMap.js';
import { MapLegend } from '../../components/map/MapLegend.js';
import { ConsoleLayout } from '../ConsoleLayout.js';
import { AREA_KIND_ORDER, byAreaName } from './areaKinds.js';

const NO_VIOLENT: string[] = [];

export function AreasPage() {
  return (
    <ConsoleLayout permission="incidents:read" wide>
      <Areas />
    </ConsoleLayout>
  );
}

function Areas() {
  const { t } = useI18n();
  useDocumentTitle(t('areas.documentTitle'));
  const [kind, setKind] = useState('');
  const all = useAsync(() => api.areas(), []);
  const shown = useAsync(() => api.areas(kind || undefined), [kind]);
  const kinds = AREA_KIND_ORDER.filter((k) => all.data?.features.some((f) => f.properties.kind === k));

  return (
    <>
      <h1>{t('areas.title')}</h1>
      <div className="bridges-filters__row">
        <div>
          <label className="usa-label" htmlFor="area-kind">{t('areas.kindFilter')}</label>
          <select className="usa-select" id="area-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('areas.allKinds')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>{t(`areas.kinds.${k}`)}</option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={all.error ?? shown.error} />
      <div className="bridges-split">
        <div className="bridges-split__map">
          <IncidentMap areas={shown.data} shadeAreas violentCategories={NO_VIOLENT} categoryLabel={(c) => c} label={t('areas.mapLabel')} describedBy="areas-map-note" />
          <MapLegend showIncidents={false} shadedAreas />
          <p id="areas-map-note" className="usa-hint">{t('areas.mapNote')}</p>
        </div>
        <div className="bridges-split__list">
          {shown.loading && !shown.data && <Loading />}
          {shown.data && shown.data.features.length === 0 && <p>{t('areas.none')}</p>}
          {shown.data && <AreaTables areas={shown.data} />}
        </div>
      </div>
    </>
  );
}

function AreaTables({ areas }: { areas: AreaCollection }) {
  const { t, formatNumber } = useI18n();
  return (
    <>
      {AREA_KIND_ORDER.map((kind) => {
        const rows = areas.features.filter((f) => f.properties.kind === kind).map((f) => f.properties).sort(byAreaName);
        if (rows.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`areas-${kind}`}>
            <h2 id={`areas-${kind}`}>{t(`areas.kinds.${kind}`)}</h2>
            <table className="usa-table usa-table--compact usa-table--striped width-full" data-testid={`areas-table-${kind}`}>
              <caption className="usa-sr-only">{t('areas.tableCaption', { kind: t(`areas.kinds.${kind}`), n: rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('areas.columns.name')}</th>
                  <th scope="col">{t('areas.columns.code')}</th>
                  <th scope="col" className="text-right">{t('areas.columns.incidents')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((area) => (
                  <tr key={area.id}>
                    <th scope="row">{area.name}</th>
                    <td>{area.code ?? ''}</td>
                    <td className="text-right">{formatNumber(area.incidentCount ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
