/** The problems console: problems by SARA stage, opening one, and the coverage, meetings and SCO log panels. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle, Link, navigate } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useSession } from '../../../web/console/session.js';
import { api } from '../../../web/api/client.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { problemsApi } from './api.js';
import { CoveragePanel, EngagementPanel, MeetingsPanel } from './CommunityPanels.js';

export const PROBLEMS_PERMISSION = 'problems:read';

export function ProblemsConsole() {
  return (
    <ConsoleLayout permission={PROBLEMS_PERMISSION} wide>
      <Problems />
    </ConsoleLayout>
  );
}

function Problems() {
  const { t, formatDate } = useI18n();
  const session = useSession();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.problems.console.${key}`, vars);
  useDocumentTitle(k('documentTitle'));
  const problems = useAsync(() => problemsApi.list(), []);
  return (
    <>
      <h1>{k('title')}</h1>
      <p>{k('intro')}</p>
      <h2>{k('problems')}</h2>
      <ErrorAlert error={problems.error} />
      {problems.loading && !problems.data && <Loading />}
      {problems.data?.length === 0 && <p>{k('none')}</p>}
      {problems.data && problems.data.length > 0 && (
        <table className="usa-table usa-table--striped width-full" data-testid="problems-table">
          <caption>{k('caption', { n: problems.data.length })}</caption>
          <thead><tr><th scope="col">{k('columns.problem')}</th><th scope="col">{k('columns.area')}</th><th scope="col">{k('columns.stage')}</th><th scope="col">{k('columns.work')}</th><th scope="col">{k('columns.updated')}</th></tr></thead>
          <tbody>
            {problems.data.map((p) => (
              <tr key={p.id}>
                <th scope="row"><Link href={`/console/programs/problems/${p.id}`}>{p.title}</Link>{p.isDemo && <span className="usa-tag bridges-demo-tag">{t('programs.problems.demo')}</span>}</th>
                <td>{p.areaName ?? '—'}</td>
                <td>{t(`programs.problems.stages.${p.stage}`)}</td>
                <td>{k('work', { incidents: p.counts.incidents, responses: p.counts.responses, meetings: p.counts.meetings })}</td>
                <td>{formatDate(p.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {session.can('problems:manage') && <NewProblem />}
      <CoveragePanel />
      <MeetingsPanel problems={problems.data ?? []} />
      <EngagementPanel />
    </>
  );
}

function NewProblem() {
  const { t } = useI18n();
  const k = (key: string) => t(`programs.problems.new.${key}`);
  const areas = useAsync(() => api.areas(), []);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [areaId, setAreaId] = useState('');
  const [error, setError] = useState<Error>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const p = await problemsApi.create({ title: title.trim(), description: description.trim(), areaId: areaId ? Number(areaId) : null, categories: ['shooting', 'homicide'] });
      navigate(`/console/programs/problems/${p.id}`);
    } catch (e) {
      setError(e as Error);
    }
  };
  const options = (areas.data?.features ?? []).map((f) => f.properties).filter((a) => a.kind === 'crt_zone' || a.kind === 'sco_post' || a.kind === 'neighborhood')
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="new-problem-heading" className="margin-top-4">
      <h2 id="new-problem-heading">{k('heading')}</h2>
      <form className="usa-form usa-form--large" onSubmit={submit} data-testid="new-problem-form">
        <ErrorAlert error={error} />
        <label className="usa-label" htmlFor="problem-title">{k('title')}</label>
        <input className="usa-input" id="problem-title" required minLength={3} maxLength={160} value={title} onChange={(e) => setTitle(e.target.value)} />
        <label className="usa-label" htmlFor="problem-description">{k('description')}</label>
        <textarea className="usa-textarea" id="problem-description" maxLength={4000} value={description} onChange={(e) => setDescription(e.target.value)} />
        <label className="usa-label" htmlFor="problem-area">{k('area')}</label>
        <select className="usa-select" id="problem-area" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
          <option value="">{k('noArea')}</option>
          {options.map((a) => <option key={a.id} value={a.id}>{a.name} ({t(`areas.kinds.${a.kind}`)})</option>)}
        </select>
        <p className="usa-hint">{k('categoriesHint')}</p>
        <button type="submit" className="usa-button margin-top-2">{k('submit')}</button>
      </form>
    </section>
  );
}
