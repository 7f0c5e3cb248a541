/** Imports: upload a CSV export with the preset that knows its columns, then see what happened to each row. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { IMPORT_PRESETS, type ImportPreset, type ImportSummary } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { useDocumentTitle } from '../../router.js';
import { useAsync } from '../../hooks/useAsync.js';
import { ErrorAlert, SuccessAlert } from '../../components/Alerts.js';
import { ConsoleLayout } from '../ConsoleLayout.js';
import { RecentImports } from './RecentImports.js';

export function ImportsPage() {
  return (
    <ConsoleLayout permission="incidents:import">
      <Imports />
    </ConsoleLayout>
  );
}

function Imports() {
  const { t } = useI18n();
  useDocumentTitle(t('imports.documentTitle'));
  const [preset, setPreset] = useState<ImportPreset>(IMPORT_PRESETS[0]);
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<{ name: string; result: ImportSummary }>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const runs = useAsync(() => api.importRuns(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setSummary(undefined);
    try {
      // The file itself is the request body (text/csv): the browser streams it, nothing is read into memory here.
      const result = await api.importIncidents(preset, file, file.name);
      setSummary({ name: file.name, result });
      runs.reload();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('imports.title')}</h1>
      <p>{t('imports.intro')}</p>
      <form className="usa-form usa-form--large" onSubmit={submit} data-testid="import-form">
        <label className="usa-label" htmlFor="import-preset">{t('imports.preset')}</label>
        <span className="usa-hint" id="import-preset-hint">{t('imports.presetHint')}</span>
        <select className="usa-select" id="import-preset" aria-describedby="import-preset-hint" value={preset} onChange={(e) => setPreset(e.target.value as ImportPreset)}>
          {IMPORT_PRESETS.map((p) => <option key={p} value={p}>{t(`imports.presets.${p}`)}</option>)}
        </select>
        <label className="usa-label" htmlFor="import-file">{t('imports.file')}</label>
        <span className="usa-hint" id="import-file-hint">{t('imports.fileHint')}</span>
        <input className="usa-file-input bridges-file-input" id="import-file" type="file" accept=".csv,text/csv" required aria-describedby="import-file-hint"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button className="usa-button" type="submit" disabled={busy || !file}>{busy ? t('imports.importing') : t('imports.submit')}</button>
      </form>
      <ErrorAlert error={error} />
      {summary && <ImportResult name={summary.name} result={summary.result} />}
      <ErrorAlert error={runs.error} />
      {runs.data && <RecentImports runs={runs.data} />}
    </>
  );
}

function ImportResult({ name, result }: { name: string; result: ImportSummary }) {
  const { t, formatNumber } = useI18n();
  const figures: Array<[string, number]> = [
    ['imports.read', result.read],
    ['imports.inserted', result.inserted],
    ['imports.updated', result.updated],
    ['imports.unchanged', result.unchanged],
    ['imports.rejected', result.rejected],
    ['imports.merged', result.merged],
  ];
  return (
    <section aria-labelledby="import-result-heading" className="margin-top-4" data-testid="import-result">
      <h2 id="import-result-heading">{t('imports.resultHeading', { name })}</h2>
      <SuccessAlert>{t('imports.done', { inserted: formatNumber(result.inserted), read: formatNumber(result.read) })}</SuccessAlert>
      <dl className="bridges-figures">
        {figures.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      {result.rejects.length > 0 && (
        <table className="usa-table usa-table--compact usa-table--striped">
          <caption>{t('imports.rejectsCaption', { shown: result.rejects.length, total: formatNumber(result.rejected) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.line')}</th>
              <th scope="col">{t('imports.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rejects.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
