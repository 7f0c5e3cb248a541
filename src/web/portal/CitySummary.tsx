import { api } from '../api/client.js';
import type { AgencySummary } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { useAsync } from '../hooks/useAsync.js';
import { ErrorAlert, Loading } from '../components/Alerts.js';

/**
 * City-wide counts by category: the last 28 days against the 28 before, per agency. Counts only, never
 * locations — that is what the public summary endpoint guarantees, and all this view could show.
 */
export function CitySummary() {
  const { t } = useI18n();
  const summary = useAsync(() => api.publicSummary(), []);
  return (
    <section aria-labelledby="summary-heading" className="margin-y-4">
      <h2 id="summary-heading">{t('portal.summary.heading')}</h2>
      <p>{t('portal.summary.intro')}</p>
      {summary.loading && !summary.data && <Loading />}
      <ErrorAlert error={summary.error} />
      {summary.data && summary.data.agencies.length === 0 && <p>{t('portal.summary.none')}</p>}
      {summary.data?.agencies.map((agency) => <AgencyTable key={agency.slug} agency={agency} />)}
    </section>
  );
}

function AgencyTable({ agency }: { agency: AgencySummary }) {
  const { t, pick, formatDate, formatNumber } = useI18n();
  // Categories with nothing in either period would only lengthen the table.
  const rows = agency.categories.filter((c) => c.current > 0 || c.previous > 0).sort((a, b) => b.current - a.current || b.previous - a.previous);
  // currentEnd is an exclusive bound; the period a reader understands ends the day before.
  const lastDay = new Date(new Date(agency.currentEnd).getTime() - 1);
  const period = t('portal.summary.period', {
    start: formatDate(agency.currentStart, { dateStyle: 'long' }),
    end: formatDate(lastDay, { dateStyle: 'long' }),
  });
  const totalCurrent = rows.reduce((sum, c) => sum + c.current, 0);
  const totalPrevious = rows.reduce((sum, c) => sum + c.previous, 0);
  const compare = agency.comparable;
  return (
    <div className="margin-y-3" data-testid={`summary-${agency.slug}`}>
      <h3>{agency.name}</h3>
      {!compare && rows.length > 0 && <p>{t('portal.summary.noComparison', { start: formatDate(agency.dataStart, { dateStyle: 'long' }) })}</p>}
      {rows.length === 0 ? (
        <p>{t('portal.summary.quiet', { period })}</p>
      ) : (
        <div className="usa-table-container--scrollable" tabIndex={0}>
          <table className="usa-table usa-table--striped usa-table--compact">
            <caption>{period}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal.summary.category')}</th>
                <th scope="col" className="text-right">{t('portal.summary.current', { days: agency.periodDays })}</th>
                {compare && <th scope="col" className="text-right">{t('portal.summary.previous', { days: agency.periodDays })}</th>}
                {compare && <th scope="col">{t('portal.summary.change')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{pick(c.label)}</th>
                  <td className="text-right">{formatNumber(c.current)}</td>
                  {compare && <td className="text-right">{formatNumber(c.previous)}</td>}
                  {compare && <td>{describeChange(t, c.current - c.previous)}</td>}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('portal.summary.total')}</th>
                <td className="text-right">{formatNumber(totalCurrent)}</td>
                {compare && <td className="text-right">{formatNumber(totalPrevious)}</td>}
                {compare && <td>{describeChange(t, totalCurrent - totalPrevious)}</td>}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}

/** Words rather than arrows or colour alone: "3 more", "2 fewer", "no change". */
function describeChange(t: (key: string, vars?: Record<string, number>) => string, difference: number): string {
  if (difference > 0) return t('portal.summary.more', { n: difference });
  if (difference < 0) return t('portal.summary.fewer', { n: -difference });
  return t('portal.summary.same');
}
