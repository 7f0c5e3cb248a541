import { useState, type FormEvent } from 'react';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, SuccessAlert } from '../../../web/components/Alerts.js';
import { watchApi, type Channel } from './api.js';
import { useWatchI18n } from './i18n.js';

/** Writing an alert to the group (both languages; each member gets theirs) and the alerts sent before. */
export function AlertsPanel({ groupId }: { groupId: number }) {
  const { w, pick, formatDate } = useWatchI18n();
  const alerts = useAsync(() => watchApi.alerts(groupId), [groupId]);
  const [v, setV] = useState({ subjectEn: '', subjectEs: '', bodyEn: '', bodyEs: '' });
  const [channels, setChannels] = useState<Channel[]>(['email', 'sms']);
  const [error, setError] = useState<Error>();
  const [message, setMessage] = useState<string>();
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const toggle = (channel: Channel, on: boolean) => setChannels(on ? [...new Set([...channels, channel])] : channels.filter((c) => c !== channel));

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const sent = await watchApi.sendAlert(groupId, { subject: { en: v.subjectEn, es: v.subjectEs }, body: { en: v.bodyEn, es: v.bodyEs }, channels });
      setMessage(w('alerts.sent', { email: sent.sentEmail, sms: sent.sentSms, failed: sent.failed }));
      setV({ subjectEn: '', subjectEs: '', bodyEn: '', bodyEs: '' });
      alerts.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <section aria-labelledby="group-alerts-heading" className="margin-top-4">
      <h2 id="group-alerts-heading">{w('alerts.heading')}</h2>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <form className="usa-form usa-form--large" onSubmit={send} data-testid="watch-alert-form">
        <ErrorAlert error={error} />
        <label className="usa-label" htmlFor="alert-subject-en">{w('alerts.subjectEn')}</label>
        <input className="usa-input" id="alert-subject-en" lang="en" required maxLength={120} value={v.subjectEn} onChange={set('subjectEn')} />
        <label className="usa-label" htmlFor="alert-subject-es">{w('alerts.subjectEs')}</label>
        <input className="usa-input" id="alert-subject-es" lang="es" required maxLength={120} value={v.subjectEs} onChange={set('subjectEs')} />
        <label className="usa-label" htmlFor="alert-body-en">{w('alerts.bodyEn')}</label>
        <textarea className="usa-textarea" id="alert-body-en" lang="en" required maxLength={1200} value={v.bodyEn} onChange={set('bodyEn')} />
        <label className="usa-label" htmlFor="alert-body-es">{w('alerts.bodyEs')}</label>
        <textarea className="usa-textarea" id="alert-body-es" lang="es" required maxLength={1200} value={v.bodyEs} onChange={set('bodyEs')} />
        <fieldset className="usa-fieldset margin-top-2">
          <legend className="usa-legend">{w('alerts.channels')}</legend>
          {(['email', 'sms'] as const).map((c) => (
            <div className="usa-checkbox" key={c}>
              <input className="usa-checkbox__input" type="checkbox" id={`alert-channel-${c}`} checked={channels.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
              <label className="usa-checkbox__label" htmlFor={`alert-channel-${c}`}>{w(`channels.${c}`)}</label>
            </div>
          ))}
        </fieldset>
        <button className="usa-button margin-top-2" type="submit">{w('alerts.send')}</button>
      </form>
      <ErrorAlert error={alerts.error} />
      {alerts.data && alerts.data.length > 0 && (
        <>
          <h3>{w('alerts.history')}</h3>
          <ul className="usa-list">
            {alerts.data.map((a) => <li key={a.id}><strong>{pick(a.subject)}</strong> – {formatDate(a.sentAt, { dateStyle: 'medium', timeStyle: 'short' })} · {w('alerts.reached', { email: a.sentEmail, sms: a.sentSms })}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}
