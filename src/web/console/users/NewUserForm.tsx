import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import type { AdminUser, Role } from '../../api/types.js';
import { useT } from '../../i18n/index.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { RoleCheckboxes } from './RoleCheckboxes.js';

/**
 * Creates a staff account with a first password. The new user sets up their authenticator at their first
 * sign-in, so nothing about MFA is asked here.
 */
export function NewUserForm({ roles, onCreated }: { roles: Role[]; onCreated(user: AdminUser): void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roleIds, setRoleIds] = useState<number[]>([]);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await api.createUser({ username: username.trim(), displayName: displayName.trim(), email: email.trim() || null, password, roleIds });
      setUsername('');
      setDisplayName('');
      setEmail('');
      setPassword('');
      setRoleIds([]);
      onCreated(user);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} data-testid="new-user-form">
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="new-user-username">{t('users.username')}</label>
      <input className="usa-input" id="new-user-username" required minLength={3} maxLength={64} autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
      <label className="usa-label" htmlFor="new-user-name">{t('users.displayName')}</label>
      <input className="usa-input" id="new-user-name" required maxLength={120} autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      <label className="usa-label" htmlFor="new-user-email">{t('users.email')} <span className="usa-hint">{t('common.optional')}</span></label>
      <input className="usa-input" id="new-user-email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      <label className="usa-label" htmlFor="new-user-password">{t('users.firstPassword')}</label>
      <span className="usa-hint" id="new-user-password-hint">{t('users.firstPasswordHint')}</span>
      <input className="usa-input" id="new-user-password" type="password" required autoComplete="new-password" aria-describedby="new-user-password-hint" value={password} onChange={(e) => setPassword(e.target.value)} />
      <RoleCheckboxes idPrefix="new-user" roles={roles} selected={roleIds} onChange={setRoleIds} />
      <button className="usa-button" type="submit" disabled={busy}>{t('users.create')}</button>
    </form>
  );
}
