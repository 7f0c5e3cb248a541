import { useState, type FormEvent } from 'react';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, SuccessAlert } from '../../../web/components/Alerts.js';
import { boardApi, type StaffSeat } from './api.js';
import { useBoardI18n } from './i18n.js';

/** Seats (how many is data) and who holds each; appointing a member for a term; adding a seat. */
export function SeatsAdmin() {
  const { b, pick } = useBoardI18n();
  const seats = useAsync(() => boardApi.seats(), []);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  const [seatLabel, setSeatLabel] = useState({ en: '', es: '', body: '' });

  const addSeat = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const number = Math.max(0, ...(seats.data ?? []).map((s) => s.number)) + 1;
      await boardApi.addSeat({ number, label: { en: seatLabel.en, es: seatLabel.es }, appointingBody: seatLabel.body });
      setSeatLabel({ en: '', es: '', body: '' });
      setMessage(b('seats.added', { number }));
      seats.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <section aria-labelledby="board-seats-h" id="board-seats" className="margin-top-5">
      <h2 id="board-seats-h">{b('seats.heading')}</h2>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={seats.error ?? error} />
      {seats.data && (
        <table className="usa-table usa-table--striped usa-table--compact width-full">
          <caption>{b('seats.caption', { n: seats.data.length, filled: seats.data.filter((s) => s.member).length })}</caption>
          <thead><tr><th scope="col">{b('page.columns.seat')}</th><th scope="col">{b('page.columns.member')}</th><th scope="col">{b('seats.appoint')}</th></tr></thead>
          <tbody>
            {seats.data.map((seat) => (
              <tr key={seat.id}>
                <th scope="row">{seat.number}. {pick(seat.label)}<span className="display-block bridges-muted">{seat.appointingBody}</span></th>
                <td>{seat.member ? `${seat.member.name} (${seat.member.termStart} – ${seat.member.termEnd})` : <em>{b('page.vacant')}</em>}</td>
                <td><TermForm seat={seat} onSaved={(name) => { setMessage(b('seats.appointed', { name })); seats.reload(); }} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{b('seats.addHeading')}</h3>
      <form className="usa-form" onSubmit={addSeat}>
        <label className="usa-label" htmlFor="seat-label-en">{b('seats.labelEn')}</label>
        <input className="usa-input" id="seat-label-en" lang="en" required value={seatLabel.en} onChange={(e) => setSeatLabel({ ...seatLabel, en: e.target.value })} />
        <label className="usa-label" htmlFor="seat-label-es">{b('seats.labelEs')}</label>
        <input className="usa-input" id="seat-label-es" lang="es" required value={seatLabel.es} onChange={(e) => setSeatLabel({ ...seatLabel, es: e.target.value })} />
        <label className="usa-label" htmlFor="seat-body">{b('seats.body')}</label>
        <input className="usa-input" id="seat-body" required value={seatLabel.body} onChange={(e) => setSeatLabel({ ...seatLabel, body: e.target.value })} />
        <button className="usa-button margin-top-2" type="submit">{b('seats.add')}</button>
      </form>
    </section>
  );
}

/** Appoint someone to a seat: a vacant seat from today, a held one from the day after the current term. */
function TermForm({ seat, onSaved }: { seat: StaffSeat; onSaved(name: string): void }) {
  const { b } = useBoardI18n();
  const [open, setOpen] = useState(false);
  const start = seat.member ? nextDay(seat.member.termEnd) : new Date().toISOString().slice(0, 10);
  const [v, setV] = useState({ name: '', body: seat.appointingBody, start, end: addYears(start, 2) });
  const [error, setError] = useState<Error>();
  const p = `seat-${seat.id}`;
  if (!open) return <button type="button" className="usa-button usa-button--outline" onClick={() => setOpen(true)}>{b('seats.appoint')}<span className="usa-sr-only"> {seat.number}</span></button>;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await boardApi.addTerm(seat.id, { memberName: v.name, appointingBody: v.body, termStart: v.start, termEnd: v.end });
      setOpen(false);
      onSaved(v.name);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form onSubmit={save}>
      <ErrorAlert error={error} />
      <label className="usa-label margin-top-0" htmlFor={`${p}-name`}>{b('seats.memberName')}</label>
      <input className="usa-input" id={`${p}-name`} required value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
      <label className="usa-label" htmlFor={`${p}-body`}>{b('seats.body')}</label>
      <input className="usa-input" id={`${p}-body`} required value={v.body} onChange={(e) => setV({ ...v, body: e.target.value })} />
      <label className="usa-label" htmlFor={`${p}-start`}>{b('seats.termStart')}</label>
      <input className="usa-input" type="date" id={`${p}-start`} required value={v.start} onChange={(e) => setV({ ...v, start: e.target.value })} />
      <label className="usa-label" htmlFor={`${p}-end`}>{b('seats.termEnd')}</label>
      <input className="usa-input" type="date" id={`${p}-end`} required value={v.end} onChange={(e) => setV({ ...v, end: e.target.value })} />
      <button className="usa-button margin-top-1" type="submit">{b('seats.save')}</button>
      <button className="usa-button usa-button--unstyled" type="button" onClick={() => setOpen(false)}>{b('moderation.cancel')}</button>
    </form>
  );
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const addYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
