import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { walksApi, type Codes, type Visit } from './api.js';

/** Follow-up tasks of a walk, and turning a concern neighbors raised into one. */
export function TasksPanel({ walkId, codes, visits, canManage }: { walkId: number; codes: Codes; visits: Visit[]; canManage: boolean }) {
  const { t, pick } = useI18n();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.walks.tasks.${key}`, vars);
  const tasks = useAsync(() => walksApi.tasks(walkId), [walkId]);
  const [concern, setConcern] = useState(codes.concerns[0].code);
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState(codes.concerns[0].owner);
  // '' = the organisation named in `owner`; otherwise a staff member's id.
  const [ownerUser, setOwnerUser] = useState('');
  const [dueOn, setDueOn] = useState('');
  const staff = useAsync(() => (canManage ? walksApi.staff() : Promise.resolve([])), [canManage]);
  const [error, setError] = useState<Error>();
  const label = (code: string) => pick(codes.concerns.find((c) => c.code === code)?.label) || code;
  const raised = [...new Set(visits.flatMap((v) => v.concerns))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await walksApi.createTask(walkId, {
        concern, description: description.trim(), dueOn: dueOn || undefined,
        ...(ownerUser ? { ownerUserId: Number(ownerUser) } : { ownerName: owner.trim() || undefined }),
      });
      setDescription('');
      setDueOn('');
      tasks.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const setStatus = async (id: number, status: 'done' | 'open') => {
    try {
      await walksApi.updateTask(id, { status });
      tasks.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <section aria-labelledby="tasks-heading" className="margin-top-4">
      <h2 id="tasks-heading">{k('heading')}</h2>
      {raised.length > 0 && <p>{k('raised', { list: raised.map(label).join(', ') })}</p>}
      <ErrorAlert error={tasks.error ?? error} />
      {tasks.data && tasks.data.length === 0 && <p>{k('none')}</p>}
      {tasks.data && tasks.data.length > 0 && (
        <table className="usa-table usa-table--compact width-full" data-testid="tasks-table">
          <caption className="usa-sr-only">{k('heading')}</caption>
          <thead><tr><th scope="col">{k('concern')}</th><th scope="col">{k('description')}</th><th scope="col">{k('owner')}</th><th scope="col">{k('due')}</th><th scope="col">{k('status')}</th></tr></thead>
          <tbody>
            {tasks.data.map((task) => (
              <tr key={task.id}>
                <th scope="row">{label(task.concern)}</th>
                <td>{task.description}</td>
                <td>{task.ownerName}</td>
                <td>{task.dueOn}{task.overdue && <span className="usa-tag bridges-tag--warning margin-left-1">{k('overdue')}</span>}</td>
                <td>
                  {t(`programs.walks.tasks.statuses.${task.status}`)}
                  {canManage && task.status === 'open' && (
                    <button type="button" className="usa-button usa-button--unstyled margin-left-1" aria-label={k('markDoneOf', { task: task.description })} onClick={() => void setStatus(task.id, 'done')}>{k('markDone')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && (
        <form className="usa-form" onSubmit={submit} data-testid="task-form">
          <label className="usa-label" htmlFor="task-concern">{k('concern')}</label>
          <select className="usa-select" id="task-concern" value={concern} onChange={(e) => { setConcern(e.target.value); setOwner(codes.concerns.find((c) => c.code === e.target.value)?.owner ?? ''); }}>
            {codes.concerns.map((c) => <option key={c.code} value={c.code}>{pick(c.label)}</option>)}
          </select>
          <label className="usa-label" htmlFor="task-description">{k('description')}</label>
          <input className="usa-input" id="task-description" required minLength={3} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} />
          <label className="usa-label" htmlFor="task-owner-user">{k('owner')}</label>
          <select className="usa-select" id="task-owner-user" value={ownerUser} onChange={(e) => setOwnerUser(e.target.value)}>
            <option value="">{k('ownerOrganisation')}</option>
            {(staff.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
          {!ownerUser && (
            <>
              <label className="usa-label" htmlFor="task-owner">{k('ownerName')}</label>
              <input className="usa-input" id="task-owner" required maxLength={120} value={owner} onChange={(e) => setOwner(e.target.value)} />
            </>
          )}
          <label className="usa-label" htmlFor="task-due">{k('dueOn')}</label>
          <div className="usa-hint" id="task-due-hint">{k('dueHint')}</div>
          <input className="usa-input usa-input--medium" type="date" id="task-due" aria-describedby="task-due-hint" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
          <button type="submit" className="usa-button margin-top-2">{k('create')}</button>
        </form>
      )}
    </section>
  );
}
