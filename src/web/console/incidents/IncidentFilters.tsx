/**
 * The incident filters: date range, categories, area. Every change applies at once (the map and the list
 * refetch), so there is no "apply" button to forget.
 */
import type { AreaCollection } from '../../api/client.js';
import type { Category, IncidentFilter } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { AREA_KIND_ORDER, byAreaName } from '../areas/areaKinds.js';

export interface IncidentFiltersProps {
  filter: IncidentFilter;
  onChange(filter: IncidentFilter): void;
  categories: Category[];
  areas: AreaCollection | undefined;
}

export function IncidentFilters({ filter, onChange, categories, areas }: IncidentFiltersProps) {
  const { t, pick } = useI18n();
  const selected = new Set(filter.categories ?? []);
  const toggle = (code: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(code);
    else next.delete(code);
    onChange({ ...filter, categories: [...next] });
  };
  const areaGroups = AREA_KIND_ORDER.map((kind) => ({
    kind,
    areas: (areas?.features ?? []).filter((f) => f.properties.kind === kind).map((f) => f.properties).sort(byAreaName),
  })).filter((g) => g.areas.length > 0);

  return (
    <form className="bridges-filters" aria-label={t('incidents.filters.label')} onSubmit={(e) => e.preventDefault()} data-testid="incident-filters">
      <div className="bridges-filters__row">
        <div>
          <label className="usa-label" htmlFor="filter-from">{t('incidents.filters.from')}</label>
          <input className="usa-input" type="date" id="filter-from" value={filter.from ?? ''} max={filter.to || undefined}
            onChange={(e) => onChange({ ...filter, from: e.target.value || undefined })} />
        </div>
        <div>
          <label className="usa-label" htmlFor="filter-to">{t('incidents.filters.to')}</label>
          <input className="usa-input" type="date" id="filter-to" value={filter.to ?? ''} min={filter.from || undefined}
            onChange={(e) => onChange({ ...filter, to: e.target.value || undefined })} />
        </div>
        <div>
          <label className="usa-label" htmlFor="filter-area">{t('incidents.filters.area')}</label>
          <select className="usa-select" id="filter-area" value={filter.areaId ?? ''}
            onChange={(e) => onChange({ ...filter, areaId: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t('incidents.filters.allAreas')}</option>
            {areaGroups.map((group) => (
              <optgroup key={group.kind} label={t(`areas.kinds.${group.kind}`)}>
                {group.areas.map((area) => (
                  <option key={area.id} value={area.id}>{area.name}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="bridges-filters__actions">
          <button type="button" className="usa-button usa-button--outline" onClick={() => onChange({})}>
            {t('incidents.filters.clear')}
          </button>
        </div>
      </div>
      {/* Collapsed by default: two dozen checkboxes would push the map below the fold. */}
      <details className="bridges-details">
        <summary data-testid="category-summary">
          {selected.size === 0 ? t('incidents.filters.allCategories') : t('incidents.filters.someCategories', { n: selected.size })}
        </summary>
        <fieldset className="usa-fieldset bridges-filters__categories">
          <legend className="usa-legend">
            {t('incidents.filters.categories')}
            <span className="usa-hint"> {t('incidents.filters.categoriesHint')}</span>
          </legend>
          <div className="bridges-checkbox-grid">
            {categories.map((category) => (
              <div className="usa-checkbox" key={category.code}>
                <input className="usa-checkbox__input" type="checkbox" id={`filter-category-${category.code}`} value={category.code}
                  checked={selected.has(category.code)} onChange={(e) => toggle(category.code, e.target.checked)} />
                <label className="usa-checkbox__label" htmlFor={`filter-category-${category.code}`}>
                  {pick(category.label)}
                  {category.violent && <span className="bridges-violent-mark"> {t('incidents.violentMark')}</span>}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </details>
    </form>
  );
}
