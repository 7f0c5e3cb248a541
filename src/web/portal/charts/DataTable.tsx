import { useI18n } from '../../i18n/index.js';

export interface DataTableProps {
  caption: string;
  heading: string;
  rowLabels: string[];
  columns: Array<{ name: string; values: Array<number | null> }>;
}

/**
 * The numbers behind a chart, behind a disclosure so the page stays short: the chart's accessible
 * alternative and the way to read exact values.
 */
export function DataTable({ caption, heading, rowLabels, columns }: DataTableProps) {
  const { t, formatNumber } = useI18n();
  return (
    <details className="bridges-chart__details">
      <summary>{t('publicPages.charts.showTable')}</summary>
      <div className="usa-table-container--scrollable bridges-chart__table" tabIndex={0} role="region" aria-label={caption}>
        <table className="usa-table usa-table--compact usa-table--striped">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{heading}</th>
              {columns.map((c) => <th scope="col" key={c.name} className="text-right">{c.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {rowLabels.map((label, row) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {columns.map((c) => (
                  <td key={c.name} className="text-right">{c.values[row] === null ? '–' : formatNumber(c.values[row] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
