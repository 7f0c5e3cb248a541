/** Coverage of CRT zones and SCO posts (with history), neighborhood meetings, and the SCO engagement log. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { useSession } from '../../../web/console/session.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { problemsApi, type Problem } from './api.js';

const today = () => new Date().toISOString().slice(0, 10);

export function CoveragePanel() {
  const { t } = useI18n();
  const session = useSession();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.problems.coverage.${key}`, vars);
  const coverage = useAsync(() => problemsApi.coverage(), []);
  const history = useAsync(() => problemsApi.assignments(), []);
  const [areaId, setAreaId] = useState('');
  const [team, setTeam] = useState('');
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const area = coverage.data?.find((c) => c.areaId === Number(areaId));
    if (!area) return;
    try {
      await problemsApi.assign({ areaId: area.areaId, role: area.kind === 'crt_zone' ? 'crt' : 'sco', teamName: team.trim(), startsOn: today() });
      setTeam('');
      coverage.reload();
      history.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section aria-labelledby="coverage-heading" className="margin-top-4">
      <h2 id="coverage-heading">{k('heading')}</h2>
      <ErrorAlert error={coverage.error ?? error} />
      {coverage.data?.length === 0 && <p>{k('none')}</p>}
      <ul className="usa-list" data-testid="coverage">
        {coverage.data?.map((c) => (
          <li key={c.areaId}><strong>{c.name}</strong> ({t(`areas.kinds.${c.kind}`)}): {c.current.length ? c.current.map((a) => `${a.userName ?? a.teamName} ${k('since', { date: a.startsOn })}`).join('; ') : k('uncovered')}</li>
        ))}
      </ul>
      {history.data && history.data.length > 0 && (
        <details>
          <summary>{k('history')}</summary>
          <ul className="usa-list">{history.data.map((h) => <li key={h.id}>{h.areaName}: {h.userName ?? h.teamName} · {h.startsOn} – {h.endsOn ?? k('now')}</li>)}</ul>
        </details>
      )}
      {session.can('problems:assign') && coverage.data && coverage.data.length > 0 && (
        <form className="usa-form" onSubmit={submit}>
          <label className="usa-label" htmlFor="assign-area">{k('area')}</label>
          <select className="usa-select" id="assign-area" required value={areaId} onChange={(e) => setAreaId(e.target.value)}>
            <option value="">{k('choose')}</option>
            {coverage.data.map((c) => <option key={c.areaId} value={c.areaId}>{c.name}</option>)}
          </select>
          <label className="usa-label" htmlFor="assign-team">{k('team')}</label>
          <input className="usa-input" id="assign-team" required maxLength={120} value={team} onChange={(e) => setTeam(e.target.value)} />
          <button type="submit" className="usa-button margin-top-2">{k('assign')}</button>
        </form>
      )}
    </section>
  );
}

export function MeetingsPanel({ problems }: { problems: Problem[] }) {
  const { t, formatDate } = useI18n();
  const session = useSession();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.problems.meetings.${key}`, vars);
  const meetings = useAsync(() => problemsApi.meetings(), []);
  const [when, setWhen] = useState('');
  const [place, setPlace] = useState('');
  const [attendance, setAttendance] = useState('');
  const [issues, setIssues] = useState('');
  const [problemId, setProblemId] = useState('');
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await problemsApi.meeting({ heldAt: new Date(when).toISOString(), place: place.trim(), attendance: Number(attendance), issues: issues.split('\n').map((s) => s.trim()).filter(Boolean), problemIds: problemId ? [Number(problemId)] : [] });
      setPlace(''); setAttendance(''); setIssues('');
      meetings.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section aria-labelledby="meetings-heading" className="margin-top-4">
      <h2 id="meetings-heading">{k('heading')}</h2>
      <ErrorAlert error={meetings.error ?? error} />
      {meetings.data?.length === 0 && <p>{k('none')}</p>}
      <ul className="usa-list" data-testid="meetings">
        {meetings.data?.map((m) => <li key={m.id}>{formatDate(m.heldAt, { dateStyle: 'medium', timeStyle: 'short' })} · {m.place} · {k('attendance', { n: m.attendance })}{m.issues.length ? ` · ${m.issues.join('; ')}` : ''}</li>)}
      </ul>
      {session.can('problems:manage') && (
        <form className="usa-form" onSubmit={submit} data-testid="meeting-form">
          <label className="usa-label" htmlFor="meeting-when">{k('when')}</label>
          <input className="usa-input" type="datetime-local" id="meeting-when" required value={when} onChange={(e) => setWhen(e.target.value)} />
          <label className="usa-label" htmlFor="meeting-place">{k('place')}</label>
          <input className="usa-input" id="meeting-place" required maxLength={200} value={place} onChange={(e) => setPlace(e.target.value)} />
          <label className="usa-label" htmlFor="meeting-attendance">{k('attendanceLabel')}</label>
          <input className="usa-input usa-input--small" type="number" min={0} id="meeting-attendance" required value={attendance} onChange={(e) => setAttendance(e.target.value)} />
          <label className="usa-label" htmlFor="meeting-issues">{k('issues')}</label>
          <textarea className="usa-textarea" id="meeting-issues" value={issues} onChange={(e) => setIssues(e.target.value)} />
          <label className="usa-label" htmlFor="meeting-problem">{k('problem')}</label>
          <select className="usa-select" id="meeting-problem" value={problemId} onChange={(e) => setProblemId(e.target.value)}>
            <option value="">{k('noProblem')}</option>
            {problems.filter((p) => p.stage !== 'closed').map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
          <button type="submit" className="usa-button margin-top-2">{k('save')}</button>
        </form>
      )}
    </section>
  );
}

export function EngagementPanel() {
  const { t, formatDate } = useI18n();
  const session = useSession();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.problems.engagements.${key}`, vars);
  const log = useAsync(() => problemsApi.engagements(), []);
  const [kind, setKind] = useState('contact');
  const [topic, setTopic] = useState('');
  const [people, setPeople] = useState('1');
  const [referredTo, setReferredTo] = useState('');
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await problemsApi.engage({ occurredAt: new Date().toISOString(), kind, topic: topic.trim(), people: Number(people), referredTo: kind === 'referral' ? referredTo.trim() : undefined });
      setTopic(''); setReferredTo('');
      log.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section aria-labelledby="engagements-heading" className="margin-top-4">
      <h2 id="engagements-heading">{k('heading')}</h2>
      <p>{k('intro')}</p>
      <ErrorAlert error={log.error ?? error} />
      {log.data && <p data-testid="engagement-totals">{log.data.totals.map((x) => k('total', { kind: k(`kinds.${x.kind}`), entries: x.entries, people: x.people })).join(' · ') || k('none')}</p>}
      <ul className="usa-list">{log.data?.entries.slice(0, 10).map((e) => <li key={e.id}>{formatDate(e.occurredAt)} · {k(`kinds.${e.kind}`)} · {e.topic}{e.referredTo ? ` → ${e.referredTo}` : ''} · {e.userName}</li>)}</ul>
      {session.can('problems:engage') && (
        <form className="usa-form" onSubmit={submit}>
          <label className="usa-label" htmlFor="engage-kind">{k('kind')}</label>
          <select className="usa-select" id="engage-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {['contact', 'referral', 'activity'].map((x) => <option key={x} value={x}>{k(`kinds.${x}`)}</option>)}
          </select>
          <label className="usa-label" htmlFor="engage-topic">{k('topic')}</label>
          <input className="usa-input" id="engage-topic" required minLength={2} maxLength={160} value={topic} onChange={(e) => setTopic(e.target.value)} />
          <label className="usa-label" htmlFor="engage-people">{k('people')}</label>
          <input className="usa-input usa-input--small" type="number" min={0} id="engage-people" value={people} onChange={(e) => setPeople(e.target.value)} />
          {kind === 'referral' && (
            <>
              <label className="usa-label" htmlFor="engage-referred">{k('referredTo')}</label>
              <input className="usa-input" id="engage-referred" required maxLength={160} value={referredTo} onChange={(e) => setReferredTo(e.target.value)} />
            </>
          )}
          <button type="submit" className="usa-button margin-top-2">{k('save')}</button>
        </form>
      )}
    </section>
  );
}
