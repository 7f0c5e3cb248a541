/**
 * The public side of the tips program: send a tip, or follow one up. After sending, the receipt shows the
 * tip number and passphrase once, and the files are uploaded through the new tip's follow-up token. The home
 * page shows a short invitation; the forms live on their own pages, /tips and /tips/follow-up.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { Link, useDocumentTitle } from '../../../web/router.js';
import { PortalLayout } from '../../../web/portal/PortalLayout.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { publicTipsApi, type TipReceipt } from './api.js';
import { TipForm } from './TipForm.js';
import { FollowUpAccess, FollowUpView } from './FollowUp.js';

type Mode = 'send' | 'follow';

/** The home page's invitation: what tips are for, and the way to both pages. */
export function TipsTeaser() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="tips-teaser-heading" className="margin-y-4 bridges-tips" data-testid="tips-teaser">
      <h2 id="tips-teaser-heading">{t('programs.tips.portal.heading')}</h2>
      <p>{t('programs.tips.portal.intro')}</p>
      <p className="bridges-muted">{t('programs.tips.portal.emergency')}</p>
      <div className="usa-button-group">
        <Link href="/tips" className="usa-button">{t('programs.tips.portal.send')}</Link>
        <Link href="/tips/follow-up" className="usa-button usa-button--outline">{t('programs.tips.portal.follow')}</Link>
      </div>
    </section>
  );
}

/** /tips and /tips/follow-up: the forms, in the portal frame. */
export function TipsPage() {
  return <TipsPageFor mode="send" />;
}
export function FollowUpPage() {
  return <TipsPageFor mode="follow" />;
}

function TipsPageFor({ mode }: { mode: Mode }) {
  const { t } = useI18n();
  useDocumentTitle(t(mode === 'send' ? 'programs.tips.portal.sendTitle' : 'programs.tips.portal.followTitle'));
  return (
    <PortalLayout>
      <h1>{t('programs.tips.portal.heading')}</h1>
      <TipsPanel key={mode} initialMode={mode} />
    </PortalLayout>
  );
}

function TipsPanel({ initialMode }: { initialMode: Mode }) {
  const { t } = useI18n();
  const options = useAsync(() => publicTipsApi.options(), []);
  const [mode, setMode] = useState<Mode>(initialMode);
  const [token, setToken] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ receipt: TipReceipt; files: File[] } | null>(null);

  const forget = useCallback(() => setToken(null), []);
  const switchTo = (next: Mode) => {
    setMode(next);
    setReceipt(null);
    if (next === 'send') setToken(null);
  };
  const tab = (value: Mode, label: string) => (
    <button type="button" className={`usa-button ${mode === value ? '' : 'usa-button--outline'}`} aria-pressed={mode === value} onClick={() => switchTo(value)} data-testid={`tips-tab-${value}`}>
      {label}
    </button>
  );

  return (
    <section aria-label={t('programs.tips.portal.heading')} className="margin-y-2 bridges-tips" data-testid="tips-portal">
      <p>{t('programs.tips.portal.intro')}</p>
      <p className="bridges-muted">{t('programs.tips.portal.emergency')}</p>
      <div className="usa-button-group margin-bottom-2">{tab('send', t('programs.tips.portal.send'))}{tab('follow', t('programs.tips.portal.follow'))}</div>
      {mode === 'send' && !receipt && <TipForm onSent={(r, files) => setReceipt({ receipt: r, files })} />}
      {mode === 'send' && receipt && <Receipt {...receipt} onFollowUp={() => { setToken(receipt.receipt.accessToken); setMode('follow'); setReceipt(null); }} />}
      {mode === 'follow' && !token && <FollowUpAccess onOpened={setToken} />}
      {mode === 'follow' && token && options.data && (
        <FollowUpView token={token} options={options.data} onExpired={forget} onDone={() => switchTo('follow')} />
      )}
      <ErrorAlert error={options.error} />
    </section>
  );
}

function Receipt({ receipt, files, onFollowUp }: { receipt: TipReceipt; files: File[]; onFollowUp(): void }) {
  const { t } = useI18n();
  const [uploaded, setUploaded] = useState(0);
  const [error, setError] = useState<Error>();
  const started = useRef(false);
  useEffect(() => {
    // Once per receipt, even when React runs effects twice in development.
    if (started.current) return;
    started.current = true;
    void (async () => {
      for (const file of files) {
        try {
          await publicTipsApi.upload(receipt.accessToken, file);
          setUploaded((n) => n + 1);
        } catch (e) {
          setError(e as Error);
        }
      }
    })();
  }, [files, receipt.accessToken]);

  return (
    <div className="usa-alert usa-alert--success" role="status" data-testid="tip-receipt">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{t('programs.tips.receipt.heading')}</h2>
        <p className="usa-alert__text">{t('programs.tips.receipt.keep')}</p>
        <dl className="bridges-tips__receipt">
          <dt>{t('programs.tips.receipt.number')}</dt>
          <dd><strong className="bridges-secret" data-testid="receipt-number">{receipt.tipNumber}</strong></dd>
          <dt>{t('programs.tips.receipt.passphrase')}</dt>
          <dd>
            {receipt.passphrase
              ? <strong className="bridges-secret" data-testid="receipt-passphrase">{receipt.passphrase}</strong>
              : t('programs.tips.receipt.ownPassphrase')}
          </dd>
        </dl>
        <p className="usa-alert__text">{t('programs.tips.receipt.noRecovery')}</p>
        {files.length > 0 && <p className="usa-alert__text" aria-live="polite">{t('programs.tips.receipt.uploaded', { n: uploaded, total: files.length })}</p>}
        <ErrorAlert error={error} />
        <button type="button" className="usa-button margin-top-1" onClick={onFollowUp} data-testid="receipt-follow-up">{t('programs.tips.receipt.followUp')}</button>
      </div>
    </div>
  );
}
