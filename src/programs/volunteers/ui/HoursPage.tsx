/** Hours waiting for approval, and approved hours by program and month (with a CSV export). */
import { useState } from 'react';
import { useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { volunteersApi, type HoursEntry, type HoursReportRow } from './api.js';
import { ConsoleFrame } from './ConsoleFrame.js';
import { useVolunteersI18n } from './i18n.js';

export function HoursPage() {
  return <ConsoleFrame><Hours /></ConsoleFrame>;
}

function Hours() {
  const { v, pick, formatNumber, formatDate } = useVolunteersI18n();
  useDocumentTitle(v('hours.documentTitle'));
  const pending = useAsync(() => volunteersApi.hours('pending'), []);
  const report = useAsync(() => volunteersApi.report(), []);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  const review = async (entry: HoursEntry, status: 'approved' | 'rejected') => {
    setError(undefined);
    try {
      await volunteersApi.reviewHours(entry.id, status);
      setMessage(v(`hours.${status}`, { name: entry.volunteerName, hours: formatNumber(entry.hours) }));
      pending.reload();
      report.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <>
      <h1>{v('hours.title')}</h1>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={error ?? pending.error ?? report.error} />
      <h2>{v('hours.pendingHeading')}</h2>
      {pending.loading && !pending.data && <Loading />}
      {pending.data?.length === 0 && <p data-testid="no-pending-hours">{v('hours.nonePending')}</p>}
      {pending.data && pending.data.length > 0 && (
        <table className="usa-table usa-table--striped width-full" data-testid="pending-hours">
          <caption>{v('hours.pendingCaption', { n: pending.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{v('hours.volunteer')}</th>
              <th scope="col">{v('hours.date')}</th>
              <th scope="col" className="text-right">{v('hours.hours')}</th>
              <th scope="col">{v('hours.description')}</th>
              <th scope="col">{v('hours.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {pending.data.map((entry) => (
              <tr key={entry.id} data-testid={`hours-${entry.id}`}>
                <th scope="row">{entry.volunteerName}<span className="display-block bridges-muted">{pick(entry.programName)}</span></th>
                <td>{formatDate(`${entry.workedOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}</td>
                <td className="text-right">{formatNumber(entry.hours)}</td>
                <td>{entry.description}{entry.loggedBy && <span className="display-block bridges-muted">{v('hours.loggedBy', { name: entry.loggedBy })}</span>}</td>
                <td>
                  <ul className="usa-button-group">
                    <li className="usa-button-group__item">
                      <button type="button" className="usa-button" onClick={() => void review(entry, 'approved')} aria-label={v('hours.approveOf', { name: entry.volunteerName })}>{v('hours.approve')}</button>
                    </li>
                    <li className="usa-button-group__item">
                      <button type="button" className="usa-button usa-button--outline" onClick={() => void review(entry, 'rejected')} aria-label={v('hours.rejectOf', { name: entry.volunteerName })}>{v('hours.reject')}</button>
                    </li>
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{v('hours.reportHeading')}</h2>
      <p>{v('hours.reportIntro')}</p>
      {report.data && report.data.length === 0 && <p>{v('hours.reportNone')}</p>}
      {report.data && report.data.length > 0 && <ReportTable rows={report.data} />}
      <p><a href={volunteersApi.reportCsvUrl()} download data-testid="hours-csv">{v('hours.downloadCsv')}</a></p>
    </>
  );
}

/**
 * Months down, programs across, totals on both edges: a coordinator reads a year at a glance. The CSV keeps
 * one row per month and program, which is what spreadsheets and other tools want.
 */
function ReportTable({ rows }: { rows: HoursReportRow[] }) {
  const { v, pick, formatNumber, formatDate } = useVolunteersI18n();
  const programs = [...new Map(rows.map((r) => [r.programId, r.programName])).entries()];
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const cell = (month: string, programId: number) => rows.find((r) => r.month === month && r.programId === programId)?.hours ?? 0;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const month = (m: string) => formatDate(`${m}-15T12:00:00Z`, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={v('hours.reportCaption')}>
      <table className="usa-table usa-table--striped usa-table--compact width-full" data-testid="hours-report">
        <caption>{v('hours.reportCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{v('hours.month')}</th>
            {programs.map(([id, name]) => <th scope="col" key={id} className="text-right">{pick(name)}</th>)}
            <th scope="col" className="text-right">{v('hours.total')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m}>
              <th scope="row">{month(m)}</th>
              {programs.map(([id]) => <td key={id} className="text-right">{formatNumber(cell(m, id))}</td>)}
              <td className="text-right">{formatNumber(sum(programs.map(([id]) => cell(m, id))))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{v('hours.total')}</th>
            {programs.map(([id]) => <td key={id} className="text-right">{formatNumber(sum(months.map((m) => cell(m, id))))}</td>)}
            <td className="text-right" data-testid="hours-report-total">{formatNumber(sum(rows.map((r) => r.hours)))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
