import Papa from 'papaparse';
import { readTextChunks, type TextChunkOptions } from './file-text.js';
import type { RawRecord, TableSource } from './types.js';

/**
 * Streaming CSV reader on papaparse's core Parser: each decoded chunk is parsed with the incomplete last row
 * held back and prepended to the next chunk (what papaparse's own streamers do), so memory stays flat and a
 * quoted field may span chunks. Rows carry their line number, counting newlines inside quoted fields.
 */

// No legitimate record is this long; a longer one is an unterminated quote swallowing the rest of the file.
// Failing here also keeps the re-parse of the held-back text from going quadratic.
const MAX_RECORD_CHARS = 1 << 20;

export interface CsvOptions extends TextChunkOptions {
  delimiter?: string;
}

function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) count += 1;
  return count;
}

/** Opens a CSV file as a TableSource; the first row is the header. */
export function openCsv(path: string, options: CsvOptions = {}): TableSource {
  let columns: string[] = [];
  const source: TableSource = {
    get columns() {
      return columns;
    },
    async *chunks() {
      let parser: Papa.Parser | null = null;
      let newline: '\r\n' | '\n' | '\r' = '\n';
      let held = '';
      let line = 1;
      let header: string[] | null = null;

      // Turns parsed rows into records; the first row becomes the header.
      const toRecords = (rows: string[][], quoted: boolean): RawRecord[] => {
        const records: RawRecord[] = [];
        const lineBreak = newline === '\r' ? '\r' : '\n';
        for (const values of rows) {
          const start = line;
          line += 1;
          if (quoted) for (const value of values) if (value.includes(lineBreak)) line += countChar(value, lineBreak);
          if (values.length === 1 && values[0] === '') continue; // blank line
          if (!header) {
            header = values.map((v) => v.trim());
            if (header.length > 0) header[0] = header[0].replace(/^\uFEFF/, '');
            const seen = new Set<string>();
            for (const name of header) {
              if (seen.has(name)) throw new Error(`line ${start}: column "${name}" appears twice in the header`);
              seen.add(name);
            }
            columns = header;
            continue;
          }
          const record: RawRecord = { line: start, values };
          if (values.length !== header.length) {
            record.problem = `row has ${values.length} fields, the header has ${header.length}`;
          }
          records.push(record);
        }
        return records;
      };

      const parse = (text: string, final: boolean): RawRecord[] => {
        if (!parser) {
          newline = detectNewline(text);
          parser = new Papa.Parser({ delimiter: options.delimiter ?? ',', newline, quoteChar: '"' });
        }
        const results = parser.parse(text, 0, !final) as Papa.ParseResult<string[]>;
        // An error in the held-back last row is not real yet: that row is parsed again with the next chunk.
        const error = results.errors.find((e) => final || (e.row ?? 0) < results.data.length);
        if (error) {
          toRecords(results.data.slice(0, error.row ?? 0), text.includes('"')); // advance the line counter to the broken row
          const what = error.code === 'MissingQuotes' ? 'a quoted field is never closed (unterminated quote)' : `malformed CSV (${error.message})`;
          throw new Error(`line ${line}: ${what}`);
        }
        const cursor = final ? text.length : results.meta.cursor;
        held = text.slice(cursor);
        if (held.length > MAX_RECORD_CHARS) {
          throw new Error(`line ${line + results.data.length}: a record longer than ${MAX_RECORD_CHARS} characters; most likely a quoted field is never closed (unterminated quote)`);
        }
        return toRecords(results.data, text.includes('"'));
      };

      let sawText = false;
      for await (const chunk of readTextChunks(path, options)) {
        sawText = true;
        const records = parse(held + chunk, false);
        if (records.length > 0 || header) yield records;
      }
      const last = held.length > 0 ? parse(held, true) : [];
      if (!sawText || !header) throw new Error('the file is empty: a CSV file needs a header row');
      yield last;
    },
  };
  return source;
}
