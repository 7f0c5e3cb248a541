import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv } from './reader-csv.js';
import type { RawRecord } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'bridges-csv-'));
let n = 0;
const file = (content: string | Buffer) => {
  const path = join(dir, `f${++n}.csv`);
  writeFileSync(path, content);
  return path;
};

async function readAll(path: string, options: Parameters<typeof openCsv>[1] = {}): Promise<{ columns: readonly string[]; records: RawRecord[] }> {
  const source = openCsv(path, options);
  const records: RawRecord[] = [];
  for await (const chunk of source.chunks()) records.push(...chunk);
  return { columns: source.columns, records };
}

describe('streaming CSV reader', () => {
  it('reads the header and rows with their line numbers, across tiny chunks', async () => {
    const { columns, records } = await readAll(file('a,b\n1,2\n\n3,4\n'), { chunkBytes: 3 });
    expect(columns).toEqual(['a', 'b']);
    expect(records).toEqual([{ line: 2, values: ['1', '2'] }, { line: 4, values: ['3', '4'] }]);
  });

  it('handles CRLF, a BOM, quoted commas, quotes and newlines inside fields', async () => {
    const text = '\uFEFFid,text\r\n1,"a, ""quoted"" value"\r\n2,"two\r\nlines"\r\n3,last';
    for (const chunkBytes of [4, 7, 1 << 20]) {
      const { columns, records } = await readAll(file(text), { chunkBytes });
      expect(columns).toEqual(['id', 'text']);
      expect(records.map((r) => [r.line, ...r.values])).toEqual([
        [2, '1', 'a, "quoted" value'], [3, '2', 'two\r\nlines'], [5, '3', 'last'],
      ]);
    }
  });

  it('flags rows with the wrong number of fields without stopping', async () => {
    const { records } = await readAll(file('a,b,c\n1,2,3\n4,5\n6,7,8\n'));
    expect(records[1]).toMatchObject({ line: 3, problem: 'row has 2 fields, the header has 3' });
    expect(records[2]).toEqual({ line: 4, values: ['6', '7', '8'] });
  });

  it('stops at an unterminated quote, naming the line', async () => {
    await expect(readAll(file('a,b\n1,2\n3,"never closed\n4,5\n'), { chunkBytes: 5 })).rejects.toThrow(/line 3: .*unterminated quote/);
  });

  it('stops at a malformed quoted field', async () => {
    await expect(readAll(file('a,b\n1,2\n3,"bad"x\n'))).rejects.toThrow(/line 3: malformed CSV/);
  });

  it('refuses invalid UTF-8 with the fix, and reads it as Latin-1 when told', async () => {
    const latin1 = Buffer.concat([Buffer.from('name,city\n1,'), Buffer.from([0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e]), Buffer.from('\n')]);
    await expect(readAll(file(latin1))).rejects.toThrow(/not valid UTF-8 .*--encoding latin1/);
    const { records } = await readAll(file(latin1), { encoding: 'latin1' });
    expect(records[0].values).toEqual(['1', 'München']);
  });

  it('refuses an empty file and duplicate column names', async () => {
    await expect(readAll(file(''))).rejects.toThrow(/empty/);
    await expect(readAll(file('a,a\n1,2\n'))).rejects.toThrow(/column "a" appears twice/);
  });
});
