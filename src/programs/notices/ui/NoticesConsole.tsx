/** The console page of the notices program: every notice of the agency, and writing a new one. */
import { useState } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useDocumentTitle } from '../../../web/router.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { noticesApi, type Notice, type NoticeStatus } from './api.js';
import { NoticeForm } from './NoticeForm.js';

export const NOTICES_PERMISSION = 'notices:publish';

export function NoticesConsole() {
  return (
    <ConsoleLayout permission={NOTICES_PERMISSION}>
      <Notices />
    </ConsoleLayout>
  );
}

function Notices() {
  const { t, pick } = useI18n();
  useDocumentTitle(t('programs.notices.console.documentTitle'));
  const notices = useAsync(() => noticesApi.list(), []);
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  // A new form after each save, so the fields start empty again.
  const [formKey, setFormKey] = useState(0);

  const saved = (notice: Notice, status: NoticeStatus) => {
    setMessage(t(`programs.notices.console.saved.${status}`, { title: pick(notice.title) }));
    setEditing(null);
    setFormKey((k) => k + 1);
    notices.reload();
  };
  const setStatus = async (notice: Notice, status: NoticeStatus) => {
    setError(undefined);
    try {
      saved(await noticesApi.update(notice.id, { status }), status);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <>
      <h1>{t('programs.notices.console.title')}</h1>
      <p>{t('programs.notices.console.intro')}</p>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={notices.error ?? error} />
      {notices.loading && !notices.data && <Loading />}
      {notices.data && notices.data.length === 0 && <p>{t('programs.notices.console.none')}</p>}
      {notices.data && notices.data.length > 0 && (
        <table className="usa-table usa-table--striped width-full" data-testid="notices-table">
          <caption>{t('programs.notices.console.caption', { n: notices.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programs.notices.console.columns.title')}</th>
              <th scope="col">{t('programs.notices.console.columns.status')}</th>
              <th scope="col">{t('programs.notices.console.columns.when')}</th>
              <th scope="col">{t('programs.notices.console.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {notices.data.map((notice) => (
              <NoticeRow key={notice.id} notice={notice} editing={editing === notice.id} onEdit={setEditing} onStatus={setStatus} onSaved={saved} />
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-notice-heading" className="margin-top-5">
        <h2 id="new-notice-heading">{t('programs.notices.console.newHeading')}</h2>
        <NoticeForm key={formKey} onSaved={saved} />
      </section>
    </>
  );
}

interface NoticeRowProps {
  notice: Notice;
  editing: boolean;
  onEdit(id: number | null): void;
  onStatus(notice: Notice, status: NoticeStatus): Promise<void>;
  onSaved(notice: Notice, status: NoticeStatus): void;
}

function NoticeRow({ notice, editing, onEdit, onStatus, onSaved }: NoticeRowProps) {
  const { t, pick, formatDate } = useI18n();
  const title = pick(notice.title);
  const when = [
    t('programs.notices.console.from', { date: formatDate(notice.publishAt, { dateStyle: 'medium', timeStyle: 'short' }) }),
    notice.expiresAt ? t('programs.notices.console.until', { date: formatDate(notice.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }) }) : null,
  ].filter(Boolean).join(' · ');
  return (
    <>
      <tr data-testid={`notice-${notice.id}`}>
        <th scope="row">
          <span className="usa-tag bridges-notice__kind">{t(`programs.notices.kinds.${notice.kind}`)}</span> {title}
          {notice.isDemo && <span className="usa-tag usa-tag--big bridges-demo-tag">{t('programs.notices.console.demo')}</span>}
          {notice.areaName && <span className="display-block bridges-muted">{notice.areaName}</span>}
        </th>
        <td>{t(`programs.notices.statuses.${displayStatus(notice)}`)}</td>
        <td>{when}</td>
        <td>
          <ul className="usa-button-group">
            {!editing && (
              <li className="usa-button-group__item">
                <button type="button" className="usa-button usa-button--outline" aria-label={t('programs.notices.console.editOf', { title })} onClick={() => onEdit(notice.id)}>
                  {t('programs.notices.console.edit')}
                </button>
              </li>
            )}
            {notice.status !== 'published' && (
              <li className="usa-button-group__item">
                <button type="button" className="usa-button" aria-label={t('programs.notices.console.publishOf', { title })} onClick={() => void onStatus(notice, 'published')}>
                  {t('programs.notices.console.publish')}
                </button>
              </li>
            )}
            {notice.status === 'published' && (
              <li className="usa-button-group__item">
                <button type="button" className="usa-button usa-button--secondary" aria-label={t('programs.notices.console.withdrawOf', { title })} onClick={() => void onStatus(notice, 'withdrawn')}>
                  {t('programs.notices.console.withdraw')}
                </button>
              </li>
            )}
          </ul>
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={4}>
            <NoticeForm notice={notice} onSaved={onSaved} onCancel={() => onEdit(null)} />
          </td>
        </tr>
      )}
    </>
  );
}

/** A published notice is not necessarily visible: it may not have started yet, or have ended. */
function displayStatus(notice: Notice, now = Date.now()): string {
  if (notice.status !== 'published') return notice.status;
  if (new Date(notice.publishAt).getTime() > now) return 'scheduled';
  if (notice.expiresAt && new Date(notice.expiresAt).getTime() <= now) return 'expired';
  return 'published';
}
