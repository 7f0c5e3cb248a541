/** /console/programs/watch/:groupId: one group's members, meetings, alerts and settings. */
import { useState } from 'react';
import type { RouteParams } from '../../../web/programs.js';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { watchApi, type StaffGroup } from './api.js';
import { AlertsPanel } from './AlertsPanel.js';
import { GroupForm } from './GroupForm.js';
import { useWatchI18n } from './i18n.js';
import { MeetingsPanel } from './MeetingsPanel.js';
import { WATCH_PERMISSION } from './WatchConsole.js';

export function GroupConsolePage({ params }: RouteParams) {
  return (
    <ConsoleLayout permission={WATCH_PERMISSION}>
      <GroupConsole id={Number(params.groupId)} />
    </ConsoleLayout>
  );
}

function GroupConsole({ id }: { id: number }) {
  const { w, pick } = useWatchI18n();
  const group = useAsync(() => watchApi.staffGroup(id), [id]);
  useDocumentTitle(w('groupConsole.documentTitle', { name: group.data?.name ?? '' }));
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string>();
  const saved = (updated: StaffGroup) => {
    setEditing(false);
    setMessage(w('groupConsole.saved', { name: updated.name }));
    group.reload();
  };
  return (
    <>
      <p><Link href="/console/programs/watch">{w('groupConsole.back')}</Link></p>
      {group.loading && !group.data && <Loading />}
      <ErrorAlert error={group.error} />
      {message && <SuccessAlert>{message}</SuccessAlert>}
      {group.data && (
        <>
          <h1>{group.data.name}</h1>
          <p>{[group.data.areaName, w(`status.${group.data.status}`), w('console.memberCount', { members: group.data.memberCount, captains: group.data.captainCount })].filter(Boolean).join(' · ')}</p>
          <p>{pick(group.data.description)}</p>
          {group.data.status !== 'inactive' && <p><Link href={`/watch/${id}`}>{w('groupConsole.publicPage')}</Link></p>}
          <Members groupId={id} onChanged={group.reload} />
          <MeetingsPanel group={group.data} onChanged={group.reload} />
          <AlertsPanel groupId={id} />
          <section aria-labelledby="group-settings-heading" className="margin-top-5">
            <h2 id="group-settings-heading">{w('groupConsole.settingsHeading')}</h2>
            {editing ? <GroupForm group={group.data} onSaved={saved} onCancel={() => setEditing(false)} />
              : <button type="button" className="usa-button usa-button--outline" onClick={() => setEditing(true)}>{w('groupConsole.edit')}</button>}
          </section>
        </>
      )}
    </>
  );
}

function Members({ groupId, onChanged }: { groupId: number; onChanged(): void }) {
  const { w, formatDate } = useWatchI18n();
  const members = useAsync(() => watchApi.members(groupId), [groupId]);
  const [error, setError] = useState<Error>();
  const act = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
      members.reload();
      onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section aria-labelledby="group-members-heading" className="margin-top-4">
      <h2 id="group-members-heading">{w('groupConsole.membersHeading')}</h2>
      <p>{w('groupConsole.membersIntro')}</p>
      <ErrorAlert error={members.error ?? error} />
      {members.data?.length === 0 && <p>{w('groupConsole.noMembers')}</p>}
      {members.data && members.data.length > 0 && (
        <table className="usa-table usa-table--borderless width-full" data-testid="watch-members">
          <caption>{w('groupConsole.membersCaption', { n: members.data.length })}</caption>
          <thead><tr><th scope="col">{w('groupConsole.columns.member')}</th><th scope="col">{w('groupConsole.columns.role')}</th><th scope="col">{w('groupConsole.columns.reach')}</th><th scope="col">{w('groupConsole.columns.actions')}</th></tr></thead>
          <tbody>
            {members.data.map((m) => {
              const who = m.name ?? w('groupConsole.memberNumber', { id: m.id });
              return (
                <tr key={m.id}>
                  <th scope="row">{who}<span className="display-block bridges-muted">{w('groupConsole.since', { date: formatDate(m.joinedAt) })}</span></th>
                  <td>{w(`roles.${m.role}`)}</td>
                  <td>{m.channels.map((c) => w(`channels.${c}`)).join(', ')}</td>
                  <td>
                    <ul className="usa-button-group">
                      <li className="usa-button-group__item">
                        <button type="button" className="usa-button usa-button--outline" onClick={() => void act(() => watchApi.setRole(groupId, m.id, m.role === 'captain' ? 'member' : 'captain'))}>
                          {m.role === 'captain' ? w('groupConsole.unmakeCaptain') : w('groupConsole.makeCaptain')}<span className="usa-sr-only"> {who}</span>
                        </button>
                      </li>
                      <li className="usa-button-group__item">
                        <button type="button" className="usa-button usa-button--unstyled" onClick={() => { if (window.confirm(w('groupConsole.confirmRemove', { who }))) void act(() => watchApi.removeMember(groupId, m.id)); }}>
                          {w('groupConsole.remove')}<span className="usa-sr-only"> {who}</span>
                        </button>
                      </li>
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
