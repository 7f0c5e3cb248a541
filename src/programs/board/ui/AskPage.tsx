/** /board/ask: a question for the Chief, without an account; an e-mail only to hear when it is answered. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { agencyParam, boardApi } from './api.js';
import { useBoardI18n } from './i18n.js';

export function AskPage() {
  const { b, t, locale } = useBoardI18n();
  useDocumentTitle(b('ask.documentTitle'));
  const agency = agencyParam();
  const [question, setQuestion] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | Error>();
  const [reference, setReference] = useState<number>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { if (reference) heading.current?.focus(); }, [reference]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (question.trim().length < 10) return setError(b('ask.tooShort'));
    if (email.trim() && !consent) return setError(b('ask.needConsent'));
    setError(undefined);
    try {
      const answer = await boardApi.ask({ agency, question: question.trim(), language: locale, email: consent ? email.trim() || undefined : undefined, contactConsent: consent && Boolean(email.trim()) });
      setReference(answer.reference);
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <PortalLayout>
      <p><Link href={`/board${agency ? `?agency=${agency}` : ''}`}>{b('back')}</Link></p>
      <h1>{b('ask.title')}</h1>
      {reference ? (
        <div className="usa-alert usa-alert--success" data-testid="board-ask-receipt">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading" tabIndex={-1} ref={heading}>{b('ask.thanksTitle')}</h2>
            <p className="usa-alert__text">{b('ask.thanks', { reference })}</p>
          </div>
        </div>
      ) : (
        <form className="usa-form usa-form--large" onSubmit={submit} noValidate data-testid="board-ask-form">
          <p>{b('ask.intro')}</p>
          <ErrorAlert error={error} />
          <label className="usa-label" htmlFor="ask-question">{b('ask.question')}</label>
          <span className="usa-hint" id="ask-question-hint">{b('ask.questionHint')}</span>
          <textarea className="usa-textarea" id="ask-question" maxLength={2000} required aria-describedby="ask-question-hint" value={question} onChange={(e) => setQuestion(e.target.value)} />
          <fieldset className="usa-fieldset margin-top-3">
            <legend className="usa-legend">{b('ask.replyLegend')}</legend>
            <label className="usa-label" htmlFor="ask-email">{b('ask.email')} <span className="usa-hint">{t('common.optional')}</span></label>
            <span className="usa-hint" id="ask-email-hint">{b('ask.emailHint')}</span>
            <input className="usa-input" id="ask-email" type="email" autoComplete="email" maxLength={200} aria-describedby="ask-email-hint" value={email} onChange={(e) => setEmail(e.target.value)} />
            <div className="usa-checkbox margin-top-2">
              <input className="usa-checkbox__input" id="ask-consent" type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
              <label className="usa-checkbox__label" htmlFor="ask-consent">{b('ask.consent')}</label>
            </div>
          </fieldset>
          <button className="usa-button margin-top-3" type="submit" data-testid="board-ask-submit">{b('ask.submit')}</button>
        </form>
      )}
    </PortalLayout>
  );
}
