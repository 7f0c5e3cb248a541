/** The walks console: what command staff watch (on time? what do walks produce?), the list, and opening one by hand. */
import { useState } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle, Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useSession } from '../../../web/console/session.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { walksApi, type Walk } from './api.js';
import { ImpactChart } from './ImpactChart.js';
import { OpenWalkForm, RulesForm } from './RulesForm.js';

export const WALKS_PERMISSION = 'walks:read';

export function WalksConsole() {
  return (
    <ConsoleLayout permission={WALKS_PERMISSION} wide>
      <Walks />
    </ConsoleLayout>
  );
}

const FILTERS = ['active', 'completed', 'all'] as const;

function Walks() {
  const { t, formatDate, formatNumber } = useI18n();
  const session = useSession();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.walks.console.${key}`, vars);
  useDocumentTitle(k('documentTitle'));
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('active');
  const walks = useAsync(() => walksApi.list(filter), [filter]);
  const summary = useAsync(() => walksApi.summary(28), []);
  const o = summary.data?.outputs;

  return (
    <>
      <h1>{k('title')}</h1>
      <p>{k('intro')}</p>
      <ErrorAlert error={summary.error} />
      {o && (
        <section aria-labelledby="outputs-heading">
          <h2 id="outputs-heading">{k('outputsHeading')}</h2>
          <ul className="bridges-figures" data-testid="walk-figures">
            <li><strong>{o.onTimeRate === null ? '—' : `${formatNumber(o.onTimeRate)}%`}</strong> {k('onTime')}</li>
            <li><strong>{formatNumber(o.walks.completed)}</strong> {k('completed')}</li>
            <li><strong>{formatNumber(o.walks.overdue)}</strong> {k('overdue')}</li>
            <li><strong>{formatNumber(o.doors)}</strong> {k('doors')}</li>
            <li><strong>{formatNumber(o.conversations)}</strong> {k('conversations')}</li>
            <li><strong>{formatNumber(o.watchSignUps + o.volunteerSignUps)}</strong> {k('signUps')}</li>
            <li><strong>{formatNumber(o.tipsAtDoors)}</strong> {k('tips')}</li>
            <li><strong>{formatNumber(o.tasks.done)}/{formatNumber(o.tasks.done + o.tasks.open)}</strong> {k('tasks')}</li>
          </ul>
          {summary.data && summary.data.impact.walks > 0 && (
            <ImpactChart impact={summary.data.impact} caption={k('impactCaption', { walks: summary.data.impact.walks, days: summary.data.impact.days })} />
          )}
          {summary.data && summary.data.impact.excluded > 0 && <p className="bridges-muted">{k('excluded', { n: summary.data.impact.excluded })}</p>}
        </section>
      )}
      <section aria-labelledby="list-heading" className="margin-top-4">
        <h2 id="list-heading">{k('listHeading')}</h2>
        <label className="usa-label" htmlFor="walk-filter">{k('show')}</label>
        <select className="usa-select" id="walk-filter" value={filter} onChange={(e) => setFilter(e.target.value as (typeof FILTERS)[number])}>
          {FILTERS.map((f) => <option key={f} value={f}>{k(`filters.${f}`)}</option>)}
        </select>
        <ErrorAlert error={walks.error} />
        {walks.loading && !walks.data && <Loading />}
        {walks.data && walks.data.length === 0 && <p>{k('none')}</p>}
        {walks.data && walks.data.length > 0 && (
          <table className="usa-table usa-table--striped width-full" data-testid="walks-table">
            <caption>{k('caption', { n: walks.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{k('columns.walk')}</th><th scope="col">{k('columns.status')}</th><th scope="col">{k('columns.due')}</th>
                <th scope="col">{k('columns.scheduled')}</th><th scope="col">{k('columns.doors')}</th>
              </tr>
            </thead>
            <tbody>{walks.data.map((w) => <WalkRow key={w.id} walk={w} date={(d) => formatDate(d)} />)}</tbody>
          </table>
        )}
      </section>
      {session.can('walks:manage') && (
        <section aria-labelledby="open-heading" className="margin-top-4">
          <h2 id="open-heading">{k('openHeading')}</h2>
          <OpenWalkForm onOpened={() => walks.reload()} />
        </section>
      )}
      {session.can('walks:configure') && (
        <section aria-labelledby="rules-heading" className="margin-top-4">
          <h2 id="rules-heading">{k('rulesHeading')}</h2>
          <RulesForm />
        </section>
      )}
    </>
  );
}

function WalkRow({ walk, date }: { walk: Walk; date: (iso: string) => string }) {
  const { t } = useI18n();
  return (
    <tr data-testid={`walk-${walk.id}`}>
      <th scope="row">
        <Link href={`/console/programs/walks/${walk.id}`}>{walk.title}</Link>
        {walk.isDemo && <span className="usa-tag bridges-demo-tag margin-left-1">{t('programs.walks.demo')}</span>}
        <span className="display-block bridges-muted">{t(`programs.walks.openedBy.${walk.openedBy}`)}</span>
      </th>
      <td>
        {t(`programs.walks.statuses.${walk.status}`)}
        {walk.overdue && <span className="usa-tag bridges-tag--warning margin-left-1">{t('programs.walks.overdue')}</span>}
        {walk.onTime === false && <span className="usa-tag bridges-tag--warning margin-left-1">{t('programs.walks.late')}</span>}
      </td>
      <td>{date(walk.dueFrom)} – {date(walk.dueTo)}</td>
      <td>{walk.scheduledFor ? date(walk.scheduledFor) : walk.completedAt ? date(walk.completedAt) : '—'}</td>
      <td>{walk.doors}</td>
    </tr>
  );
}
