import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNTHETIC_COLUMNS, writeSyntheticCsv } from './synthetic.js';

describe('synthetic incidents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bridges-synthetic-'));

  it('writes exactly the rows asked for, the same file for the same seed', async () => {
    const a = join(dir, 'a.csv'), b = join(dir, 'b.csv');
    expect(await writeSyntheticCsv(a, { rows: 2000, centerLon: -75.1652, centerLat: 39.9526 })).toBe(2000);
    await writeSyntheticCsv(b, { rows: 2000, centerLon: -75.1652, centerLat: 39.9526 });
    const text = readFileSync(a, 'utf8');
    expect(text).toBe(readFileSync(b, 'utf8'));
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(SYNTHETIC_COLUMNS.join(','));
    expect(lines).toHaveLength(2001);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(2000);
  });

  it('clusters in space and time like near-repeat crime', async () => {
    const file = join(dir, 'c.csv');
    await writeSyntheticCsv(file, { rows: 3000, centerLon: -75.1652, centerLat: 39.9526 });
    const events = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => {
      const f = l.split(',');
      return { t: Date.parse(`${f[1].replace(' ', 'T')}:00Z`), lat: Number(f[5]), lon: Number(f[6]) };
    });
    // Pairs within 200 m and 7 days, against what the same points give with their times shuffled.
    const close = (list: typeof events) => {
      let n = 0;
      for (let i = 0; i < list.length; i += 1) {
        for (let j = i + 1; j < list.length; j += 1) {
          const dy = (list[i].lat - list[j].lat) * 111_320, dx = (list[i].lon - list[j].lon) * 85_000;
          if (dx * dx + dy * dy < 200 * 200 && Math.abs(list[i].t - list[j].t) < 7 * 86_400_000) n += 1;
        }
      }
      return n;
    };
    const shuffledTimes = events.map((e, i) => ({ ...e, t: events[(i * 7919) % events.length].t }));
    expect(close(events)).toBeGreaterThan(3 * close(shuffledTimes));
  });
});
