/**
 * The walk on a phone: one form per door, saved on the device first and sent when there is a connection.
 * What the page needs (the walk and the coded lists) is kept on the device too, and a service worker keeps the
 * page itself (offline.ts), so a reload in a dead spot still shows the form and the doors waiting to be sent.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle, Link } from '../../../web/router.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import type { RouteParams } from '../../../web/programs.js';
import { walksApi, type Codes, type FieldWalk, type Visit } from './api.js';
import { outboxFor, type Outbox } from './outbox.js';
import { VisitForm } from './VisitForm.js';
import { useOfflineShell } from './offline.js';

/** Loads from the server and keeps a copy; answers the copy when the server cannot be reached. */
function useCached<T>(key: string, load: () => Promise<T>): { data?: T; error?: Error } {
  const [state, setState] = useState<{ data?: T; error?: Error }>(() => {
    const copy = localStorage.getItem(key);
    return copy ? { data: JSON.parse(copy) as T } : {};
  });
  useEffect(() => {
    load().then((data) => {
      localStorage.setItem(key, JSON.stringify(data));
      setState({ data });
    }, (error: Error) => setState((s) => (s.data ? s : { error })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

export function FieldPage({ params }: RouteParams) {
  return (
    <ConsoleLayout permission="walks:field">
      <Field walkId={Number(params.walkId)} />
    </ConsoleLayout>
  );
}

function Field({ walkId }: { walkId: number }) {
  const { t } = useI18n();
  const walk = useCached<FieldWalk>(`bridges.walks.field.${walkId}`, () => walksApi.field(walkId));
  const codes = useCached<Codes>('bridges.walks.codes', () => walksApi.codes());
  useDocumentTitle(t('programs.walks.field.documentTitle', { title: walk.data?.title ?? '' }));
  if (walk.error && !walk.data) return <ErrorAlert error={walk.error} />;
  if (!walk.data || !codes.data) return <Loading />;
  return <FieldForm walk={walk.data} codes={codes.data} />;
}

function FieldForm({ walk, codes }: { walk: FieldWalk; codes: Codes }) {
  const { t, formatDate } = useI18n();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.walks.field.${key}`, vars);
  const outbox: Outbox = outboxFor(walk);
  const state = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  // Doors of this session, and after a reload the ones still waiting on the phone.
  const [saved, setSaved] = useState<Visit[]>(() => outbox.waiting().reverse());
  const waitingIds = new Set(outbox.waiting().map((v) => v.id));
  const shell = useOfflineShell();

  // Send what is waiting now, whenever the connection comes back, and every 15 s while anything waits.
  useEffect(() => {
    void outbox.flush();
    const online = () => void outbox.flush();
    window.addEventListener('online', online);
    const timer = window.setInterval(() => { if (outbox.snapshot().pending > 0) void outbox.flush(); }, 15_000);
    return () => { window.removeEventListener('online', online); window.clearInterval(timer); };
  }, [outbox]);

  const save = (visit: Visit) => {
    setSaved((list) => [visit, ...list]);
    void outbox.add(visit);
  };

  const status = state.pending === 0
    ? k('allSent', { n: state.sentThisSession })
    : state.problem === 'offline' ? k('waitingOffline', { n: state.pending })
    : state.problem === 'signed-out' ? k('waitingSignedOut', { n: state.pending })
    : k('waiting', { n: state.pending });

  return (
    <div className="bridges-walk-field">
      <p className="margin-0"><Link href={`/console/programs/walks/${walk.id}`}>{k('back')}</Link></p>
      <h1 className="margin-top-1">{walk.title}</h1>
      {walk.isDemo && <span className="usa-tag bridges-demo-tag">{t('programs.walks.demo')}</span>}
      <p className="margin-y-1">
        {k('canvass', { radius: walk.radiusM })}
        {walk.scheduledFor && ` · ${formatDate(walk.scheduledFor, { dateStyle: 'medium', timeStyle: 'short' })}`}
        {walk.meetingPoint && ` · ${walk.meetingPoint}`}
      </p>
      <div className={`usa-alert usa-alert--slim ${state.pending === 0 ? 'usa-alert--success' : 'usa-alert--warning'} margin-y-2`} role="status" data-testid="outbox-status" data-pending={state.pending}>
        <div className="usa-alert__body"><p className="usa-alert__text">{status}</p></div>
      </div>
      {state.problem && state.problem !== 'offline' && state.problem !== 'signed-out' && <ErrorAlert error={state.problem} />}
      {state.pending > 0 && state.problem !== 'offline' && (
        <button type="button" className="usa-button usa-button--outline" onClick={() => void outbox.flush()} disabled={state.syncing}>{k('sendNow')}</button>
      )}
      {shell === 'ready' && <p className="font-sans-2xs text-base margin-y-1" data-testid="offline-ready">{k('offlineReady')}</p>}
      <VisitForm codes={codes} block={saved[0]?.block ?? walk.hundredBlock ?? ''} onSave={save} />
      {saved.length > 0 && (
        <section aria-labelledby="doors-heading" className="margin-top-4">
          <h2 id="doors-heading">{k('doorsHeading', { n: saved.length })}</h2>
          <ol className="usa-list" data-testid="saved-doors">
            {saved.map((v) => (
              <li key={v.id} data-waiting={waitingIds.has(v.id)}>
                {[v.block, k(`outcomes.${v.outcome}`), formatDate(v.visitedAt, { timeStyle: 'short' })].filter(Boolean).join(' · ')}
                {waitingIds.has(v.id) && <span className="usa-tag bg-gold text-ink margin-left-1">{k('notSentYet')}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
