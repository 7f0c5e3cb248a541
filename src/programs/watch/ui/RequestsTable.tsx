import { useState } from 'react';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, SuccessAlert } from '../../../web/components/Alerts.js';
import { watchApi, type StaffGroup, type StaffRequest } from './api.js';
import { useWatchI18n } from './i18n.js';

/** Pending requests to join or start a group, with approve and decline. Addresses are never shown, only channels. */
export function RequestsTable({ groups, onDecided }: { groups: StaffGroup[]; onDecided(): void }) {
  const { w, formatDate } = useWatchI18n();
  const requests = useAsync(() => watchApi.requests('pending'), []);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  const decide = async (request: StaffRequest, decision: 'approve' | 'decline', groupId?: number) => {
    setError(undefined);
    try {
      await watchApi.decide(request.id, { decision, groupId });
      setMessage(w(`requests.done.${decision}`));
      requests.reload();
      onDecided();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section aria-labelledby="watch-requests-heading" className="margin-top-3">
      <h2 id="watch-requests-heading">{w('requests.heading')}</h2>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={requests.error ?? error} />
      {requests.data?.length === 0 && <p>{w('requests.none')}</p>}
      {requests.data && requests.data.length > 0 && (
        <table className="usa-table width-full" data-testid="watch-requests">
          <caption>{w('requests.caption', { n: requests.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{w('requests.columns.request')}</th>
              <th scope="col">{w('requests.columns.from')}</th>
              <th scope="col">{w('requests.columns.message')}</th>
              <th scope="col">{w('requests.columns.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.data.map((r) => <RequestRow key={r.id} request={r} groups={groups} onDecide={decide} when={formatDate(r.createdAt)} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RequestRow({ request, groups, onDecide, when }: { request: StaffRequest; groups: StaffGroup[]; when: string; onDecide(r: StaffRequest, d: 'approve' | 'decline', groupId?: number): Promise<void> }) {
  const { w } = useWatchI18n();
  const candidates = groups.filter((g) => g.status !== 'inactive');
  const [groupId, setGroupId] = useState('');
  const what = request.kind === 'join' ? w('requests.join', { group: request.groupName ?? '' }) : w('requests.start', { area: request.areaName ?? '' });
  return (
    <tr data-testid={`watch-request-${request.id}`}>
      <th scope="row">{what}<span className="display-block bridges-muted">{when}</span></th>
      <td>{request.name ?? w('requests.noName')}<span className="display-block bridges-muted">{request.channels.map((c) => w(`channels.${c}`)).join(', ')}</span></td>
      <td>{request.message}</td>
      <td>
        {request.kind === 'start' && (
          <>
            <label className="usa-label margin-top-0" htmlFor={`request-${request.id}-group`}>{w('requests.captainOf')}</label>
            <select className="usa-select" id={`request-${request.id}-group`} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
              <option value="">{w('requests.chooseGroup')}</option>
              {candidates.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
            </select>
          </>
        )}
        <ul className="usa-button-group margin-top-1">
          <li className="usa-button-group__item">
            <button type="button" className="usa-button" disabled={request.kind === 'start' && !groupId} onClick={() => void onDecide(request, 'approve', groupId ? Number(groupId) : undefined)}>
              {w('requests.approve')}<span className="usa-sr-only"> {what}</span>
            </button>
          </li>
          <li className="usa-button-group__item">
            <button type="button" className="usa-button usa-button--outline" onClick={() => void onDecide(request, 'decline')}>
              {w('requests.decline')}<span className="usa-sr-only"> {what}</span>
            </button>
          </li>
        </ul>
      </td>
    </tr>
  );
}
