/**
 * Staff sign-in in two steps: password, then a one-time code from an authenticator app. On the first
 * sign-in the server hands out a new TOTP secret and the second step confirms the enrolment instead.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import type { SignInAnswer } from '../api/types.js';
import { useT } from '../i18n/index.js';
import { navigate, Redirect, useDocumentTitle } from '../router.js';
import { PortalLayout } from '../portal/PortalLayout.js';
import { ErrorAlert, Loading } from '../components/Alerts.js';
import { QrCode } from '../components/QrCode.js';
import { useSession } from './session.js';

type Step = { kind: 'password' } | { kind: 'mfa' } | { kind: 'enroll'; secret: string; otpauthUrl: string };

export function SignIn() {
  const t = useT();
  const session = useSession();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  useDocumentTitle(t('signIn.documentTitle'));

  if (session.user) return <Redirect to="/console" />;

  const onPassword = (answer: SignInAnswer) => setStep(answer.next === 'mfa' ? { kind: 'mfa' } : { kind: 'enroll', secret: answer.secret, otpauthUrl: answer.otpauthUrl });
  const onSignedIn = async () => {
    await session.refresh();
    navigate('/console', { replace: true });
  };

  return (
    <PortalLayout>
      <div className="bridges-narrow">
        <h1>{t('signIn.title')}</h1>
        {session.user === undefined && <Loading />}
        {session.user === null && step.kind === 'password' && <PasswordStep onDone={onPassword} />}
        {session.user === null && step.kind !== 'password' && (
          <CodeStep step={step} onDone={onSignedIn} onRestart={() => setStep({ kind: 'password' })} />
        )}
      </div>
    </PortalLayout>
  );
}

function PasswordStep({ onDone }: { onDone(answer: SignInAnswer): void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api.signIn(username.trim(), password));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} data-testid="password-form">
      <p>{t('signIn.intro')}</p>
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="sign-in-username">{t('signIn.username')}</label>
      <input className="usa-input" id="sign-in-username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
      <label className="usa-label" htmlFor="sign-in-password">{t('signIn.password')}</label>
      <input className="usa-input" id="sign-in-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      <button className="usa-button" type="submit" disabled={busy}>{t('signIn.continue')}</button>
    </form>
  );
}

function CodeStep({ step, onDone, onRestart }: { step: Exclude<Step, { kind: 'password' }>; onDone(): Promise<void>; onRestart(): void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const clean = code.replace(/\s+/g, '');
      if (step.kind === 'enroll') await api.enroll(clean);
      else await api.mfa(clean);
      await onDone();
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} data-testid="code-form">
      {step.kind === 'enroll' ? <Enrolment secret={step.secret} otpauthUrl={step.otpauthUrl} /> : <p>{t('signIn.mfaIntro')}</p>}
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="sign-in-code">{t('signIn.code')}</label>
      <span className="usa-hint" id="sign-in-code-hint">{t('signIn.codeHint')}</span>
      <input
        className="usa-input usa-input--medium"
        id="sign-in-code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        maxLength={7}
        required
        aria-describedby="sign-in-code-hint"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoFocus
      />
      <button className="usa-button" type="submit" disabled={busy}>{t('signIn.verify')}</button>
      <button className="usa-button usa-button--unstyled margin-top-2" type="button" onClick={onRestart}>{t('signIn.startOver')}</button>
    </form>
  );
}

/** First sign-in: the secret as a QR code, as text to type in, and as an otpauth link for phone browsers. */
function Enrolment({ secret, otpauthUrl }: { secret: string; otpauthUrl: string }) {
  const t = useT();
  // Groups of four are far easier to type into an authenticator app without mistakes.
  const grouped = secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <div data-testid="enrolment">
      <p>{t('signIn.enrollIntro')}</p>
      <QrCode value={otpauthUrl} label={t('signIn.qrLabel')} />
      <p>
        {t('signIn.secretLabel')} <code className="bridges-secret" data-testid="totp-secret">{grouped}</code>
      </p>
      <p>
        <a href={otpauthUrl}>{t('signIn.openApp')}</a>
      </p>
    </div>
  );
}
