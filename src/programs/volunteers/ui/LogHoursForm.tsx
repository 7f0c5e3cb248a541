import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { volunteersApi } from './api.js';
import { useVolunteersI18n } from './i18n.js';

/** Logs hours for one volunteer; they count once a coordinator approves them on the Hours page. */
export function LogHoursForm({ volunteerId, onLogged }: { volunteerId: number; onLogged(): void }) {
  const { v } = useVolunteersI18n();
  const [workedOn, setWorkedOn] = useState(new Date().toISOString().slice(0, 10));
  const [hours, setHours] = useState('2');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await volunteersApi.logHours({ volunteerId, workedOn, hours: Number(hours), description: description.trim() });
      setDescription('');
      onLogged();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <form className="usa-form" onSubmit={submit} data-testid="log-hours-form">
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="hours-date">{v('hours.date')}</label>
      <input className="usa-input" type="date" id="hours-date" required value={workedOn} onChange={(e) => setWorkedOn(e.target.value)} />
      <label className="usa-label" htmlFor="hours-hours">{v('hours.hours')}</label>
      <span className="usa-hint" id="hours-hours-hint">{v('hours.hoursHint')}</span>
      <input className="usa-input" type="number" id="hours-hours" min="0.25" max="24" step="0.25" required aria-describedby="hours-hours-hint"
        value={hours} onChange={(e) => setHours(e.target.value)} />
      <label className="usa-label" htmlFor="hours-description">{v('hours.description')}</label>
      <input className="usa-input" id="hours-description" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
      <button className="usa-button margin-top-2" type="submit">{v('hours.log')}</button>
    </form>
  );
}
