import { useState, type FormEvent } from 'react';
import type { AuditOutcome } from '../../api/types.js';
import { useT } from '../../i18n/index.js';

export interface AuditFilterForm {
  from: string;
  to: string;
  actor: string;
  action: string;
  outcome: AuditOutcome | '';
}

const OUTCOMES: AuditOutcome[] = ['success', 'denied', 'failure'];

/**
 * Audit filters apply on submit, not on each keystroke: the actor and action fields are free text and
 * every request to the audit log is itself written to the audit log.
 */
export function AuditFilters({ initial, onApply }: { initial: AuditFilterForm; onApply(form: AuditFilterForm): void }) {
  const t = useT();
  const [form, setForm] = useState(initial);
  const set = <K extends keyof AuditFilterForm>(key: K, value: AuditFilterForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(form);
  };
  return (
    <form className="bridges-filters" onSubmit={submit} aria-label={t('audit.filters')} data-testid="audit-filters">
      <div className="bridges-filters__row">
        <div>
          <label className="usa-label" htmlFor="audit-from">{t('audit.from')}</label>
          <input className="usa-input" type="date" id="audit-from" value={form.from} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div>
          <label className="usa-label" htmlFor="audit-to">{t('audit.to')}</label>
          <input className="usa-input" type="date" id="audit-to" value={form.to} onChange={(e) => set('to', e.target.value)} />
        </div>
        <div>
          <label className="usa-label" htmlFor="audit-actor">{t('audit.actor')}</label>
          <span className="usa-hint" id="audit-actor-hint">{t('audit.actorHint')}</span>
          <input className="usa-input" id="audit-actor" aria-describedby="audit-actor-hint" value={form.actor} onChange={(e) => set('actor', e.target.value)} />
        </div>
        <div>
          <label className="usa-label" htmlFor="audit-action">{t('audit.action')}</label>
          <span className="usa-hint" id="audit-action-hint">{t('audit.actionHint')}</span>
          <input className="usa-input" id="audit-action" aria-describedby="audit-action-hint" value={form.action} onChange={(e) => set('action', e.target.value)} />
        </div>
        <div>
          <label className="usa-label" htmlFor="audit-outcome">{t('audit.outcome')}</label>
          <select className="usa-select" id="audit-outcome" value={form.outcome} onChange={(e) => set('outcome', e.target.value as AuditOutcome | '')}>
            <option value="">{t('audit.anyOutcome')}</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{t(`audit.outcomes.${o}`)}</option>)}
          </select>
        </div>
        <div className="bridges-filters__actions">
          <button type="submit" className="usa-button">{t('audit.apply')}</button>
        </div>
      </div>
    </form>
  );
}
