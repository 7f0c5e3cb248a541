/**
 * /crime-map: where and what kind of crime was reported, masked by the server (grid cells of ~150 m,
 * sensitive categories only as neighborhood totals), with the same figures as a table, downloads of
 * exactly what is shown, and this year's trends against last year's.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { useDocumentTitle } from '../router.js';
import { useAsync } from '../hooks/useAsync.js';
import { useCategories } from '../hooks/useCategories.js';
import { ErrorAlert, Loading } from '../components/Alerts.js';
import { PortalLayout } from './PortalLayout.js';
import { CrimeFilters } from './CrimeFilters.js';
import { CrimeCountsTable } from './CrimeCountsTable.js';
import { PublicCrimeMap, SENSITIVE_COLOR } from './PublicCrimeMap.js';
import { TrendsSection } from './TrendsSection.js';
import { incidentDownloadUrl, publicApi, type CrimeFilter, type PublicAgency } from './publicApi.js';
import './portal.css';

export function CrimeMapPage() {
  const { t } = useI18n();
  useDocumentTitle(t('publicPages.crimeMap.documentTitle'));
  const agencies = useAsync(() => publicApi.agencies(), []);
  const [filter, setFilter] = useState<CrimeFilter>({});
  const list = agencies.data ?? [];
  const agency = list.find((a) => a.slug === filter.agency) ?? list.find((a) => a.dataEnd) ?? list[0];
  return (
    <PortalLayout>
      <h1>{t('publicPages.crimeMap.title')}</h1>
      <p className="usa-intro">{t('publicPages.crimeMap.intro')}</p>
      <div className="usa-alert usa-alert--info usa-alert--slim" data-testid="masking-note">
        <div className="usa-alert__body"><p className="usa-alert__text">{t('publicPages.crimeMap.privacy')}</p></div>
      </div>
      {agencies.loading && !agencies.data && <Loading />}
      <ErrorAlert error={agencies.error} />
      {agencies.data && !agency && <p>{t('publicPages.crimeMap.noAgency')}</p>}
      {agency && <AgencyCrime key={agency.slug} agencies={list} agency={agency} filter={{ ...filter, agency: agency.slug }} onFilter={setFilter} />}
    </PortalLayout>
  );
}

interface AgencyCrimeProps {
  agencies: PublicAgency[];
  agency: PublicAgency;
  filter: CrimeFilter;
  onFilter(filter: CrimeFilter): void;
}

function AgencyCrime({ agencies, agency, filter, onFilter }: AgencyCrimeProps) {
  const { t } = useI18n();
  const categories = useCategories();
  const incidents = useAsync(() => publicApi.incidents(filter), [filter.agency, filter.from, filter.to, filter.category, filter.area]);
  const areas = useAsync(() => publicApi.areas(agency.slug), [agency.slug]);
  const data = incidents.data;
  // The period the server chose (latest 90 days by default) fills the date fields and the download links.
  const shown = data ? { ...filter, from: data.metadata.from, to: data.metadata.to } : filter;
  return (
    <>
      {(data || incidents.error) && (
        <CrimeFilters key={`${shown.from}-${shown.to}`} agencies={agencies} agency={agency} areas={areas.data} categories={categories.categories} shown={shown} onApply={onFilter} />
      )}
      <ErrorAlert error={incidents.error} />
      <div className="bridges-crime-layout">
        <div className="bridges-crime-layout__map">
          <PublicCrimeMap incidents={data} areas={areas.data} label={t('publicPages.crimeMap.mapLabel', { name: agency.name })} describedBy="crime-counts-region" />
          <ul className="bridges-legend" aria-label={t('map.legend')}>
            <li><span className="bridges-legend__dot" style={{ background: '#b50909' }} aria-hidden="true" />{t('publicPages.crimeMap.legendViolent')}</li>
            <li><span className="bridges-legend__dot" style={{ background: '#1a4480' }} aria-hidden="true" />{t('publicPages.crimeMap.legendOther')}</li>
            <li><span className="bridges-legend__ring" style={{ borderColor: SENSITIVE_COLOR }} aria-hidden="true" />{t('publicPages.crimeMap.legendSensitive')}</li>
            <li><span className="bridges-legend__line" style={{ borderColor: '#3d4551' }} aria-hidden="true" />{t('publicPages.crimeMap.legendNeighborhood')}</li>
          </ul>
        </div>
        <div className="bridges-crime-layout__table" aria-live="polite" aria-busy={incidents.loading}>
          {incidents.loading && <Loading />}
          {data && <CrimeCountsTable incidents={data} id="crime-counts-region" />}
          {data && (
            <p className="bridges-downloads">
              {t('publicPages.crimeMap.download')}{' '}
              <a href={incidentDownloadUrl(shown, 'csv')} download data-testid="crime-csv">CSV</a>{' · '}
              <a href={incidentDownloadUrl(shown, 'geojson')} download data-testid="crime-geojson">GeoJSON</a>
            </p>
          )}
        </div>
      </div>
      <TrendsSection agency={agency.slug} />
    </>
  );
}
