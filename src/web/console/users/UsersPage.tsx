/** Users of the agency: who has which roles, who is locked out, and the actions an administrator needs. */
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { AdminUser, Role, UserPatch } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { useDocumentTitle } from '../../router.js';
import { useAsync } from '../../hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/Alerts.js';
import { ConsoleLayout } from '../ConsoleLayout.js';
import { NewUserForm } from './NewUserForm.js';
import { RoleCheckboxes, roleLabel } from './RoleCheckboxes.js';

export function UsersPage() {
  return (
    <ConsoleLayout permission="users:manage">
      <Users />
    </ConsoleLayout>
  );
}

function Users() {
  const i18n = useI18n();
  const { t } = i18n;
  useDocumentTitle(t('users.documentTitle'));
  const users = useAsync(() => api.users(), []);
  const roles = useAsync(() => api.roles(), []);
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();

  const change = async (user: AdminUser, patch: UserPatch, done: string) => {
    setError(undefined);
    setMessage(undefined);
    try {
      await api.updateUser(user.id, patch);
      setMessage(done);
      setEditing(null);
      users.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <>
      <h1>{t('users.title')}</h1>
      <ErrorAlert error={users.error ?? roles.error ?? error} />
      {message && <SuccessAlert>{message}</SuccessAlert>}
      {users.loading && !users.data && <Loading />}
      {users.data && roles.data && (
        <table className="usa-table usa-table--striped width-full" data-testid="users-table">
          <caption>{i18n.plural('users.count', users.data.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.displayName')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.state')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <UserRow key={user.id} user={user} roles={roles.data!} editing={editing === user.id} onEdit={setEditing} onChange={change} />
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-user-heading" className="margin-top-5">
        <h2 id="new-user-heading">{t('users.newHeading')}</h2>
        {roles.data && (
          <NewUserForm roles={roles.data} onCreated={(user) => {
            setMessage(t('users.created', { name: user.displayName }));
            users.reload();
          }} />
        )}
      </section>
    </>
  );
}

interface UserRowProps {
  user: AdminUser;
  roles: Role[];
  editing: boolean;
  onEdit(id: number | null): void;
  onChange(user: AdminUser, patch: UserPatch, done: string): Promise<void>;
}

function UserRow({ user, roles, editing, onEdit, onChange }: UserRowProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [roleIds, setRoleIds] = useState(user.roles.map((r) => r.id));
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
  const name = user.displayName;
  const states = [
    t(user.status === 'active' ? 'users.active' : 'users.disabled'),
    t(user.mfaEnrolled ? 'users.mfaOn' : 'users.mfaPending'),
    ...(locked ? [t('users.lockedUntil', { time: i18n.formatDate(user.lockedUntil!, { timeStyle: 'short' }) })] : []),
  ];

  return (
    <tr data-testid={`user-${user.username}`}>
      <th scope="row">
        {name}
        <span className="display-block bridges-muted">{user.username}{user.email ? ` · ${user.email}` : ''}</span>
      </th>
      <td>
        {editing ? (
          <form onSubmit={(e) => { e.preventDefault(); void onChange(user, { roleIds }, t('users.rolesSaved', { name })); }}>
            <RoleCheckboxes idPrefix={`user-${user.id}`} roles={roles} selected={roleIds} onChange={setRoleIds} />
            <button className="usa-button" type="submit">{t('common.save')}</button>
            <button className="usa-button usa-button--unstyled" type="button" onClick={() => { setRoleIds(user.roles.map((r) => r.id)); onEdit(null); }}>
              {t('common.cancel')}
            </button>
          </form>
        ) : (
          user.roles.map((r) => roleLabel(i18n, r.name)).join(', ') || t('users.noRoles')
        )}
      </td>
      <td>{states.join(' · ')}</td>
      <td>
        <ul className="usa-button-group">
          {!editing && (
            <li className="usa-button-group__item">
              <button type="button" className="usa-button usa-button--outline" aria-label={t('users.editRolesOf', { name })} onClick={() => onEdit(user.id)}>
                {t('users.editRoles')}
              </button>
            </li>
          )}
          {locked && (
            <li className="usa-button-group__item">
              <button type="button" className="usa-button usa-button--outline" aria-label={t('users.unlockUser', { name })}
                onClick={() => void onChange(user, { unlock: true }, t('users.unlocked', { name }))}>
                {t('users.unlock')}
              </button>
            </li>
          )}
          {user.mfaEnrolled && (
            <li className="usa-button-group__item">
              <button type="button" className="usa-button usa-button--outline" aria-label={t('users.resetMfaOf', { name })}
                onClick={() => window.confirm(t('users.resetMfaConfirm', { name })) && void onChange(user, { resetMfa: true }, t('users.mfaReset', { name }))}>
                {t('users.resetMfa')}
              </button>
            </li>
          )}
          <li className="usa-button-group__item">
            <button type="button" className="usa-button usa-button--outline"
              aria-label={t(user.status === 'active' ? 'users.disableUser' : 'users.enableUser', { name })}
              onClick={() => void onChange(user, { status: user.status === 'active' ? 'disabled' : 'active' }, t(user.status === 'active' ? 'users.disabledDone' : 'users.enabledDone', { name }))}>
              {t(user.status === 'active' ? 'users.disable' : 'users.enable')}
            </button>
          </li>
        </ul>
      </td>
    </tr>
  );
}
