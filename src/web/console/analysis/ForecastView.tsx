/** Forecast: the chosen model's most likely cells for the coming days, on the map and as a ranked table. */
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../hooks/useAsync.js';
import { useCategories } from '../../hooks/useCategories.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { outlineAreas } from '../areas/areaKinds.js';
import { analysisApi, EMPTY_FILTER, filterQuery, type AnalysisFilter, type CellCollection } from './api.js';
import { FilterFields } from './FilterFields.js';
import { CellMap } from './CellMap.js';
import { CellLegend } from './CellLegend.js';
import { TOP_SHARE_COLORS } from './palettes.js';
import { cellCentre, significant } from './cells.js';
import { RunButton } from './RunButton.js';
import { useRun } from './useRun.js';

const TOP_SHARES = ['0.01', '0.05', '0.1'];
/** The classes a top share contains: top 1% is class 4 alone, top 5% adds class 3, top 10% class 2. */
const LOWEST_CLASS: Record<string, number> = { '0.01': 4, '0.05': 3, '0.1': 2 };

export function ForecastView() {
  const { t, locale, formatNumber, formatDate } = useI18n();
  const categories = useCategories();
  const areas = useAsync(() => api.areas(), []);
  const models = useAsync(() => analysisApi.models(), []);
  const [filter, setFilter] = useState<AnalysisFilter>(EMPTY_FILTER);
  const [model, setModel] = useState('bridges');
  const [cell, setCell] = useState('150');
  const [horizon, setHorizon] = useState('7');
  const [at, setAt] = useState('');
  const [top, setTop] = useState('0.05');
  const result = useRun<{ cells: CellCollection; areaId: string; top: string }>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = { ...filterQuery(filter), model, cell, horizonDays: horizon, at: at || undefined, top };
    const context = { areaId: filter.areaId, top };
    result.run(async () => ({ ...context, cells: await analysisApi.forecast(query) }));
  };

  const data = result.data;
  const meta = data?.cells.analysis;
  const ranked = useMemo(() => (data ? [...data.cells.features].sort((a, b) => (a.properties.rank ?? 0) - (b.properties.rank ?? 0)).slice(0, 20) : []), [data]);
  const outlines = useMemo(() => outlineAreas(areas.data, data?.areaId ? Number(data.areaId) : undefined), [areas.data, data?.areaId]);
  const description = models.data?.find((m) => m.name === model)?.description;
  const day = (iso: string) => formatDate(`${iso}T12:00:00`, { dateStyle: 'medium' });
  const lastDay = meta?.to ? new Date(Date.parse(`${meta.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : undefined;

  return (
    <div className="bridges-analysis__layout">
      <form className="usa-form bridges-analysis__form bridges-analysis__side" onSubmit={submit} data-testid="forecast-form">
        <FilterFields id="forecast" filter={filter} onChange={setFilter} categories={categories.categories} areas={areas.data} />
        <fieldset className="usa-fieldset bridges-analysis__fieldset">
          <legend className="usa-legend usa-legend--large">{t('analysis.params')}</legend>
          <div className="bridges-filters__row">
            <div>
              <label className="usa-label" htmlFor="forecast-model">{t('analysis.forecast.model')}</label>
              <select className="usa-select" id="forecast-model" value={model} onChange={(e) => setModel(e.target.value)} aria-describedby="forecast-model-hint">
                {(models.data ?? [{ name: 'bridges', description: '' }]).map((m) => <option key={m.name} value={m.name}>{m.name}</option>)}
              </select>
              {description && <span className="usa-hint" id="forecast-model-hint">{description}</span>}
            </div>
            <div>
              <label className="usa-label" htmlFor="forecast-at">{t('analysis.forecast.at')}</label>
              <span className="usa-hint" id="forecast-at-hint">{t('analysis.forecast.atHint')}</span>
              <input className="usa-input" id="forecast-at" type="date" value={at} onChange={(e) => setAt(e.target.value)} aria-describedby="forecast-at-hint" />
            </div>
            <div>
              <label className="usa-label" htmlFor="forecast-horizon">{t('analysis.forecast.horizon')}</label>
              <input className="usa-input" id="forecast-horizon" type="number" min={1} max={366} required value={horizon} onChange={(e) => setHorizon(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="forecast-cell">{t('analysis.cell')}</label>
              <input className="usa-input" id="forecast-cell" type="number" min={10} max={10000} required value={cell} onChange={(e) => setCell(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="forecast-top">{t('analysis.forecast.top')}</label>
              <select className="usa-select" id="forecast-top" value={top} onChange={(e) => setTop(e.target.value)}>
                {TOP_SHARES.map((s) => <option key={s} value={s}>{t('analysis.forecast.topShare', { pct: Number(s) * 100 })}</option>)}
              </select>
            </div>
          </div>
        </fieldset>
        <RunButton running={result.running} />
      </form>
      <div className="bridges-analysis__main">
        <ErrorAlert error={categories.error ?? areas.error ?? models.error ?? result.error} />
        {meta && (
          <p className="bridges-analysis__summary" role="status" data-testid="forecast-summary">
            {t('analysis.forecast.summary', {
              model: meta.model ?? '', from: day(meta.from!), to: day(lastDay!), n: formatNumber(meta.trainingEvents ?? 0),
              pct: Number(data!.top) * 100, cells: formatNumber(data!.cells.features.length), total: formatNumber(meta.studyAreaCells),
            })}
          </p>
        )}
        <CellMap cells={data?.cells} classLayer="class" colors={TOP_SHARE_COLORS} outlines={outlines} label={t('analysis.forecast.mapLabel')} describedBy="forecast-map-note" />
        {meta?.classes && <CellLegend classes={meta.classes.filter((c) => c.value >= LOWEST_CLASS[data!.top])} colors={TOP_SHARE_COLORS} />}
        <p id="forecast-map-note" className="usa-hint">{t('analysis.forecast.mapNote')}</p>
        {data && (
          <table className="usa-table usa-table--compact usa-table--striped" data-testid="forecast-table">
            <caption>{t('analysis.forecast.tableCaption', { n: ranked.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analysis.columns.rank')}</th>
                <th scope="col">{t('analysis.columns.place')}</th>
                <th scope="col" className="text-right">{t('analysis.columns.share')}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((feature) => {
                const [lon, lat] = cellCentre(feature);
                return (
                  <tr key={feature.properties.cell}>
                    <th scope="row">{feature.properties.rank}</th>
                    <td>{`${lat.toFixed(5)}, ${lon.toFixed(5)}`}</td>
                    <td className="text-right">{significant(feature.properties.share, locale)}%</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
