/**
 * /open-data: every public dataset with its downloads (incidents masked as on the crime map, trends, program
 * results, and what programs publish), incidents year by year, the API description, and the attribution the
 * data's sources ask for.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { useDocumentTitle } from '../router.js';
import { useAsync } from '../hooks/useAsync.js';
import { useConfig } from '../config.js';
import { ErrorAlert, Loading } from '../components/Alerts.js';
import { PortalLayout } from './PortalLayout.js';
import { incidentDownloadUrl, publicApi, type OpenDataset, type PublicAgency } from './publicApi.js';
import './portal.css';

const FORMAT_NAMES = { csv: 'CSV', geojson: 'GeoJSON', json: 'JSON' } as const;

export function OpenDataPage() {
  const { t } = useI18n();
  useDocumentTitle(t('publicPages.openData.documentTitle'));
  const config = useConfig();
  const catalogue = useAsync(() => publicApi.openData(), []);
  const agencies = useAsync(() => publicApi.agencies(), []);
  return (
    <PortalLayout>
      <h1>{t('publicPages.openData.title')}</h1>
      <p className="usa-intro">{t('publicPages.openData.intro')}</p>
      {catalogue.loading && !catalogue.data && <Loading />}
      <ErrorAlert error={catalogue.error ?? agencies.error} />
      {catalogue.data && (
        <section aria-labelledby="datasets-heading">
          <h2 id="datasets-heading">{t('publicPages.openData.datasets')}</h2>
          <ul className="usa-card-group" data-testid="datasets">
            {catalogue.data.datasets.map((dataset) => <DatasetCard key={dataset.id} dataset={dataset} />)}
          </ul>
        </section>
      )}
      {agencies.data && agencies.data.some((a) => a.dataStart) && <IncidentsByYear agencies={agencies.data.filter((a) => a.dataStart)} />}
      {catalogue.data && (
        <section aria-labelledby="api-heading" className="margin-top-4">
          <h2 id="api-heading">{t('publicPages.openData.apiHeading')}</h2>
          <p>{t('publicPages.openData.apiBody')}</p>
          <ul className="usa-list">
            <li><a href={catalogue.data.openApi} data-testid="openapi-link">{t('publicPages.openData.openApi')}</a></li>
            <li><a href={catalogue.data.apiDocs}>{t('publicPages.openData.apiDocs')}</a></li>
          </ul>
        </section>
      )}
      <section aria-labelledby="terms-heading" className="margin-top-4" data-testid="attribution">
        <h2 id="terms-heading">{t('publicPages.openData.termsHeading')}</h2>
        <p>{t('publicPages.openData.masking')}</p>
        <p>{t('publicPages.openData.licence')}</p>
        {config?.demoMode && <p>{t('publicPages.openData.demoAttribution')}</p>}
      </section>
    </PortalLayout>
  );
}

function DatasetCard({ dataset }: { dataset: OpenDataset }) {
  const { t, pick } = useI18n();
  const title = pick(dataset.title);
  return (
    <li className="usa-card tablet:grid-col-6" data-testid={`dataset-${dataset.id}`}>
      <div className="usa-card__container">
        <div className="usa-card__header"><h3 className="usa-card__heading">{title}</h3></div>
        <div className="usa-card__body">
          <p>{pick(dataset.description)}</p>
          <div className="bridges-dataset-formats">
            {(Object.keys(FORMAT_NAMES) as Array<keyof typeof FORMAT_NAMES>).filter((f) => dataset.formats[f]).map((format) => (
              <a key={format} className="usa-button usa-button--outline" href={dataset.formats[format]} download
                aria-label={t('publicPages.openData.downloadAs', { title, format: FORMAT_NAMES[format] })}>
                {FORMAT_NAMES[format]}
              </a>
            ))}
          </div>
        </div>
      </div>
    </li>
  );
}

/** A download per calendar year of records, so a researcher can take everything a year at a time. */
function IncidentsByYear({ agencies }: { agencies: PublicAgency[] }) {
  const { t } = useI18n();
  const [slug, setSlug] = useState(agencies[0].slug);
  const agency = agencies.find((a) => a.slug === slug) ?? agencies[0];
  const first = Number(agency.dataStart!.slice(0, 4));
  const last = Number(agency.dataEnd!.slice(0, 4));
  const years = Array.from({ length: last - first + 1 }, (_, i) => last - i);
  return (
    <section aria-labelledby="years-heading" className="margin-top-4">
      <h2 id="years-heading">{t('publicPages.openData.yearsHeading')}</h2>
      <p>{t('publicPages.openData.yearsIntro')}</p>
      {agencies.length > 1 && (
        <>
          <label className="usa-label" htmlFor="open-data-agency">{t('publicPages.crimeMap.agency')}</label>
          <select className="usa-select" id="open-data-agency" value={slug} onChange={(e) => setSlug(e.target.value)}>
            {agencies.map((a) => <option key={a.slug} value={a.slug}>{a.name}</option>)}
          </select>
        </>
      )}
      <ul className="bridges-year-links" data-testid="year-downloads">
        {years.map((year) => {
          const filter = { agency: agency.slug, from: `${year}-01-01`, to: `${year}-12-31` };
          return (
            <li key={year}>
              {year}:{' '}
              <a href={incidentDownloadUrl(filter, 'csv')} download aria-label={t('publicPages.openData.yearAs', { year: String(year), format: 'CSV' })}>CSV</a>{' · '}
              <a href={incidentDownloadUrl(filter, 'geojson')} download aria-label={t('publicPages.openData.yearAs', { year: String(year), format: 'GeoJSON' })}>GeoJSON</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
