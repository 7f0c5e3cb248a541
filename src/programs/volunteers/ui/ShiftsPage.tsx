/** Shifts: who is signed up, places left, signing an active volunteer up, and adding a shift. */
import { useState, type FormEvent } from 'react';
import { useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { volunteersApi, type Shift, type VolunteerProgram, type VolunteerSummary } from './api.js';
import { ConsoleFrame } from './ConsoleFrame.js';
import { useVolunteersI18n } from './i18n.js';

export function ShiftsPage() {
  return <ConsoleFrame><Shifts /></ConsoleFrame>;
}

function Shifts() {
  const { v } = useVolunteersI18n();
  useDocumentTitle(v('shifts.documentTitle'));
  const shifts = useAsync(() => volunteersApi.shifts(), []);
  const active = useAsync(() => volunteersApi.volunteers({ state: 'active' }), []);
  const programs = useAsync(() => volunteersApi.programs(), []);
  const [message, setMessage] = useState<string>();
  return (
    <>
      <h1>{v('shifts.title')}</h1>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={shifts.error ?? active.error ?? programs.error} />
      {shifts.loading && !shifts.data && <Loading />}
      {shifts.data?.length === 0 && <p>{v('shifts.none')}</p>}
      {shifts.data?.map((shift) => (
        <ShiftCard key={shift.id} shift={shift} volunteers={active.data ?? []} onChanged={(text) => { setMessage(text); shifts.reload(); }} />
      ))}
      {programs.data && <NewShift programs={programs.data} onCreated={(shift) => { setMessage(v('shifts.created', { title: shift.title })); shifts.reload(); }} />}
    </>
  );
}

function ShiftCard({ shift, volunteers, onChanged }: { shift: Shift; volunteers: VolunteerSummary[]; onChanged(text: string): void }) {
  const { v, pick, formatDate } = useVolunteersI18n();
  const [volunteerId, setVolunteerId] = useState('');
  const [error, setError] = useState<Error>();
  const left = shift.capacity - shift.volunteers.length;
  const candidates = volunteers.filter((vol) => vol.programId === shift.programId && !shift.volunteers.some((s) => s.id === vol.id));
  const signUp = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await volunteersApi.signUp(shift.id, Number(volunteerId));
      setVolunteerId('');
      onChanged(v('shifts.signedUp', { title: shift.title }));
    } catch (e) {
      setError(e as Error);
    }
  };
  const selectId = `shift-${shift.id}-volunteer`;
  return (
    <section className="usa-summary-box margin-bottom-2" aria-labelledby={`shift-${shift.id}-title`} data-testid={`shift-${shift.id}`}>
      <h2 className="usa-summary-box__heading" id={`shift-${shift.id}-title`}>{shift.title}</h2>
      <p>{pick(shift.programName)} · {formatDate(shift.startsAt, { dateStyle: 'full', timeStyle: 'short' })} – {formatDate(shift.endsAt, { timeStyle: 'short' })}{shift.location && ` · ${shift.location}`}</p>
      <p>{v('shifts.places', { taken: shift.volunteers.length, capacity: shift.capacity })}</p>
      {shift.volunteers.length > 0 && <ul className="usa-list">{shift.volunteers.map((s) => <li key={s.id}>{s.name}</li>)}</ul>}
      <ErrorAlert error={error} />
      {left > 0 && candidates.length > 0 && (
        <form className="bridges-filters__row" onSubmit={signUp}>
          <div>
            <label className="usa-label" htmlFor={selectId}>{v('shifts.volunteer')}</label>
            <select className="usa-select" id={selectId} required value={volunteerId} onChange={(e) => setVolunteerId(e.target.value)}>
              <option value="">{v('shifts.choose')}</option>
              {candidates.map((c) => <option key={c.id} value={c.id}>{c.givenName} {c.familyName}</option>)}
            </select>
          </div>
          <div className="bridges-filters__actions"><button className="usa-button" type="submit">{v('shifts.signUp')}</button></div>
        </form>
      )}
      {left === 0 && <p className="bridges-muted">{v('shifts.full')}</p>}
    </section>
  );
}

function NewShift({ programs, onCreated }: { programs: VolunteerProgram[]; onCreated(shift: Shift): void }) {
  const { v, pick } = useVolunteersI18n();
  const [programId, setProgramId] = useState(String(programs[0]?.id ?? ''));
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [capacity, setCapacity] = useState('4');
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const shift = await volunteersApi.createShift({
        programId: Number(programId), title: title.trim(), location: location.trim(), capacity: Number(capacity),
        // datetime-local is the browser's local time without a zone; the API wants an instant.
        startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString(),
      });
      setTitle('');
      onCreated(shift);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section aria-labelledby="new-shift-heading" className="margin-top-4">
      <h2 id="new-shift-heading">{v('shifts.newHeading')}</h2>
      <form className="usa-form" onSubmit={submit}>
        <ErrorAlert error={error} />
        <label className="usa-label" htmlFor="shift-program">{v('console.columns.program')}</label>
        <select className="usa-select" id="shift-program" value={programId} onChange={(e) => setProgramId(e.target.value)}>
          {programs.map((p) => <option key={p.id} value={p.id}>{pick(p.name)}</option>)}
        </select>
        <label className="usa-label" htmlFor="shift-title">{v('shifts.titleField')}</label>
        <input className="usa-input" id="shift-title" required maxLength={160} value={title} onChange={(e) => setTitle(e.target.value)} />
        <label className="usa-label" htmlFor="shift-location">{v('shifts.location')}</label>
        <input className="usa-input" id="shift-location" maxLength={200} value={location} onChange={(e) => setLocation(e.target.value)} />
        <label className="usa-label" htmlFor="shift-starts">{v('shifts.starts')}</label>
        <input className="usa-input" type="datetime-local" id="shift-starts" required value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        <label className="usa-label" htmlFor="shift-ends">{v('shifts.ends')}</label>
        <input className="usa-input" type="datetime-local" id="shift-ends" required value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
        <label className="usa-label" htmlFor="shift-capacity">{v('shifts.capacity')}</label>
        <input className="usa-input" type="number" id="shift-capacity" min="1" max="500" required value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        <button className="usa-button margin-top-2" type="submit">{v('shifts.create')}</button>
      </form>
    </section>
  );
}
