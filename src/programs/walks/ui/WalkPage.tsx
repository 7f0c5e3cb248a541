/** One walk: its state, plan, packet, the map of its canvass area, door visits, follow-up tasks and impact. */
import { useState } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle, Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { useCategories } from '../../../web/hooks/useCategories.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useSession } from '../../../web/console/session.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import type { RouteParams } from '../../../web/programs.js';
import { packetPdfUrl, walksApi, type WalkDetail, type WalkStatus } from './api.js';
import { ImpactChart } from './ImpactChart.js';
import { SceneSvg } from './PacketPage.js';
import { PlanForm } from './PlanForm.js';
import { TasksPanel } from './TasksPanel.js';

export function WalkPage({ params }: RouteParams) {
  return (
    <ConsoleLayout permission="walks:read" wide>
      <Walk walkId={Number(params.walkId)} />
    </ConsoleLayout>
  );
}

const NEXT: Record<WalkStatus, WalkStatus[]> = {
  open: ['in_progress', 'completed', 'cancelled'], planned: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'], completed: ['in_progress'], cancelled: ['open'],
};

function Walk({ walkId }: { walkId: number }) {
  const { t, formatDate, formatNumber } = useI18n();
  const session = useSession();
  const categories = useCategories();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.walks.walk.${key}`, vars);
  const loaded = useAsync(() => walksApi.get(walkId), [walkId]);
  const [walk, setWalk] = useState<WalkDetail>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  const current = walk ?? loaded.data;
  const canManage = session.can('walks:manage');
  const packet = useAsync(() => walksApi.packet(walkId, 'en'), [walkId, current?.radiusM]);
  const impact = useAsync(() => walksApi.impact(walkId, 28), [walkId, current?.status]);
  const visits = useAsync(() => walksApi.visits(walkId), [walkId, current?.status]);
  const codes = useAsync(() => walksApi.codes(), []);
  useDocumentTitle(k('documentTitle', { title: current?.title ?? '' }));
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!current) return <Loading />;

  const when = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const move = async (status: WalkStatus) => {
    setError(undefined);
    try {
      setWalk(await walksApi.status(current.id, status));
      setMessage(t(`programs.walks.statuses.${status}`));
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <>
      <p className="margin-0"><Link href="/console/programs/walks">{k('back')}</Link></p>
      <h1 className="margin-top-1">{current.title}</h1>
      <p>
        <span className="usa-tag" data-testid="walk-status">{t(`programs.walks.statuses.${current.status}`)}</span>{' '}
        {current.overdue && <span className="usa-tag bridges-tag--warning">{t('programs.walks.overdue')}</span>}{' '}
        {current.isDemo && <span className="usa-tag bridges-demo-tag">{t('programs.walks.demo')}</span>}
      </p>
      {current.demoNote && <p className="bridges-muted">{current.demoNote}</p>}
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={error} />
      <dl className="bridges-walk-facts">
        <dt>{k('incident')}</dt><dd>{current.incidentCategory ? `${categories.label(current.incidentCategory)} · ${when(current.incidentAt)}` : k('noIncident')}</dd>
        <dt>{k('due')}</dt><dd>{formatDate(current.dueFrom)} – {formatDate(current.dueTo)}</dd>
        <dt>{k('scheduled')}</dt><dd>{when(current.scheduledFor)}{current.meetingPoint ? ` · ${current.meetingPoint}` : ''}</dd>
        <dt>{k('canvass')}</dt><dd>{current.canvassAreaName ?? k('radius', { radius: current.radiusM })}</dd>
        <dt>{k('doors')}</dt><dd>{k('doorsValue', { doors: current.doors, conversations: current.conversations })}</dd>
        {current.completedAt && <><dt>{k('completed')}</dt><dd>{when(current.completedAt)} · {current.onTime ? k('onTime') : k('late')}</dd></>}
      </dl>
      <ul className="usa-button-group margin-y-2">
        {session.can('walks:field') && current.status !== 'completed' && current.status !== 'cancelled' && (
          <li className="usa-button-group__item"><Link className="usa-button" href={`/console/programs/walks/${current.id}/field`}>{k('field')}</Link></li>
        )}
        {(['en', 'es'] as const).map((lang) => (
          <li className="usa-button-group__item" key={lang}>
            <Link className="usa-button usa-button--outline" href={`/console/programs/walks/${current.id}/packet/${lang}`}>{k(`packet.${lang}`)}</Link>
          </li>
        ))}
        {(['en', 'es'] as const).map((lang) => (
          <li className="usa-button-group__item" key={`pdf-${lang}`}><a className="usa-button usa-button--outline" href={packetPdfUrl(current.id, lang)}>{k(`pdf.${lang}`)}</a></li>
        ))}
        {canManage && NEXT[current.status].map((s) => (
          <li className="usa-button-group__item" key={s}>
            <button type="button" className={`usa-button ${s === 'cancelled' ? 'usa-button--secondary' : 'usa-button--accent-cool'}`} onClick={() => void move(s)}>{t(`programs.walks.moveTo.${s}`)}</button>
          </li>
        ))}
      </ul>
      <div className="grid-row grid-gap-4">
        <section className="tablet:grid-col-6" aria-labelledby="map-heading">
          <h2 id="map-heading">{k('map')}</h2>
          {packet.data ? <SceneSvg packet={packet.data} /> : <Loading />}
        </section>
        <section className="tablet:grid-col-6" aria-labelledby="impact-heading">
          <h2 id="impact-heading">{k('impact')}</h2>
          <ErrorAlert error={impact.error} />
          {impact.data && <ImpactChart impact={impact.data} caption={k('impactCaption', { days: impact.data.days })} />}
          {impact.data && !impact.data.complete && <p className="bridges-muted">{k('incomplete')}</p>}
        </section>
      </div>
      {canManage && current.status !== 'completed' && current.status !== 'cancelled' && (
        <section aria-labelledby="plan-heading" className="margin-top-4">
          <h2 id="plan-heading">{k('plan')}</h2>
          <PlanForm walk={current} onSaved={(w) => { setWalk(w); setMessage(k('planned')); }} />
        </section>
      )}
      <section aria-labelledby="visits-heading" className="margin-top-4">
        <h2 id="visits-heading">{k('visits')}</h2>
        <ErrorAlert error={visits.error} />
        {visits.data && visits.data.length === 0 && <p>{k('noVisits')}</p>}
        {visits.data && visits.data.length > 0 && (
          <table className="usa-table usa-table--compact width-full" data-testid="visits-table">
            <caption>{k('visitsCaption', { n: formatNumber(visits.data.length) })}</caption>
            <thead><tr><th scope="col">{k('time')}</th><th scope="col">{k('block')}</th><th scope="col">{k('outcome')}</th><th scope="col">{k('concerns')}</th><th scope="col">{k('followUp')}</th></tr></thead>
            <tbody>
              {visits.data.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{formatDate(v.visitedAt, { timeStyle: 'short', dateStyle: 'short' })}</th>
                  <td>{v.block ?? '—'}</td>
                  <td>{t(`programs.walks.field.outcomes.${v.outcome}`)}</td>
                  <td>{v.concerns.length}</td>
                  <td>{[v.wantsWatch && k('watch'), v.wantsVolunteer && k('volunteer'), v.contactName, v.tipText && (v.tipNumber ? k('tipNumber', { number: v.tipNumber }) : k('tip'))].filter(Boolean).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {codes.data && visits.data && <TasksPanel walkId={current.id} codes={codes.data} visits={visits.data} canManage={canManage} />}
      <section aria-labelledby="timeline-heading" className="margin-top-4">
        <h2 id="timeline-heading">{k('timeline')}</h2>
        <ol className="usa-list" data-testid="walk-timeline">
          {current.timeline.map((e, i) => (
            <li key={i}>{when(e.at)} · {t(`programs.walks.events.${e.kind}`)}{e.details.statusTo ? `: ${t(`programs.walks.statuses.${String(e.details.statusTo)}`)}` : ''}{e.userName ? ` · ${e.userName}` : ''}</li>
          ))}
        </ol>
      </section>
    </>
  );
}
