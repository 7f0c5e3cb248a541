import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading } from '../../../web/components/Alerts.js';
import { noticesApi, type Notice } from './api.js';

// Alerts use the USWDS warning style; advisories and news the calmer info and plain styles.
const ALERT_CLASS: Record<Notice['kind'], string> = {
  alert: 'usa-alert usa-alert--warning',
  advisory: 'usa-alert usa-alert--info',
  news: 'usa-alert usa-alert--info usa-alert--no-icon',
};

/** The portal's "current notices" section: what the department wants residents to know right now. */
export function NoticesWidget() {
  const { t } = useI18n();
  const notices = useAsync(() => noticesApi.publicList(), []);
  return (
    <section aria-labelledby="notices-heading" className="margin-y-4" data-testid="public-notices">
      <h2 id="notices-heading">{t('programs.notices.portal.heading')}</h2>
      {notices.loading && !notices.data && <Loading />}
      <ErrorAlert error={notices.error} />
      {notices.data?.length === 0 && <p>{t('programs.notices.portal.none')}</p>}
      {notices.data && notices.data.length > 0 && (
        <ul className="usa-list usa-list--unstyled">
          {notices.data.map((notice) => <PublicNotice key={notice.id} notice={notice} />)}
        </ul>
      )}
    </section>
  );
}

function PublicNotice({ notice }: { notice: Notice }) {
  const { t, pick, formatDate } = useI18n();
  return (
    <li className={`${ALERT_CLASS[notice.kind]} margin-bottom-2 bridges-notice`} data-testid="public-notice">
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading">
          <span className="usa-tag bridges-notice__kind">{t(`programs.notices.kinds.${notice.kind}`)}</span> {pick(notice.title)}
        </h3>
        <p className="usa-alert__text">{pick(notice.body)}</p>
        <p className="usa-alert__text bridges-notice__meta">
          {[
            notice.agencyName,
            notice.areaName ? t('programs.notices.portal.area', { area: notice.areaName }) : null,
            t('programs.notices.portal.posted', { date: formatDate(notice.publishAt, { dateStyle: 'long' }) }),
            notice.expiresAt ? t('programs.notices.portal.until', { date: formatDate(notice.expiresAt, { dateStyle: 'long' }) }) : null,
          ].filter(Boolean).join(' · ')}
        </p>
      </div>
    </li>
  );
}
