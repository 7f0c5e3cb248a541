/** Near repeat: the Knox test with the Near Repeat Calculator's parameters, its table and its reading. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../hooks/useAsync.js';
import { useCategories } from '../../hooks/useCategories.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { analysisApi, EMPTY_FILTER, filterQuery, type AnalysisFilter, type NearRepeatReport } from './api.js';
import { FilterFields } from './FilterFields.js';
import { KnoxTable } from './KnoxTable.js';
import { knoxSentences } from './knoxText.js';
import { RunButton } from './RunButton.js';
import { useRun } from './useRun.js';

export function NearRepeatView() {
  const { t } = useI18n();
  const categories = useCategories();
  const areas = useAsync(() => api.areas(), []);
  const [filter, setFilter] = useState<AnalysisFilter>(EMPTY_FILTER);
  const [distanceBands, setDistanceBands] = useState('100,200,300');
  const [timeBands, setTimeBands] = useState('2,4');
  const [iterations, setIterations] = useState('999');
  const [seed, setSeed] = useState('1');
  const [metric, setMetric] = useState('euclidean');
  const [nrc, setNrc] = useState(false);
  const result = useRun<NearRepeatReport>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = { ...filterQuery(filter), distanceBands, timeBands, iterations, seed, metric, nrcCompatible: String(nrc) };
    result.run(() => analysisApi.nearRepeat(query));
  };

  return (
    <>
      <form className="usa-form usa-form--large bridges-analysis__form" onSubmit={submit} data-testid="near-repeat-form">
        <FilterFields id="near-repeat" filter={filter} onChange={setFilter} categories={categories.categories} areas={areas.data} />
        <fieldset className="usa-fieldset bridges-analysis__fieldset">
          <legend className="usa-legend usa-legend--large">{t('analysis.params')}</legend>
          <div className="bridges-filters__row">
            <div>
              <label className="usa-label" htmlFor="nr-distance">{t('analysis.nearRepeat.distanceBands')}</label>
              <span className="usa-hint" id="nr-distance-hint">{t('analysis.nearRepeat.distanceHint')}</span>
              <input className="usa-input" id="nr-distance" required pattern="[0-9.]+(,[0-9.]+)*" value={distanceBands} aria-describedby="nr-distance-hint" onChange={(e) => setDistanceBands(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="nr-time">{t('analysis.nearRepeat.timeBands')}</label>
              <span className="usa-hint" id="nr-time-hint">{t('analysis.nearRepeat.timeHint')}</span>
              <input className="usa-input" id="nr-time" required pattern="[0-9.]+(,[0-9.]+)*" value={timeBands} aria-describedby="nr-time-hint" onChange={(e) => setTimeBands(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="nr-iterations">{t('analysis.nearRepeat.iterations')}</label>
              <input className="usa-input" id="nr-iterations" type="number" min={1} max={9999} required value={iterations} onChange={(e) => setIterations(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="nr-seed">{t('analysis.nearRepeat.seed')}</label>
              <input className="usa-input" id="nr-seed" type="number" min={0} required value={seed} onChange={(e) => setSeed(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="nr-metric">{t('analysis.nearRepeat.metric')}</label>
              <select className="usa-select" id="nr-metric" value={metric} onChange={(e) => setMetric(e.target.value)}>
                <option value="euclidean">{t('analysis.nearRepeat.metrics.euclidean')}</option>
                <option value="manhattan">{t('analysis.nearRepeat.metrics.manhattan')}</option>
              </select>
            </div>
          </div>
          <div className="usa-checkbox">
            <input className="usa-checkbox__input" id="nr-nrc" type="checkbox" checked={nrc} onChange={(e) => setNrc(e.target.checked)} />
            <label className="usa-checkbox__label" htmlFor="nr-nrc">{t('analysis.nearRepeat.nrc')}</label>
          </div>
        </fieldset>
        <RunButton running={result.running} />
      </form>
      <ErrorAlert error={categories.error ?? areas.error ?? result.error} />
      {result.data && (
        <section aria-labelledby="knox-heading" data-testid="near-repeat-result">
          <h2 id="knox-heading">{t('analysis.nearRepeat.heading')}</h2>
          <KnoxTable report={result.data} />
          <h2>{t('analysis.nearRepeat.summaryHeading')}</h2>
          <ul className="usa-list" data-testid="near-repeat-summary">
            {knoxSentences(result.data, t).map((sentence) => <li key={sentence}>{sentence}</li>)}
          </ul>
        </section>
      )}
    </>
  );
}
