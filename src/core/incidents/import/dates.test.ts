import { describe, expect, it } from 'vitest';
import { compileDateFormat, compileDateFormats, datePartOf, expandTwoDigitYear } from './dates.js';

describe('token date formats', () => {
  it('reads day-first dates as stated, never guessing', () => {
    expect(compileDateFormat('DD/MM/YYYY').parse('01/02/2014')).toMatchObject({ year: 2014, month: 2, day: 1, hasTime: false });
    expect(compileDateFormat('MM/DD/YYYY').parse('01/02/2014')).toMatchObject({ year: 2014, month: 1, day: 2 });
  });

  it('rejects values that do not fit the format or the calendar', () => {
    const f = compileDateFormat('DD/MM/YYYY');
    expect(f.parse('13/45/2014')).toBeNull();
    expect(f.parse('31/02/2014')).toBeNull();
    expect(f.parse('2014-02-01')).toBeNull();
    expect(f.parse('01/02/2014 extra')).toBeNull();
    expect(compileDateFormat('YYYY-MM-DD HH:mm').parse('2014-02-01 24:00')).toBeNull();
  });

  it('reads one- or two-digit fields, two-digit years and 24-hour times (Sacramento)', () => {
    const f = compileDateFormat('M/D/YY H:mm');
    expect(f.hasTime).toBe(true);
    expect(f.parse('1/1/06 0:00')).toMatchObject({ year: 2006, month: 1, day: 1, hour: 0, minute: 0 });
    expect(f.parse('12/31/06 23:59')).toMatchObject({ year: 2006, month: 12, day: 31, hour: 23, minute: 59 });
    expect(expandTwoDigitYear(68)).toBe(2068);
    expect(expandTwoDigitYear(69)).toBe(1969);
  });

  it('reads 12-hour clocks with AM/PM (Socrata website exports)', () => {
    const f = compileDateFormat('MM/DD/YYYY hh:mm:ss A');
    expect(f.parse('01/01/2015 12:00:00 AM')).toMatchObject({ hour: 0 });
    expect(f.parse('01/01/2015 12:30:00 PM')).toMatchObject({ hour: 12, minute: 30 });
    expect(f.parse('01/01/2015 01:05:09 pm')).toMatchObject({ hour: 13, minute: 5, second: 9 });
    expect(f.parse('01/01/2015 13:30:00 PM')).toBeNull();
  });

  it('reads ISO values with or without a time and an offset', () => {
    const f = compileDateFormat('iso');
    expect(f.parse('2015-01-01T00:00:00.000')).toMatchObject({ year: 2015, hour: 0, hasTime: true });
    expect(f.parse('2015-01-01T00:00:00.000')?.offsetMinutes).toBeUndefined();
    expect(f.parse('2015-07-04 18:30')).toMatchObject({ hour: 18, minute: 30 });
    expect(f.parse('2015-07-04T18:30:00Z')).toMatchObject({ offsetMinutes: 0 });
    expect(f.parse('2015-07-04T18:30:00-05:00')).toMatchObject({ offsetMinutes: -300 });
    expect(f.parse('2015-07-04')).toMatchObject({ hasTime: false });
    expect(f.parse('2015-02-29')).toBeNull();
  });

  it('tries several formats in order and names them all', () => {
    const f = compileDateFormats(['iso', 'MM/DD/YYYY hh:mm:ss A']);
    expect(f.parse('2015-01-01T10:00:00.000')).toMatchObject({ hour: 10 });
    expect(f.parse('01/01/2015 10:00:00 PM')).toMatchObject({ hour: 22 });
    expect(f.text).toContain('MM/DD/YYYY hh:mm:ss A');
  });

  it('refuses unusable formats with a reason', () => {
    expect(() => compileDateFormat('DD/MM')).toThrow(/no year/);
    expect(() => compileDateFormat('YYYY-MM')).toThrow(/needs a month .* and a day/);
    expect(() => compileDateFormat('YYYY-MM-DD hh:mm')).toThrow(/needs A/);
  });

  it('takes the date part of a format for rows without a time', () => {
    expect(datePartOf('YYYY-MM-DD HH:mm:ss')).toBe('YYYY-MM-DD');
    expect(datePartOf('MM/DD/YYYY hh:mm:ss A')).toBe('MM/DD/YYYY');
    expect(datePartOf('iso')).toBe('iso');
  });
});
