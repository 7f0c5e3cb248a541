/** The agency's volunteer programs: add the standard five, and open or close a program to applications. */
import { useState } from 'react';
import { useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { volunteersApi, type VolunteerProgram } from './api.js';
import { agesText } from './ages.js';
import { ConsoleFrame } from './ConsoleFrame.js';
import { useVolunteersI18n } from './i18n.js';

export function ProgramsAdminPage() {
  return <ConsoleFrame><Programs /></ConsoleFrame>;
}

function Programs() {
  const i18n = useVolunteersI18n();
  const { v, pick } = i18n;
  useDocumentTitle(v('programsAdmin.documentTitle'));
  const programs = useAsync(() => volunteersApi.programs(), []);
  const [error, setError] = useState<Error>();
  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      programs.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const toggle = (p: VolunteerProgram) => act(() => volunteersApi.setProgramActive(p.id, !p.active));
  return (
    <>
      <h1>{v('programsAdmin.title')}</h1>
      <p>{v('programsAdmin.intro')}</p>
      <ErrorAlert error={error ?? programs.error} />
      {programs.loading && !programs.data && <Loading />}
      <button type="button" className="usa-button usa-button--outline" onClick={() => void act(() => volunteersApi.addStandardPrograms())}>{v('programsAdmin.addStandard')}</button>
      {programs.data && programs.data.length > 0 && (
        <table className="usa-table usa-table--striped width-full">
          <caption>{v('programsAdmin.caption', { n: programs.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{v('console.columns.program')}</th>
              <th scope="col">{v('programsAdmin.ages')}</th>
              <th scope="col">{v('programsAdmin.status')}</th>
              <th scope="col">{v('hours.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {programs.data.map((p) => (
              <tr key={p.id}>
                <th scope="row">{pick(p.name)}{p.youth && <span className="usa-tag margin-left-1">{v('programsAdmin.youth')}</span>}</th>
                <td>{agesText(i18n, p.ageBands)}</td>
                <td>{p.active ? v('programsAdmin.open') : v('programsAdmin.closed')}</td>
                <td>
                  <button type="button" className="usa-button usa-button--unstyled" onClick={() => void toggle(p)}
                    aria-label={v(p.active ? 'programsAdmin.closeOf' : 'programsAdmin.openOf', { name: pick(p.name) })}>
                    {p.active ? v('programsAdmin.close') : v('programsAdmin.reopen')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
