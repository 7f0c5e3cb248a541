/**
 * CompStat for residents: weekly counts this year against last year for one category (or all), and the
 * year-to-date comparison for every category. Counts only; the line chart has a table behind it.
 */
import { useId, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { useAsync } from '../hooks/useAsync.js';
import { ErrorAlert, Loading } from '../components/Alerts.js';
import { LineChart } from './charts/LineChart.js';
import { publicApi, type PublicTrends, type TrendSeries } from './publicApi.js';

const WEEK_MS = 7 * 86_400_000;

export function TrendsSection({ agency }: { agency: string }) {
  const { t, pick } = useI18n();
  const selectId = useId();
  const [category, setCategory] = useState('');
  // One request per agency: the chart's category only picks a series from the same answer.
  const trends = useAsync(() => publicApi.trends(agency), [agency]);
  const data = trends.data;
  const series = data && (category ? data.categories.find((c) => c.code === category) : data.total);
  return (
    <section aria-labelledby="trends-heading" className="margin-top-5" data-testid="trends">
      <h2 id="trends-heading">{t('publicPages.trends.heading')}</h2>
      <p>{t('publicPages.trends.intro')}</p>
      {trends.loading && !data && <Loading />}
      <ErrorAlert error={trends.error} />
      {data && (
        <>
          <div className="bridges-filters__row">
            <div>
              <label className="usa-label" htmlFor={selectId}>{t('publicPages.trends.category')}</label>
              <select className="usa-select" id={selectId} value={category} onChange={(e) => setCategory(e.target.value)} data-testid="trend-category">
                <option value="">{t('publicPages.trends.allCategories')}</option>
                {data.categories.map((c) => <option key={c.code} value={c.code}>{pick(c.label)}</option>)}
              </select>
            </div>
          </div>
          {series && <WeeklyChart trends={data} series={series} />}
          <YearToDate trends={data} />
          <p>
            <a href={`/api/public/trends?agency=${encodeURIComponent(agency)}&format=csv`} download data-testid="trends-csv">{t('publicPages.trends.download')}</a>
          </p>
        </>
      )}
    </section>
  );
}

function WeeklyChart({ trends, series }: { trends: PublicTrends; series: TrendSeries }) {
  const { t, pick, formatDate, formatNumber } = useI18n();
  const start = Date.UTC(trends.year, 0, 1);
  const weekStart = (w: number) => new Date(start + w * WEEK_MS);
  const xLabels = series.lastYear.map((_, w) => t('publicPages.trends.week', { n: w + 1, date: formatDate(weekStart(w), { month: 'short', day: 'numeric', timeZone: 'UTC' }) }));
  // A tick under the first week of each month, labelled with the month's short name.
  const xTicks = series.lastYear.map((_, w) => w).filter((w) => w === 0 || weekStart(w).getUTCMonth() !== weekStart(w - 1).getUTCMonth());
  const label = pick(series.label);
  return (
    <LineChart
      testId="trend-chart"
      title={t('publicPages.trends.chartTitle', { category: label, year: String(trends.year), lastYear: String(trends.lastYear) })}
      summary={t('publicPages.trends.chartSummary', {
        category: label, year: String(trends.year), lastYear: String(trends.lastYear), through: formatDate(`${trends.through}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }),
        current: formatNumber(series.ytdThisYear), previous: formatNumber(series.ytdLastYear),
      })}
      xHeading={t('publicPages.trends.weekHeading')}
      xLabels={xLabels}
      xTicks={xTicks}
      tickLabel={(w) => formatDate(weekStart(w), { month: 'short', timeZone: 'UTC' })}
      series={[
        { name: String(trends.lastYear), values: series.lastYear, color: '#71767a', dashed: true },
        { name: String(trends.year), values: series.thisYear, color: '#1a4480' },
      ]}
    />
  );
}

/** Year to date against the same days last year, by category, with the change in words and per cent. */
function YearToDate({ trends }: { trends: PublicTrends }) {
  const { t, pick, formatNumber, formatDate } = useI18n();
  const through = formatDate(`${trends.through}T12:00:00Z`, { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const caption = t('publicPages.trends.ytdCaption', { through, year: String(trends.year), lastYear: String(trends.lastYear) });
  const change = (s: TrendSeries) => {
    const difference = s.ytdThisYear - s.ytdLastYear;
    if (difference === 0) return t('publicPages.trends.same');
    const percent = s.ytdLastYear > 0 ? Math.round((Math.abs(difference) / s.ytdLastYear) * 100) : null;
    const key = difference > 0 ? 'publicPages.trends.up' : 'publicPages.trends.down';
    return percent === null ? t(`${key}New`, { n: formatNumber(Math.abs(difference)) }) : t(key, { n: formatNumber(Math.abs(difference)), percent });
  };
  return (
    <div className="usa-table-container--scrollable margin-top-3" tabIndex={0} role="region" aria-label={caption}>
      <table className="usa-table usa-table--striped usa-table--compact width-full" data-testid="ytd-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('publicPages.crimeMap.columns.category')}</th>
            <th scope="col" className="text-right">{trends.year}</th>
            <th scope="col" className="text-right">{trends.lastYear}</th>
            <th scope="col">{t('publicPages.trends.change')}</th>
          </tr>
        </thead>
        <tbody>
          {trends.categories.map((s) => (
            <tr key={s.code}>
              <th scope="row">{pick(s.label)}</th>
              <td className="text-right">{formatNumber(s.ytdThisYear)}</td>
              <td className="text-right">{formatNumber(s.ytdLastYear)}</td>
              <td>{change(s)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('publicPages.trends.allCategories')}</th>
            <td className="text-right">{formatNumber(trends.total.ytdThisYear)}</td>
            <td className="text-right">{formatNumber(trends.total.ytdLastYear)}</td>
            <td>{change(trends.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
