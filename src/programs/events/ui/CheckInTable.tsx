import { useState, type FormEvent } from 'react';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { eventsApi, type StaffEvent, type StaffRsvp } from './api.js';
import { useEventsI18n } from './i18n.js';

/** The door list: one checkbox per party (names only when given), and the walk-in count. */
export function CheckInTable({ event, onChanged }: { event: StaffEvent; onChanged(): void }) {
  const { e } = useEventsI18n();
  const rsvps = useAsync(() => eventsApi.rsvps(event.id), [event.id]);
  const [walkIns, setWalkIns] = useState(String(event.walkIns));
  const [error, setError] = useState<Error>();

  const toggle = async (rsvp: StaffRsvp, checked: boolean) => {
    setError(undefined);
    try {
      await eventsApi.checkIn(event.id, rsvp.id, checked);
      rsvps.reload();
      onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };
  const saveWalkIns = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    try {
      await eventsApi.walkIns(event.id, Number(walkIns));
      onChanged();
    } catch (err) {
      setError(err as Error);
    }
  };
  const active = rsvps.data?.filter((r) => r.status !== 'cancelled') ?? [];

  return (
    <section aria-labelledby="check-in-heading" className="margin-top-4">
      <h2 id="check-in-heading">{e('checkIn.heading')}</h2>
      <p>{e('checkIn.intro')}</p>
      <ErrorAlert error={rsvps.error ?? error} />
      {rsvps.data && active.length === 0 && <p>{e('checkIn.none')}</p>}
      {active.length > 0 && (
        <table className="usa-table usa-table--borderless width-full" data-testid="check-in-table">
          <caption>{e('checkIn.caption', { n: active.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{e('checkIn.columns.who')}</th>
              <th scope="col">{e('checkIn.columns.party')}</th>
              <th scope="col">{e('checkIn.columns.status')}</th>
              <th scope="col">{e('checkIn.columns.arrived')}</th>
            </tr>
          </thead>
          <tbody>
            {active.map((rsvp) => {
              const who = rsvp.name ?? e('checkIn.anonymous', { id: rsvp.id });
              return (
                <tr key={rsvp.id} data-testid={`rsvp-row-${rsvp.id}`}>
                  <th scope="row">{who}</th>
                  <td>{rsvp.partySize}</td>
                  <td>{rsvp.status === 'waitlisted' ? e('checkIn.waitlisted', { position: rsvp.position ?? 1 }) : e('status.confirmed')}</td>
                  <td>
                    <div className="usa-checkbox">
                      <input className="usa-checkbox__input" type="checkbox" id={`check-in-${rsvp.id}`} checked={rsvp.checkedIn} onChange={(ev) => void toggle(rsvp, ev.target.checked)} />
                      <label className="usa-checkbox__label" htmlFor={`check-in-${rsvp.id}`}>
                        {e('checkIn.arrived')}<span className="usa-sr-only"> {who}</span>
                      </label>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="usa-form" onSubmit={saveWalkIns} data-testid="walk-ins-form">
        <label className="usa-label" htmlFor="walk-ins">{e('checkIn.walkIns')}</label>
        <span className="usa-hint" id="walk-ins-hint">{e('checkIn.walkInsHint')}</span>
        <input className="usa-input usa-input--small" type="number" min={0} id="walk-ins" aria-describedby="walk-ins-hint" value={walkIns} onChange={(ev) => setWalkIns(ev.target.value)} />
        <button className="usa-button margin-top-1" type="submit">{e('checkIn.saveWalkIns')}</button>
      </form>
    </section>
  );
}
