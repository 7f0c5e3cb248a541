/**
 * USWDS alerts for the states every screen has: loading, failed, done. Errors show the server's own message
 * (ApiError.message), which names the field or the reason.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';

export function ErrorAlert({ error, heading }: { error: Error | string | undefined | null; heading?: string }) {
  const t = useT();
  if (!error) return null;
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div className="usa-alert usa-alert--error usa-alert--slim margin-y-2" role="alert">
      <div className="usa-alert__body">
        {heading && <h2 className="usa-alert__heading">{heading}</h2>}
        <p className="usa-alert__text">
          {heading ? message : `${t('common.errorPrefix')} ${message}`}
        </p>
      </div>
    </div>
  );
}

export function SuccessAlert({ children }: { children: ReactNode }) {
  return (
    <div className="usa-alert usa-alert--success usa-alert--slim margin-y-2" role="status">
      <div className="usa-alert__body">
        <p className="usa-alert__text">{children}</p>
      </div>
    </div>
  );
}

export function InfoAlert({ children }: { children: ReactNode }) {
  return (
    <div className="usa-alert usa-alert--info usa-alert--slim margin-y-2">
      <div className="usa-alert__body">
        <p className="usa-alert__text">{children}</p>
      </div>
    </div>
  );
}

/** A polite live region, so screen readers hear that data is loading without losing their place. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="bridges-loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}
