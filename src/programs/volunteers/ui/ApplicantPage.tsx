/** One applicant: contact details (the read is audited), guardian consent, the timeline and the next steps. */
import { useState } from 'react';
import { Link, useDocumentTitle } from '../../../web/router.js';
import type { RouteParams } from '../../../web/programs.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { volunteersApi, type Pipeline, type VolunteerDetail } from './api.js';
import { bandLabel } from './ages.js';
import { CONSOLE_BASE, ConsoleFrame } from './ConsoleFrame.js';
import { LogHoursForm } from './LogHoursForm.js';
import { useVolunteersI18n } from './i18n.js';

export function ApplicantPage({ params }: RouteParams) {
  return <ConsoleFrame><Applicant id={Number(params.volunteerId)} /></ConsoleFrame>;
}

function Applicant({ id }: { id: number }) {
  const i18n = useVolunteersI18n();
  const { v, pick, formatDate } = i18n;
  const detail = useAsync(() => volunteersApi.volunteer(id), [id]);
  const pipeline = useAsync(() => volunteersApi.pipeline(), []);
  const [message, setMessage] = useState<string>();
  const a = detail.data;
  useDocumentTitle(a ? v('detail.documentTitle', { name: `${a.givenName} ${a.familyName}` }) : v('console.documentTitle'));
  const label = (code: string | null) => (code ? pick(pipeline.data?.states.find((s) => s.code === code)?.label) || code : '');
  return (
    <>
      <p><Link href={CONSOLE_BASE}>{v('detail.back')}</Link></p>
      <ErrorAlert error={detail.error ?? pipeline.error} />
      {detail.loading && !a && <Loading />}
      {a && (
        <>
          <h1>{a.givenName} {a.familyName}</h1>
          {message && <SuccessAlert>{message}</SuccessAlert>}
          <dl className="bridges-figures margin-bottom-3">
            <div><dt>{v('console.columns.program')}</dt><dd data-testid="applicant-program">{pick(a.programName)}</dd></div>
            <div><dt>{v('console.columns.state')}</dt><dd data-testid="applicant-state-now">{label(a.state)}</dd></div>
            <div><dt>{v('console.columns.age')}</dt><dd>{bandLabel(i18n, a.ageBand)}</dd></div>
          </dl>
          <h2>{v('detail.contact')}</h2>
          <ul className="usa-list">
            {a.email && <li>{v('apply.email')}: {a.email}</li>}
            {a.phone && <li>{v('apply.phone')}: {a.phone}</li>}
            <li>{v('apply.preferredContact')}: {v(`apply.contactBy.${a.preferredContact}`)}</li>
            <li>{v('detail.consent', { date: formatDate(a.contactConsentAt, { dateStyle: 'medium' }) })}</li>
          </ul>
          {a.guardian && (
            <div data-testid="applicant-guardian">
              <h2>{v('apply.guardian')}</h2>
              <p>{a.guardian.name} · {a.guardian.contact} · {v('detail.guardianConsent', { date: formatDate(a.guardian.consentAt, { dateStyle: 'medium' }) })}</p>
            </div>
          )}
          {a.motivation && <><h2>{v('apply.motivation')}</h2><p>{a.motivation}</p></>}
          {pipeline.data?.states.find((st) => st.code === a.state)?.serving && <ShiftLink key={a.id} volunteerId={a.id} name={a.givenName} />}
          {pipeline.data && <NextSteps applicant={a} pipeline={pipeline.data} label={label} onMoved={(updated, to) => { detail.reload(); setMessage(v('detail.moved', { state: label(to), name: updated.givenName })); }} />}
          <h2>{v('detail.timeline')}</h2>
          <ol className="bridges-timeline" data-testid="applicant-timeline">
            {a.timeline.map((step) => (
              <li key={step.id}>
                <strong>{label(step.to)}</strong> · {formatDate(step.at, { dateStyle: 'medium', timeStyle: 'short' })}
                {step.actor && <> · {step.actor}</>}
                {step.note && <div className="bridges-muted">{step.note}</div>}
              </li>
            ))}
          </ol>
          {!['applied', 'interview'].includes(a.state) && (
            <>
              <h2>{v('hours.logHeading')}</h2>
              <LogHoursForm volunteerId={a.id} onLogged={() => { detail.reload(); setMessage(v('hours.logged')); }} />
            </>
          )}
        </>
      )}
    </>
  );
}

interface NextStepsProps {
  applicant: VolunteerDetail;
  pipeline: Pipeline;
  label(code: string): string;
  onMoved(updated: VolunteerDetail, to: string): void;
}

/** The states this applicant may move to (from the transitions table), each a button, with an optional note. */
function NextSteps({ applicant, pipeline, label, onMoved }: NextStepsProps) {
  const { v } = useVolunteersI18n();
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const next = pipeline.transitions.filter((t) => t.from === applicant.state).map((t) => t.to);
  const move = async (to: string) => {
    setBusy(true);
    setError(undefined);
    try {
      onMoved(await volunteersApi.transition(applicant.id, to, note.trim()), to);
      setNote('');
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="next-steps-heading" data-testid="next-steps">
      <h2 id="next-steps-heading">{v('detail.nextSteps')}</h2>
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="transition-note">{v('detail.note')}</label>
      <textarea className="usa-textarea" id="transition-note" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      <ul className="usa-button-group margin-top-2">
        {next.map((to) => (
          <li className="usa-button-group__item" key={to}>
            <button type="button" className={`usa-button${to === 'inactive' ? ' usa-button--secondary' : ''}`} disabled={busy} onClick={() => void move(to)} data-testid={`move-${to}`}>
              {v('detail.moveTo', { state: label(to) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * An active volunteer's private link to sign themselves up for shifts. The server keeps only its hash, so the
 * link is shown once, right after it is made; making another stops the old one.
 */
function ShiftLink({ volunteerId, name }: { volunteerId: number; name: string }) {
  const { v } = useVolunteersI18n();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<Error>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    setError(undefined);
    setStatus('');
    try {
      const link = await volunteersApi.issueShiftLink(volunteerId);
      setUrl(`${window.location.origin}${link.path}`);
      setStatus(v('shiftLink.issued', { name }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus(v('shiftLink.copied'));
    } catch {
      // No clipboard (an insecure origin, a refused permission): select the text for Ctrl+C instead.
      (document.getElementById('shift-link-url') as HTMLInputElement | null)?.select();
      setStatus(v('shiftLink.copyByHand'));
    }
  };
  return (
    <section aria-labelledby="shift-link-heading" data-testid="shift-link">
      <h2 id="shift-link-heading">{v('shiftLink.heading')}</h2>
      <p>{v('shiftLink.intro', { name })}</p>
      <ErrorAlert error={error} />
      <div role="status">{status && <p className="text-bold">{status}</p>}</div>
      {url && (
        <>
          <label className="usa-label" htmlFor="shift-link-url">{v('shiftLink.label')}</label>
          <span className="usa-hint" id="shift-link-hint">{v('shiftLink.hint')}</span>
          <input className="usa-input maxw-full" id="shift-link-url" readOnly value={url} aria-describedby="shift-link-hint" onFocus={(e) => e.currentTarget.select()} data-testid="shift-link-url" />
        </>
      )}
      <ul className="usa-button-group margin-top-2">
        {url && (
          <li className="usa-button-group__item">
            <button type="button" className="usa-button" onClick={() => void copy()}>{v('shiftLink.copy')}</button>
          </li>
        )}
        <li className="usa-button-group__item">
          <button type="button" className={`usa-button${url ? ' usa-button--outline' : ''}`} disabled={busy} onClick={() => void issue()} data-testid="issue-shift-link">
            {v(url ? 'shiftLink.again' : 'shiftLink.issue')}
          </button>
        </li>
      </ul>
    </section>
  );
}
