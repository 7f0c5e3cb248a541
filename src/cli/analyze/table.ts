/** Plain-text tables for the terminal: columns padded to their widest cell, numbers aligned right. */

export type Cell = string | number | null;

// "—" (nothing to compare with) sits in number columns and aligns with them.
const isNumeric = (cell: Cell): boolean => cell === null || typeof cell === 'number' || (typeof cell === 'string' && /^([-+]?[\d,.]+%?\*?|—)$/.test(cell));

export function textTable(headers: string[], rows: Cell[][]): string {
  const text = (cell: Cell): string => (cell === null ? '—' : typeof cell === 'number' ? formatNumber(cell) : cell);
  const cells = rows.map((row) => row.map(text));
  const widths = headers.map((h, c) => Math.max(h.length, ...cells.map((row) => (row[c] ?? '').length)));
  const pad = (value: string, c: number, numeric: boolean): string => (numeric ? value.padStart(widths[c]) : value.padEnd(widths[c]));
  const lines = [
    headers.map((h, c) => pad(h, c, c > 0 && rows.some((r) => isNumeric(r[c] ?? null)))).join('  '),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.map((row, r) => row.map((value, c) => pad(value, c, c > 0 && isNumeric(rows[r][c] ?? null))).join('  ')),
  ];
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** Thousands separators for integers, up to 3 decimals otherwise (4 significant figures for small values). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return value.toLocaleString('en');
  if (Math.abs(value) < 0.01) return value.toPrecision(3);
  return value.toLocaleString('en', { maximumFractionDigits: 3 });
}

/** A share as a percentage: 0.0523 → "5.2%". */
export const percent = (share: number, digits = 1): string => `${(share * 100).toFixed(digits)}%`;

/** A signed percentage change, or "—" when there was nothing to compare with. */
export const change = (value: number | null): string => (value === null ? '—' : `${value > 0 ? '+' : ''}${value.toFixed(1)}%`);
