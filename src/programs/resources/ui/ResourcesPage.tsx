/**
 * /resources: find a service by what you need, the language you speak and where you live. The filters are a
 * plain form; the number of results is announced politely when it changes.
 */
import { useState, type FormEvent } from 'react';
import { useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { request } from '../../../web/api/client.js';
import { resourcesApi, type DirectoryFilter } from './api.js';
import { ServiceCard } from './ServiceCard.js';
import { useResourcesI18n } from './i18n.js';
import './resources.css';

interface AreaOption { id: number; name: string }

export function ResourcesPage() {
  const { r, pick, languageName, plural } = useResourcesI18n();
  useDocumentTitle(r('public.documentTitle'));
  const [filter, setFilter] = useState<DirectoryFilter>({});
  const [draft, setDraft] = useState({ need: '', language: '', area: '', q: '' });
  const needs = useAsync(() => resourcesApi.needs(), []);
  // Every listed service once, for the language choices (only languages someone actually offers).
  const everything = useAsync(() => resourcesApi.search({}), []);
  const areas = useAsync(() => request<{ features: Array<{ properties: AreaOption }> }>('GET', '/api/public/areas', { query: { kind: 'neighborhood' } })
    .then((fc) => fc.features.map((f) => f.properties)), []);
  const results = useAsync(() => resourcesApi.search(filter), [filter.need, filter.language, filter.area, filter.q]);
  const languages = [...new Set((everything.data ?? []).flatMap((s) => s.languages))]
    .map((code) => ({ code, name: languageName(code) })).sort((a, b) => a.name.localeCompare(b.name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ need: draft.need || undefined, language: draft.language || undefined, area: draft.area ? Number(draft.area) : undefined, q: draft.q.trim() || undefined });
  };
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  return (
    <PortalLayout>
      <h1>{r('public.title')}</h1>
      <p className="usa-intro">{r('public.intro')}</p>
      <div className="usa-alert usa-alert--warning usa-alert--slim" role="note">
        <div className="usa-alert__body"><p className="usa-alert__text">{r('public.emergency')}</p></div>
      </div>
      <form className="bridges-filters bridges-resource-filters margin-top-2" onSubmit={submit} aria-label={r('public.filters')} data-testid="resource-filters">
        <div className="bridges-filters__row">
          <div>
            <label className="usa-label" htmlFor="resource-need">{r('public.need')}</label>
            <select className="usa-select" id="resource-need" value={draft.need} onChange={set('need')}>
              <option value="">{r('public.anyNeed')}</option>
              {needs.data?.map((n) => <option key={n.code} value={n.code}>{pick(n.label)}</option>)}
            </select>
          </div>
          <div>
            <label className="usa-label" htmlFor="resource-language">{r('public.language')}</label>
            <select className="usa-select" id="resource-language" value={draft.language} onChange={set('language')}>
              <option value="">{r('public.anyLanguage')}</option>
              {languages.map((l) => <option key={l.code} value={l.code}>{l.name}</option>)}
            </select>
          </div>
          {areas.data && areas.data.length > 0 && (
            <div>
              <label className="usa-label" htmlFor="resource-area">{r('public.area')}</label>
              <select className="usa-select" id="resource-area" value={draft.area} onChange={set('area')}>
                <option value="">{r('public.anyArea')}</option>
                {areas.data.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </div>
          )}
          <div>
            <label className="usa-label" htmlFor="resource-q">{r('public.keyword')}</label>
            <input className="usa-input" id="resource-q" type="text" inputMode="search" enterKeyHint="search" maxLength={100} value={draft.q} onChange={set('q')} />
          </div>
          <div className="bridges-filters__actions">
            <button className="usa-button" type="submit" data-testid="resource-search">{r('public.search')}</button>
          </div>
        </div>
      </form>
      <ErrorAlert error={results.error ?? needs.error} />
      <div aria-live="polite" aria-busy={results.loading}>
        {results.loading && !results.data && <Loading />}
        {results.data && <p className="bridges-count" data-testid="resource-count">{plural('programs.resources.public.count', results.data.length)}</p>}
      </div>
      {results.data && results.data.length === 0 && <p>{r('public.none')}</p>}
      {results.data && results.data.length > 0 && (
        <ul className="bridges-services" aria-label={r('public.resultsLabel')} data-testid="resource-results">
          {results.data.map((s) => <ServiceCard key={s.id} service={s} needs={needs.data ?? []} />)}
        </ul>
      )}
    </PortalLayout>
  );
}
