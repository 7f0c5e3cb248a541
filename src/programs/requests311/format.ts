/**
 * Open311 GeoReport v2 answers in both formats the specification defines: JSON (arrays of objects) and XML
 * (a plural root element with one child per item). Null fields are empty elements in XML.
 */
export type Open311Format = 'json' | 'xml';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((item) => element(name.replace(/s$/, ''), item)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `items` as JSON, or as XML under <root> with one <item> per entry. */
export function render(format: Open311Format, root: string, item: string, items: readonly object[]): { contentType: string; body: string } {
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(items) };
  const body = `<?xml version="1.0" encoding="utf-8"?><${root}>${items.map((i) => element(item, i)).join('')}</${root}>`;
  return { contentType: 'text/xml; charset=utf-8', body };
}

/** One object as JSON, or as XML under <root> (the discovery document is one object, not a list). */
export function renderOne(format: Open311Format, root: string, value: object): { contentType: string; body: string } {
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
  return { contentType: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}` };
}

/** The Open311 error list: [{ code, description }]. */
export const renderError = (format: Open311Format, code: number, description: string) => render(format, 'errors', 'error', [{ code, description }]);
