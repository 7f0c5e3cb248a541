import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { watchApi, type GroupStatus, type StaffGroup } from './api.js';
import { BoundaryEditor } from './BoundaryEditor.js';
import { useWatchI18n } from './i18n.js';

const STATUSES: GroupStatus[] = ['forming', 'active', 'inactive'];

/** Creates or changes a group: name, description in both languages, status and boundary. */
export function GroupForm({ group, onSaved, onCancel }: { group?: StaffGroup; onSaved(group: StaffGroup): void; onCancel?(): void }) {
  const { w, t } = useWatchI18n();
  const p = group ? `group-${group.id}` : 'group-new';
  const [name, setName] = useState(group?.name ?? '');
  const [en, setEn] = useState(group?.description.en ?? '');
  const [es, setEs] = useState(group?.description.es ?? '');
  const [status, setStatus] = useState<GroupStatus>(group?.status ?? 'active');
  const [boundary, setBoundary] = useState(group ? JSON.stringify(group.boundary) : '');
  const [error, setError] = useState<string | Error>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let geometry;
    try {
      geometry = JSON.parse(boundary);
    } catch {
      return setError(w('editor.invalid'));
    }
    setError(undefined);
    try {
      const input = { name: name.trim(), description: { en: en.trim(), es: es.trim() }, status, boundary: geometry };
      onSaved(group ? await watchApi.updateGroup(group.id, input) : await watchApi.createGroup(input));
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <form className="usa-form usa-form--large bridges-watch__form" onSubmit={submit} data-testid={group ? 'group-edit-form' : 'group-form'}>
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor={`${p}-name`}>{w('groupForm.name')}</label>
      <input className="usa-input" id={`${p}-name`} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      <label className="usa-label" htmlFor={`${p}-en`}>{w('groupForm.descriptionEn')}</label>
      <textarea className="usa-textarea" id={`${p}-en`} lang="en" required maxLength={2000} value={en} onChange={(e) => setEn(e.target.value)} />
      <label className="usa-label" htmlFor={`${p}-es`}>{w('groupForm.descriptionEs')}</label>
      <textarea className="usa-textarea" id={`${p}-es`} lang="es" required maxLength={2000} value={es} onChange={(e) => setEs(e.target.value)} />
      <label className="usa-label" htmlFor={`${p}-status`}>{w('groupForm.status')}</label>
      <select className="usa-select" id={`${p}-status`} value={status} onChange={(e) => setStatus(e.target.value as GroupStatus)}>
        {STATUSES.map((s) => <option key={s} value={s}>{w(`status.${s}`)}</option>)}
      </select>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{w('groupForm.boundary')}</legend>
        <BoundaryEditor idPrefix={p} value={boundary} onChange={setBoundary} />
      </fieldset>
      <div className="margin-top-3">
        <button className="usa-button" type="submit">{t('common.save')}</button>
        {onCancel && <button className="usa-button usa-button--unstyled" type="button" onClick={onCancel}>{t('common.cancel')}</button>}
      </div>
    </form>
  );
}
