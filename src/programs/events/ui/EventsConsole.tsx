/** Console page of the events program: the agency's events and a form for a new one. */
import { useState } from 'react';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useSession } from '../../../web/console/session.js';
import { eventsApi, type StaffEvent } from './api.js';
import { EventForm } from './EventForm.js';
import { formatShort } from './format.js';
import { useEventsI18n } from './i18n.js';

export const EVENTS_PERMISSION = 'events:manage';

export function EventsConsole() {
  return (
    <ConsoleLayout permission={EVENTS_PERMISSION}>
      <EventsList />
    </ConsoleLayout>
  );
}

function EventsList() {
  const i18n = useEventsI18n();
  const { e, pick } = i18n;
  useDocumentTitle(e('console.documentTitle'));
  const timeZone = useSession().user?.agency.timeZone ?? 'UTC';
  const events = useAsync(() => eventsApi.list(), []);
  const [message, setMessage] = useState<string>();
  const [formKey, setFormKey] = useState(0);
  const saved = (event: StaffEvent) => {
    setMessage(e(`console.saved.${event.status}`, { title: pick(event.title) }));
    setFormKey((k) => k + 1);
    events.reload();
  };
  const now = Date.now();
  const upcoming = events.data?.filter((ev) => new Date(ev.endsAt).getTime() > now).reverse() ?? [];
  const past = events.data?.filter((ev) => new Date(ev.endsAt).getTime() <= now) ?? [];

  return (
    <>
      <h1>{e('console.title')}</h1>
      <p>{e('console.intro')}</p>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={events.error} />
      {events.loading && !events.data && <Loading />}
      {events.data && (
        <>
          <EventTable caption={e('console.upcomingCaption', { n: upcoming.length })} events={upcoming} timeZone={timeZone} testId="events-upcoming" />
          <EventTable caption={e('console.pastCaption', { n: past.length })} events={past} timeZone={timeZone} testId="events-past" />
        </>
      )}
      <section aria-labelledby="new-event-heading" className="margin-top-5">
        <h2 id="new-event-heading">{e('console.newHeading')}</h2>
        <EventForm key={formKey} timeZone={timeZone} onSaved={saved} />
      </section>
    </>
  );
}

function EventTable({ caption, events, timeZone, testId }: { caption: string; events: StaffEvent[]; timeZone: string; testId: string }) {
  const i18n = useEventsI18n();
  const { e, pick } = i18n;
  if (events.length === 0) return <p>{caption}</p>;
  return (
    <table className="usa-table usa-table--striped width-full" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{e('console.columns.event')}</th>
          <th scope="col">{e('console.columns.when')}</th>
          <th scope="col">{e('console.columns.status')}</th>
          <th scope="col">{e('console.columns.rsvps')}</th>
          <th scope="col">{e('console.columns.attendance')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-testid={`staff-event-${event.id}`}>
            <th scope="row">
              <Link href={`/console/programs/events/${event.id}`}>{pick(event.title)}</Link>
              {event.isDemo && <span className="usa-tag bridges-demo-tag">{e('demo')}</span>}
              <span className="display-block bridges-muted">{pick(event.type.name)}</span>
            </th>
            <td>{formatShort(i18n, event.startsAt, timeZone)}</td>
            <td>{e(`status.${event.status}`)}</td>
            <td>{e('console.rsvpCounts', { confirmed: event.confirmed, waitlisted: event.waitlisted, capacity: event.capacity ?? '∞' })}</td>
            <td>{event.attendance}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
