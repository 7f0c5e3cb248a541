/**
 * Displacement: did an intervention push crime into the surrounding streets? The weighted displacement
 * quotient (Bowers & Johnson) from counts in a target area, a buffer and a control area before and after.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../hooks/useAsync.js';
import { useCategories } from '../../hooks/useCategories.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { AREA_KIND_ORDER, byAreaName } from '../areas/areaKinds.js';
import { analysisApi, EMPTY_FILTER, type AnalysisFilter, type WdqReport, type Zone } from './api.js';
import { FilterFields } from './FilterFields.js';
import { RunButton } from './RunButton.js';
import { useRun } from './useRun.js';

/** The reading of a quotient (the engine's rules), as a message key. */
export function wdqReading(report: WdqReport): string {
  const { successMeasure: s, wdq } = report;
  if (s >= 0 || wdq === null) return 'noSuccess';
  if (wdq > 1) return 'diffusionLarge';
  if (wdq > 0) return 'diffusion';
  if (wdq === 0) return 'none';
  if (wdq >= -1) return 'displacementSmall';
  return 'displacementLarge';
}

function AreaSelect({ id, label, value, onChange, areas, extra }: { id: string; label: string; value: string; onChange(v: string): void; areas: ReturnType<typeof useAreas>; extra?: { value: string; label: string } }) {
  return (
    <div>
      <label className="usa-label" htmlFor={id}>{label}</label>
      <select className="usa-select" id={id} value={value} required onChange={(e) => onChange(e.target.value)}>
        {extra ? <option value={extra.value}>{extra.label}</option> : <option value="">—</option>}
        {areas.map((g) => (
          <optgroup key={g.kind} label={g.label}>
            {g.areas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function useAreas() {
  const { t } = useI18n();
  const areas = useAsync(() => api.areas(), []);
  return AREA_KIND_ORDER.map((kind) => ({
    kind, label: t(`areas.kinds.${kind}`), areas: (areas.data?.features ?? []).filter((f) => f.properties.kind === kind).map((f) => f.properties).sort(byAreaName),
  })).filter((g) => g.areas.length > 0);
}

export function DisplacementView() {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const categories = useCategories();
  const areaGroups = useAreas();
  const [filter, setFilter] = useState<AnalysisFilter>(EMPTY_FILTER);
  const [target, setTarget] = useState('');
  const [bufferKind, setBufferKind] = useState<'width' | 'area'>('width');
  const [bufferWidth, setBufferWidth] = useState('400');
  const [bufferArea, setBufferArea] = useState('');
  const [control, setControl] = useState('rest');
  const [date, setDate] = useState('');
  const [days, setDays] = useState('365');
  const result = useRun<WdqReport>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const buffer: Zone = bufferKind === 'width' ? { metres: Number(bufferWidth) } : { areaId: Number(bufferArea) };
    const body = {
      target: { areaId: Number(target) }, buffer, control: control === 'rest' ? ('rest' as const) : { areaId: Number(control) },
      date, days: Number(days), category: filter.categories.length ? filter.categories : undefined,
    };
    result.run(() => analysisApi.wdq(body));
  };
  const report = result.data;
  const num = (v: number, d = 3) => v.toLocaleString(locale, { maximumFractionDigits: d });
  const day = (iso: string) => formatDate(`${iso}T12:00:00`, { dateStyle: 'medium' });
  const lastDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  return (
    <>
      <p>{t('analysis.displacement.intro')}</p>
      <form className="usa-form usa-form--large bridges-analysis__form" onSubmit={submit} data-testid="displacement-form">
        <FilterFields id="displacement" filter={filter} onChange={setFilter} categories={categories.categories} areas={undefined} dates={false} area={false} />
        <fieldset className="usa-fieldset bridges-analysis__fieldset">
          <legend className="usa-legend usa-legend--large">{t('analysis.displacement.zones')}</legend>
          <div className="bridges-filters__row">
            <AreaSelect id="wdq-target" label={t('analysis.displacement.target')} value={target} onChange={setTarget} areas={areaGroups} />
            <div>
              <label className="usa-label" htmlFor="wdq-buffer-kind">{t('analysis.displacement.buffer')}</label>
              <select className="usa-select" id="wdq-buffer-kind" value={bufferKind} onChange={(e) => setBufferKind(e.target.value as 'width' | 'area')}>
                <option value="width">{t('analysis.displacement.bufferWidthOption')}</option>
                <option value="area">{t('analysis.displacement.bufferAreaOption')}</option>
              </select>
            </div>
            {bufferKind === 'width' ? (
              <div>
                <label className="usa-label" htmlFor="wdq-buffer-width">{t('analysis.displacement.bufferWidth')}</label>
                <input className="usa-input" id="wdq-buffer-width" type="number" min={10} max={20000} required value={bufferWidth} onChange={(e) => setBufferWidth(e.target.value)} />
              </div>
            ) : (
              <AreaSelect id="wdq-buffer-area" label={t('analysis.displacement.bufferArea')} value={bufferArea} onChange={setBufferArea} areas={areaGroups} />
            )}
            <AreaSelect id="wdq-control" label={t('analysis.displacement.control')} value={control} onChange={setControl} areas={areaGroups} extra={{ value: 'rest', label: t('analysis.displacement.controlRest') }} />
          </div>
          <div className="bridges-filters__row">
            <div>
              <label className="usa-label" htmlFor="wdq-date">{t('analysis.displacement.date')}</label>
              <input className="usa-input" id="wdq-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
            </div>
            <div>
              <label className="usa-label" htmlFor="wdq-days">{t('analysis.displacement.days')}</label>
              <input className="usa-input" id="wdq-days" type="number" min={7} max={3650} required value={days} onChange={(e) => setDays(e.target.value)} />
            </div>
          </div>
        </fieldset>
        <RunButton running={result.running} />
      </form>
      <ErrorAlert error={categories.error ?? result.error} />
      {report && (
        <section aria-labelledby="wdq-heading" data-testid="displacement-result">
          <h2 id="wdq-heading">{t('analysis.displacement.heading')}</h2>
          <table className="usa-table usa-table--compact bridges-analysis__counts">
            <caption>{t('analysis.displacement.caption', { before: `${day(report.before[0])} – ${day(lastDay(report.before[1]))}`, after: `${day(report.after[0])} – ${day(lastDay(report.after[1]))}` })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analysis.displacement.zone')}</th>
                <th scope="col" className="text-right">{t('analysis.displacement.before')}</th>
                <th scope="col" className="text-right">{t('analysis.displacement.after')}</th>
              </tr>
            </thead>
            <tbody>
              {(['target', 'buffer', 'control'] as const).map((zone) => (
                <tr key={zone}>
                  <th scope="row">{t(`analysis.displacement.zoneNames.${zone}`)}</th>
                  <td className="text-right">{formatNumber(report.counts[`${zone}Before`])}</td>
                  <td className="text-right">{formatNumber(report.counts[`${zone}After`])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="bridges-figures bridges-analysis__figures">
            {([
              ['success', num(report.successMeasure)],
              ['bufferMeasure', num(report.bufferDisplacementMeasure)],
              ['wdq', report.wdq === null ? '—' : num(report.wdq)],
              ['netEffect', num(report.totalNetEffect, 1)],
            ] as const).map(([key, value]) => (
              <div key={key}>
                <dt>{t(`analysis.displacement.${key}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="usa-summary-box" role="region" aria-label={t('analysis.displacement.readingLabel')}>
            <div className="usa-summary-box__body">
              <p className="usa-summary-box__text" data-testid="displacement-reading">{t(`analysis.displacement.readings.${wdqReading(report)}`)}</p>
            </div>
          </div>
        </section>
      )}
    </>
  );
}
