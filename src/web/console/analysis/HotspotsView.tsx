/**
 * Hot spots: kernel density (cells classed by their share of the city) or Getis–Ord Gi* (cells that are
 * significantly hot or cold), drawn as a cell layer with a legend, and the highest cells as a table.
 */
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
import { GI_COLORS, TOP_SHARE_COLORS } from './palettes.js';
import { cellCentre, significant, topByLayer } from './cells.js';
import { RunButton } from './RunButton.js';
import { useRun } from './useRun.js';

type Method = 'kde' | 'gistar';

export function HotspotsView() {
  const { t, locale, formatNumber } = useI18n();
  const categories = useCategories();
  const areas = useAsync(() => api.areas(), []);
  const [filter, setFilter] = useState<AnalysisFilter>(EMPTY_FILTER);
  const [method, setMethod] = useState<Method>('kde');
  const [kernel, setKernel] = useState('quartic');
  const [bandwidth, setBandwidth] = useState('400');
  const [cell, setCell] = useState('150');
  const [band, setBand] = useState('');
  const result = useRun<{ method: Method; cells: CellCollection; areaId: string }>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const base = { ...filterQuery(filter), cell };
    const chosen = method;
    const areaId = filter.areaId;
    result.run(async () => ({
      method: chosen,
      areaId,
      // The map draws the top 20% of KDE cells and the significant Gi* cells; the rest would be blank.
      cells: chosen === 'kde'
        ? await analysisApi.hotspots({ ...base, kernel, bandwidth, top: 0.2 })
        : await analysisApi.gistar({ ...base, distanceBand: band || undefined, significantOnly: 'true' }),
    }));
  };

  const data = result.data;
  const meta = data?.cells.analysis;
  const colors = data?.method === 'gistar' ? GI_COLORS : TOP_SHARE_COLORS;
  const valueLayer = data?.method === 'gistar' ? 'z' : 'density';
  const top = useMemo(() => (data ? topByLayer(data.cells.features, valueLayer, 10) : []), [data, valueLayer]);
  const outlines = useMemo(() => outlineAreas(areas.data, data?.areaId ? Number(data.areaId) : undefined), [areas.data, data?.areaId]);
  const hot = meta?.classes?.filter((c) => c.value > 0).reduce((n, c) => n + c.cells, 0) ?? 0;
  const cold = meta?.classes?.filter((c) => c.value < 0).reduce((n, c) => n + c.cells, 0) ?? 0;

  return (
    <div className="bridges-analysis__layout">
      <form className="usa-form bridges-analysis__form bridges-analysis__side" onSubmit={submit} data-testid="hotspots-form">
        <FilterFields id="hotspots" filter={filter} onChange={setFilter} categories={categories.categories} areas={areas.data} />
        <fieldset className="usa-fieldset bridges-analysis__fieldset">
          <legend className="usa-legend usa-legend--large">{t('analysis.params')}</legend>
          <div className="bridges-filters__row">
            <div>
              <label className="usa-label" htmlFor="hotspots-method">{t('analysis.hotspots.method')}</label>
              <select className="usa-select" id="hotspots-method" value={method} onChange={(e) => setMethod(e.target.value as Method)}>
                <option value="kde">{t('analysis.hotspots.methods.kde')}</option>
                <option value="gistar">{t('analysis.hotspots.methods.gistar')}</option>
              </select>
            </div>
            {method === 'kde' ? (
              <>
                <div>
                  <label className="usa-label" htmlFor="hotspots-kernel">{t('analysis.hotspots.kernel')}</label>
                  <select className="usa-select" id="hotspots-kernel" value={kernel} onChange={(e) => setKernel(e.target.value)}>
                    <option value="quartic">{t('analysis.hotspots.kernels.quartic')}</option>
                    <option value="gaussian">{t('analysis.hotspots.kernels.gaussian')}</option>
                  </select>
                </div>
                <div>
                  <label className="usa-label" htmlFor="hotspots-bandwidth">{t('analysis.hotspots.bandwidth')}</label>
                  <span className="usa-hint" id="hotspots-bandwidth-hint">{t('analysis.hotspots.bandwidthHint')}</span>
                  <input className="usa-input" id="hotspots-bandwidth" type="number" min={10} max={50000} required value={bandwidth} onChange={(e) => setBandwidth(e.target.value)} aria-describedby="hotspots-bandwidth-hint" />
                </div>
              </>
            ) : (
              <div>
                <label className="usa-label" htmlFor="hotspots-band">{t('analysis.hotspots.distanceBand')}</label>
                <input className="usa-input" id="hotspots-band" type="number" min={10} max={50000} value={band} aria-describedby="hotspots-band-hint" onChange={(e) => setBand(e.target.value)} />
                <span className="usa-hint" id="hotspots-band-hint">{t('analysis.hotspots.distanceBandHint')}</span>
              </div>
            )}
            <div>
              <label className="usa-label" htmlFor="hotspots-cell">{t('analysis.cell')}</label>
              <input className="usa-input" id="hotspots-cell" type="number" min={10} max={10000} required value={cell} onChange={(e) => setCell(e.target.value)} />
            </div>
          </div>
        </fieldset>
        <RunButton running={result.running} />
      </form>
      <div className="bridges-analysis__main">
        <ErrorAlert error={categories.error ?? areas.error ?? result.error} />
        {meta && (
          <p className="bridges-analysis__summary" role="status" data-testid="hotspots-summary">
            {data!.method === 'kde'
              ? t('analysis.hotspots.summaryKde', { events: formatNumber(meta.events), kernel: t(`analysis.hotspots.kernels.${meta.kernel}`), bandwidth: formatNumber(meta.bandwidth ?? 0), cells: formatNumber(meta.studyAreaCells), cell: formatNumber(meta.cellSize) })
              : t('analysis.hotspots.summaryGi', { events: formatNumber(meta.events), band: formatNumber(meta.distanceBand ?? 0), cells: formatNumber(meta.studyAreaCells), cell: formatNumber(meta.cellSize), hot: formatNumber(hot), cold: formatNumber(cold) })}
              {meta.method === 'gistar' && meta.distanceBandRule === 'peak' && ` ${t('analysis.hotspots.bandPeak', { z: formatNumber(meta.moranZ ?? 0) })}`}
              {meta.method === 'gistar' && meta.distanceBandRule === 'neighbours' && ` ${t('analysis.hotspots.bandNeighbours')}`}
          </p>
        )}
        <CellMap cells={data?.cells} classLayer={meta?.classLayer ?? 'class'} colors={colors} outlines={outlines} label={t('analysis.hotspots.mapLabel')} describedBy="hotspots-map-note" />
        {meta?.classes && <CellLegend classes={meta.classes} colors={colors} />}
        <p id="hotspots-map-note" className="usa-hint">{t('analysis.hotspots.mapNote')}</p>
        {data && (
          <table className="usa-table usa-table--compact usa-table--striped" data-testid="hotspots-table">
            <caption>{t('analysis.hotspots.tableCaption', { n: top.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analysis.columns.rank')}</th>
                <th scope="col">{t('analysis.columns.place')}</th>
                <th scope="col" className="text-right">{t(data.method === 'kde' ? 'analysis.columns.density' : 'analysis.columns.z')}</th>
                <th scope="col">{t('analysis.columns.class')}</th>
              </tr>
            </thead>
            <tbody>
              {top.map((feature, i) => {
                const [lon, lat] = cellCentre(feature);
                const cls = meta?.classes?.find((c) => c.value === feature.properties[meta.classLayer ?? 'class']);
                return (
                  <tr key={feature.properties.cell}>
                    <th scope="row">{i + 1}</th>
                    <td>{`${lat.toFixed(5)}, ${lon.toFixed(5)}`}</td>
                    <td className="text-right">{significant(feature.properties[valueLayer], locale)}</td>
                    <td>{cls ? t(`analysis.classes.${cls.key}`) : '—'}</td>
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
