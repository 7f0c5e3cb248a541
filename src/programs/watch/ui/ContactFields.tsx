import { useWatchI18n } from './i18n.js';

export interface ContactValue { name: string; email: string; phone: string; consent: boolean; message: string }

/**
 * The contact part of a join or start request: a name (optional), an e-mail or mobile number (at least one,
 * since alerts must reach the member), explicit consent, and an optional message.
 */
export function ContactFields({ idPrefix, value, onChange }: { idPrefix: string; value: ContactValue; onChange(value: ContactValue): void }) {
  const { w, t } = useWatchI18n();
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = (key: keyof ContactValue) => (event: { target: { value: string; checked?: boolean } }) =>
    onChange({ ...value, [key]: key === 'consent' ? Boolean(event.target.checked) : event.target.value });
  return (
    <>
      <label className="usa-label" htmlFor={id('name')}>{w('form.name')} <span className="usa-hint">{t('common.optional')}</span></label>
      <input className="usa-input" id={id('name')} autoComplete="given-name" maxLength={120} value={value.name} onChange={set('name')} />
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{w('form.contactLegend')}</legend>
        <p className="usa-hint" id={id('contact-hint')}>{w('form.contactHint')}</p>
        <label className="usa-label" htmlFor={id('email')}>{w('form.email')}</label>
        <input className="usa-input" id={id('email')} type="email" autoComplete="email" maxLength={200} aria-describedby={id('contact-hint')} value={value.email} onChange={set('email')} />
        <label className="usa-label" htmlFor={id('phone')}>{w('form.phone')}</label>
        <input className="usa-input" id={id('phone')} type="tel" autoComplete="tel" maxLength={40} aria-describedby={id('contact-hint')} value={value.phone} onChange={set('phone')} />
        <div className="usa-checkbox margin-top-2">
          <input className="usa-checkbox__input" id={id('consent')} type="checkbox" checked={value.consent} onChange={set('consent')} data-testid="watch-consent" />
          <label className="usa-checkbox__label" htmlFor={id('consent')}>{w('form.consent')}</label>
        </div>
      </fieldset>
      <label className="usa-label" htmlFor={id('message')}>{w('form.message')} <span className="usa-hint">{t('common.optional')}</span></label>
      <span className="usa-hint" id={id('message-hint')}>{w('form.messageHint')}</span>
      <textarea className="usa-textarea" id={id('message')} maxLength={1000} aria-describedby={id('message-hint')} value={value.message} onChange={set('message')} />
    </>
  );
}

export const emptyContact: ContactValue = { name: '', email: '', phone: '', consent: false, message: '' };

/** The client-side check, with the same wording as the server's: say what is missing before sending. */
export function contactProblem(value: ContactValue, w: (key: string) => string): string | null {
  if (!value.email.trim() && !value.phone.trim()) return w('form.needContact');
  if (!value.consent) return w('form.needConsent');
  return null;
}
