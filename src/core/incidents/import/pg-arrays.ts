/**
 * PostgreSQL array literals built directly ('{"a","b",NULL}'), passed as one text parameter per column and
 * cast in SQL. Drivers serialise JS arrays element by element through generic code; for a batch of 5,000
 * rows × 15 columns these hand-rolled forms are several times faster and make far less garbage, which
 * matters at a million rows. unnest() pads shorter arrays with NULLs, so an all-NULL column is just '{}'.
 */

const quoteElement = (v: string | null): string => {
  if (v === null) return 'NULL';
  return v.includes('"') || v.includes('\\') ? `"${v.replace(/["\\]/g, '\\$&')}"` : `"${v}"`;
};

/** Text elements, each quoted; null becomes NULL. */
export function textArray(values: ReadonlyArray<string | null>): string {
  // Common case first: no NULLs and nothing to escape, so one native join does all the work.
  let plain = true;
  let allNull = true;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (v === null) plain = false;
    else {
      allNull = false;
      if (plain && (v.includes('"') || v.includes('\\'))) plain = false;
    }
  }
  if (allNull) return '{}';
  if (plain) return `{"${values.join('","')}"}`;
  return `{${values.map(quoteElement).join(',')}}`;
}

/**
 * JSON texts (JSON.stringify output) as a text array in one native call: a JSON string literal escapes " and \
 * exactly as an array element needs, and JSON text has no raw control characters that JSON would escape
 * differently.
 */
export function jsonTextArray(jsonTexts: readonly string[]): string {
  return `{${JSON.stringify(jsonTexts).slice(1, -1)}}`;
}

/** Finite numbers (callers validate); null becomes NULL. */
export function numberArray(values: ReadonlyArray<number | null>): string {
  if (!values.includes(null)) return `{${values.join(',')}}`;
  if (values.every((v) => v === null)) return '{}';
  return `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
}
