/** /console/programs/board/meetings/:meetingId: agenda, minutes, status and attendance of one meeting. */
import { useEffect, useState, type FormEvent } from 'react';
import type { RouteParams } from '../../../web/programs.js';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { boardApi, type MeetingStatus, type StaffMeeting } from './api.js';
import { BOARD_PERMISSION } from './BoardConsole.js';
import { useBoardI18n } from './i18n.js';

export function MeetingConsolePage({ params }: RouteParams) {
  return (
    <ConsoleLayout permission={BOARD_PERMISSION}>
      <MeetingAdmin id={Number(params.meetingId)} />
    </ConsoleLayout>
  );
}

function MeetingAdmin({ id }: { id: number }) {
  const { b, pick, formatDate } = useBoardI18n();
  const meeting = useAsync(() => boardApi.staffMeeting(id), [id]);
  useDocumentTitle(b('meeting.documentTitle', { title: pick(meeting.data?.title) }));
  return (
    <>
      <p><Link href="/console/programs/board">{b('console.back')}</Link></p>
      {meeting.loading && !meeting.data && <Loading />}
      <ErrorAlert error={meeting.error} />
      {meeting.data && (
        <>
          <h1>{pick(meeting.data.title)}</h1>
          <p>{formatDate(meeting.data.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: meeting.data.timeZone })} · <Link href={`/board/meetings/${id}`}>{b('console.publicPage')}</Link></p>
          <Attendance meeting={meeting.data} onSaved={meeting.reload} />
          <Record meeting={meeting.data} onSaved={meeting.reload} />
        </>
      )}
    </>
  );
}

function Attendance({ meeting, onSaved }: { meeting: StaffMeeting; onSaved(): void }) {
  const { b } = useBoardI18n();
  const [present, setPresent] = useState<Set<number>>(new Set());
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  useEffect(() => setPresent(new Set(meeting.attendanceByTerm.filter((a) => a.present).map((a) => a.termId))), [meeting]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await boardApi.attendance(meeting.id, [...present]);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section aria-labelledby="attendance-h" className="margin-top-3">
      <h2 id="attendance-h">{b('meeting.attendance')}</h2>
      {saved && <SuccessAlert>{b('meeting.attendanceSaved', { n: present.size })}</SuccessAlert>}
      <ErrorAlert error={error} />
      <form onSubmit={save}>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">{b('meeting.whoWasPresent')}</legend>
          <div className="bridges-board__attendance">
            {meeting.attendanceByTerm.map((a) => (
              <div className="usa-checkbox" key={a.termId}>
                <input className="usa-checkbox__input" type="checkbox" id={`present-${a.termId}`} checked={present.has(a.termId)}
                  onChange={(e) => { const next = new Set(present); if (e.target.checked) next.add(a.termId); else next.delete(a.termId); setPresent(next); }} />
                <label className="usa-checkbox__label" htmlFor={`present-${a.termId}`}>{a.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <button className="usa-button margin-top-2" type="submit">{b('meeting.saveAttendance')}</button>
      </form>
    </section>
  );
}

function Record({ meeting, onSaved }: { meeting: StaffMeeting; onSaved(): void }) {
  const { b } = useBoardI18n();
  const [v, setV] = useState({ agendaEn: meeting.agenda.en ?? '', agendaEs: meeting.agenda.es ?? '', minutesEn: meeting.minutes?.en ?? '', minutesEs: meeting.minutes?.es ?? '', status: meeting.status });
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const minutes = v.minutesEn.trim() || v.minutesEs.trim() ? { en: v.minutesEn, es: v.minutesEs } : null;
      await boardApi.updateMeeting(meeting.id, { agenda: { en: v.agendaEn, es: v.agendaEs }, minutes, status: v.status as MeetingStatus });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err as Error);
    }
  };
  const area = (key: 'agendaEn' | 'agendaEs' | 'minutesEn' | 'minutesEs', lang: string) => (
    <>
      <label className="usa-label" htmlFor={`meeting-${key}`}>{b(`meeting.fields.${key}`)}</label>
      <textarea className="usa-textarea bridges-board__long" id={`meeting-${key}`} lang={lang} value={v[key]} onChange={set(key)} />
    </>
  );
  return (
    <section aria-labelledby="record-h" className="margin-top-4">
      <h2 id="record-h">{b('meeting.recordHeading')}</h2>
      {saved && <SuccessAlert>{b('meeting.recordSaved')}</SuccessAlert>}
      <form className="usa-form usa-form--large" onSubmit={save}>
        <ErrorAlert error={error} />
        <label className="usa-label" htmlFor="meeting-status">{b('meeting.statusLabel')}</label>
        <select className="usa-select" id="meeting-status" value={v.status} onChange={set('status')}>
          {(['scheduled', 'held', 'cancelled'] as const).map((s) => <option key={s} value={s}>{b(`status.${s}`)}</option>)}
        </select>
        {area('agendaEn', 'en')}
        {area('agendaEs', 'es')}
        {area('minutesEn', 'en')}
        {area('minutesEs', 'es')}
        <button className="usa-button margin-top-2" type="submit">{b('meeting.saveRecord')}</button>
      </form>
    </section>
  );
}
