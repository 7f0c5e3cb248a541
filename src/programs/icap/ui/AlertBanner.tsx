import { useSyncExternalStore } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { Link } from '../../../web/router.js';
import { useSession } from '../../../web/console/session.js';
import { alertStream } from './alertStream.js';

/**
 * The console-wide banner for retaliation alerts: shown on every console page to staff allowed to receive
 * them, the moment a shooting is recorded. role="alert" makes screen readers announce it.
 */
export function AlertBanner() {
  const session = useSession();
  if (!session.user || !session.can('icap:alerts')) return null;
  return <Banner />;
}

function Banner() {
  const { t, formatDate } = useI18n();
  const { alerts } = useSyncExternalStore(alertStream.subscribe, alertStream.snapshot);
  const alert = alerts[0];
  if (!alert) return null;
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.icap.banner.${key}`, vars);
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="usa-alert usa-alert--emergency margin-y-2 bridges-icap-banner" role="alert" data-testid="icap-alert-banner">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{k(alert.category === 'homicide' ? 'headingHomicide' : 'heading', { block: alert.hundredBlock ?? k('unknownBlock') })}</h2>
        <p className="usa-alert__text">
          {k('text', { time: when(alert.occurredAt), radius: alert.radiusM, until: when(alert.riskUntil), days: alert.windowDays })}
          {alert.nearbyRecent > 0 && ` ${k('nearby', { n: alert.nearbyRecent, radius: alert.radiusM })}`}
        </p>
        <p className="usa-alert__text">
          <Link className="bridges-icap-banner__link" href={`/console/programs/icap/alerts/${alert.id}`}>{k('map')}</Link>
          {alert.walkId && <>{' · '}<Link className="bridges-icap-banner__link" href={`/console/programs/walks/${alert.walkId}`}>{k('walk')}</Link></>}
          {' · '}
          <button type="button" className="usa-button usa-button--unstyled bridges-icap-banner__link" onClick={() => alertStream.dismiss(alert.id)}>{k('dismiss')}</button>
          {alerts.length > 1 && ` · ${k('more', { n: alerts.length - 1 })}`}
        </p>
      </div>
    </div>
  );
}
