import { describe, expect, it } from 'vitest';
import { mergeColumns, resolveSettings, type CategoryInfo } from './settings.js';
import type { ImportOptions } from './types.js';

const categories = new Map<string, CategoryInfo>([['burglary', { code: 'burglary', label: 'Burglary', severity: 10 }]]);
const base = { db: null as never, agencyId: 1, file: 'x.csv', actor: { label: 'test' } } satisfies Partial<ImportOptions>;
const mapping = { Date: 'occurred_at', Lat: 'lat', Lon: 'lon' };

describe('import settings', () => {
  it('fails naming --date-format when neither a preset nor a flag states one', () => {
    expect(() => resolveSettings({ ...base, mapping, timeZone: 'UTC', category: 'burglary' }, categories)).toThrow(/no date format: .*pass --date-format/);
  });

  it('fails naming --time-zone when neither a preset nor a flag states one (Socrata states none)', () => {
    expect(() => resolveSettings({ ...base, mapping, dateFormat: 'iso', category: 'burglary' }, categories)).toThrow(/no time zone: .*pass --time-zone/);
    expect(() => resolveSettings({ ...base, preset: 'socrata' }, categories)).toThrow(/no time zone: the preset "socrata" states none; pass --time-zone/);
  });

  it('names bad flag values', () => {
    expect(() => resolveSettings({ ...base, mapping, dateFormat: 'DD/MM', timeZone: 'UTC', category: 'burglary' }, categories)).toThrow(/--date-format: .*no year/);
    expect(() => resolveSettings({ ...base, mapping, dateFormat: 'iso', timeZone: 'Mars/Olympus', category: 'burglary' }, categories)).toThrow(/--time-zone: unknown time zone/);
    expect(() => resolveSettings({ ...base, mapping, dateFormat: 'iso', timeZone: 'UTC', crs: 'EPSG:1' }, categories)).toThrow(/--crs: unknown CRS/);
    expect(() => resolveSettings({ ...base, mapping, dateFormat: 'iso', timeZone: 'UTC', category: 'arson' }, categories)).toThrow(/--category: unknown category "arson"/);
    expect(() => resolveSettings({ ...base, mapping, dateFormat: 'iso', timeZone: 'UTC' }, categories)).toThrow(/no category/);
    expect(() => resolveSettings({ ...base, preset: 'nope' }, categories)).toThrow(/unknown preset "nope": known presets are philadelphia-shootings/);
  });

  it('lets --map and flags override a preset', () => {
    const s = resolveSettings({ ...base, preset: 'chicago-burglary', mapping: { when: 'occurred_at', Beat: 'attributes.beat' }, dateFormat: 'MM/DD/YYYY', sourceSystem: 'cpd' }, categories);
    expect(s.columns.occurred_at).toBe('when');
    expect(s.attributes).toEqual({ beat: 'Beat' });
    expect(s.dateFormat.text).toBe('MM/DD/YYYY');
    expect(s.zone.zone).toBe('America/Chicago');
    expect(s.sourceSystem).toBe('cpd');
    expect(s.sourceId).toBe('content');
  });

  it('refuses unknown --map fields', () => {
    expect(() => mergeColumns(null, { X: 'colour' })).toThrow(/--map X=colour: unknown field "colour"/);
  });
});
