import { useI18n } from '../i18n/index.js';
import type { PublicIncidentCollection } from './publicApi.js';

interface Row { code: string; label: string; count: number; sensitive: boolean }

/** Counts of what the map shows by category: the map's accessible equivalent, and the total. */
export function CrimeCountsTable({ incidents, id }: { incidents: PublicIncidentCollection; id: string }) {
  const { t, pick, formatNumber, formatDate } = useI18n();
  const rows = new Map<string, Row>();
  for (const f of incidents.features) {
    const row = rows.get(f.properties.category) ?? { code: f.properties.category, label: pick(f.properties.categoryLabel), count: 0, sensitive: f.properties.sensitive };
    row.count += f.properties.count;
    rows.set(row.code, row);
  }
  const unplaced = incidents.metadata.unplaced.reduce((sum, u) => sum + u.count, 0);
  const sorted = [...rows.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const total = sorted.reduce((sum, r) => sum + r.count, 0) + unplaced;
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  const caption = t('publicPages.crimeMap.tableCaption', { from: day(incidents.metadata.from), to: day(incidents.metadata.to) });
  return (
    <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={caption} id={id}>
      <table className="usa-table usa-table--striped usa-table--compact width-full" data-testid="crime-counts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('publicPages.crimeMap.columns.category')}</th>
            <th scope="col" className="text-right">{t('publicPages.crimeMap.columns.count')}</th>
            <th scope="col">{t('publicPages.crimeMap.columns.shownAs')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && unplaced === 0 && (
            <tr><td colSpan={3}>{t('publicPages.crimeMap.none')}</td></tr>
          )}
          {sorted.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.label}</th>
              <td className="text-right">{formatNumber(r.count)}</td>
              <td>{r.sensitive ? t('publicPages.crimeMap.shownAsNeighborhood') : t('publicPages.crimeMap.shownAsCell')}</td>
            </tr>
          ))}
          {unplaced > 0 && (
            <tr>
              <th scope="row">{t('publicPages.crimeMap.unplaced')}</th>
              <td className="text-right">{formatNumber(unplaced)}</td>
              <td>{t('publicPages.crimeMap.shownAsNothing')}</td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('publicPages.crimeMap.total')}</th>
            <td className="text-right" data-testid="crime-total">{formatNumber(total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
