import type { Role } from '../../api/types.js';
import { useI18n, type I18n } from '../../i18n/index.js';

/** Built-in roles have translated names; roles an agency made up show as they were named. */
export function roleLabel(i18n: Pick<I18n, 't' | 'has'>, name: string): string {
  return i18n.has(`roles.${name}`) ? i18n.t(`roles.${name}`) : name;
}

export interface RoleCheckboxesProps {
  /** Prefix of the checkbox ids: unique per form on the page. */
  idPrefix: string;
  roles: Role[];
  selected: number[];
  onChange(selected: number[]): void;
}

/** Built-in roles are described in the reader's language; an agency's own roles by their own description. */
function roleDescription(i18n: Pick<I18n, 't' | 'has'>, role: Role): string {
  return i18n.has(`roleDescriptions.${role.name}`) ? i18n.t(`roleDescriptions.${role.name}`) : role.description;
}

/** Roles as a labelled group of checkboxes, each with its description as a hint. */
export function RoleCheckboxes({ idPrefix, roles, selected, onChange }: RoleCheckboxesProps) {
  const i18n = useI18n();
  const toggle = (id: number, on: boolean) => onChange(on ? [...selected, id] : selected.filter((r) => r !== id));
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend">{i18n.t('users.roles')}</legend>
      {roles.map((role) => {
        const id = `${idPrefix}-role-${role.id}`;
        return (
          <div className="usa-checkbox" key={role.id}>
            <input className="usa-checkbox__input" type="checkbox" id={id} checked={selected.includes(role.id)} onChange={(e) => toggle(role.id, e.target.checked)} />
            <label className="usa-checkbox__label" htmlFor={id}>
              {roleLabel(i18n, role.name)}
              {roleDescription(i18n, role) && <span className="usa-checkbox__label-description">{roleDescription(i18n, role)}</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
