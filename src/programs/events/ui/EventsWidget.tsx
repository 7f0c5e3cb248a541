import { Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { eventsApi } from './api.js';
import { EventCard } from './EventCard.js';
import { useEventsI18n } from './i18n.js';

/** The portal home's "upcoming events": the next three, and the way to all of them. */
export function EventsWidget() {
  const { e } = useEventsI18n();
  const events = useAsync(() => eventsApi.publicList({ limit: 3 }), []);
  return (
    <section aria-labelledby="events-widget-heading" className="margin-y-4" data-testid="events-widget">
      <h2 id="events-widget-heading">{e('widget.heading')}</h2>
      {events.loading && !events.data && <Loading />}
      <ErrorAlert error={events.error} />
      {events.data?.length === 0 && <p>{e('list.none')}</p>}
      {events.data && events.data.length > 0 && (
        <ul className="usa-card-group bridges-events__list">
          {events.data.map((event) => <EventCard key={event.id} event={event} headingLevel={3} />)}
        </ul>
      )}
      <p><Link href="/events" className="usa-link">{e('widget.all')}</Link></p>
    </section>
  );
}
