import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { eventsApi, type PublicEvent, type RsvpReceipt } from './api.js';
import { useEventsI18n } from './i18n.js';

/**
 * RSVP without an account. Nothing personal is required. E-mail or phone are only for reminders and only
 * with the consent box ticked; the box is never pre-ticked.
 */
export function RsvpForm({ event, onDone }: { event: PublicEvent; onDone(receipt: RsvpReceipt): void }) {
  const { e, t, locale } = useEventsI18n();
  const [partySize, setPartySize] = useState(1);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | Error>();
  const [busy, setBusy] = useState(false);
  const maxParty = Math.min(10, event.capacity ?? 10);
  const full = event.spotsLeft !== null && event.spotsLeft < partySize;

  const submit = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    if ((email.trim() || phone.trim()) && !consent) {
      setError(e('rsvp.consentNeeded'));
      document.getElementById('rsvp-consent')?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onDone(await eventsApi.rsvp(event.id, {
        partySize, name: name.trim() || undefined, email: consent ? email.trim() || undefined : undefined,
        phone: consent ? phone.trim() || undefined : undefined, contactConsent: consent, locale,
      }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} data-testid="rsvp-form" noValidate>
      <p>{e('rsvp.intro')}</p>
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="rsvp-party">{e('rsvp.partySize')}</label>
      <select className="usa-select" id="rsvp-party" value={partySize} onChange={(ev) => setPartySize(Number(ev.target.value))}>
        {Array.from({ length: maxParty }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
      {full && <p className="usa-hint" data-testid="rsvp-waitlist-note">{e('rsvp.waitlistNote')}</p>}
      <label className="usa-label" htmlFor="rsvp-name">{e('rsvp.name')} <span className="usa-hint">{t('common.optional')}</span></label>
      <span className="usa-hint" id="rsvp-name-hint">{e('rsvp.nameHint')}</span>
      <input className="usa-input" id="rsvp-name" autoComplete="given-name" maxLength={120} aria-describedby="rsvp-name-hint" value={name} onChange={(ev) => setName(ev.target.value)} />
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{e('rsvp.remindersLegend')}</legend>
        <p className="usa-hint" id="rsvp-contact-hint">{e('rsvp.remindersHint')}</p>
        <label className="usa-label" htmlFor="rsvp-email">{e('rsvp.email')} <span className="usa-hint">{t('common.optional')}</span></label>
        <input className="usa-input" id="rsvp-email" type="email" autoComplete="email" maxLength={200} aria-describedby="rsvp-contact-hint" value={email} onChange={(ev) => setEmail(ev.target.value)} />
        <label className="usa-label" htmlFor="rsvp-phone">{e('rsvp.phone')} <span className="usa-hint">{t('common.optional')}</span></label>
        <input className="usa-input" id="rsvp-phone" type="tel" autoComplete="tel" maxLength={40} aria-describedby="rsvp-contact-hint" value={phone} onChange={(ev) => setPhone(ev.target.value)} />
        <div className="usa-checkbox margin-top-2">
          <input className="usa-checkbox__input" id="rsvp-consent" type="checkbox" checked={consent} onChange={(ev) => setConsent(ev.target.checked)} data-testid="rsvp-consent" />
          <label className="usa-checkbox__label" htmlFor="rsvp-consent">{e('rsvp.consent')}</label>
        </div>
      </fieldset>
      <button className="usa-button margin-top-3" type="submit" disabled={busy} data-testid="rsvp-submit">{full ? e('rsvp.joinWaitlist') : e('rsvp.submit')}</button>
    </form>
  );
}
