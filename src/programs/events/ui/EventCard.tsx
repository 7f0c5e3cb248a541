import { Link } from '../../../web/router.js';
import type { PublicEvent } from './api.js';
import { formatEventTime, languageName } from './format.js';
import { useEventsI18n } from './i18n.js';

/** One event in a list: what, when, where, and whether there is still room. */
export function EventCard({ event, headingLevel = 2 }: { event: PublicEvent; headingLevel?: 2 | 3 }) {
  const i18n = useEventsI18n();
  const { e, pick, locale } = i18n;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="usa-card bridges-event-card" data-testid="event-card">
      <div className="usa-card__container">
        <div className="usa-card__header">
          <p className="bridges-event-card__type">
            <span className="usa-tag">{pick(event.type.name)}</span>
            {event.status === 'cancelled' && <span className="usa-tag bridges-event-card__cancelled">{e('status.cancelled')}</span>}
          </p>
          <Heading className="usa-card__heading">
            <Link href={`/events/${event.id}`}>{pick(event.title)}</Link>
          </Heading>
        </div>
        <div className="usa-card__body">
          <p className="margin-y-05"><strong>{formatEventTime(i18n, event)}</strong></p>
          <p className="margin-y-05">{event.placeName}</p>
          <p className="margin-y-05 bridges-muted">
            {[
              e('card.languages', { languages: event.languages.map((code) => languageName(code, locale)).join(', ') }),
              availability(i18n, event),
            ].filter(Boolean).join(' · ')}
          </p>
        </div>
      </div>
    </li>
  );
}

/** "12 places left", "Full: wait list open", or nothing when there is no limit. */
export function availability(i18n: Pick<ReturnType<typeof useEventsI18n>, 'e' | 'plural'>, event: PublicEvent): string | null {
  if (event.status === 'cancelled' || event.spotsLeft === null) return null;
  if (!event.rsvpOpen) return null;
  return event.spotsLeft > 0 ? i18n.plural('programs.events.card.spotsLeft', event.spotsLeft) : i18n.e('card.full');
}
