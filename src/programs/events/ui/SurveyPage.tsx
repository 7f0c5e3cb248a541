/** /events/:eventId/survey: one rating and an optional comment, anonymous. */
import { useState, type FormEvent } from 'react';
import type { RouteParams } from '../../../web/programs.js';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, InfoAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { eventsApi } from './api.js';
import { useEventsI18n } from './i18n.js';

export function SurveyPage({ params }: RouteParams) {
  const { e, pick } = useEventsI18n();
  useDocumentTitle(e('survey.documentTitle'));
  const id = Number(params.eventId);
  const event = useAsync(() => eventsApi.publicEvent(id), [id]);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | Error>();

  const submit = async (formEvent: FormEvent) => {
    formEvent.preventDefault();
    if (!rating) {
      setError(e('survey.ratingNeeded'));
      return;
    }
    try {
      await eventsApi.survey(id, rating, comment.trim());
      setSent(true);
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <PortalLayout>
      <p><Link href={`/events/${id}`}>{e('survey.back')}</Link></p>
      <h1>{e('survey.title')}</h1>
      {event.loading && !event.data && <Loading />}
      <ErrorAlert error={event.error} />
      {event.data && <p className="usa-intro">{pick(event.data.title)}</p>}
      {sent && <SuccessAlert>{e('survey.thanks')}</SuccessAlert>}
      {event.data && !event.data.surveyOpen && !sent && <InfoAlert>{e('survey.closed')}</InfoAlert>}
      {event.data?.surveyOpen && !sent && (
        <form className="usa-form usa-form--large" onSubmit={submit} data-testid="survey-form">
          <p>{e('survey.anonymous')}</p>
          <ErrorAlert error={error} />
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">{e('survey.ratingLegend')}</legend>
            {[5, 4, 3, 2, 1].map((value) => (
              <div className="usa-radio" key={value}>
                <input className="usa-radio__input" id={`survey-rating-${value}`} type="radio" name="rating" value={value} checked={rating === value} onChange={() => setRating(value)} />
                <label className="usa-radio__label" htmlFor={`survey-rating-${value}`}>{e(`survey.ratings.${value}`)}</label>
              </div>
            ))}
          </fieldset>
          <label className="usa-label" htmlFor="survey-comment">{e('survey.comment')}</label>
          <span className="usa-hint" id="survey-comment-hint">{e('survey.commentHint')}</span>
          <textarea className="usa-textarea" id="survey-comment" maxLength={2000} aria-describedby="survey-comment-hint" value={comment} onChange={(ev) => setComment(ev.target.value)} />
          <button className="usa-button margin-top-2" type="submit">{e('survey.submit')}</button>
        </form>
      )}
    </PortalLayout>
  );
}
