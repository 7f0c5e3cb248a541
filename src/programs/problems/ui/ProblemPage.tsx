/** One problem through SARA: the stage stepper, the analysis, linked incidents and hot spots, responses, assessment. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle, Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { useCategories } from '../../../web/hooks/useCategories.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useSession } from '../../../web/console/session.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import type { RouteParams } from '../../../web/programs.js';
import { problemsApi, STAGES, type ProblemDetail } from './api.js';
import { AssessmentView } from './AssessmentView.js';

export function ProblemPage({ params }: RouteParams) {
  return (
    <ConsoleLayout permission="problems:read" wide>
      <ProblemView id={Number(params.problemId)} />
    </ConsoleLayout>
  );
}

function ProblemView({ id }: { id: number }) {
  const { t, formatDate } = useI18n();
  const session = useSession();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.problems.problem.${key}`, vars);
  const [version, setVersion] = useState(0);
  const loaded = useAsync(() => problemsApi.get(id), [id, version]);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  const p = loaded.data;
  useDocumentTitle(k('documentTitle', { title: p?.title ?? '' }));
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!p) return <Loading />;
  const manage = session.can('problems:manage');
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await fn();
      setMessage(done);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e as Error);
    }
  };
  const index = STAGES.indexOf(p.stage);

  return (
    <>
      <p className="margin-0"><Link href="/console/programs/problems">{k('back')}</Link></p>
      <h1 className="margin-top-1">{p.title}</h1>
      {p.isDemo && <span className="usa-tag bridges-demo-tag margin-left-0">{t('programs.problems.demo')}</span>}
      <p>{p.description}</p>
      <p>{k('area', { area: p.areaName ?? '—' })}</p>
      <ol className="usa-step-indicator__segments" aria-label={k('stages')} data-testid="sara-steps">
        {STAGES.map((s, i) => (
          <li key={s} className={`usa-step-indicator__segment ${i < index ? 'usa-step-indicator__segment--complete' : i === index ? 'usa-step-indicator__segment--current' : ''}`} aria-current={i === index ? 'step' : undefined}>
            <span className="usa-step-indicator__segment-label">{t(`programs.problems.stages.${s}`)}</span>
          </li>
        ))}
      </ol>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={error} />
      {manage && (
        <ul className="usa-button-group margin-y-2">
          {index > 0 && <li className="usa-button-group__item"><button type="button" className="usa-button usa-button--outline" onClick={() => void act(() => problemsApi.stage(id, STAGES[index - 1]), k('moved'))}>{k('backTo', { stage: t(`programs.problems.stages.${STAGES[index - 1]}`) })}</button></li>}
          {index < STAGES.length - 1 && <li className="usa-button-group__item"><button type="button" className="usa-button" data-testid="next-stage" onClick={() => void act(() => problemsApi.stage(id, STAGES[index + 1]), k('moved'))}>{k('nextTo', { stage: t(`programs.problems.stages.${STAGES[index + 1]}`) })}</button></li>}
        </ul>
      )}
      <section aria-labelledby="scanning-heading">
        <h2 id="scanning-heading">{k('scanning')}</h2>
        <p>{k('linked', { incidents: p.counts.incidents, cells: p.hotspots.length, meetings: p.counts.meetings })}</p>
        {manage && (
          <p>
            <button type="button" className="usa-button usa-button--outline" onClick={() => void act(async () => problemsApi.linkFromArea(id, 365), k('incidentsLinked'))}>{k('linkIncidents')}</button>
            <button type="button" className="usa-button usa-button--outline" onClick={() => void act(async () => problemsApi.hotspots(id), k('hotspotsLinked'))}>{k('linkHotspots')}</button>
          </p>
        )}
        <LinkedIncidents problem={p} />
        {p.meetings.length > 0 && <ul className="usa-list">{p.meetings.map((m) => <li key={m.id}>{formatDate(m.heldAt)} · {m.place} · {k('attendance', { n: m.attendance })}: {m.issues.join('; ')}</li>)}</ul>}
      </section>
      <AnalysisForm problem={p} canEdit={manage} onSaved={() => act(async () => undefined, k('saved'))} />
      <section aria-labelledby="responses-heading">
        <h2 id="responses-heading">{k('responses')}</h2>
        {p.responses.length === 0 ? <p>{k('noResponses')}</p> : (
          <ul className="usa-list" data-testid="responses">{p.responses.map((r) => <li key={r.id}><strong>{t(`programs.problems.responseKinds.${r.kind}`)}</strong>: {r.description} · {r.byWhom}{r.isPartner ? ` (${k('partner')})` : ''} · {r.startedOn}{r.endedOn ? ` – ${r.endedOn}` : ''}</li>)}</ul>
        )}
        {session.can('problems:respond') && p.stage !== 'closed' && <ResponseForm id={id} onSaved={() => act(async () => undefined, k('responseSaved'))} />}
      </section>
      <AssessmentView problem={p} canAssess={manage} onAssessed={() => act(async () => undefined, k('assessed'))} />
      <section aria-labelledby="timeline-heading" className="margin-top-4">
        <h2 id="timeline-heading">{k('timeline')}</h2>
        <ol className="usa-list">{p.timeline.map((e, i) => <li key={i}>{formatDate(e.at, { dateStyle: 'medium', timeStyle: 'short' })} · {t(`programs.problems.events.${e.kind}`)}{e.details.stageTo ? `: ${t(`programs.problems.stages.${String(e.details.stageTo)}`)}` : ''}{e.userName ? ` · ${e.userName}` : ''}</li>)}</ol>
      </section>
    </>
  );
}

function AnalysisForm({ problem, canEdit, onSaved }: { problem: ProblemDetail; canEdit: boolean; onSaved(): void }) {
  const { t } = useI18n();
  const k = (key: string) => t(`programs.problems.analysis.${key}`);
  const [fields, setFields] = useState<Record<string, string>>({ ...problem.analysis });
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await problemsApi.update(problem.id, { analysis: fields });
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section aria-labelledby="analysis-heading">
      <h2 id="analysis-heading">{k('heading')}</h2>
      <form className="usa-form usa-form--large" onSubmit={submit}>
        <ErrorAlert error={error} />
        {['victims', 'offenders', 'places', 'findings'].map((f) => (
          <div key={f}>
            <label className="usa-label" htmlFor={`analysis-${f}`}>{k(f)}</label>
            <textarea className="usa-textarea" id={`analysis-${f}`} readOnly={!canEdit} maxLength={4000} value={fields[f] ?? ''} onChange={(e) => setFields({ ...fields, [f]: e.target.value })} />
          </div>
        ))}
        {canEdit && <button type="submit" className="usa-button margin-top-2">{k('save')}</button>}
      </form>
    </section>
  );
}

function ResponseForm({ id, onSaved }: { id: number; onSaved(): void }) {
  const { t } = useI18n();
  const k = (key: string) => t(`programs.problems.response.${key}`);
  const [kind, setKind] = useState('presence');
  const [description, setDescription] = useState('');
  const [byWhom, setByWhom] = useState('');
  const [isPartner, setIsPartner] = useState(false);
  const [startedOn, setStartedOn] = useState(new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await problemsApi.respond(id, { kind, description: description.trim(), byWhom: byWhom.trim(), isPartner, startedOn });
      setDescription('');
      onSaved();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <form className="usa-form" onSubmit={submit} data-testid="response-form">
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="response-kind">{k('kind')}</label>
      <select className="usa-select" id="response-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
        {['presence', 'enforcement', 'environmental', 'social_service', 'community', 'other'].map((x) => <option key={x} value={x}>{t(`programs.problems.responseKinds.${x}`)}</option>)}
      </select>
      <label className="usa-label" htmlFor="response-description">{k('description')}</label>
      <input className="usa-input" id="response-description" required minLength={3} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
      <label className="usa-label" htmlFor="response-by">{k('byWhom')}</label>
      <input className="usa-input" id="response-by" required minLength={2} maxLength={160} value={byWhom} onChange={(e) => setByWhom(e.target.value)} />
      <div className="usa-checkbox margin-top-1">
        <input className="usa-checkbox__input" type="checkbox" id="response-partner" checked={isPartner} onChange={() => setIsPartner(!isPartner)} />
        <label className="usa-checkbox__label" htmlFor="response-partner">{k('partner')}</label>
      </div>
      <label className="usa-label" htmlFor="response-started">{k('startedOn')}</label>
      <input className="usa-input" type="date" id="response-started" required value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />
      <button type="submit" className="usa-button margin-top-2">{k('save')}</button>
    </form>
  );
}

/** The incidents linked to the problem, newest first (the server sends up to 200 of them). */
function LinkedIncidents({ problem }: { problem: ProblemDetail }) {
  const { t, formatDate } = useI18n();
  const categories = useCategories();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.problems.problem.${key}`, vars);
  if (problem.incidents.length === 0) return null;
  return (
    <details className="margin-y-2" data-testid="linked-incidents">
      <summary>{problem.counts.incidents > problem.incidents.length
        ? k('incidentsListSome', { shown: problem.incidents.length, n: problem.counts.incidents })
        : k('incidentsList', { n: problem.incidents.length })}</summary>
      <table className="usa-table usa-table--compact">
        <caption className="usa-sr-only">{k('incidentsCaption')}</caption>
        <thead><tr><th scope="col">{k('incidentWhen')}</th><th scope="col">{k('incidentCategory')}</th><th scope="col">{k('incidentBlock')}</th></tr></thead>
        <tbody>
          {problem.incidents.map((i) => (
            <tr key={i.id}>
              <td>{formatDate(i.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td>{categories.label(i.category)}</td>
              <td>{i.hundredBlock ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
