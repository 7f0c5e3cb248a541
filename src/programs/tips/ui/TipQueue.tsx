/** The triage queue: most urgent first, then the tips with news from the tipster. */
import { useState } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { Link } from '../../../web/router.js';
import { tipsApi, type TipsMeta } from './api.js';
import { TIPS_PAGE } from './paths.js';

export function TipQueue({ meta }: { meta: TipsMeta }) {
  const { t, pick, formatDate } = useI18n();
  const [state, setState] = useState('open');
  const [priority, setPriority] = useState('');
  const [mine, setMine] = useState(false);
  const [search, setSearch] = useState('');
  // Searching reads tips (and is audited): it runs when asked, not on every keystroke.
  const [searchInput, setSearchInput] = useState('');
  const queue = useAsync(() => tipsApi.queue({ state, priority: priority || undefined, mine: mine ? '1' : undefined, q: search || undefined }), [state, priority, mine, search]);
  const stateLabel = (code: string) => pick(meta.states.find((s) => s.code === code)?.label) || code;

  return (
    <>
      <form className="usa-form bridges-filters" onSubmit={(e) => { e.preventDefault(); setSearch(searchInput.trim()); }} aria-label={t('programs.tips.queue.filters')}>
        <label className="usa-label" htmlFor="queue-state">{t('programs.tips.queue.state')}</label>
        <select className="usa-select" id="queue-state" value={state} onChange={(e) => setState(e.target.value)}>
          <option value="open">{t('programs.tips.queue.allOpen')}</option>
          <option value="all">{t('programs.tips.queue.all')}</option>
          {meta.states.map((s) => <option key={s.code} value={s.code}>{pick(s.label)}</option>)}
        </select>
        <label className="usa-label" htmlFor="queue-priority">{t('programs.tips.queue.priority')}</label>
        <select className="usa-select" id="queue-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
          <option value="">{t('programs.tips.queue.any')}</option>
          {['urgent', 'high', 'normal', 'low'].map((p) => <option key={p} value={p}>{t(`programs.tips.priorities.${p}`)}</option>)}
        </select>
        <label className="usa-label" htmlFor="queue-search">{t('programs.tips.queue.search')}</label>
        <input className="usa-input" id="queue-search" type="search" value={searchInput} onChange={(e) => setSearchInput(e.target.value)} />
        <button className="usa-button usa-button--outline margin-top-1" type="submit">{t('programs.tips.queue.searchButton')}</button>
        <div className="usa-checkbox margin-top-2">
          <input className="usa-checkbox__input" id="queue-mine" type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          <label className="usa-checkbox__label" htmlFor="queue-mine">{t('programs.tips.queue.mine')}</label>
        </div>
      </form>
      <ErrorAlert error={queue.error} />
      {queue.loading && !queue.data && <Loading />}
      {queue.data && queue.data.items.length === 0 && <p>{t('programs.tips.queue.none')}</p>}
      {queue.data && queue.data.items.length > 0 && (
        <table className="usa-table usa-table--striped width-full" data-testid="tip-queue">
          <caption>{t('programs.tips.queue.caption', { n: queue.data.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programs.tips.queue.columns.tip')}</th>
              <th scope="col">{t('programs.tips.queue.columns.state')}</th>
              <th scope="col">{t('programs.tips.queue.columns.priority')}</th>
              <th scope="col">{t('programs.tips.queue.columns.received')}</th>
              <th scope="col">{t('programs.tips.queue.columns.routing')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.items.map((tip) => (
              <tr key={tip.id} data-testid={`queue-${tip.number}`}>
                <th scope="row">
                  <Link href={`${TIPS_PAGE}?tip=${tip.id}`}>{tip.number}</Link> · {pick(tip.categoryLabel)}
                  {tip.channel === 'sms' && <span className="usa-tag margin-left-1">{t('programs.tips.channels.sms')}</span>}
                  {tip.isDemo && <span className="usa-tag margin-left-1 bridges-demo-tag">{t('programs.tips.console.demo')}</span>}
                  {tip.isPrank && <span className="usa-tag margin-left-1">{t('programs.tips.flags.prank')}</span>}
                  {tip.duplicateOf && <span className="usa-tag margin-left-1">{t('programs.tips.flags.duplicateOf', { number: tip.duplicateOf })}</span>}
                  {tip.suspectedBot && <span className="usa-tag margin-left-1">{t('programs.tips.flags.bot')}</span>}
                  {tip.forwarded && <span className="usa-tag margin-left-1">{t('programs.tips.flags.forwarded')}</span>}
                  {tip.newsAfterClose && <span className="usa-tag margin-left-1">{t('programs.tips.flags.newsAfterClose')}</span>}
                  <span className="display-block bridges-muted">{tip.excerpt}</span>
                </th>
                <td>{stateLabel(tip.state)}</td>
                <td>{t(`programs.tips.priorities.${tip.priority}`)}</td>
                <td>{formatDate(tip.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>{[tip.primaryUnitLabel ? pick(tip.primaryUnitLabel) : tip.primaryUnit, tip.assignedTo].filter(Boolean).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
