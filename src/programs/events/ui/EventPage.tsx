/** /events/:eventId: everything about one event, RSVP, and "add to calendar". */
import { useState } from 'react';
import type { RouteParams } from '../../../web/programs.js';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, InfoAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { eventsApi, feeds, type PublicEvent, type RsvpReceipt } from './api.js';
import { availability } from './EventCard.js';
import { formatEventTime, languageName } from './format.js';
import { useEventsI18n } from './i18n.js';
import { RsvpForm } from './RsvpForm.js';
import { RsvpReceiptPanel } from './RsvpReceipt.js';

export function EventPage({ params }: RouteParams) {
  const { e } = useEventsI18n();
  const id = Number(params.eventId);
  const event = useAsync(() => (Number.isInteger(id) && id > 0 ? eventsApi.publicEvent(id) : Promise.reject(new Error(e('detail.notFound')))), [id]);
  return (
    <PortalLayout>
      <p><Link href="/events">{e('detail.back')}</Link></p>
      {event.loading && !event.data && <Loading />}
      {event.error && <><h1>{e('detail.notFoundTitle')}</h1><ErrorAlert error={event.error} /></>}
      {event.data && <EventDetails event={event.data} onChanged={event.reload} />}
    </PortalLayout>
  );
}

function EventDetails({ event, onChanged }: { event: PublicEvent; onChanged(): void }) {
  const i18n = useEventsI18n();
  const { e, pick, locale } = i18n;
  const title = pick(event.title);
  useDocumentTitle(e('detail.documentTitle', { title }));
  const [receipt, setReceipt] = useState<RsvpReceipt>();
  const access = pick(event.accessibility);
  const places = event.capacity === null ? e('detail.noLimit') : availability(i18n, event) ?? e('detail.capacity', { n: event.capacity });

  return (
    <article aria-labelledby="event-title" data-testid="event-page">
      <p className="margin-bottom-0">
        <span className="usa-tag">{pick(event.type.name)}</span>
        {event.isDemo && <span className="usa-tag bridges-demo-tag">{e('demo')}</span>}
      </p>
      <h1 id="event-title" className="margin-top-1">{title}</h1>
      {event.status === 'cancelled' && (
        <div className="usa-alert usa-alert--warning usa-alert--slim" data-testid="event-cancelled"><div className="usa-alert__body"><p className="usa-alert__text">{e('detail.cancelled')}</p></div></div>
      )}
      <dl className="bridges-events__facts">
        <div><dt>{e('detail.when')}</dt><dd data-testid="event-when">{formatEventTime(i18n, event)}</dd></div>
        <div><dt>{e('detail.where')}</dt><dd>{event.placeName}{event.address && <><br />{event.address}</>}</dd></div>
        <div><dt>{e('detail.accessibility')}</dt><dd>{access || e('detail.accessibilityNone')}</dd></div>
        <div><dt>{e('detail.languages')}</dt><dd>{event.languages.map((code) => languageName(code, locale)).join(', ')}</dd></div>
        <div><dt>{e('detail.places')}</dt><dd data-testid="event-places">{places}</dd></div>
        <div><dt>{e('detail.host')}</dt><dd>{event.agencyName}</dd></div>
      </dl>
      <div className="bridges-events__description">
        {pick(event.description).split(/\n{2,}/).map((paragraph, i) => <p key={i}>{paragraph}</p>)}
      </div>
      <p>
        <a className="usa-button usa-button--outline" href={feeds.event(event.id, locale)} data-testid="event-ics" download={`event-${event.id}.ics`}>
          {e('detail.addToCalendar')}
        </a>
      </p>
      <section aria-labelledby="rsvp-heading" className="margin-top-4">
        <h2 id="rsvp-heading">{e('rsvp.heading')}</h2>
        {receipt ? <RsvpReceiptPanel receipt={receipt} /> : event.rsvpOpen ? (
          <RsvpForm event={event} onDone={(r) => { setReceipt(r); onChanged(); }} />
        ) : (
          <InfoAlert>{event.status === 'cancelled' ? e('rsvp.closedCancelled') : e('rsvp.closedStarted')}</InfoAlert>
        )}
      </section>
      {event.surveyOpen && (
        <section aria-labelledby="survey-heading" className="margin-top-4">
          <h2 id="survey-heading">{e('survey.invite')}</h2>
          <p><Link className="usa-button" href={`/events/${event.id}/survey`}>{e('survey.open')}</Link></p>
        </section>
      )}
    </article>
  );
}
