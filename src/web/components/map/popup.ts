import type { IncidentProperties } from '../../api/types.js';
import type { I18n } from '../../i18n/index.js';

/**
 * The popup's content built as DOM nodes: incident text comes from imported files and must never be parsed
 * as HTML.
 */
export function incidentPopup(incident: IncidentProperties, i18n: Pick<I18n, 't' | 'formatDate'>, categoryLabel: (code: string) => string, timeZone?: string): HTMLElement {
  const root = document.createElement('div');
  root.className = 'bridges-popup';
  const title = document.createElement('p');
  title.className = 'bridges-popup__title';
  title.textContent = categoryLabel(incident.category);
  root.append(title);
  const lines: Array<[string, string | null]> = [
    [i18n.t('incidents.columns.date'), i18n.formatDate(incident.occurredAt, { dateStyle: 'medium', timeStyle: 'short', timeZone })],
    [i18n.t('incidents.columns.block'), incident.hundredBlock],
    [i18n.t('incidents.columns.offense'), incident.offenseText],
  ];
  const list = document.createElement('dl');
  for (const [term, value] of lines) {
    if (!value) continue;
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }
  root.append(list);
  return root;
}
