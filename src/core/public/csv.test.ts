import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('csv', () => {
  it('quotes separators and quotes, keeps numbers as numbers', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"'], [-75.1, 3]])).toBe('a,b\r\n"x, y","say ""hi"""\r\n-75.1,3\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-2 hours')).toBe("'-2 hours");
    expect(csvCell(null)).toBe('');
  });
});
