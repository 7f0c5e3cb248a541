import type { ImportRun } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';

/** The agency's latest import runs (GET /api/imports): who can tell at a glance whether last night's load ran. */
export function RecentImports({ runs }: { runs: ImportRun[] }) {
  const { t, has, formatDate, formatNumber } = useI18n();
  // Presets the CLI or a later version added may have no translated name yet: show their id.
  const presetName = (preset: string) => (has(`imports.presets.${preset}`) ? t(`imports.presets.${preset}`) : preset);
  return (
    <section className="margin-top-5">
      <h2 id="recent-imports-heading">{t('imports.recentHeading')}</h2>
      {runs.length === 0 ? (
        <p>{t('imports.noRuns')}</p>
      ) : (
        <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-labelledby="recent-imports-heading">
          <table className="usa-table usa-table--compact usa-table--striped width-full" data-testid="import-runs">
            <thead>
              <tr>
                <th scope="col">{t('imports.columns.started')}</th>
                <th scope="col">{t('imports.columns.file')}</th>
                <th scope="col">{t('imports.columns.status')}</th>
                <th scope="col" className="text-right">{t('imports.read')}</th>
                <th scope="col" className="text-right">{t('imports.inserted')}</th>
                <th scope="col" className="text-right">{t('imports.updated')}</th>
                <th scope="col" className="text-right">{t('imports.unchanged')}</th>
                <th scope="col" className="text-right">{t('imports.rejected')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <td>{formatDate(run.startedAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>
                    {run.fileName}
                    {run.preset && <span className="display-block bridges-muted">{presetName(run.preset)}</span>}
                  </td>
                  <td>
                    {t(`imports.statuses.${run.status}`)}
                    {run.error && <span className="display-block bridges-muted">{run.error}</span>}
                  </td>
                  <td className="text-right">{formatNumber(run.read)}</td>
                  <td className="text-right">{formatNumber(run.inserted)}</td>
                  <td className="text-right">{formatNumber(run.updated)}</td>
                  <td className="text-right">{formatNumber(run.unchanged)}</td>
                  <td className="text-right">{formatNumber(run.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
