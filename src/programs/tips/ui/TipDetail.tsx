/** One tip for staff: what the tipster said, where it stands, its timeline, and what can be done with it. */
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { Link } from '../../../web/router.js';
import { useSession } from '../../../web/console/session.js';
import { fileFormat, fileSize, money, tipsApi, type TipDetail, type TipsMeta } from './api.js';
import { TIPS_PAGE } from './paths.js';
import { TipActions } from './TipActions.js';

export function TipDetailPage({ id, meta }: { id: number; meta: TipsMeta }) {
  const { t, pick, formatDate, locale } = useI18n();
  const session = useSession();
  const tip = useAsync(() => tipsApi.tip(id), [id]);
  if (tip.loading && !tip.data) return <Loading />;
  if (!tip.data) return <ErrorAlert error={tip.error} />;
  const d: TipDetail = tip.data;
  const stateLabel = (code: unknown) => pick(meta.states.find((s) => s.code === code)?.label) || String(code);
  const when = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const facts: Array<[string, string]> = [
    [t('programs.tips.detail.category'), pick(d.category.label)],
    [t('programs.tips.detail.state'), `${pick(d.state.label)}${d.outcome ? ` — ${pick(d.outcome.label)}` : ''}`],
    [t('programs.tips.detail.priority'), t(`programs.tips.priorities.${d.priority}`)],
    [t('programs.tips.detail.received'), `${when(d.createdAt)} · ${t(`programs.tips.channels.${d.channel}`)} · ${t(`programs.tips.languages.${d.language}`)}`],
    [t('programs.tips.detail.where'), [d.location.text, d.location.lat !== null ? `${d.location.lat}, ${d.location.lon}` : null].filter(Boolean).join(' · ') || '—'],
    [t('programs.tips.detail.when'), [d.occurredAt ? when(d.occurredAt) : null, d.occurredText].filter(Boolean).join(' · ') || '—'],
    [t('programs.tips.detail.assigned'), d.assignedTo?.name ?? '—'],
    [t('programs.tips.detail.routing'), [d.primaryUnit ? pick(d.primaryUnit.label) : null, ...d.copies.map((c) => `${t('programs.tips.detail.copy')} ${pick(c.label)}`)].filter(Boolean).join(' · ') || '—'],
  ];
  if (d.sms) facts.push([t('programs.tips.detail.sms'), t(`programs.tips.sms.${d.sms.status}`)]);
  if (d.forwards.length) facts.push([t('programs.tips.detail.forwarded'), d.forwards.map((f) => f.agencyName).join(', ')]);

  return (
    <article data-testid="tip-detail">
      <p><Link href={TIPS_PAGE}>{t('programs.tips.detail.back')}</Link></p>
      <h1>
        {t('programs.tips.detail.title', { number: d.number })}
        {d.isDemo && <span className="usa-tag usa-tag--big bridges-demo-tag margin-left-1">{t('programs.tips.console.demo')}</span>}
        {d.isPrank && <span className="usa-tag usa-tag--big margin-left-1">{t('programs.tips.flags.prank')}</span>}
        {d.duplicateOf && <span className="usa-tag usa-tag--big margin-left-1">{t('programs.tips.flags.duplicateOf', { number: d.duplicateOf.number })}</span>}
      </h1>
      {d.access === 'partner' && <p className="usa-hint">{t('programs.tips.detail.partnerNote')}</p>}
      <blockquote className="bridges-tips__description" data-testid="tip-description">{d.description}</blockquote>
      <dl className="bridges-tips__facts">
        {facts.map(([term, value]) => <div key={term}><dt>{term}</dt><dd data-testid={`fact-${term}`}>{value}</dd></div>)}
      </dl>
      {d.attachments.length > 0 && (
        <section aria-labelledby="tip-files-heading">
          <h2 id="tip-files-heading">{t('programs.tips.detail.files')}</h2>
          <ul className="usa-list">
            {d.attachments.map((a) => (
              <li key={a.id}><a href={tipsApi.fileUrl(d.id, a.id)} download>{t(`programs.tips.fileKinds.${a.kind}`)} · {fileFormat(a.mime, t('programs.tips.fileFormats.text'))} · {fileSize(a.bytes, locale)}</a></li>
            ))}
          </ul>
        </section>
      )}
      {d.rewards.length > 0 && (
        <section aria-labelledby="tip-rewards-heading">
          <h2 id="tip-rewards-heading">{t('programs.tips.detail.rewards')}</h2>
          <ul className="usa-list">
            {d.rewards.map((r) => (
              <li key={r.id}>{t(`programs.tips.rewardStatus.${r.status}`)} · {money(r.approvedCents ?? r.proposedCents ?? 0, locale)} · {r.reason}</li>
            ))}
          </ul>
        </section>
      )}
      {d.access === 'owner' && <TipActions tip={d} meta={meta} can={session.can} onChanged={tip.reload} />}
      <section aria-labelledby="tip-timeline-heading">
        <h2 id="tip-timeline-heading">{t('programs.tips.detail.timeline')}</h2>
        <ol className="usa-list bridges-tips__timeline" data-testid="tip-timeline">
          {d.timeline.map((e) => (
            <li key={e.id} className={`bridges-tips__event bridges-tips__event--${e.kind}`}>
              <span className="bridges-muted">{when(e.at)} · {e.userName ?? t(`programs.tips.authors.${e.author}`)}</span>{' '}
              <strong>{t(`programs.tips.events.${e.kind}`)}</strong>
              {e.kind === 'state' && ` ${stateLabel(e.data.from)} → ${stateLabel(e.data.to)}`}
              {e.body && e.kind !== 'submitted' && <span className="display-block">{e.body}</span>}
              {e.visibleToTipster && e.kind !== 'submitted' && <span className="usa-tag margin-left-1">{t('programs.tips.detail.seenByTipster')}</span>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
