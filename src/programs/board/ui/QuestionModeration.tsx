import { useState, type FormEvent } from 'react';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, SuccessAlert } from '../../../web/components/Alerts.js';
import { boardApi, type Moderation, type StaffQuestion } from './api.js';
import { useBoardI18n } from './i18n.js';

/** The queue: new and accepted questions. Answering publishes an edited question (names removed) with the answer. */
export function QuestionModeration() {
  const { b } = useBoardI18n();
  const questions = useAsync(() => boardApi.staffQuestions(), []);
  const [message, setMessage] = useState<string>();
  const open = questions.data?.filter((q) => q.status === 'received' || q.status === 'accepted') ?? [];
  const moderated = (q: StaffQuestion) => {
    setMessage(b(`moderation.done.${q.status}`, { id: q.id }));
    questions.reload();
  };
  return (
    <section aria-labelledby="board-questions-h" id="board-questions" className="margin-top-3">
      <h2 id="board-questions-h">{b('moderation.heading')}</h2>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={questions.error} />
      {questions.data && open.length === 0 && <p>{b('moderation.none')}</p>}
      <ol className="usa-list usa-list--unstyled">
        {open.map((q) => <QuestionItem key={q.id} question={q} onDone={moderated} />)}
      </ol>
    </section>
  );
}

function QuestionItem({ question, onDone }: { question: StaffQuestion; onDone(q: StaffQuestion): void }) {
  const { b, formatDate } = useBoardI18n();
  const [answering, setAnswering] = useState(false);
  const [qEn, setQEn] = useState(question.language === 'en' ? question.question : '');
  const [qEs, setQEs] = useState(question.language === 'es' ? question.question : '');
  const [aEn, setAEn] = useState('');
  const [aEs, setAEs] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error>();
  const p = `question-${question.id}`;

  const act = async (moderation: Moderation) => {
    setError(undefined);
    try {
      onDone(await boardApi.moderate(question.id, moderation));
    } catch (err) {
      setError(err as Error);
    }
  };
  const answer = (event: FormEvent) => {
    event.preventDefault();
    void act({ action: 'answer', publishedQuestion: { en: qEn, es: qEs }, answer: { en: aEn, es: aEs }, note: note || undefined });
  };

  return (
    <li className="bridges-board__moderation" data-testid={`moderation-${question.id}`}>
      <h3 className="margin-bottom-05">{b('moderation.questionNumber', { id: question.id })} <span className="usa-tag">{b(`questionStatus.${question.status}`)}</span></h3>
      <p className="bridges-muted margin-top-0">{formatDate(question.createdAt, { dateStyle: 'medium', timeStyle: 'short' })} · {b(`languages.${question.language}`)}{question.wantsReply ? ` · ${b('moderation.wantsReply')}` : ''}</p>
      <blockquote className="bridges-board__original" lang={question.language}>{question.question}</blockquote>
      <ErrorAlert error={error} />
      {answering ? (
        <form className="usa-form usa-form--large" onSubmit={answer} data-testid={`answer-form-${question.id}`}>
          <p className="usa-hint">{b('moderation.publishHint')}</p>
          <label className="usa-label" htmlFor={`${p}-q-en`}>{b('moderation.questionEn')}</label>
          <textarea className="usa-textarea" id={`${p}-q-en`} lang="en" required value={qEn} onChange={(e) => setQEn(e.target.value)} />
          <label className="usa-label" htmlFor={`${p}-q-es`}>{b('moderation.questionEs')}</label>
          <textarea className="usa-textarea" id={`${p}-q-es`} lang="es" required value={qEs} onChange={(e) => setQEs(e.target.value)} />
          <label className="usa-label" htmlFor={`${p}-a-en`}>{b('moderation.answerEn')}</label>
          <textarea className="usa-textarea" id={`${p}-a-en`} lang="en" required value={aEn} onChange={(e) => setAEn(e.target.value)} />
          <label className="usa-label" htmlFor={`${p}-a-es`}>{b('moderation.answerEs')}</label>
          <textarea className="usa-textarea" id={`${p}-a-es`} lang="es" required value={aEs} onChange={(e) => setAEs(e.target.value)} />
          <button className="usa-button margin-top-2" type="submit">{b('moderation.publish')}</button>
          <button className="usa-button usa-button--unstyled" type="button" onClick={() => setAnswering(false)}>{b('moderation.cancel')}</button>
        </form>
      ) : (
        <>
          <label className="usa-label" htmlFor={`${p}-note`}>{b('moderation.note')}</label>
          <span className="usa-hint" id={`${p}-note-hint`}>{b('moderation.noteHint')}</span>
          <input className="usa-input" id={`${p}-note`} aria-describedby={`${p}-note-hint`} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
          <ul className="usa-button-group margin-top-1">
            <li className="usa-button-group__item"><button type="button" className="usa-button" onClick={() => setAnswering(true)}>{b('moderation.answer')}<span className="usa-sr-only"> {b('moderation.questionNumber', { id: question.id })}</span></button></li>
            {question.status === 'received' && (
              <li className="usa-button-group__item"><button type="button" className="usa-button usa-button--outline" onClick={() => void act({ action: 'accept', note: note || undefined })}>{b('moderation.accept')}<span className="usa-sr-only"> {b('moderation.questionNumber', { id: question.id })}</span></button></li>
            )}
            <li className="usa-button-group__item"><button type="button" className="usa-button usa-button--secondary" onClick={() => void act({ action: 'decline', note })}>{b('moderation.decline')}<span className="usa-sr-only"> {b('moderation.questionNumber', { id: question.id })}</span></button></li>
          </ul>
        </>
      )}
    </li>
  );
}
