/**
 * Following up a tip with its number and passphrase: the department's replies and questions, adding
 * information and files, asking about a reward, and collecting one. The access token lives in memory only.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../../web/api/client.js';
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, InfoAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { money, publicTipsApi, type PublicOptions, type TipsterMessageKind, type TipsterView } from './api.js';
import { FilePicker, tooLarge } from './FilePicker.js';

export function FollowUpAccess({ onOpened }: { onOpened(token: string): void }) {
  const { t } = useI18n();
  const [tipNumber, setTipNumber] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onOpened((await publicTipsApi.access(tipNumber, passphrase)).accessToken);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="usa-form" onSubmit={submit} data-testid="follow-up-access">
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="follow-number">{t('programs.tips.followUp.number')}</label>
      <input className="usa-input" id="follow-number" required autoComplete="off" autoCapitalize="characters" value={tipNumber} onChange={(e) => setTipNumber(e.target.value)} />
      <label className="usa-label" htmlFor="follow-passphrase">{t('programs.tips.followUp.passphrase')}</label>
      <input className="usa-input" id="follow-passphrase" type="password" required autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      <button className="usa-button margin-top-2" type="submit" disabled={busy}>{t('programs.tips.followUp.open')}</button>
    </form>
  );
}

export interface FollowUpViewProps {
  token: string;
  options: PublicOptions;
  onExpired(): void;
  onDone(): void;
}

export function FollowUpView({ token, options, onExpired, onDone }: FollowUpViewProps) {
  const { t, pick, formatDate, locale } = useI18n();
  const view = useAsync(() => publicTipsApi.view(token), [token]);
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<TipsterMessageKind>('info');
  const [files, setFiles] = useState<File[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const expired = view.error instanceof ApiError && view.error.status === 401;
  // The token lasts half an hour: after that, back to the number and passphrase.
  useEffect(() => {
    if (expired) onExpired();
  }, [expired, onExpired]);
  if (view.loading && !view.data) return <Loading />;
  if (!view.data) return <ErrorAlert error={view.error} />;
  const tip: TipsterView = view.data;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const oversized = files.find((f) => tooLarge(f, options.maxBytes));
    if (oversized) return setError(new Error(t('programs.tips.files.tooLarge', { name: oversized.name })));
    setBusy(true);
    setError(undefined);
    try {
      if (body.trim()) await publicTipsApi.message(token, body.trim(), kind);
      for (const file of files) await publicTipsApi.upload(token, file);
      setMessage(t('programs.tips.followUp.sent'));
      setBody('');
      setFiles([]);
      setFileKey((k) => k + 1);
      view.reload();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="follow-up-view">
      <h2>{t('programs.tips.followUp.title', { number: tip.tipNumber })}</h2>
      <p>
        <span className="usa-tag" data-testid="follow-up-status">{pick(tip.status.label)}</span>{' '}
        {pick(tip.category.label)} · {t('programs.tips.followUp.sentOn', { date: formatDate(tip.submittedOn, { dateStyle: 'long', timeZone: 'UTC' }) })}
        {tip.files > 0 && ` · ${t('programs.tips.followUp.files', { n: tip.files })}`}
      </p>
      {tip.reward.status === 'approved' && (
        <div className="usa-alert usa-alert--success" data-testid="reward-approved">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">{t('programs.tips.reward.approvedHeading', { amount: money(tip.reward.amountCents ?? 0, locale) })}</h3>
            <p className="usa-alert__text">{t('programs.tips.reward.collect')}</p>
            <p className="usa-alert__text">{t('programs.tips.reward.code')} <strong className="bridges-secret" data-testid="collection-code">{tip.reward.collectionCode}</strong></p>
          </div>
        </div>
      )}
      {tip.reward.status === 'paid' && <InfoAlert>{t('programs.tips.reward.paid')}</InfoAlert>}
      <ol className="usa-list usa-list--unstyled bridges-tips__thread" data-testid="follow-up-thread">
        {tip.messages.map((m) => (
          <li key={m.id} className={`bridges-tips__message bridges-tips__message--${m.from === 'you' ? 'you' : 'them'}`} data-testid={`message-${m.from}`}>
            <p className="bridges-muted">
              {m.from === 'you' ? t('programs.tips.followUp.you') : t('programs.tips.followUp.department')} · {formatDate(m.at, { dateStyle: 'medium', timeStyle: 'short' })}
              {m.question && <span className="usa-tag margin-left-1">{t('programs.tips.followUp.question')}</span>}
            </p>
            <p>{m.kind === 'attachment' ? t('programs.tips.followUp.fileAdded') : m.body}</p>
          </li>
        ))}
      </ol>
      {message && <SuccessAlert>{message}</SuccessAlert>}
      <ErrorAlert error={error} />
      <form className="usa-form usa-form--large" onSubmit={send} data-testid="follow-up-reply">
        <label className="usa-label" htmlFor="follow-kind">{t('programs.tips.followUp.kind')}</label>
        <select className="usa-select" id="follow-kind" value={kind} onChange={(e) => setKind(e.target.value as TipsterMessageKind)}>
          {(['info', 'answer', 'reward_question'] as const).map((k) => <option key={k} value={k}>{t(`programs.tips.followUp.kinds.${k}`)}</option>)}
        </select>
        <label className="usa-label" htmlFor="follow-body">{t('programs.tips.followUp.message')}</label>
        <textarea className="usa-textarea" id="follow-body" maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />
        <FilePicker key={fileKey} id="follow-files" files={files} onChange={setFiles} maxBytes={options.maxBytes} />
        <button className="usa-button margin-top-2" type="submit" disabled={busy || (!body.trim() && files.length === 0)}>{t('programs.tips.followUp.send')}</button>
        <button className="usa-button usa-button--outline margin-top-2" type="button" onClick={onDone}>{t('programs.tips.followUp.done')}</button>
      </form>
    </div>
  );
}
