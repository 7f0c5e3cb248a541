/**
 * /events/rsvp#<token>: the private link from the RSVP. The token is in the fragment, which browsers never
 * send to a server, so it appears in no request line or log; the page sends it in a POST body.
 */
import { useState } from 'react';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { eventsApi } from './api.js';
import { useEventsI18n } from './i18n.js';

export function CancelRsvpPage() {
  const i18n = useEventsI18n();
  const { e, pick } = i18n;
  useDocumentTitle(e('cancel.documentTitle'));
  const token = window.location.hash.replace(/^#/, '');
  const rsvp = useAsync(() => (token ? eventsApi.lookup(token) : Promise.reject(new Error(e('cancel.noToken')))), [token]);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<Error>();

  const cancel = async () => {
    setError(undefined);
    try {
      await eventsApi.cancel(token);
      setDone(true);
      rsvp.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <PortalLayout>
      <h1>{e('cancel.title')}</h1>
      {rsvp.loading && !rsvp.data && <Loading />}
      <ErrorAlert error={rsvp.error ?? error} />
      {done && <SuccessAlert>{e('cancel.done')}</SuccessAlert>}
      {rsvp.data && (
        <div data-testid="rsvp-lookup">
          <p>
            {e('cancel.for')} <Link href={`/events/${rsvp.data.eventId}`}>{pick(rsvp.data.title)}</Link>,{' '}
            {i18n.formatDate(rsvp.data.startsAt, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: rsvp.data.timeZone })}
          </p>
          <p data-testid="rsvp-state">
            {rsvp.data.status === 'waitlisted'
              ? e('cancel.stateWaitlisted', { position: rsvp.data.position ?? 1, n: rsvp.data.partySize })
              : e(`cancel.state.${rsvp.data.status}`, { n: rsvp.data.partySize })}
          </p>
          {rsvp.data.status !== 'cancelled' && (
            <button type="button" className="usa-button usa-button--secondary" onClick={() => void cancel()} data-testid="rsvp-cancel">{e('cancel.button')}</button>
          )}
        </div>
      )}
    </PortalLayout>
  );
}
