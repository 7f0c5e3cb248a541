/**
 * CompStat: the last 7 days, 28 days and year to date against the same periods a year earlier, by
 * category, city-wide and per area. The page prints cleanly (analysis.css hides everything but the report).
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../hooks/useAsync.js';
import { useCategories } from '../../hooks/useCategories.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { useSession } from '../session.js';
import { analysisApi, EMPTY_FILTER, filterQuery, type AnalysisFilter, type CompstatReport } from './api.js';
import { FilterFields } from './FilterFields.js';
import { RunButton } from './RunButton.js';
import { useRun } from './useRun.js';

const AREA_KINDS = ['district', 'neighborhood', 'beat', 'none'];

export function CompstatView() {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const { user } = useSession();
  const categories = useCategories();
  const areas = useAsync(() => api.areas(), []);
  const [filter, setFilter] = useState<AnalysisFilter>(EMPTY_FILTER);
  const [date, setDate] = useState('');
  const [areaKind, setAreaKind] = useState('district');
  const result = useRun<CompstatReport>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = { ...filterQuery(filter, false), date: date || undefined, areaKind };
    result.run(() => analysisApi.compstat(query));
  };
  const report = result.data;
  const day = (iso: string) => formatDate(`${iso}T12:00:00`, { dateStyle: 'medium' });
  const span = (p: [string, string]) => t('analysis.compstat.span', { from: day(p[0]), to: day(p[1]) });
  const change = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);
  const category = (code: string) => (code === 'all' ? t('analysis.compstat.allCategories') : categories.label(code));
  const areaName = (name: string) => (name === 'All' ? t('analysis.compstat.citywide') : name);

  return (
    <>
      <form className="usa-form usa-form--large bridges-analysis__form bridges-no-print" onSubmit={submit} data-testid="compstat-form">
        <FilterFields id="compstat" filter={filter} onChange={setFilter} categories={categories.categories} areas={areas.data} dates={false} />
        <fieldset className="usa-fieldset bridges-analysis__fieldset">
          <legend className="usa-legend usa-legend--large">{t('analysis.params')}</legend>
          <div className="bridges-filters__row">
            <div>
              <label className="usa-label" htmlFor="compstat-date">{t('analysis.compstat.date')}</label>
              <span className="usa-hint" id="compstat-date-hint">{t('analysis.compstat.dateHint')}</span>
              <input className="usa-input" id="compstat-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-describedby="compstat-date-hint" />
            </div>
            <div>
              <label className="usa-label" htmlFor="compstat-kind">{t('analysis.compstat.areaKind')}</label>
              <select className="usa-select" id="compstat-kind" value={areaKind} onChange={(e) => setAreaKind(e.target.value)}>
                {AREA_KINDS.map((k) => <option key={k} value={k}>{k === 'none' ? t('analysis.compstat.citywideOnly') : t(`areas.kinds.${k}`)}</option>)}
              </select>
            </div>
          </div>
        </fieldset>
        <RunButton running={result.running} />
      </form>
      <ErrorAlert error={categories.error ?? areas.error ?? result.error} />
      {report && (
        <section className="bridges-compstat" aria-labelledby="compstat-heading" data-testid="compstat-result">
          <div className="bridges-compstat__head">
            <h2 id="compstat-heading">{t('analysis.compstat.heading', { agency: user?.agency.name ?? '', date: day(report.days.week.current[1]) })}</h2>
            <button type="button" className="usa-button usa-button--outline bridges-no-print" onClick={() => window.print()}>{t('analysis.compstat.print')}</button>
          </div>
          <p>
            {t('analysis.compstat.periods', {
              week: span(report.days.week.current), weekPrior: span(report.days.week.prior),
              days28: span(report.days.days28.current), days28Prior: span(report.days.days28.prior),
              ytd: span(report.days.ytd.current), ytdPrior: span(report.days.ytd.prior),
            })}
          </p>
          <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-labelledby="compstat-heading">
            <table className="usa-table usa-table--compact usa-table--striped bridges-compstat__table" data-testid="compstat-table">
              <thead>
                <tr>
                  <td />
                  <th scope="colgroup" colSpan={3}>{t('analysis.compstat.week')}</th>
                  <th scope="colgroup" colSpan={3}>{t('analysis.compstat.days28')}</th>
                  <th scope="colgroup" colSpan={3}>{t('analysis.compstat.ytd')}</th>
                </tr>
                <tr>
                  <th scope="col">{t('analysis.compstat.category')}</th>
                  {[0, 1, 2].map((k) => [
                    <th scope="col" className="text-right" key={`c${k}`}>{t('analysis.compstat.current')}</th>,
                    <th scope="col" className="text-right" key={`p${k}`}>{t('analysis.compstat.prior')}</th>,
                    <th scope="col" className="text-right" key={`d${k}`}>{t('analysis.compstat.change')}</th>,
                  ])}
                </tr>
              </thead>
              {[...new Set(report.rows.map((r) => r.area))].map((area) => (
                <tbody key={area}>
                  <tr className="bridges-compstat__area">
                    <th scope="rowgroup" colSpan={10}>{areaName(area)}</th>
                  </tr>
                  {report.rows.filter((r) => r.area === area).map((r) => (
                    <tr key={r.category}>
                      <th scope="row">{category(r.category)}</th>
                      <td className="text-right">{formatNumber(r.week)}</td>
                      <td className="text-right">{formatNumber(r.weekPrior)}</td>
                      <td className="text-right">{change(r.weekChange)}</td>
                      <td className="text-right">{formatNumber(r.days28)}</td>
                      <td className="text-right">{formatNumber(r.days28Prior)}</td>
                      <td className="text-right">{change(r.days28Change)}</td>
                      <td className="text-right">{formatNumber(r.ytd)}</td>
                      <td className="text-right">{formatNumber(r.ytdPrior)}</td>
                      <td className="text-right">{change(r.ytdChange)}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        </section>
      )}
    </>
  );
}
