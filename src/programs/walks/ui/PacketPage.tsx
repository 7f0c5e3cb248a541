/**
 * The walk packet as a print-friendly page (the PDF's twin, from the same server data): the plan and map,
 * talking points, resources and tip cards. The console frame is hidden when printing.
 */
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle, Link } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { QrCode } from '../../../web/components/QrCode.js';
import type { RouteParams } from '../../../web/programs.js';
import { packetPdfUrl, walksApi, type Packet } from './api.js';

export function PacketPage({ params }: RouteParams) {
  const lang = params.lang === 'es' ? 'es' : 'en';
  return (
    <ConsoleLayout permission="walks:read" wide>
      <PacketView walkId={Number(params.walkId)} lang={lang} />
    </ConsoleLayout>
  );
}

function PacketView({ walkId, lang }: { walkId: number; lang: 'en' | 'es' }) {
  const { t } = useI18n();
  const packet = useAsync(() => walksApi.packet(walkId, lang), [walkId, lang]);
  useDocumentTitle(t('programs.walks.packet.documentTitle', { title: packet.data?.walk.title ?? '' }));
  if (packet.error) return <ErrorAlert error={packet.error} />;
  if (!packet.data) return <Loading />;
  const p = packet.data;
  const x = p.text;
  return (
    <article className="bridges-packet" lang={lang} data-testid="walk-packet">
      <p className="bridges-no-print">
        <Link href={`/console/programs/walks/${walkId}`}>{t('programs.walks.packet.back')}</Link>
        {' · '}
        <button type="button" className="usa-button usa-button--outline" onClick={() => window.print()}>{t('programs.walks.packet.print')}</button>
        <a className="usa-button usa-button--outline" href={packetPdfUrl(walkId, lang)}>{t('programs.walks.packet.pdf')}</a>
      </p>
      {p.walk.isDemo && <p className="bridges-packet__demo">{x.demo}</p>}
      <h1>{x.title}: {p.walk.title}</h1>
      <p className="margin-y-05">{p.walk.agencyName} · #{p.walk.id}</p>
      <dl className="bridges-packet__facts">
        <dt>{x.when}</dt><dd>{p.walk.scheduledFor ?? x.notScheduled} <span className="bridges-muted">({p.walk.dueText})</span></dd>
        {p.walk.meetingPoint && <><dt>{x.meetingPoint}</dt><dd>{p.walk.meetingPoint}</dd></>}
        <dt>{x.team}</dt><dd>{p.team.length ? p.team.map((m) => `${m.name} (${m.role}${m.organisation ? `, ${m.organisation}` : ''})`).join('; ') : x.noTeam}</dd>
      </dl>
      <h2>{x.map}</h2>
      <SceneSvg packet={p} />
      <p className="bridges-muted">{x.mapNote}</p>
      <section className="bridges-packet__page">
        <h2>{x.talkingPoints}</h2>
        <ol>{p.talkingPoints.map((point) => <li key={point}>{point}</li>)}</ol>
        <h2>{x.resources}</h2>
        <ul className="usa-list">{p.resources.map((r) => <li key={r.label}><strong>{r.label}</strong> — {r.contact}. {r.description}</li>)}</ul>
      </section>
      <section className="bridges-packet__page bridges-packet__cards" aria-label={x.tipCard}>
        {[0, 1, 2, 3].map((i) => (
          <div className="bridges-packet__card" key={i} aria-hidden={i > 0 ? true : undefined}>
            <h3>{x.tipCard}</h3>
            <p>{x.tipCardBody}</p>
            {p.tipLine.phone && <p><strong>{x.tipPhone}:</strong> {p.tipLine.phone}</p>}
            {p.tipLine.text && <p><strong>{x.tipText}:</strong> {p.tipLine.text}</p>}
            {p.tipLine.web && <p><strong>{x.tipWeb}:</strong> {p.tipLine.web}</p>}
            {p.tipLine.web && <QrCode value={p.tipLine.web} label={`${x.tipWeb}: ${p.tipLine.web}`} size={96} />}
          </div>
        ))}
      </section>
    </article>
  );
}

/** The packet's vector map: the same scene as the PDF, as SVG. */
export function SceneSvg({ packet }: { packet: Packet }) {
  const s = packet.scene;
  const size = 2 * s.halfSize;
  const path = (rings: Array<Array<[number, number]>>) => rings.map((ring) => `M${ring.map(([x, y]) => `${x},${-y}`).join('L')}Z`).join(' ');
  const label = `${packet.text.map}: ${packet.text.legendCanvass.replace('{radius}', String(packet.walk.radiusM))}; ${s.blocks.map((b) => `${b.label} (${b.count})`).join(', ')}`;
  return (
    <figure className="margin-0">
      <svg viewBox={`${-s.halfSize} ${-s.halfSize} ${size} ${size}`} className="bridges-packet__map" role="img" aria-label={label} data-testid="packet-map">
        <rect x={-s.halfSize} y={-s.halfSize} width={size} height={size} fill="#f0f0f0" />
        {s.areas.map((a) => <path key={`${a.kind}-${a.name}`} d={path(a.rings)} fill="none" stroke="#565c65" strokeWidth={size / 400} strokeDasharray={`${size / 100} ${size / 150}`} />)}
        {s.canvass.kind === 'circle'
          ? <circle cx={0} cy={0} r={s.canvass.radius} fill="#1a4480" fillOpacity={0.15} stroke="#1a4480" strokeWidth={size / 200} />
          : <path d={path(s.canvass.rings)} fill="#1a4480" fillOpacity={0.15} stroke="#1a4480" strokeWidth={size / 200} />}
        {s.incidents.map((i, n) => <circle key={n} cx={i.x} cy={-i.y} r={size / 170} fill="#b50909" />)}
        <circle cx={0} cy={0} r={size / 110} fill="#fff" stroke="#1b1b1b" strokeWidth={size / 300} />
        {s.blocks.map((b) => (
          <text key={b.label} x={b.x + size / 120} y={-b.y - size / 120} fontSize={size / 55} fill="#1b1b1b" stroke="#fff" strokeWidth={size / 400} paintOrder="stroke">{b.label}</text>
        ))}
      </svg>
      <figcaption>
        <ul className="bridges-legend">
          <li><span className="bridges-legend__dot" style={{ background: '#1a4480', opacity: 0.5 }} aria-hidden="true" />{packet.text.legendCanvass.replace('{radius}', String(packet.walk.radiusM))}</li>
          <li><span className="bridges-legend__dot" style={{ background: '#b50909' }} aria-hidden="true" />{packet.text.legendIncident}</li>
          <li><span className="bridges-legend__line" style={{ borderColor: '#565c65', borderStyle: 'dashed' }} aria-hidden="true" />{packet.text.legendArea}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
