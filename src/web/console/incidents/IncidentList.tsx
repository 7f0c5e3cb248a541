import type { IncidentPage } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';

export interface IncidentListProps {
  page: IncidentPage | undefined;
  offset: number;
  pageSize: number;
  onOffset(offset: number): void;
  categoryLabel(code: string): string;
  loading: boolean;
  /** The agency's time zone: day-only dates are local midnights there and must not shift a day. */
  timeZone?: string;
}

/**
 * The incidents as a table, one page at a time: the accessible counterpart of the map, and the place to
 * read exact dates and blocks.
 */
export function IncidentList({ page, offset, pageSize, onOffset, categoryLabel, loading, timeZone }: IncidentListProps) {
  const { t, formatDate } = useI18n();
  if (!page) return null;
  const first = page.total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + pageSize, page.total);
  return (
    <div className="bridges-incident-list" aria-busy={loading}>
      <div className="usa-table-container--scrollable bridges-incident-list__table" tabIndex={0} role="region" aria-labelledby="incident-table-caption">
        <table className="usa-table usa-table--compact usa-table--striped width-full" data-testid="incident-table">
          <caption id="incident-table-caption">{t('incidents.list.caption', { first, last, total: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incidents.columns.date')}</th>
              <th scope="col">{t('incidents.columns.category')}</th>
              <th scope="col">{t('incidents.columns.block')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((incident) => (
              <tr key={incident.id}>
                <td className="text-no-wrap">
                  {/* Short styles keep the date on one line in the narrow list column. */}
                  {formatDate(
                    incident.occurredAt,
                    incident.timePrecision === 'day' ? { dateStyle: 'short', timeZone } : { dateStyle: 'short', timeStyle: 'short', timeZone },
                  )}
                </td>
                <td>
                  {categoryLabel(incident.category)}
                  {/* The department's own wording, when it says more than the category does. */}
                  {incident.offenseText && incident.offenseText.toLowerCase() !== categoryLabel(incident.category).toLowerCase() && (
                    <span className="bridges-muted display-block">{incident.offenseText}</span>
                  )}
                </td>
                <td>{incident.hundredBlock ?? t('incidents.list.noBlock')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.items.length === 0 && <p className="padding-2">{t('incidents.list.empty')}</p>}
      </div>
      <nav aria-label={t('incidents.list.pages')} className="bridges-pager">
        <button type="button" className="usa-button usa-button--outline" disabled={offset === 0 || loading} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
          {t('incidents.list.previous')}
        </button>
        <span>{t('incidents.list.range', { first, last, total: page.total })}</span>
        <button type="button" className="usa-button usa-button--outline" disabled={last >= page.total || loading} onClick={() => onOffset(offset + pageSize)}>
          {t('incidents.list.next')}
        </button>
      </nav>
    </div>
  );
}
