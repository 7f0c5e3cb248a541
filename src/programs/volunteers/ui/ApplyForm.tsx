/**
 * The application form: the program, who you are, how to reach you (only with your consent), and for anyone
 * under 18 a parent or guardian's name, contact and consent. Problems are listed at the top, each linked to
 * its field, and repeated beside the field.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { AGE_BANDS, volunteersApi, type VolunteerProgram } from './api.js';
import { bandLabel } from './ages.js';
import { Field } from './Field.js';
import { useVolunteersI18n } from './i18n.js';
import { isMinorBand, toApplication, validateApplication, type ApplyFields, type FieldErrors } from './applyValidation.js';

export interface ApplyFormProps {
  programs: VolunteerProgram[];
  initialProgramId?: number;
  onApplied(answer: { programName: Record<string, string>; agencyName: string; contact: 'email' | 'phone' | 'text' }): void;
}

export function ApplyForm({ programs, initialProgramId, onApplied }: ApplyFormProps) {
  const i18n = useVolunteersI18n();
  const { v, pick, locale, locales } = i18n;
  const [f, setF] = useState<ApplyFields>({
    programId: initialProgramId && programs.some((p) => p.id === initialProgramId) ? String(initialProgramId) : '',
    givenName: '', familyName: '', ageBand: '', email: '', phone: '', preferredContact: 'email', language: locale, motivation: '',
    contactConsent: false, guardianName: '', guardianContact: '', guardianConsent: false, website: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const set = <K extends keyof ApplyFields>(key: K, value: ApplyFields[K]) => setF((current) => ({ ...current, [key]: value }));
  const program = programs.find((p) => String(p.id) === f.programId);
  const bands = program ? AGE_BANDS.filter((b) => program.ageBands.includes(b)) : AGE_BANDS;
  const error = (field: keyof ApplyFields) => (errors[field] ? v(`apply.errors.${errors[field]}`) : undefined);
  const minor = isMinorBand(f.ageBand);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateApplication(f, program);
    setErrors(found);
    setServerError(undefined);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const answer = await volunteersApi.apply(toApplication(f));
      onApplied({ ...answer, contact: f.preferredContact });
    } catch (e) {
      setServerError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const text = (key: 'givenName' | 'familyName' | 'email' | 'phone' | 'guardianName' | 'guardianContact', type = 'text', autoComplete?: string, hint?: string) => (
    <Field id={`apply-${key}`} label={v(`apply.${key}`)} hint={hint} error={error(key)}>
      {(describedBy, invalid) => (
        <input className={`usa-input${invalid ? ' usa-input--error' : ''}`} id={`apply-${key}`} type={type} autoComplete={autoComplete} value={f[key]}
          aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set(key, e.target.value)} />
      )}
    </Field>
  );
  const check = (key: 'contactConsent' | 'guardianConsent', label: string) => (
    <div className={`usa-form-group${errors[key] ? ' usa-form-group--error' : ''}`}>
      {errors[key] && <span className="usa-error-message" id={`apply-${key}-error`}>{error(key)}</span>}
      <div className="usa-checkbox">
        <input className="usa-checkbox__input" id={`apply-${key}`} type="checkbox" checked={f[key]} aria-describedby={errors[key] ? `apply-${key}-error` : undefined}
          onChange={(e) => set(key, e.target.checked)} />
        <label className="usa-checkbox__label" htmlFor={`apply-${key}`}>{label}</label>
      </div>
    </div>
  );

  return (
    <form className="usa-form usa-form--large bridges-apply" onSubmit={submit} noValidate data-testid="volunteer-apply-form">
      {Object.keys(errors).length > 0 && (
        <div className="usa-alert usa-alert--error" ref={summary} tabIndex={-1} data-testid="apply-errors">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">{v('apply.errors.heading')}</h2>
            <ul className="usa-list">
              {(Object.keys(errors) as Array<keyof ApplyFields>).map((key) => (
                <li key={key}><a href={`#apply-${key}`}>{error(key)}</a></li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <ErrorAlert error={serverError} />
      <Field id="apply-programId" label={v('apply.program')} error={error('programId')}>
        {(describedBy, invalid) => (
          <select className={`usa-select${invalid ? ' usa-input--error' : ''}`} id="apply-programId" value={f.programId} aria-describedby={describedBy}
            aria-invalid={invalid || undefined} onChange={(e) => set('programId', e.target.value)}>
            <option value="">{v('apply.chooseProgram')}</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{pick(p.name)}</option>)}
          </select>
        )}
      </Field>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{v('apply.aboutYou')}</legend>
        {text('givenName', 'text', 'given-name')}
        {text('familyName', 'text', 'family-name')}
        <Field id="apply-ageBand" label={v('apply.ageBand')} hint={v('apply.ageBandHint')} error={error('ageBand')}>
          {(describedBy, invalid) => (
            <select className={`usa-select${invalid ? ' usa-input--error' : ''}`} id="apply-ageBand" value={f.ageBand} aria-describedby={describedBy}
              aria-invalid={invalid || undefined} onChange={(e) => set('ageBand', e.target.value)}>
              <option value="">{v('apply.chooseAge')}</option>
              {bands.map((b) => <option key={b} value={b}>{bandLabel(i18n, b)}</option>)}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">{v('apply.contact')}</legend>
        <p className="usa-hint">{v('apply.contactHint')}</p>
        {text('email', 'email', 'email')}
        {text('phone', 'tel', 'tel')}
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">{v('apply.preferredContact')}</legend>
          {(['email', 'phone', 'text'] as const).map((way) => (
            <div className="usa-radio" key={way}>
              <input className="usa-radio__input" id={`apply-contact-${way}`} type="radio" name="preferredContact" value={way} checked={f.preferredContact === way}
                onChange={() => set('preferredContact', way)} />
              <label className="usa-radio__label" htmlFor={`apply-contact-${way}`}>{v(`apply.contactBy.${way}`)}</label>
            </div>
          ))}
        </fieldset>
        <label className="usa-label" htmlFor="apply-language">{v('apply.language')}</label>
        <select className="usa-select" id="apply-language" value={f.language} onChange={(e) => set('language', e.target.value)}>
          {locales.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>)}
        </select>
        <label className="usa-label" htmlFor="apply-motivation">{v('apply.motivation')} <span className="bridges-muted">{i18n.t('common.optional')}</span></label>
        <textarea className="usa-textarea" id="apply-motivation" maxLength={2000} value={f.motivation} onChange={(e) => set('motivation', e.target.value)} />
        {check('contactConsent', v('apply.contactConsent'))}
      </fieldset>
      {minor && (
        <fieldset className="usa-fieldset" data-testid="guardian-fields">
          <legend className="usa-legend usa-legend--large">{v('apply.guardian')}</legend>
          <p className="usa-hint">{v('apply.guardianHint')}</p>
          {text('guardianName', 'text', 'off')}
          {text('guardianContact', 'text', 'off', v('apply.guardianContactHint'))}
          {check('guardianConsent', v('apply.guardianConsent'))}
        </fieldset>
      )}
      {/* Left empty by people (it is hidden from them and from screen readers); automated submitters fill it in. */}
      <div className="bridges-trap" aria-hidden="true">
        <label htmlFor="apply-website">Website</label>
        <input id="apply-website" type="text" tabIndex={-1} autoComplete="off" value={f.website} onChange={(e) => set('website', e.target.value)} />
      </div>
      <button className="usa-button margin-top-3" type="submit" disabled={busy} data-testid="apply-submit">{v('apply.submit')}</button>
    </form>
  );
}
