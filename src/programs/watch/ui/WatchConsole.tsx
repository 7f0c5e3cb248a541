/** Console page of the watch program: requests to review, the agency's groups, and a new group. */
import { useState } from 'react';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { watchApi, type StaffGroup } from './api.js';
import { GroupForm } from './GroupForm.js';
import { useWatchI18n } from './i18n.js';
import { RequestsTable } from './RequestsTable.js';

export const WATCH_PERMISSION = 'watch:manage';

export function WatchConsole() {
  return (
    <ConsoleLayout permission={WATCH_PERMISSION}>
      <WatchAdmin />
    </ConsoleLayout>
  );
}

function WatchAdmin() {
  const { w } = useWatchI18n();
  useDocumentTitle(w('console.documentTitle'));
  const groups = useAsync(() => watchApi.staffGroups(), []);
  const [message, setMessage] = useState<string>();
  const [formKey, setFormKey] = useState(0);
  const created = (group: StaffGroup) => {
    setMessage(w('console.created', { name: group.name }));
    setFormKey((k) => k + 1);
    groups.reload();
  };
  return (
    <>
      <h1>{w('console.title')}</h1>
      <p>{w('console.intro')}</p>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <RequestsTable groups={groups.data ?? []} onDecided={groups.reload} />
      <section aria-labelledby="watch-groups-heading" className="margin-top-5">
        <h2 id="watch-groups-heading">{w('console.groupsHeading')}</h2>
        <ErrorAlert error={groups.error} />
        {groups.loading && !groups.data && <Loading />}
        {groups.data && groups.data.length === 0 && <p>{w('console.noGroups')}</p>}
        {groups.data && groups.data.length > 0 && (
          <table className="usa-table usa-table--striped width-full" data-testid="watch-groups-table">
            <caption>{w('console.groupsCaption', { n: groups.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{w('console.columns.group')}</th>
                <th scope="col">{w('console.columns.status')}</th>
                <th scope="col">{w('console.columns.members')}</th>
                <th scope="col">{w('console.columns.pending')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.data.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link href={`/console/programs/watch/${g.id}`}>{g.name}</Link>
                    {g.areaName && <span className="display-block bridges-muted">{g.areaName}</span>}
                  </th>
                  <td>{w(`status.${g.status}`)}</td>
                  <td>{w('console.memberCount', { members: g.memberCount, captains: g.captainCount })}</td>
                  <td>{g.pendingRequests}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="watch-new-heading" className="margin-top-5">
        <h2 id="watch-new-heading">{w('console.newHeading')}</h2>
        <GroupForm key={formKey} onSaved={created} />
      </section>
    </>
  );
}
