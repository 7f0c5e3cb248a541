/** The coordinator's pipeline: how many people are in each state, and the applicants of the chosen state. */
import { useState } from 'react';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { volunteersApi } from './api.js';
import { bandLabel } from './ages.js';
import { CONSOLE_BASE, ConsoleFrame } from './ConsoleFrame.js';
import { useVolunteersI18n } from './i18n.js';

export function ApplicantsPage() {
  return <ConsoleFrame><Applicants /></ConsoleFrame>;
}

function Applicants() {
  const i18n = useVolunteersI18n();
  const { v, pick, formatDate, formatNumber } = i18n;
  useDocumentTitle(v('console.documentTitle'));
  const [state, setState] = useState('');
  const pipeline = useAsync(() => volunteersApi.pipeline(), []);
  const all = useAsync(() => volunteersApi.volunteers({}), []);
  const shown = (all.data ?? []).filter((a) => !state || a.state === state);
  const label = (code: string) => pick(pipeline.data?.states.find((s) => s.code === code)?.label) || code;
  return (
    <>
      <h1>{v('console.title')}</h1>
      <p>{v('console.intro')}</p>
      <ErrorAlert error={pipeline.error ?? all.error} />
      {all.loading && !all.data && <Loading />}
      {pipeline.data && all.data && (
        <ul className="bridges-pipeline-counts" aria-label={v('console.countsLabel')} data-testid="pipeline-counts">
          {pipeline.data.states.map((s) => (
            <li key={s.code}><strong>{formatNumber(all.data!.filter((a) => a.state === s.code).length)}</strong>{pick(s.label)}</li>
          ))}
        </ul>
      )}
      <label className="usa-label" htmlFor="applicant-state">{v('console.stateFilter')}</label>
      <select className="usa-select" id="applicant-state" value={state} onChange={(e) => setState(e.target.value)} data-testid="applicant-state">
        <option value="">{v('console.allStates')}</option>
        {pipeline.data?.states.map((s) => <option key={s.code} value={s.code}>{pick(s.label)}</option>)}
      </select>
      {all.data && (
        <table className="usa-table usa-table--striped width-full" data-testid="applicants-table">
          <caption>{v('console.caption', { n: shown.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{v('console.columns.name')}</th>
              <th scope="col">{v('console.columns.program')}</th>
              <th scope="col">{v('console.columns.age')}</th>
              <th scope="col">{v('console.columns.state')}</th>
              <th scope="col">{v('console.columns.since')}</th>
              <th scope="col" className="text-right">{v('console.columns.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.id} data-testid={`applicant-${a.id}`}>
                <th scope="row"><Link href={`${CONSOLE_BASE}/applicants/${a.id}`}>{a.givenName} {a.familyName}</Link></th>
                <td>{pick(a.programName)}</td>
                <td>{bandLabel(i18n, a.ageBand)}{a.minor && <span className="usa-tag margin-left-1">{v('console.minor')}</span>}</td>
                <td>{label(a.state)}</td>
                <td>{formatDate(a.stateSince, { dateStyle: 'medium' })}</td>
                <td className="text-right">{formatNumber(a.approvedHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
