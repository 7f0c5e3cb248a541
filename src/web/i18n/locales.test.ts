/**
 * Every language is complete: the same keys as English (core and every program), the same {placeholders}
 * in each message, and a name for the language switcher. A missing Spanish string would otherwise show up
 * as an English one in the middle of a Spanish page.
 */
import { describe, expect, it } from 'vitest';
import { catalogues, DEFAULT_LOCALE, flatten, interpolate, locales, type MessageTree } from './index.js';

const programFiles = import.meta.glob<MessageTree>('../../programs/*/ui/locales/*.json', { eager: true, import: 'default' });

/** Program messages by program id and locale, flattened. */
const programCatalogues: Record<string, Record<string, Record<string, string>>> = {};
for (const [path, tree] of Object.entries(programFiles)) {
  const [, program, locale] = /programs\/([^/]+)\/ui\/locales\/([^/]+)\.json$/.exec(path)!;
  (programCatalogues[program] ??= {})[locale] = flatten(tree);
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function compare(reference: Record<string, string>, other: Record<string, string>) {
  const missing = Object.keys(reference).filter((key) => !(key in other));
  const extra = Object.keys(other).filter((key) => !(key in reference));
  const mismatched = Object.keys(reference)
    .filter((key) => key in other && placeholders(reference[key]).join() !== placeholders(other[key]).join())
    .map((key) => `${key}: {${placeholders(reference[key])}} vs {${placeholders(other[key])}}`);
  return { missing, extra, mismatched };
}

describe('web translations', () => {
  it('ships English and Spanish, each named in its own language', () => {
    expect(locales.map((l) => l.code)).toEqual(['en', 'es']);
    expect(locales.map((l) => l.name)).toEqual(['English', 'Español']);
  });

  for (const code of Object.keys(catalogues).filter((c) => c !== DEFAULT_LOCALE)) {
    it(`core messages in "${code}" match English key for key and placeholder for placeholder`, () => {
      expect(compare(catalogues[DEFAULT_LOCALE], catalogues[code])).toEqual({ missing: [], extra: [], mismatched: [] });
    });
  }

  it('every program has every bundled language, complete', () => {
    expect(Object.keys(programCatalogues).length).toBeGreaterThan(0);
    for (const [program, byLocale] of Object.entries(programCatalogues)) {
      expect(Object.keys(byLocale).sort(), program).toEqual(Object.keys(catalogues).sort());
      for (const code of Object.keys(byLocale).filter((c) => c !== DEFAULT_LOCALE)) {
        expect(compare(byLocale[DEFAULT_LOCALE], byLocale[code]), `${program} ${code}`).toEqual({ missing: [], extra: [], mismatched: [] });
      }
    }
  });

  it('fills placeholders and formats numbers in the reader’s language', () => {
    expect(interpolate('{n} more', { n: 12345 }, 'en')).toBe('12,345 more');
    expect(interpolate('{n} más', { n: 12345 }, 'es')).toBe('12.345 más');
    expect(interpolate('Hello {name}', undefined, 'en')).toBe('Hello {name}');
  });
});
