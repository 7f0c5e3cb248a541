import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import type { Category } from '../api/types.js';
import type { CrimeFilter, PublicAgency, PublicAreaCollection } from './publicApi.js';

export interface CrimeFiltersProps {
  agencies: PublicAgency[];
  agency: PublicAgency;
  areas?: PublicAreaCollection;
  categories: Category[];
  /** The filter the map shows now, with the period the server chose filled in. */
  shown: CrimeFilter & { from?: string; to?: string };
  onApply(filter: CrimeFilter): void;
}

/**
 * The map's filters as an ordinary form: nothing reloads until "Show", so keyboard and screen-reader users
 * are not interrupted while they set several fields.
 */
export function CrimeFilters({ agencies, agency, areas, categories, shown, onApply }: CrimeFiltersProps) {
  const { t, pick, formatDate } = useI18n();
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
  const [agencySlug, setAgencySlug] = useState(agency.slug);
  const [from, setFrom] = useState(shown.from ?? '');
  const [to, setTo] = useState(shown.to ?? '');
  const [category, setCategory] = useState(shown.category ?? '');
  const [area, setArea] = useState(shown.area ? String(shown.area) : '');
  const agencyChanged = agencySlug !== agency.slug;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A new agency starts from its own latest period and has other neighborhoods.
    if (agencyChanged) onApply({ agency: agencySlug, category: category || undefined });
    else onApply({ agency: agencySlug, from: from || undefined, to: to || undefined, category: category || undefined, area: area ? Number(area) : undefined });
  };
  const neighborhoods = (areas?.features ?? []).map((f) => f.properties).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <form className="bridges-filters bridges-crime-filters" onSubmit={submit} aria-label={t('publicPages.crimeMap.filters')} data-testid="crime-filters">
      <div className="bridges-filters__row">
        {agencies.length > 1 && (
          <div>
            <label className="usa-label" htmlFor="crime-agency">{t('publicPages.crimeMap.agency')}</label>
            <select className="usa-select" id="crime-agency" value={agencySlug} onChange={(e) => setAgencySlug(e.target.value)}>
              {agencies.map((a) => <option key={a.slug} value={a.slug}>{a.name}</option>)}
            </select>
          </div>
        )}
        <div>
          <label className="usa-label" htmlFor="crime-from">{t('publicPages.crimeMap.from')}</label>
          <input className="usa-input" type="date" id="crime-from" value={from} min={agency.dataStart ?? undefined} max={agency.dataEnd ?? undefined}
            disabled={agencyChanged} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label className="usa-label" htmlFor="crime-to">{t('publicPages.crimeMap.to')}</label>
          <input className="usa-input" type="date" id="crime-to" value={to} min={agency.dataStart ?? undefined} max={agency.dataEnd ?? undefined}
            disabled={agencyChanged} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div>
          <label className="usa-label" htmlFor="crime-category">{t('publicPages.crimeMap.category')}</label>
          <select className="usa-select" id="crime-category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('publicPages.crimeMap.allCategories')}</option>
            {categories.map((c) => <option key={c.code} value={c.code}>{pick(c.label)}</option>)}
          </select>
        </div>
        {neighborhoods.length > 0 && !agencyChanged && (
          <div>
            <label className="usa-label" htmlFor="crime-area">{t('publicPages.crimeMap.neighborhood')}</label>
            <select className="usa-select" id="crime-area" value={area} onChange={(e) => setArea(e.target.value)}>
              <option value="">{t('publicPages.crimeMap.allNeighborhoods')}</option>
              {neighborhoods.map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
            </select>
          </div>
        )}
        <div className="bridges-filters__actions">
          <button type="submit" className="usa-button" data-testid="crime-apply">{t('publicPages.crimeMap.apply')}</button>
        </div>
      </div>
      {agency.dataStart && agency.dataEnd && (
        <p className="usa-hint margin-top-1">{t('publicPages.crimeMap.dataSpan', { name: agency.name, start: day(agency.dataStart), end: day(agency.dataEnd) })}</p>
      )}
    </form>
  );
}
