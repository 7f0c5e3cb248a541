/**
 * Backtest: each chosen model forecast at every step of a past period and scored on what happened next.
 * A summary table per model, the hit rate step by step as a chart, and the chart's data as a table.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../hooks/useAsync.js';
import { useCategories } from '../../hooks/useCategories.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { analysisApi, EMPTY_FILTER, filterQuery, type AnalysisFilter, type BacktestReport } from './api.js';
import { FilterFields } from './FilterFields.js';
import { HitRateChart } from './HitRateChart.js';
import { RunButton } from './RunButton.js';
import { useRun } from './useRun.js';

const DEFAULT_MODELS = ['retrospective', 'prospective', 'kde-decay', 'bridges'];

export function BacktestView() {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const categories = useCategories();
  const areas = useAsync(() => api.areas(), []);
  const models = useAsync(() => analysisApi.models(), []);
  const [filter, setFilter] = useState<AnalysisFilter>(EMPTY_FILTER);
  const [chosen, setChosen] = useState<string[]>(DEFAULT_MODELS);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [horizon, setHorizon] = useState('7');
  const [train, setTrain] = useState('365');
  const [cell, setCell] = useState('150');
  const [fullHistory, setFullHistory] = useState(false);
  const [coverageIndex, setCoverageIndex] = useState(0);
  const result = useRun<BacktestReport[]>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = { ...filterQuery(filter, false), model: chosen.join(','), from: from || undefined, to: to || undefined, horizonDays: horizon, trainDays: train, cell, fullHistory: fullHistory ? 'true' : undefined };
    result.run(async () => (await analysisApi.backtest(query)).models);
  };
  const toggle = (name: string, on: boolean) => setChosen((c) => (on ? [...c, name] : c.filter((m) => m !== name)));
  const reports = result.data;
  const coverage = reports?.[0]?.coverage ?? [];
  const pct = (v: number) => `${(v * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
  const share = (v: number) => `${(v * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
  const num = (v: number, d: number) => v.toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d });
  const day = (iso: string) => formatDate(`${iso}T12:00:00`, { dateStyle: 'medium' });

  return (
    <>
      <form className="usa-form usa-form--large bridges-analysis__form" onSubmit={submit} data-testid="backtest-form">
        <FilterFields id="backtest" filter={filter} onChange={setFilter} categories={categories.categories} areas={areas.data} dates={false} />
        <fieldset className="usa-fieldset bridges-analysis__fieldset">
          <legend className="usa-legend usa-legend--large">{t('analysis.backtest.models')}</legend>
          <div className="bridges-checkbox-grid">
            {(models.data ?? []).map((m) => (
              <div className="usa-checkbox" key={m.name}>
                <input className="usa-checkbox__input" type="checkbox" id={`backtest-model-${m.name}`} checked={chosen.includes(m.name)} onChange={(e) => toggle(m.name, e.target.checked)} />
                <label className="usa-checkbox__label" htmlFor={`backtest-model-${m.name}`}>
                  {m.name}
                  <span className="usa-checkbox__label-description">{m.description}</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="usa-fieldset bridges-analysis__fieldset">
          <legend className="usa-legend usa-legend--large">{t('analysis.params')}</legend>
          <div className="bridges-filters__row">
            <div>
              <label className="usa-label" htmlFor="backtest-from">{t('analysis.backtest.from')}</label>
              <input className="usa-input" id="backtest-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="backtest-to">{t('analysis.backtest.to')}</label>
              <input className="usa-input" id="backtest-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="backtest-horizon">{t('analysis.backtest.horizon')}</label>
              <input className="usa-input" id="backtest-horizon" type="number" min={1} max={366} required value={horizon} onChange={(e) => setHorizon(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="backtest-train">{t('analysis.backtest.train')}</label>
              <input className="usa-input" id="backtest-train" type="number" min={7} required value={train} onChange={(e) => setTrain(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="backtest-cell">{t('analysis.cell')}</label>
              <input className="usa-input" id="backtest-cell" type="number" min={10} max={10000} required value={cell} onChange={(e) => setCell(e.target.value)} />
            </div>
          </div>
          <div className="usa-checkbox margin-top-2">
            <input className="usa-checkbox__input" type="checkbox" id="backtest-full-history" checked={fullHistory} onChange={(e) => setFullHistory(e.target.checked)} />
            <label className="usa-checkbox__label" htmlFor="backtest-full-history">
              {t('analysis.backtest.fullHistory')}
              <span className="usa-checkbox__label-description">{t('analysis.backtest.fullHistoryHint')}</span>
            </label>
          </div>
          <p className="usa-hint">{t('analysis.backtest.periodHint')}</p>
        </fieldset>
        <RunButton running={result.running} />
      </form>
      <ErrorAlert error={categories.error ?? areas.error ?? models.error ?? result.error} />
      {reports && reports.length > 0 && (
        <section aria-labelledby="backtest-summary-heading" data-testid="backtest-result">
          <h2 id="backtest-summary-heading">{t('analysis.backtest.summaryHeading')}</h2>
          <p>{t('analysis.backtest.summaryNote', { steps: reports[0].steps.length, from: day(reports[0].steps[0].start), to: day(reports[0].steps[reports[0].steps.length - 1].start), days: reports[0].horizonDays, cells: formatNumber(reports[0].studyAreaCells), cell: reports[0].cellSize })}</p>
          <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-labelledby="backtest-summary-heading">
            <table className="usa-table usa-table--compact usa-table--striped" data-testid="backtest-table">
              <thead>
                <tr>
                  <th scope="col">{t('analysis.backtest.model')}</th>
                  {coverage.map((c) => <th scope="col" className="text-right" key={`h${c}`}>{t('analysis.backtest.hitRate', { share: share(c) })}</th>)}
                  {coverage.map((c) => <th scope="col" className="text-right" key={`p${c}`}>{t('analysis.backtest.pai', { share: share(c) })}</th>)}
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.model}>
                    <th scope="row">{r.model}<span className="bridges-muted"> — {r.modelName}</span></th>
                    {r.comparison.hitRate.map((h, j) => (
                      <td className="text-right" key={`h${j}`}>
                        {pct(h.mean)}
                        {r.scoredSteps >= 2 && <span className="bridges-muted display-block font-body-3xs">{t('analysis.backtest.interval', { low: pct(h.low), high: pct(h.high) })}</span>}
                      </td>
                    ))}
                    {r.mean.pai.map((v, j) => <td className="text-right" key={`p${j}`}>{num(v, 1)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {reports.length > 1 && reports[0].scoredSteps >= 2 && <BacktestComparison reports={reports} share={share} />}
          <h2>{t('analysis.backtest.chartHeading')}</h2>
          <div className="usa-form-group">
            <label className="usa-label" htmlFor="backtest-coverage">{t('analysis.backtest.coverage')}</label>
            <select className="usa-select bridges-analysis__select" id="backtest-coverage" value={coverageIndex} onChange={(e) => setCoverageIndex(Number(e.target.value))}>
              {coverage.map((c, j) => <option key={c} value={j}>{share(c)}</option>)}
            </select>
          </div>
          <HitRateChart reports={reports} coverageIndex={coverageIndex} titleId="hit-rate-title" />
          <details className="bridges-details">
            <summary>{t('analysis.backtest.dataTable')}</summary>
            <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={t('analysis.backtest.dataTable')}>
              <table className="usa-table usa-table--compact" data-testid="backtest-steps">
                <thead>
                  <tr>
                    <th scope="col">{t('analysis.backtest.step')}</th>
                    <th scope="col" className="text-right">{t('analysis.backtest.incidents')}</th>
                    {reports.map((r) => <th scope="col" className="text-right" key={r.model}>{r.model}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {reports[0].steps.map((s, i) => (
                    <tr key={s.start}>
                      <th scope="row">{day(s.start)}</th>
                      <td className="text-right">{s.events}</td>
                      {reports.map((r) => <td className="text-right" key={r.model}>{pct(r.steps[i].hitRate[coverageIndex])}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      )}
    </>
  );
}

/**
 * Per share of the area: the best model, and every other model's paired difference from it with a 95%
 * interval, so an analyst does not pick a model on a difference the period cannot show.
 */
function BacktestComparison({ reports, share }: { reports: BacktestReport[]; share: (v: number) => string }) {
  const { t, locale } = useI18n();
  const points = (v: number) => (v * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const coverage = reports[0].coverage;
  return (
    <>
      <h2 id="backtest-compare-heading">{t('analysis.backtest.compareHeading')}</h2>
      <p>{t('analysis.backtest.compareNote', { steps: reports[0].scoredSteps })}</p>
      <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-labelledby="backtest-compare-heading">
        <table className="usa-table usa-table--compact" data-testid="backtest-compare">
          <thead>
            <tr>
              <th scope="col">{t('analysis.backtest.model')}</th>
              {coverage.map((c) => <th scope="col" key={c}>{t('analysis.backtest.hitRate', { share: share(c) })}</th>)}
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.model}>
                <th scope="row">{r.model}</th>
                {r.comparison.versusBest.map((d, j) => (
                  <td key={j} data-best={d === null ? 'true' : undefined}>
                    {d === null
                      ? <strong>{t('analysis.backtest.best')}</strong>
                      : t('analysis.backtest.difference', { diff: points(d.mean), low: points(d.low), high: points(d.high), verdict: t(d.high < 0 ? 'analysis.backtest.lower' : 'analysis.backtest.notApart') })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
