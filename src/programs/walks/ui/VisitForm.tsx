import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import type { Codes, Visit } from './api.js';
import { uuid } from './outbox.js';

const OUTCOMES: Visit['outcome'][] = ['conversation', 'no_answer', 'left_material', 'declined'];

export interface VisitFormProps {
  codes: Codes;
  /** The block of the last door, kept for the next one (teams walk a block at a time). */
  block: string;
  onSave(visit: Visit): void;
}

/** One door, made for a phone in one hand: big choices, details only when there was a conversation. */
export function VisitForm({ codes, block: lastBlock, onSave }: VisitFormProps) {
  const { t, pick, locale } = useI18n();
  const k = (key: string) => t(`programs.walks.field.${key}`);
  const [block, setBlock] = useState(lastBlock);
  const [outcome, setOutcome] = useState<Visit['outcome']>('conversation');
  const [concerns, setConcerns] = useState<string[]>([]);
  const [concernNote, setConcernNote] = useState('');
  const [resources, setResources] = useState<string[]>([]);
  const [wantsWatch, setWantsWatch] = useState(false);
  const [wantsVolunteer, setWantsVolunteer] = useState(false);
  const [consent, setConsent] = useState(false);
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [tipText, setTipText] = useState('');
  const [language, setLanguage] = useState<'en' | 'es'>(locale === 'es' ? 'es' : 'en');
  const [error, setError] = useState<string>();
  const talked = outcome === 'conversation';
  const interested = wantsWatch || wantsVolunteer;

  const toggle = (list: string[], set: (v: string[]) => void, code: string) => set(list.includes(code) ? list.filter((c) => c !== code) : [...list, code]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (talked && interested && consent && !contactPhone.trim() && !contactEmail.trim()) {
      setError(k('needContact'));
      return;
    }
    setError(undefined);
    const keep = talked && interested && consent;
    onSave({
      id: uuid(), visitedAt: new Date().toISOString(), block: block.trim() || null, outcome,
      concerns: talked ? concerns : [], concernNote: talked && concernNote.trim() ? concernNote.trim() : null,
      resources, wantsWatch: talked && wantsWatch, wantsVolunteer: talked && wantsVolunteer, consent: keep,
      contactName: keep ? contactName.trim() || null : null, contactPhone: keep ? contactPhone.trim() || null : null,
      contactEmail: keep ? contactEmail.trim() || null : null, tipText: talked && tipText.trim() ? tipText.trim() : null, language,
    });
    setOutcome('conversation'); setConcerns([]); setConcernNote(''); setResources([]); setWantsWatch(false); setWantsVolunteer(false);
    setConsent(false); setContactName(''); setContactPhone(''); setContactEmail(''); setTipText('');
  };

  const check = (id: string, checked: boolean, onChange: () => void, label: string) => (
    <div className="usa-checkbox" key={id}>
      <input className="usa-checkbox__input" type="checkbox" id={id} checked={checked} onChange={onChange} />
      <label className="usa-checkbox__label" htmlFor={id}>{label}</label>
    </div>
  );

  return (
    <form className="usa-form bridges-walk-visit" onSubmit={submit} data-testid="visit-form">
      <label className="usa-label" htmlFor="visit-block">{k('block')}</label>
      <span className="usa-hint" id="visit-block-hint">{k('blockHint')}</span>
      <input className="usa-input" id="visit-block" aria-describedby="visit-block-hint" value={block} maxLength={120} onChange={(e) => setBlock(e.target.value)} />
      <fieldset className="usa-fieldset margin-top-2">
        <legend className="usa-legend">{k('outcome')}</legend>
        {OUTCOMES.map((o) => (
          <div className="usa-radio" key={o}>
            <input className="usa-radio__input usa-radio__input--tile" type="radio" id={`visit-outcome-${o}`} name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            <label className="usa-radio__label" htmlFor={`visit-outcome-${o}`}>{k(`outcomes.${o}`)}</label>
          </div>
        ))}
      </fieldset>
      {talked && (
        <>
          <fieldset className="usa-fieldset margin-top-2">
            <legend className="usa-legend">{k('concerns')}</legend>
            {codes.concerns.map((c) => check(`visit-concern-${c.code}`, concerns.includes(c.code), () => toggle(concerns, setConcerns, c.code), pick(c.label)))}
          </fieldset>
          <label className="usa-label" htmlFor="visit-concern-note">{k('concernNote')}</label>
          <textarea className="usa-textarea" id="visit-concern-note" maxLength={2000} value={concernNote} onChange={(e) => setConcernNote(e.target.value)} />
        </>
      )}
      <fieldset className="usa-fieldset margin-top-2">
        <legend className="usa-legend">{k('resources')}</legend>
        {codes.resources.map((r) => check(`visit-resource-${r.code}`, resources.includes(r.code), () => toggle(resources, setResources, r.code), pick(r.label)))}
      </fieldset>
      {talked && (
        <>
          <fieldset className="usa-fieldset margin-top-2">
            <legend className="usa-legend">{k('interest')}</legend>
            {check('visit-watch', wantsWatch, () => setWantsWatch(!wantsWatch), k('wantsWatch'))}
            {check('visit-volunteer', wantsVolunteer, () => setWantsVolunteer(!wantsVolunteer), k('wantsVolunteer'))}
          </fieldset>
          {interested && (
            <div className="bridges-walk-consent" data-testid="consent-block">
              {check('visit-consent', consent, () => setConsent(!consent), k('consent'))}
              {consent && (
                <>
                  <label className="usa-label" htmlFor="visit-contact-name">{k('contactName')}</label>
                  <input className="usa-input" id="visit-contact-name" autoComplete="off" maxLength={120} value={contactName} onChange={(e) => setContactName(e.target.value)} />
                  <label className="usa-label" htmlFor="visit-contact-phone">{k('contactPhone')}</label>
                  <input className="usa-input" id="visit-contact-phone" type="tel" autoComplete="off" maxLength={40} value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} />
                  <label className="usa-label" htmlFor="visit-contact-email">{k('contactEmail')}</label>
                  <input className="usa-input" id="visit-contact-email" type="email" autoComplete="off" maxLength={200} value={contactEmail} onChange={(e) => setContactEmail(e.target.value)} />
                </>
              )}
            </div>
          )}
          <label className="usa-label" htmlFor="visit-tip">{k('tip')}</label>
          <span className="usa-hint" id="visit-tip-hint">{k('tipHint')}</span>
          <textarea className="usa-textarea" id="visit-tip" aria-describedby="visit-tip-hint" maxLength={5000} value={tipText} onChange={(e) => setTipText(e.target.value)} />
          <label className="usa-label" htmlFor="visit-language">{k('language')}</label>
          <select className="usa-select" id="visit-language" value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'es')}>
            <option value="en">English</option>
            <option value="es">Español</option>
          </select>
        </>
      )}
      {error && <p className="usa-error-message" role="alert">{error}</p>}
      <button type="submit" className="usa-button usa-button--big width-full margin-top-3">{k('save')}</button>
    </form>
  );
}
