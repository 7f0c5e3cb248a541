/**
 * /volunteers/shifts#<token>: the page a coordinator's private link opens. The volunteer sees the upcoming
 * shifts of their own program (times in the agency's zone, place, free places, whether they are signed up)
 * and signs up or cancels, no account needed. The token stays in the fragment, which browsers never send to
 * a server or in a Referer; the API gets it in a POST body.
 */
import { useEffect, useState } from 'react';
import { useDocumentTitle } from '../../../web/router.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { SHIFT_TOKEN, volunteersApi, type MyShifts, type OpenShift } from './api.js';
import { useVolunteersI18n } from './i18n.js';

const tokenFromLink = () => decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();

/** The token of the link; a second link opened in the same tab changes only the fragment. */
function useLinkToken(): string {
  const [token, setToken] = useState(tokenFromLink);
  useEffect(() => {
    const changed = () => setToken(tokenFromLink());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return token;
}

export function MyShiftsPage() {
  const { v, pick } = useVolunteersI18n();
  useDocumentTitle(v('myShifts.documentTitle'));
  const token = useLinkToken();
  const valid = SHIFT_TOKEN.test(token);
  const [view, setView] = useState<MyShifts>();
  const [loadError, setLoadError] = useState<Error>();
  const [actionError, setActionError] = useState<Error>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState<number>();

  useEffect(() => {
    setView(undefined);
    setLoadError(undefined);
    setMessage('');
    if (!valid) return;
    let current = true;
    volunteersApi.myShifts(token).then((data) => current && setView(data), (e: Error) => current && setLoadError(e));
    return () => {
      current = false;
    };
  }, [token, valid]);

  const change = async (shift: OpenShift, join: boolean) => {
    setBusy(shift.id);
    setActionError(undefined);
    setMessage('');
    try {
      setView(await volunteersApi.signUpMine(token, shift.id, join));
      setMessage(v(join ? 'myShifts.joined' : 'myShifts.cancelled', { title: shift.title }));
    } catch (e) {
      setActionError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <PortalLayout>
      <h1>{v('myShifts.title')}</h1>
      {!valid && <ErrorAlert error={v(token ? 'myShifts.linkCut' : 'myShifts.noLink')} />}
      <ErrorAlert error={loadError} />
      {valid && !view && !loadError && <Loading />}
      {view && (
        <>
          <p className="usa-intro">{v('myShifts.intro', { name: view.givenName, program: pick(view.programName), agency: view.agencyName })}</p>
          {/* Present from the start, so screen readers announce what a button did. */}
          <div role="status" data-testid="my-shifts-status">
            {message && (
              <div className="usa-alert usa-alert--success usa-alert--slim margin-y-2">
                <div className="usa-alert__body"><p className="usa-alert__text">{message}</p></div>
              </div>
            )}
          </div>
          <ErrorAlert error={actionError} />
          {view.shifts.length === 0 ? <p>{v('myShifts.none')}</p> : <ShiftTable view={view} busy={busy} onChange={(s, join) => void change(s, join)} />}
          <p className="bridges-muted">{v('myShifts.private')}</p>
        </>
      )}
    </PortalLayout>
  );
}

function ShiftTable({ view, busy, onChange }: { view: MyShifts; busy?: number; onChange(shift: OpenShift, join: boolean): void }) {
  const { v, formatDate, locale } = useVolunteersI18n();
  const { timeZone } = view;
  const zoneName = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(new Date(view.shifts[0].startsAt))
    .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  return (
    <table className="usa-table usa-table--borderless usa-table--stacked width-full" data-testid="my-shifts">
      <caption>{v('myShifts.caption', { zone: zoneName })}</caption>
      <thead>
        <tr>
          <th scope="col">{v('myShifts.columns.shift')}</th>
          <th scope="col">{v('myShifts.columns.when')}</th>
          <th scope="col">{v('myShifts.columns.where')}</th>
          <th scope="col">{v('myShifts.columns.places')}</th>
          <th scope="col">{v('myShifts.columns.you')}</th>
        </tr>
      </thead>
      <tbody>
        {view.shifts.map((shift) => {
          const when = `${formatDate(shift.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone })} – ${formatDate(shift.endsAt, { timeStyle: 'short', timeZone })}`;
          const label = { title: shift.title, when: formatDate(shift.startsAt, { dateStyle: 'medium', timeZone }) };
          return (
            <tr key={shift.id} data-testid={`my-shift-${shift.id}`}>
              <th scope="row" data-label={v('myShifts.columns.shift')}>{shift.title}</th>
              <td data-label={v('myShifts.columns.when')}>{when}</td>
              <td data-label={v('myShifts.columns.where')}>{shift.location || '—'}</td>
              <td data-label={v('myShifts.columns.places')}>{v('myShifts.placesLeft', { left: shift.placesLeft, capacity: shift.capacity })}</td>
              <td data-label={v('myShifts.columns.you')}>
                {shift.signedUp ? (
                  <>
                    <span className="usa-tag bg-green margin-right-1" data-testid="signed-up">{v('myShifts.signedUp')}</span>
                    <button type="button" className="usa-button usa-button--outline" disabled={busy !== undefined}
                      aria-label={v('myShifts.cancelOf', label)} onClick={() => onChange(shift, false)}>
                      {v('myShifts.cancel')}
                    </button>
                  </>
                ) : shift.placesLeft > 0 ? (
                  <button type="button" className="usa-button" disabled={busy !== undefined} aria-label={v('myShifts.signUpFor', label)} onClick={() => onChange(shift, true)}>
                    {v('myShifts.signUp')}
                  </button>
                ) : (
                  <span className="bridges-muted">{v('myShifts.full')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
