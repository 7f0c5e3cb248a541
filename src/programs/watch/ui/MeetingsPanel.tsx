import { useState, type FormEvent } from 'react';
import { Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { watchApi, type StaffGroup } from './api.js';
import { useWatchI18n } from './i18n.js';

/**
 * The group's meetings and trainings. Each is an event of the events program (planned there, with RSVP and
 * calendar); here it is linked by id. The choice lists the events planned for the watch program.
 */
export function MeetingsPanel({ group, onChanged }: { group: StaffGroup; onChanged(): void }) {
  const { w, pick, formatDate } = useWatchI18n();
  const events = useAsync(() => watchApi.watchEvents(), []);
  const [eventId, setEventId] = useState('');
  const [kind, setKind] = useState<'meeting' | 'training'>('meeting');
  const [error, setError] = useState<string | Error>();
  const linked = new Set(group.meetings.map((m) => m.eventId));
  const choices = events.data?.filter((e) => !linked.has(e.id)) ?? [];

  const add = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    const event = choices.find((e) => e.id === Number(eventId));
    if (!event) return setError(w('meetings.chooseEvent'));
    setError(undefined);
    try {
      await watchApi.addMeeting(group.id, { eventId: event.id, kind, title: event.title, startsAt: event.startsAt });
      setEventId('');
      onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };
  const remove = async (id: number) => {
    try {
      await watchApi.removeMeeting(group.id, id);
      onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <section aria-labelledby="group-meetings-heading" className="margin-top-4">
      <h2 id="group-meetings-heading">{w('meetings.heading')}</h2>
      {group.meetings.length === 0 ? <p>{w('group.noMeetings')}</p> : (
        <ul className="usa-list">
          {group.meetings.map((m) => (
            <li key={m.eventId}>
              <Link href={`/events/${m.eventId}`}>{pick(m.title)}</Link> ({w(`kinds.${m.kind}`)}, {formatDate(m.startsAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: group.timeZone })}){' '}
              <button type="button" className="usa-button usa-button--unstyled" onClick={() => void remove(m.eventId)}>{w('meetings.unlink')}<span className="usa-sr-only"> {pick(m.title)}</span></button>
            </li>
          ))}
        </ul>
      )}
      <form className="usa-form" onSubmit={add}>
        <ErrorAlert error={error ?? events.error} />
        <label className="usa-label" htmlFor="meeting-event">{w('meetings.event')}</label>
        <span className="usa-hint" id="meeting-event-hint">{w('meetings.eventHint')}</span>
        <select className="usa-select" id="meeting-event" aria-describedby="meeting-event-hint" value={eventId} onChange={(e) => setEventId(e.target.value)}>
          <option value="">{w('meetings.chooseEvent')}</option>
          {choices.map((e) => <option key={e.id} value={e.id}>{pick(e.title)} – {formatDate(e.startsAt, { dateStyle: 'medium', timeZone: e.timeZone })}</option>)}
        </select>
        <label className="usa-label" htmlFor="meeting-kind">{w('meetings.kind')}</label>
        <select className="usa-select" id="meeting-kind" value={kind} onChange={(e) => setKind(e.target.value as 'meeting' | 'training')}>
          <option value="meeting">{w('kinds.meeting')}</option>
          <option value="training">{w('kinds.training')}</option>
        </select>
        <button className="usa-button margin-top-2" type="submit">{w('meetings.link')}</button>
      </form>
    </section>
  );
}
