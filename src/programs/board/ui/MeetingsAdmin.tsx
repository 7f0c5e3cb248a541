import { useState, type FormEvent } from 'react';
import { Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { useSession } from '../../../web/console/session.js';
import { boardApi } from './api.js';
import { useBoardI18n } from './i18n.js';

/**
 * Board meetings: each is planned as an event (Events, program "Community Advisory Board") for RSVP and
 * calendars, then added here by choosing that event; agenda, minutes and attendance live here.
 */
export function MeetingsAdmin() {
  const { b, pick, formatDate } = useBoardI18n();
  const timeZone = useSession().user?.agency.timeZone ?? 'UTC';
  const meetings = useAsync(() => boardApi.meetings(), []);
  const events = useAsync(() => boardApi.boardEvents(), []);
  const linked = new Set(meetings.data?.map((m) => m.eventId));
  const choices = events.data?.filter((e) => !linked.has(e.id)) ?? [];
  const [eventId, setEventId] = useState('');
  const [agendaEn, setAgendaEn] = useState('');
  const [agendaEs, setAgendaEs] = useState('');
  const [error, setError] = useState<string | Error>();

  const add = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const event = choices.find((e) => e.id === Number(eventId));
    if (!event) return setError(b('meetings.chooseEvent'));
    setError(undefined);
    try {
      await boardApi.createMeeting({ eventId: event.id, title: event.title, startsAt: event.startsAt, agenda: { en: agendaEn, es: agendaEs } });
      setEventId('');
      setAgendaEn('');
      setAgendaEs('');
      meetings.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <section aria-labelledby="board-meetings-h" id="board-meetings" className="margin-top-5">
      <h2 id="board-meetings-h">{b('meetings.heading')}</h2>
      <ErrorAlert error={meetings.error} />
      {meetings.data && meetings.data.length > 0 && (
        <ul className="usa-list" data-testid="board-meetings-admin">
          {meetings.data.map((m) => (
            <li key={m.id}>
              <Link href={`/console/programs/board/meetings/${m.id}`}>{pick(m.title)}</Link> – {formatDate(m.startsAt, { dateStyle: 'medium', timeStyle: 'short', timeZone })} · {b(`status.${m.status}`)}
              {m.hasMinutes ? ` · ${b('page.minutesAvailable')}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>{b('meetings.addHeading')}</h3>
      <form className="usa-form usa-form--large" onSubmit={add}>
        <ErrorAlert error={error ?? events.error} />
        <label className="usa-label" htmlFor="board-meeting-event">{b('meetings.event')}</label>
        <span className="usa-hint" id="board-meeting-event-hint">{b('meetings.eventHint')}</span>
        <select className="usa-select" id="board-meeting-event" aria-describedby="board-meeting-event-hint" value={eventId} onChange={(e) => setEventId(e.target.value)}>
          <option value="">{b('meetings.chooseEvent')}</option>
          {choices.map((e) => <option key={e.id} value={e.id}>{pick(e.title)} – {formatDate(e.startsAt, { dateStyle: 'medium', timeZone: e.timeZone })}</option>)}
        </select>
        <label className="usa-label" htmlFor="board-agenda-en">{b('meetings.agendaEn')}</label>
        <textarea className="usa-textarea" id="board-agenda-en" lang="en" required value={agendaEn} onChange={(e) => setAgendaEn(e.target.value)} />
        <label className="usa-label" htmlFor="board-agenda-es">{b('meetings.agendaEs')}</label>
        <textarea className="usa-textarea" id="board-agenda-es" lang="es" required value={agendaEs} onChange={(e) => setAgendaEs(e.target.value)} />
        <button className="usa-button margin-top-2" type="submit">{b('meetings.add')}</button>
      </form>
    </section>
  );
}
