/** /events: every upcoming event, filtered by kind, with calendar feeds to subscribe to. */
import { useState } from 'react';
import { useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { eventsApi, feeds } from './api.js';
import { EventCard } from './EventCard.js';
import { useEventsI18n } from './i18n.js';

export function EventsPage() {
  const { e, pick, locale } = useEventsI18n();
  useDocumentTitle(e('list.documentTitle'));
  const [type, setType] = useState('');
  const types = useAsync(() => eventsApi.types(), []);
  const events = useAsync(() => eventsApi.publicList({ type: type || undefined }), [type]);
  const feedUrl = type ? feeds.type(type, locale) : feeds.site(locale);
  const typeName = pick(types.data?.find((t) => t.code === type)?.name);

  return (
    <PortalLayout>
      <h1>{e('list.title')}</h1>
      <p className="usa-intro">{e('list.intro')}</p>
      <div className="bridges-events__filters">
        <label className="usa-label" htmlFor="events-type">{e('list.typeLabel')}</label>
        <select className="usa-select" id="events-type" value={type} onChange={(event) => setType(event.target.value)} data-testid="events-type">
          <option value="">{e('list.allTypes')}</option>
          {types.data?.map((t) => <option key={t.code} value={t.code}>{pick(t.name)}</option>)}
        </select>
      </div>
      <ErrorAlert error={events.error ?? types.error} />
      {events.loading && !events.data && <Loading />}
      <div aria-live="polite" aria-busy={events.loading}>
        {events.data && <p className="bridges-muted" data-testid="events-count">{e('list.count', { n: events.data.length })}</p>}
        {events.data?.length === 0 && <p>{e('list.none')}</p>}
      </div>
      {events.data && events.data.length > 0 && (
        <ul className="usa-card-group bridges-events__list" aria-label={e('list.listLabel')}>
          {events.data.map((event) => <EventCard key={event.id} event={event} />)}
        </ul>
      )}
      <section aria-labelledby="events-subscribe" className="margin-top-5 bridges-events__subscribe">
        <h2 id="events-subscribe">{e('list.subscribeHeading')}</h2>
        <p>{type ? e('list.subscribeType', { type: typeName }) : e('list.subscribeAll')}</p>
        <p>
          <a className="usa-button usa-button--outline" href={feedUrl} data-testid="calendar-feed">{e('list.subscribeLink')}</a>
        </p>
        <label className="usa-label" htmlFor="events-feed-url">{e('list.feedUrlLabel')}</label>
        <input className="usa-input bridges-events__feed-url" id="events-feed-url" readOnly value={feedUrl} onFocus={(event) => event.target.select()} />
      </section>
    </PortalLayout>
  );
}
