/**
 * Token date formats ("DD/MM/YYYY", "M/D/YY H:mm", "MM/DD/YYYY hh:mm:ss A", or 'iso'). A format is always
 * stated by a preset or a flag; nothing here guesses which of 01/02 is the day.
 *
 * Parsing yields wall-clock fields; zoned-time.ts turns them into an instant in the agency's time zone.
 */

/** Wall-clock reading of a source value (no zone), or an absolute instant when an ISO value carries an offset. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** false when the format has no time of day: the value is a date and the instant is local midnight. */
  hasTime: boolean;
  /** Offset east of UTC in minutes when the value itself states it (ISO "Z" or "+02:00"). */
  offsetMinutes?: number;
}

/** A compiled format: parse() returns the wall time, or null when the value does not match. */
export interface DateFormat {
  /** The format as written, for messages ("does not match DD/MM/YYYY"). */
  readonly text: string;
  readonly hasTime: boolean;
  parse(value: string): WallTime | null;
}

type Field = 'year4' | 'year2' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'meridiem';

// Longest tokens first so "MM" wins over "M" and "YYYY" over "YY". [token, field, min digits, max digits]
const TOKENS: ReadonlyArray<[string, Field, number, number]> = [
  ['YYYY', 'year4', 4, 4], ['YY', 'year2', 2, 2], ['MM', 'month', 2, 2], ['M', 'month', 1, 2], ['DD', 'day', 2, 2],
  ['D', 'day', 1, 2], ['HH', 'hour', 2, 2], ['H', 'hour', 1, 2], ['hh', 'hour12', 2, 2], ['h', 'hour12', 1, 2],
  ['mm', 'minute', 2, 2], ['ss', 'second', 2, 2], ['A', 'meridiem', 0, 0],
];

// A compiled format is a list of steps; parsing walks the value once without regular expressions (this runs
// once per row, a million times in a large import).
type Step = { kind: 'number'; field: Field; min: number; max: number } | { kind: 'meridiem' } | { kind: 'space' } | { kind: 'literal'; code: number };

/** Two-digit years pivot like POSIX strptime: 69–99 are 1969–1999, 00–68 are 2000–2068. */
export const expandTwoDigitYear = (yy: number): number => (yy >= 69 ? 1900 + yy : 2000 + yy);

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Range checks shared by token and ISO parsing: "31/02/2014" or "25:00" are not dates. */
export function isValidWallTime(w: WallTime): boolean {
  return w.month >= 1 && w.month <= 12 && w.day >= 1 && w.day <= daysInMonth(w.year, w.month)
    && w.hour >= 0 && w.hour <= 23 && w.minute >= 0 && w.minute <= 59 && w.second >= 0 && w.second <= 59;
}

const isSpace = (code: number) => code === 32 || code === 9;

/** Reads "AM"/"PM" (any case, optionally "a.m."): returns [12-hour offset, length] or null. */
function readMeridiem(value: string, at: number): [number, number] | null {
  const c = value.charCodeAt(at) | 0x20;
  if (c !== 0x61 && c !== 0x70) return null; // a or p
  const offset = c === 0x70 ? 12 : 0;
  if ((value.charCodeAt(at + 1) | 0x20) === 0x6d) return [offset, 2];
  if (value[at + 1] === '.' && (value.charCodeAt(at + 2) | 0x20) === 0x6d && value[at + 3] === '.') return [offset, 4];
  return null;
}

function compileTokens(text: string): DateFormat {
  const steps: Step[] = [];
  let rest = text;
  while (rest.length > 0) {
    const token = TOKENS.find(([t]) => rest.startsWith(t));
    if (token) {
      steps.push(token[1] === 'meridiem' ? { kind: 'meridiem' } : { kind: 'number', field: token[1], min: token[2], max: token[3] });
      rest = rest.slice(token[0].length);
    } else {
      const code = rest.charCodeAt(0);
      if (isSpace(code)) {
        if (steps[steps.length - 1]?.kind !== 'space') steps.push({ kind: 'space' });
      } else steps.push({ kind: 'literal', code });
      rest = rest.slice(1);
    }
  }
  const has = (f: Field) => steps.some((s) => (s.kind === 'number' && s.field === f) || (f === 'meridiem' && s.kind === 'meridiem'));
  if (!has('year4') && !has('year2')) throw new Error(`date format "${text}" has no year (YYYY or YY)`);
  if (!has('month') || !has('day')) throw new Error(`date format "${text}" needs a month (M or MM) and a day (D or DD)`);
  const hasTime = has('hour') || has('hour12');
  if (has('hour12') && !has('meridiem')) throw new Error(`date format "${text}": a 12-hour clock (h, hh) needs A for AM/PM`);
  if (has('meridiem') && !hasTime) throw new Error(`date format "${text}": A (AM/PM) needs an hour token`);
  const twelveHour = has('meridiem');
  return {
    text,
    hasTime,
    parse(raw: string): WallTime | null {
      const value = raw.trim();
      const w: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0, hasTime };
      let at = 0;
      let meridiem = -1;
      for (const step of steps) {
        if (step.kind === 'number') {
          let n = 0, digits = 0;
          while (digits < step.max) {
            const c = value.charCodeAt(at) - 48;
            if (!(c >= 0 && c <= 9)) break;
            n = n * 10 + c;
            at += 1;
            digits += 1;
          }
          if (digits < step.min) return null;
          switch (step.field) {
            case 'year4': w.year = n; break;
            case 'year2': w.year = expandTwoDigitYear(n); break;
            case 'month': w.month = n; break;
            case 'day': w.day = n; break;
            case 'hour': case 'hour12': w.hour = n; break;
            case 'minute': w.minute = n; break;
            case 'second': w.second = n; break;
            default: break;
          }
        } else if (step.kind === 'space') {
          if (!isSpace(value.charCodeAt(at))) return null;
          while (isSpace(value.charCodeAt(at))) at += 1;
        } else if (step.kind === 'literal') {
          if (value.charCodeAt(at) !== step.code) return null;
          at += 1;
        } else {
          const m = readMeridiem(value, at);
          if (!m) return null;
          meridiem = m[0];
          at += m[1];
        }
      }
      if (at !== value.length) return null;
      if (twelveHour) {
        // With AM/PM the hour runs 1–12: 12 AM is midnight, 12 PM is noon.
        if (w.hour < 1 || w.hour > 12) return null;
        w.hour = (w.hour % 12) + meridiem;
      }
      return isValidWallTime(w) ? w : null;
    },
  };
}

// ISO 8601 as open-data portals write it: date, optional time (T or space), optional fraction, optional offset.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function parseIso(value: string): WallTime | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const w: WallTime = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: m[4] ? Number(m[4]) : 0, minute: m[5] ? Number(m[5]) : 0, second: m[6] ? Number(m[6]) : 0,
    millisecond: m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0,
    hasTime: m[4] !== undefined,
  };
  if (m[8]) {
    if (m[8] === 'Z') w.offsetMinutes = 0;
    else {
      const digits = m[8].replace(':', '');
      const sign = digits[0] === '-' ? -1 : 1;
      w.offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
    }
  }
  return isValidWallTime(w) ? w : null;
}

const isoFormat: DateFormat = { text: 'iso (YYYY-MM-DD[THH:mm[:ss[.sss]]][Z|±HH:MM])', hasTime: true, parse: parseIso };

/**
 * Compiles a format: 'iso', or tokens YYYY YY M MM D DD H HH h hh mm ss A with any literal separators
 * (a space in the format matches one or more spaces). Throws naming the problem when the format is unusable.
 */
export function compileDateFormat(text: string): DateFormat {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'iso') return isoFormat;
  return compileTokens(trimmed);
}

/** Several accepted formats tried in order (a portal that exports two styles); the message names them all. */
export function compileDateFormats(texts: readonly string[]): DateFormat {
  const formats = texts.map(compileDateFormat);
  if (formats.length === 1) return formats[0];
  return {
    text: formats.map((f) => f.text).join(' or '),
    hasTime: formats.some((f) => f.hasTime),
    parse(value: string): WallTime | null {
      for (const format of formats) {
        const result = format.parse(value);
        if (result) return result;
      }
      return null;
    },
  };
}

/**
 * The date part of a format (everything before the first hour token), used when a row's time column is empty:
 * "YYYY-MM-DD HH:mm:ss" → "YYYY-MM-DD".
 */
export function datePartOf(text: string): string {
  const index = text.search(/[Hh]/);
  return (index < 0 ? text : text.slice(0, index)).trim().replace(/[\sT]+$/, '');
}
