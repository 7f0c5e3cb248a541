/** /watch/leave#<token>: withdraw a request or leave a group. The token stays in the fragment, out of any request line. */
import { useState } from 'react';
import { useDocumentTitle } from '../../../web/router.js';
import { ErrorAlert, SuccessAlert } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { watchApi } from './api.js';
import { useWatchI18n } from './i18n.js';

export function LeavePage() {
  const { w } = useWatchI18n();
  useDocumentTitle(w('leave.documentTitle'));
  const token = window.location.hash.replace(/^#/, '');
  const [result, setResult] = useState<{ outcome: string; groupName: string | null }>();
  const [error, setError] = useState<Error>();
  const leave = async () => {
    setError(undefined);
    try {
      setResult(await watchApi.leave(token));
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <PortalLayout>
      <h1>{w('leave.title')}</h1>
      {!token && <ErrorAlert error={w('leave.noToken')} />}
      <ErrorAlert error={error} />
      {result ? <SuccessAlert>{w(`leave.${result.outcome}`, { group: result.groupName ?? '' })}</SuccessAlert> : token && (
        <>
          <p>{w('leave.intro')}</p>
          <button type="button" className="usa-button usa-button--secondary" onClick={() => void leave()} data-testid="watch-leave">{w('leave.button')}</button>
        </>
      )}
    </PortalLayout>
  );
}
