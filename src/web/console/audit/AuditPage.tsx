/** The audit log: who read or changed what, filterable, plus a check that the hash chain is unbroken. */
import { useState, type FormEvent } from 'react';
import { api, exclusiveEnd } from '../../api/client.js';
import type { AuditFilter, AuditRow, AuditVerification } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { useDocumentTitle } from '../../router.js';
import { useAsync } from '../../hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../components/Alerts.js';
import { ConsoleLayout } from '../ConsoleLayout.js';
import { AuditFilters, type AuditFilterForm } from './AuditFilters.js';

const PAGE_SIZE = 100;

export function AuditPage() {
  return (
    <ConsoleLayout permission="audit:read" wide>
      <Audit />
    </ConsoleLayout>
  );
}

function toQuery(form: AuditFilterForm): AuditFilter {
  return {
    from: form.from || undefined,
    to: form.to ? exclusiveEnd(form.to) : undefined,
    actor: form.actor.trim() || undefined,
    action: form.action.trim() || undefined,
    outcome: form.outcome || undefined,
    limit: PAGE_SIZE,
  };
}

function Audit() {
  const { t } = useI18n();
  useDocumentTitle(t('audit.documentTitle'));
  const [applied, setApplied] = useState<AuditFilterForm>({ from: '', to: '', actor: '', action: '', outcome: '' });
  const first = useAsync(() => api.audit(toQuery(applied)), [applied]);
  // Older pages are appended below the first one ("before" = the oldest id shown).
  const [older, setOlder] = useState<AuditRow[]>([]);
  const [olderDone, setOlderDone] = useState(false);
  const [error, setError] = useState<Error>();
  const rows = [...(first.data ?? []), ...older];

  const apply = (form: AuditFilterForm) => {
    setOlder([]);
    setOlderDone(false);
    setApplied(form);
  };
  const loadOlder = async () => {
    const oldest = rows[rows.length - 1];
    if (!oldest) return;
    try {
      const page = await api.audit({ ...toQuery(applied), before: Number(oldest.id) });
      setOlder((o) => [...o, ...page]);
      setOlderDone(page.length < PAGE_SIZE);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <VerifyChain />
      <AuditFilters initial={applied} onApply={apply} />
      <ErrorAlert error={first.error ?? error} />
      {first.loading && <Loading />}
      {first.data && (
        <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-labelledby="audit-caption">
          <table className="usa-table usa-table--compact usa-table--striped width-full" data-testid="audit-table">
            <caption id="audit-caption">{t('audit.caption', { n: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.columns.at')}</th>
                <th scope="col">{t('audit.columns.actor')}</th>
                <th scope="col">{t('audit.columns.action')}</th>
                <th scope="col">{t('audit.columns.target')}</th>
                <th scope="col">{t('audit.columns.outcome')}</th>
                <th scope="col">{t('audit.columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => <AuditTableRow key={row.id} row={row} />)}
            </tbody>
          </table>
        </div>
      )}
      {first.data && first.data.length === PAGE_SIZE && !olderDone && (
        <button type="button" className="usa-button usa-button--outline margin-top-2" onClick={() => void loadOlder()}>
          {t('audit.older')}
        </button>
      )}
    </>
  );
}

function AuditTableRow({ row }: { row: AuditRow }) {
  const { t, formatDate } = useI18n();
  return (
    <tr>
      <td className="text-no-wrap">{formatDate(row.at, { dateStyle: 'short', timeStyle: 'medium' })}</td>
      <td>{row.actor}</td>
      <td><code>{row.action}</code></td>
      <td>{row.targetType ? `${row.targetType}${row.targetId ? ` ${row.targetId}` : ''}` : ''}</td>
      <td>{t(`audit.outcomes.${row.outcome}`)}</td>
      <td className="bridges-audit-details"><code>{Object.keys(row.details).length ? JSON.stringify(row.details) : ''}</code></td>
    </tr>
  );
}

function VerifyChain() {
  const { t, formatNumber } = useI18n();
  const [result, setResult] = useState<AuditVerification>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const verify = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await api.verifyAudit());
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={verify} className="margin-bottom-3" data-testid="verify-chain">
      <p>{t('audit.verifyIntro')}</p>
      <button type="submit" className="usa-button" disabled={busy}>{busy ? t('audit.verifying') : t('audit.verify')}</button>
      <ErrorAlert error={error} />
      {result?.ok && <SuccessAlert>{t('audit.verifyOk', { n: formatNumber(result.checked) })}</SuccessAlert>}
      {result && !result.ok && (
        <ErrorAlert heading={t('audit.verifyBrokenHeading')} error={t('audit.verifyBroken', { id: String(result.brokenAt?.id ?? '?'), reason: result.brokenAt?.reason ?? '', n: formatNumber(result.checked) })} />
      )}
    </form>
  );
}
