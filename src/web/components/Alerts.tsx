/**
 * USWDS alerts for the states every screen has: loading, failed, done. Errors are said in the reader's
 * language by their code (see ../i18n/errors.ts), naming the field or the reason; the server's own English
 * message is the fallback for codes without a translation.
 */
import type { ReactNode } from 'react';
import { useI18n, useT } from '../i18n/index.js';
import { describeError, useErrorScopes } from '../i18n/errors.js';

export function ErrorAlert({ error, heading }: { error: Error | string | undefined | null; heading?: string }) {
  const i18n = useI18n();
  const scopes = useErrorScopes();
  const t = i18n.t;
  if (!error) return null;
  const message = describeError(i18n, error, scopes);
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
