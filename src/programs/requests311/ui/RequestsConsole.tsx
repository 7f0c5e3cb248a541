/** The console page of 311 reports: the agency's quality-of-life reports, and closing them with a note. */
import { useState } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { requests311Api, type ServiceRequest } from './api.js';

export const REQUESTS311_PERMISSION = 'requests311:manage';

export function RequestsConsole() {
  return (
    <ConsoleLayout permission={REQUESTS311_PERMISSION}>
      <Requests />
    </ConsoleLayout>
  );
}

function Requests() {
  const { t, formatDate } = useI18n();
  useDocumentTitle(t('programs.requests311.console.documentTitle'));
  const [status, setStatus] = useState('open');
  const list = useAsync(() => requests311Api.staffList(status || undefined), [status]);
  const [error, setError] = useState<Error>();
  const change = async (request: ServiceRequest, next: 'open' | 'closed', notes?: string) => {
    setError(undefined);
    try {
      await requests311Api.update(request.service_request_id, next, notes);
      list.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <>
      <h1>{t('programs.requests311.console.title')}</h1>
      <p>{t('programs.requests311.console.intro')}</p>
      <label className="usa-label" htmlFor="requests311-status">{t('programs.requests311.console.status')}</label>
      <select className="usa-select" id="requests311-status" value={status} onChange={(e) => setStatus(e.target.value)}>
        <option value="open">{t('programs.requests311.statuses.open')}</option>
        <option value="closed">{t('programs.requests311.statuses.closed')}</option>
        <option value="">{t('programs.requests311.console.all')}</option>
      </select>
      <ErrorAlert error={list.error ?? error} />
      {list.loading && !list.data && <Loading />}
      {list.data?.length === 0 && <p>{t('programs.requests311.console.none')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="usa-table usa-table--striped width-full" data-testid="requests311-table">
          <thead>
            <tr>
              <th scope="col">{t('programs.requests311.console.columns.request')}</th>
              <th scope="col">{t('programs.requests311.console.columns.where')}</th>
              <th scope="col">{t('programs.requests311.console.columns.when')}</th>
              <th scope="col">{t('programs.requests311.console.columns.action')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.service_request_id}>
                <th scope="row">#{r.service_request_id} · {r.service_name}<span className="display-block bridges-muted">{r.description}</span></th>
                <td>{r.address ?? (r.lat !== null ? `${r.lat}, ${r.long}` : '—')}</td>
                <td>{formatDate(r.requested_datetime, { dateStyle: 'medium' })}</td>
                <td>
                  {r.status === 'open'
                    ? <button type="button" className="usa-button" onClick={() => void change(r, 'closed', t('programs.requests311.console.closedNote'))}>{t('programs.requests311.console.close')}</button>
                    : <button type="button" className="usa-button usa-button--outline" onClick={() => void change(r, 'open')}>{t('programs.requests311.console.reopen')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
