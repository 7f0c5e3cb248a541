/** The I-CAP console page: generate a briefing, the briefings of past weeks, recent alerts, the near-repeat pattern. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle, Link, navigate } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useSession } from '../../../web/console/session.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { icapApi } from './api.js';

export const ICAP_PERMISSION = 'icap:read';

export function IcapConsole() {
  return (
    <ConsoleLayout permission={ICAP_PERMISSION}>
      <Icap />
    </ConsoleLayout>
  );
}

function Icap() {
  const { t, formatDate } = useI18n();
  const session = useSession();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.icap.console.${key}`, vars);
  useDocumentTitle(k('documentTitle'));
  const briefings = useAsync(() => icapApi.briefings(), []);
  const alerts = useAsync(() => (session.can('icap:alerts') ? icapApi.alerts() : Promise.resolve([])), []);
  const profile = useAsync(() => icapApi.nearRepeat(), []);
  const [asOf, setAsOf] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

  const generate = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // The end of the chosen day: a briefing "as of 31 December" includes that day's incidents.
      const briefing = await icapApi.generate(asOf ? new Date(`${asOf}T23:59:59`).toISOString() : undefined);
      navigate(`/console/programs/icap/briefings/${briefing.id}`);
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{k('title')}</h1>
      <p>{k('intro')}</p>
      {session.can('icap:manage') && (
        <form className="usa-form" onSubmit={generate} data-testid="briefing-form">
          <ErrorAlert error={error} />
          <label className="usa-label" htmlFor="briefing-as-of">{k('asOf')}</label>
          <span className="usa-hint" id="briefing-as-of-hint">{k('asOfHint')}</span>
          <input className="usa-input" type="date" id="briefing-as-of" aria-describedby="briefing-as-of-hint" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          <button type="submit" className="usa-button margin-top-2" disabled={busy}>{busy ? k('generating') : k('generate')}</button>
        </form>
      )}
      <h2>{k('briefings')}</h2>
      <ErrorAlert error={briefings.error} />
      {briefings.loading && !briefings.data && <Loading />}
      {briefings.data?.length === 0 && <p>{k('noBriefings')}</p>}
      <ul className="usa-list" data-testid="briefings-list">
        {briefings.data?.map((b) => (
          <li key={b.id}>
            <Link href={`/console/programs/icap/briefings/${b.id}`}>{k('briefingOf', { date: formatDate(b.asOf) })}</Link>
            {' · '}{k(`triggers.${b.trigger}`)}{b.generatedBy ? ` (${b.generatedBy})` : ''} · {when(b.generatedAt)}
            {b.isDemo && <span className="usa-tag bridges-demo-tag">{t('programs.icap.demo')}</span>}
          </li>
        ))}
      </ul>
      {session.can('icap:alerts') && (
        <>
          <h2>{k('alerts')}</h2>
          <ErrorAlert error={alerts.error} />
          {alerts.data?.length === 0 && <p>{k('noAlerts')}</p>}
          <ul className="usa-list" data-testid="alerts-list">
            {alerts.data?.map((a) => (
              <li key={a.id}>
                <Link href={`/console/programs/icap/alerts/${a.id}`}>{a.hundredBlock ?? '—'}</Link> · {when(a.occurredAt)} · {k('riskUntil', { until: when(a.riskUntil) })}
                {a.acknowledgedAt && ` · ${k('acknowledged')}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{k('pattern')}</h2>
      <ErrorAlert error={profile.error} />
      {profile.data && (
        <>
          <p data-testid="near-repeat">{k('patternText', { events: profile.data.events, from: formatDate(profile.data.dataFrom), to: formatDate(profile.data.dataTo), radius: profile.data.radiusM, days: profile.data.windowDays })}</p>
          <ul className="usa-list">{profile.data.sentences.map((s) => <li key={s}>{s}</li>)}</ul>
        </>
      )}
    </>
  );
}
