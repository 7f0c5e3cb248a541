/**
 * Which incidents an analysis reads: dates, area and categories, as fields inside the view's form (applied
 * when the analyst presses Run, unlike the incidents page where every change refetches).
 */
import type { AreaCollection } from '../../api/client.js';
import type { Category } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { AREA_KIND_ORDER, byAreaName } from '../areas/areaKinds.js';
import type { AnalysisFilter } from './api.js';

export interface FilterFieldsProps {
  id: string;
  filter: AnalysisFilter;
  onChange(filter: AnalysisFilter): void;
  categories: Category[];
  areas: AreaCollection | undefined;
  /** The backtest and CompStat choose their own periods. */
  dates?: boolean;
  /** The displacement check has its own areas. */
  area?: boolean;
}

export function FilterFields({ id, filter, onChange, categories, areas, dates = true, area = true }: FilterFieldsProps) {
  const { t, pick } = useI18n();
  const selected = new Set(filter.categories);
  const toggle = (code: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(code);
    else next.delete(code);
    onChange({ ...filter, categories: [...next] });
  };
  const groups = AREA_KIND_ORDER.map((kind) => ({
    kind, areas: (areas?.features ?? []).filter((f) => f.properties.kind === kind).map((f) => f.properties).sort(byAreaName),
  })).filter((g) => g.areas.length > 0);
  return (
    <fieldset className="usa-fieldset bridges-analysis__fieldset">
      <legend className="usa-legend usa-legend--large">{t('analysis.filters.legend')}</legend>
      <div className="bridges-filters__row">
        {dates && (
          <>
            <div>
              <label className="usa-label" htmlFor={`${id}-from`}>{t('analysis.filters.from')}</label>
              <input className="usa-input" type="date" id={`${id}-from`} value={filter.from} max={filter.to || undefined} onChange={(e) => onChange({ ...filter, from: e.target.value })} />
            </div>
            <div>
              <label className="usa-label" htmlFor={`${id}-to`}>{t('analysis.filters.to')}</label>
              <input className="usa-input" type="date" id={`${id}-to`} value={filter.to} min={filter.from || undefined} onChange={(e) => onChange({ ...filter, to: e.target.value })} />
            </div>
          </>
        )}
        {area && <div>
          <label className="usa-label" htmlFor={`${id}-area`}>{t('analysis.filters.area')}</label>
          <select className="usa-select" id={`${id}-area`} value={filter.areaId} onChange={(e) => onChange({ ...filter, areaId: e.target.value })}>
            <option value="">{t('analysis.filters.allAreas')}</option>
            {groups.map((group) => (
              <optgroup key={group.kind} label={t(`areas.kinds.${group.kind}`)}>
                {group.areas.map((area) => <option key={area.id} value={area.id}>{area.name}</option>)}
              </optgroup>
            ))}
          </select>
        </div>}
      </div>
      <details className="bridges-details">
        <summary>{selected.size === 0 ? t('analysis.filters.allCategories') : t('analysis.filters.someCategories', { n: selected.size })}</summary>
        <div className="bridges-checkbox-grid bridges-filters__categories" role="group" aria-label={t('analysis.filters.categories')}>
          {categories.map((category) => (
            <div className="usa-checkbox" key={category.code}>
              <input className="usa-checkbox__input" type="checkbox" id={`${id}-category-${category.code}`} checked={selected.has(category.code)}
                onChange={(e) => toggle(category.code, e.target.checked)} />
              <label className="usa-checkbox__label" htmlFor={`${id}-category-${category.code}`}>{pick(category.label)}</label>
            </div>
          ))}
        </div>
      </details>
    </fieldset>
  );
}
