import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeoJsonSplitter } from '../../places/geojson-stream.js';
import { openGeoJson } from './reader-geojson.js';
import type { RawRecord } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'bridges-geojson-'));
let n = 0;
const file = (content: string, ext = 'geojson') => {
  const path = join(dir, `f${++n}.${ext}`);
  writeFileSync(path, content);
  return path;
};
const point = (id: number, lon: number, lat: number, extra = '') =>
  `{"type":"Feature","properties":{"id":"${id}","note":"brace } and [ in a \\"string\\"${extra}"},"geometry":{"type":"Point","coordinates":[${lon},${lat}]}}`;

async function readAll(path: string, chunkBytes?: number): Promise<{ columns: readonly string[]; records: RawRecord[] }> {
  const source = openGeoJson(path, { chunkBytes });
  const records: RawRecord[] = [];
  for await (const chunk of source.chunks()) records.push(...chunk);
  return { columns: source.columns, records };
}

describe('streaming GeoJSON reader', () => {
  const collection = `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"CRS84"}},"features":[\n${point(1, -75.1, 39.9)},\n${point(2, -75.2, 40)}\n]}`;

  it('splits a FeatureCollection into features whatever the chunk size', async () => {
    for (const chunkBytes of [1, 13, 1 << 20]) {
      const { columns, records } = await readAll(file(collection), chunkBytes);
      expect(columns).toEqual(['id', 'note', '@lon', '@lat']);
      expect(records.map((r) => r.values)).toEqual([
        ['1', 'brace } and [ in a "string"', '-75.1', '39.9'],
        ['2', 'brace } and [ in a "string"', '-75.2', '40'],
      ]);
      expect(records.map((r) => r.line)).toEqual([2, 3]);
    }
  });

  it('reads newline-delimited GeoJSON, one feature a line', async () => {
    const { records } = await readAll(file(`${point(1, -75.1, 39.9)}\n${point(2, -75.2, 40)}\n`, 'ndjson'), 7);
    expect(records.map((r) => [r.line, r.values[0]])).toEqual([[1, '1'], [2, '2']]);
  });

  it('flags features that are not points', async () => {
    const polygon = '{"type":"Feature","properties":{"id":"3","note":"x"},"geometry":{"type":"Polygon","coordinates":[]}}';
    const { records } = await readAll(file(`{"type":"FeatureCollection","features":[${point(1, 0, 0)},${polygon}]}`));
    expect(records[1].problem).toBe('geometry: expected a Point, got Polygon');
  });

  it('stops at truncated or broken files, naming the line', async () => {
    await expect(readAll(file(collection.slice(0, -20)))).rejects.toThrow(/ends in the middle/);
    await expect(readAll(file('{"type":"FeatureCollection","features":[{"type":"Feature",}]}'))).rejects.toThrow(/line 1: invalid JSON/);
    await expect(readAll(file('hello'))).rejects.toThrow(/is this a GeoJSON file/);
  });

  it('keeps only the unfinished feature in memory between chunks', () => {
    const splitter = new GeoJsonSplitter();
    expect(splitter.push('{"type":"FeatureCollection","features":[{"a":1},{"b"')).toEqual([{ line: 1, text: '{"a":1}' }]);
    expect(splitter.push(':2}]}')).toEqual([{ line: 1, text: '{"b":2}' }]);
    expect(splitter.end()).toBe(1);
  });
});
