/** /console/programs/events/:eventId: one event at the door and afterwards: check-in, walk-ins, survey, edit. */
import { useState } from 'react';
import type { RouteParams } from '../../../web/programs.js';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useSession } from '../../../web/console/session.js';
import { eventsApi, type StaffEvent } from './api.js';
import { CheckInTable } from './CheckInTable.js';
import { EventForm } from './EventForm.js';
import { EVENTS_PERMISSION } from './EventsConsole.js';
import { formatEventTime } from './format.js';
import { useEventsI18n } from './i18n.js';

export function EventConsolePage({ params }: RouteParams) {
  return (
    <ConsoleLayout permission={EVENTS_PERMISSION}>
      <EventConsole id={Number(params.eventId)} />
    </ConsoleLayout>
  );
}

function EventConsole({ id }: { id: number }) {
  const i18n = useEventsI18n();
  const { e, pick } = i18n;
  const timeZone = useSession().user?.agency.timeZone ?? 'UTC';
  const event = useAsync(() => eventsApi.get(id), [id]);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  useDocumentTitle(e('console.eventDocumentTitle', { title: pick(event.data?.title) }));

  const saved = (updated: StaffEvent) => {
    setEditing(false);
    setMessage(e(`console.saved.${updated.status}`, { title: pick(updated.title) }));
    event.reload();
  };
  const cancelEvent = async () => {
    if (!event.data || !window.confirm(e('console.confirmCancel'))) return;
    try {
      saved(await eventsApi.update(id, { status: 'cancelled' }));
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <>
      <p><Link href="/console/programs/events">{e('console.back')}</Link></p>
      {event.loading && !event.data && <Loading />}
      <ErrorAlert error={event.error ?? error} />
      {message && <SuccessAlert>{message}</SuccessAlert>}
      {event.data && (
        <>
          <h1>{pick(event.data.title)}</h1>
          <p>
            {formatEventTime(i18n, event.data)} · {event.data.placeName} · {e(`status.${event.data.status}`)}
            {event.data.status !== 'draft' && <> · <Link href={`/events/${id}`}>{e('console.publicPage')}</Link></>}
          </p>
          <dl className="bridges-events__figures" data-testid="event-figures">
            <div><dt>{e('console.figures.confirmed')}</dt><dd>{event.data.confirmed}{event.data.capacity ? ` / ${event.data.capacity}` : ''}</dd></div>
            <div><dt>{e('console.figures.waitlisted')}</dt><dd>{event.data.waitlisted}</dd></div>
            <div><dt>{e('console.figures.checkedIn')}</dt><dd data-testid="figure-checked-in">{event.data.checkedIn}</dd></div>
            <div><dt>{e('console.figures.walkIns')}</dt><dd>{event.data.walkIns}</dd></div>
            <div><dt>{e('console.figures.attendance')}</dt><dd data-testid="figure-attendance">{event.data.attendance}</dd></div>
            <div><dt>{e('console.figures.rating')}</dt><dd>{event.data.averageRating === null ? '–' : e('console.ratingValue', { rating: event.data.averageRating, n: event.data.surveyCount })}</dd></div>
          </dl>
          <CheckInTable event={event.data} onChanged={event.reload} />
          <SurveyResults id={id} />
          <section aria-labelledby="edit-heading" className="margin-top-5">
            <h2 id="edit-heading">{e('console.editHeading')}</h2>
            {editing
              ? <EventForm timeZone={timeZone} event={event.data} onSaved={saved} onCancel={() => setEditing(false)} />
              : event.data.status !== 'cancelled' && (
                <ul className="usa-button-group">
                  <li className="usa-button-group__item"><button type="button" className="usa-button usa-button--outline" onClick={() => setEditing(true)}>{e('console.edit')}</button></li>
                  <li className="usa-button-group__item"><button type="button" className="usa-button usa-button--secondary" onClick={() => void cancelEvent()}>{e('console.cancelEvent')}</button></li>
                </ul>
              )}
          </section>
        </>
      )}
    </>
  );
}

function SurveyResults({ id }: { id: number }) {
  const { e, formatDate } = useEventsI18n();
  const survey = useAsync(() => eventsApi.surveySummary(id), [id]);
  return (
    <section aria-labelledby="survey-results-heading" className="margin-top-5">
      <h2 id="survey-results-heading">{e('console.surveyHeading')}</h2>
      <ErrorAlert error={survey.error} />
      {survey.data && survey.data.count === 0 && <p>{e('console.surveyNone')}</p>}
      {survey.data && survey.data.count > 0 && (
        <>
          <p>{e('console.surveySummary', { n: survey.data.count, rating: survey.data.averageRating ?? 0 })}</p>
          <ul className="usa-list">
            {survey.data.comments.map((c, i) => <li key={i}>“{c.comment}” ({c.rating}/5, {formatDate(c.createdAt)})</li>)}
          </ul>
        </>
      )}
    </section>
  );
}
