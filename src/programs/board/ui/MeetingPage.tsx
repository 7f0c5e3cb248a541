/** /board/meetings/:meetingId: agenda, minutes and attendance of one meeting, and its event page. */
import type { RouteParams } from '../../../web/programs.js';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { boardApi } from './api.js';
import { useBoardI18n } from './i18n.js';

export function MeetingPage({ params }: RouteParams) {
  const { b, pick, formatDate } = useBoardI18n();
  const id = Number(params.meetingId);
  const meeting = useAsync(() => boardApi.meeting(id), [id]);
  useDocumentTitle(b('meeting.documentTitle', { title: pick(meeting.data?.title) }));
  const m = meeting.data;
  return (
    <PortalLayout>
      <p><Link href="/board">{b('back')}</Link></p>
      {meeting.loading && !m && <Loading />}
      {meeting.error && <><h1>{b('meeting.notFound')}</h1><ErrorAlert error={meeting.error} /></>}
      {m && (
        <article aria-labelledby="meeting-title">
          <h1 id="meeting-title">{pick(m.title)}</h1>
          <p>{formatDate(m.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: m.timeZone })} · {b(`status.${m.status}`)}</p>
          {m.eventId && m.status !== 'held' && <p><Link className="usa-button usa-button--outline" href={`/events/${m.eventId}`}>{b('meeting.event')}</Link></p>}
          <h2>{b('meeting.agenda')}</h2>
          <div className="bridges-board__text">{pick(m.agenda)}</div>
          <h2>{b('meeting.minutes')}</h2>
          {m.minutes ? <div className="bridges-board__text">{pick(m.minutes)}</div> : <p>{b('meeting.noMinutes')}</p>}
          {(m.attendance.present.length > 0 || m.attendance.absent.length > 0) && (
            <>
              <h2>{b('meeting.attendance')}</h2>
              <p>{b('meeting.present', { n: m.attendance.present.length })}: {m.attendance.present.join(', ')}</p>
              {m.attendance.absent.length > 0 && <p>{b('meeting.absent', { n: m.attendance.absent.length })}: {m.attendance.absent.join(', ')}</p>}
            </>
          )}
        </article>
      )}
    </PortalLayout>
  );
}
