/**
 * Incidents: filters on top, the map and the paged list side by side. One filter state drives both, so the
 * count, the points and the rows always describe the same incidents.
 */
import { useMemo, useState } from 'react';
import { api } from '../../api/client.js';
import type { IncidentFilter } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { useDocumentTitle } from '../../router.js';
import { useAsync } from '../../hooks/useAsync.js';
import { useCategories } from '../../hooks/useCategories.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { IncidentMap } from '../../components/IncidentMap.js';
import { MapLegend } from '../../components/map/MapLegend.js';
import { ConsoleLayout } from '../ConsoleLayout.js';
import { useSession } from '../session.js';
import { outlineAreas } from '../areas/areaKinds.js';
import { IncidentFilters } from './IncidentFilters.js';
import { IncidentList } from './IncidentList.js';

const PAGE_SIZE = 50;

export function IncidentsPage() {
  return (
    <ConsoleLayout permission="incidents:read" wide>
      <Incidents />
    </ConsoleLayout>
  );
}

function Incidents() {
  const { t, plural } = useI18n();
  const { user } = useSession();
  useDocumentTitle(t('incidents.documentTitle'));
  const [filter, setFilter] = useState<IncidentFilter>({});
  const [offset, setOffset] = useState(0);
  const categories = useCategories();
  const areas = useAsync(() => api.areas(), []);
  const points = useAsync(() => api.incidentsGeoJson(filter), [filter]);
  const page = useAsync(() => api.incidentPage(filter, { limit: PAGE_SIZE, offset }), [filter, offset]);
  const outlines = useMemo(() => outlineAreas(areas.data, filter.areaId), [areas.data, filter.areaId]);

  const changeFilter = (next: IncidentFilter) => {
    setFilter(next);
    setOffset(0); // a new filter starts again at the first page
  };
  const total = page.data?.total;
  const mapped = points.data?.features.length;
  const loading = points.loading || page.loading;

  return (
    <>
      <h1>{t('incidents.title')}</h1>
      <IncidentFilters filter={filter} onChange={changeFilter} categories={categories.categories} areas={areas.data} />
      <ErrorAlert error={categories.error ?? areas.error ?? points.error ?? page.error} />
      <p className="bridges-count" role="status" aria-live="polite" data-testid="incident-count" data-loading={loading}>
        {total === undefined ? t('common.loading') : plural('incidents.count', total)}
        {loading && total !== undefined && <span className="bridges-muted"> {t('incidents.updating')}</span>}
        {mapped !== undefined && total !== undefined && mapped < total && !loading && (
          <span className="bridges-muted"> {t('incidents.mapLimited', { mapped })}</span>
        )}
      </p>
      <div className="bridges-split">
        <div className="bridges-split__map">
          <IncidentMap
            incidents={points.data}
            areas={outlines}
            violentCategories={categories.violent}
            categoryLabel={categories.label}
            label={t('incidents.mapLabel')}
            describedBy="incident-map-note"
            timeZone={user?.agency.timeZone}
          />
          <MapLegend />
          <p id="incident-map-note" className="usa-hint">{t('incidents.mapNote')}</p>
        </div>
        <div className="bridges-split__list">
          <h2 className="usa-sr-only">{t('incidents.listHeading')}</h2>
          <IncidentList
            page={page.data}
            offset={offset}
            pageSize={PAGE_SIZE}
            onOffset={setOffset}
            categoryLabel={categories.label}
            loading={page.loading}
            timeZone={user?.agency.timeZone}
          />
        </div>
      </div>
    </>
  );
}
