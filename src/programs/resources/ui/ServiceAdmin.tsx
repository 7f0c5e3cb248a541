import { useState, type FormEvent } from 'react';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { resourcesApi, type Need } from './api.js';
import { useResourcesI18n } from './i18n.js';

/** The agency's own listings (resources:manage): list or unlist each, and add a new one. */
export function ServiceAdmin({ needs, onChanged }: { needs: Need[]; onChanged(message: string): void }) {
  const { r } = useResourcesI18n();
  const services = useAsync(() => resourcesApi.ownServices(), []);
  const [error, setError] = useState<Error>();
  const toggle = async (id: number, active: boolean, name: string) => {
    setError(undefined);
    try {
      await resourcesApi.setServiceActive(id, active);
      services.reload();
      onChanged(r(active ? 'admin.listed' : 'admin.unlisted', { name }));
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <>
      <ErrorAlert error={error ?? services.error} />
      {services.data && (
        <table className="usa-table usa-table--striped width-full" data-testid="own-services">
          <caption>{r('admin.caption', { n: services.data.length })}</caption>
          <thead><tr><th scope="col">{r('console.service')}</th><th scope="col">{r('admin.status')}</th><th scope="col">{r('admin.action')}</th></tr></thead>
          <tbody>
            {services.data.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>{s.active ? r('admin.active') : r('admin.inactive')}</td>
                <td>
                  <button type="button" className="usa-button usa-button--unstyled" onClick={() => void toggle(s.id, !s.active, s.name)}
                    aria-label={r(s.active ? 'admin.unlistOf' : 'admin.listOf', { name: s.name })}>
                    {s.active ? r('admin.unlist') : r('admin.list')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{r('admin.newHeading')}</h3>
      <NewService needs={needs} onCreated={(name) => { services.reload(); onChanged(r('admin.created', { name })); }} />
    </>
  );
}

function NewService({ needs, onCreated }: { needs: Need[]; onCreated(name: string): void }) {
  const { r, pick } = useResourcesI18n();
  const [f, setF] = useState({ name: '', organisation: '', en: '', es: '', languages: 'en, es', phone: '', website: '', available24h: false, confidential: false });
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<Error>();
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) => setF((c) => ({ ...c, [key]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const created = await resourcesApi.createService({
        name: f.name.trim(), organisation: f.organisation.trim(), description: { en: f.en.trim(), es: f.es.trim() }, needs: chosen,
        languages: f.languages.split(/[\s,]+/).map((l) => l.trim().toLowerCase()).filter(Boolean),
        phone: f.phone.trim() || null, website: f.website.trim() || null, available24h: f.available24h, confidentialLocation: f.confidential,
      });
      setF((c) => ({ ...c, name: '', organisation: '', en: '', es: '', phone: '', website: '' }));
      setChosen([]);
      onCreated(created.name);
    } catch (e) {
      setError(e as Error);
    }
  };
  const input = (key: 'name' | 'organisation' | 'phone' | 'website' | 'languages', hint?: string) => (
    <>
      <label className="usa-label" htmlFor={`service-${key}`}>{r(`admin.fields.${key}`)}</label>
      {hint && <span className="usa-hint" id={`service-${key}-hint`}>{hint}</span>}
      <input className="usa-input" id={`service-${key}`} value={f[key]} onChange={set(key)} aria-describedby={hint ? `service-${key}-hint` : undefined}
        required={key === 'name' || key === 'languages'} type={key === 'website' ? 'url' : 'text'} />
    </>
  );
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} data-testid="service-form">
      <ErrorAlert error={error} />
      {input('name')}
      {input('organisation')}
      <label className="usa-label" htmlFor="service-en">{r('admin.fields.descriptionEn')}</label>
      <textarea className="usa-textarea" id="service-en" lang="en" required maxLength={1000} value={f.en} onChange={set('en')} />
      <label className="usa-label" htmlFor="service-es">{r('admin.fields.descriptionEs')}</label>
      <textarea className="usa-textarea" id="service-es" lang="es" required maxLength={1000} value={f.es} onChange={set('es')} />
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">{r('admin.fields.needs')}</legend>
        {needs.map((n) => (
          <div className="usa-checkbox" key={n.code}>
            <input className="usa-checkbox__input" type="checkbox" id={`service-need-${n.code}`} checked={chosen.includes(n.code)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, n.code] : c.filter((x) => x !== n.code)))} />
            <label className="usa-checkbox__label" htmlFor={`service-need-${n.code}`}>{pick(n.label)}</label>
          </div>
        ))}
      </fieldset>
      {input('languages', r('admin.fields.languagesHint'))}
      {input('phone')}
      {input('website')}
      {(['available24h', 'confidential'] as const).map((key) => (
        <div className="usa-checkbox" key={key}>
          <input className="usa-checkbox__input" type="checkbox" id={`service-${key}`} checked={f[key]} onChange={(e) => setF((c) => ({ ...c, [key]: e.target.checked }))} />
          <label className="usa-checkbox__label" htmlFor={`service-${key}`}>{r(`admin.fields.${key}`)}</label>
        </div>
      ))}
      <button className="usa-button margin-top-2" type="submit">{r('admin.create')}</button>
    </form>
  );
}
