/**
 * /results: what the community programs achieved, from each registered program's own figures (GET
 * /api/public/results). A program that is not installed simply is not listed.
 */
import { useI18n } from '../i18n/index.js';
import { useDocumentTitle } from '../router.js';
import { useAsync } from '../hooks/useAsync.js';
import { ErrorAlert, Loading } from '../components/Alerts.js';
import { BarChart } from './charts/BarChart.js';
import { PortalLayout } from './PortalLayout.js';
import { publicApi, type ProgramResults } from './publicApi.js';
import './portal.css';

export function ResultsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('publicPages.results.documentTitle'));
  const results = useAsync(() => publicApi.results(), []);
  return (
    <PortalLayout>
      <h1>{t('publicPages.results.title')}</h1>
      <p className="usa-intro">{t('publicPages.results.intro')}</p>
      {results.loading && !results.data && <Loading />}
      <ErrorAlert error={results.error} />
      {results.data?.length === 0 && <p>{t('publicPages.results.none')}</p>}
      {results.data?.map((program) => <ProgramSection key={program.id} program={program} />)}
      {results.data && results.data.length > 0 && (
        <p className="margin-top-4">
          <a href="/api/public/results?format=csv" download data-testid="results-csv">{t('publicPages.results.download')}</a>
        </p>
      )}
    </PortalLayout>
  );
}

function ProgramSection({ program }: { program: ProgramResults }) {
  const { t, pick, formatNumber } = useI18n();
  const name = pick(program.name);
  const headingId = `results-${program.id}`;
  return (
    <section className="bridges-results-program" aria-labelledby={headingId} data-testid={`results-${program.id}`}>
      <h2 id={headingId}>{name}</h2>
      <p>{pick(program.summary)}</p>
      <ul className="bridges-figure-list">
        {program.stats.map((stat) => (
          <li key={stat.key} data-testid={`figure-${program.id}-${stat.key}`}>
            <span className="bridges-figure-list__value">{formatNumber(stat.value)}</span>
            {pick(stat.label)}
          </li>
        ))}
      </ul>
      {program.stats.length > 1 && (
        <BarChart
          title={t('publicPages.results.chartTitle', { program: name })}
          summary={program.stats.map((s) => `${pick(s.label)}: ${formatNumber(s.value)}`).join('; ')}
          bars={program.stats.map((s) => ({ label: pick(s.label), value: s.value }))}
          labelHeading={t('publicPages.results.figure')}
          valueHeading={t('publicPages.results.value')}
        />
      )}
    </section>
  );
}
