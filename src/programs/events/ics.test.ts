import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, localDateTime, serialize, utcDateTime } from './ics.js';
import { offsetMinutes, transitions, vtimezoneLines } from './vtimezone.js';

describe('iCalendar text helpers', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('Coffee; donuts, and a \\ backslash\nsecond line')).toBe('Coffee\\; donuts\\, and a \\\\ backslash\\nsecond line');
  });

  it('folds at 75 octets with CRLF + space, counting UTF-8 bytes and never splitting a character', () => {
    const line = `DESCRIPTION:${'Reunión de vecinos – café ☕ '.repeat(12)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const [i, part] of physical.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    // Unfolding (remove CRLF + one space) gives back the original line.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });

  it('ends every line with CRLF', () => {
    expect(serialize(['BEGIN:VCALENDAR', 'END:VCALENDAR'])).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });

  it('writes UTC and wall-clock date-times', () => {
    const instant = new Date('2025-03-10T22:30:00Z');
    expect(utcDateTime(instant)).toBe('20250310T223000Z');
    expect(localDateTime(instant, 'America/New_York')).toBe('20250310T183000');
    expect(localDateTime(instant, 'America/Los_Angeles')).toBe('20250310T153000');
  });
});

describe('VTIMEZONE from the runtime’s zone data', () => {
  it('finds the 2025 daylight-saving changes of New York to the minute', () => {
    const changes = transitions('America/New_York', new Date('2025-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    expect(changes.map((c) => [c.at.toISOString(), c.from, c.to])).toEqual([
      ['2025-03-09T07:00:00.000Z', -300, -240],
      ['2025-11-02T06:00:00.000Z', -240, -300],
    ]);
    expect(offsetMinutes('Asia/Kolkata', new Date())).toBe(330);
  });

  it('writes observances with local onsets, offsets and names', () => {
    const lines = vtimezoneLines('America/New_York', new Date('2025-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    const text = lines.join('\n');
    expect(lines[0]).toBe('BEGIN:VTIMEZONE');
    expect(lines[1]).toBe('TZID:America/New_York');
    expect(text).toContain('BEGIN:DAYLIGHT\nDTSTART:20250309T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nTZNAME:EDT\nEND:DAYLIGHT');
    expect(text).toContain('BEGIN:STANDARD\nDTSTART:20251102T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nTZNAME:EST\nEND:STANDARD');
  });

  it('writes one standard observance for a zone without daylight saving', () => {
    const lines = vtimezoneLines('America/Phoenix', new Date('2025-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    expect(lines.filter((l) => l.startsWith('BEGIN:'))).toEqual(['BEGIN:VTIMEZONE', 'BEGIN:STANDARD']);
    expect(lines).toContain('TZOFFSETTO:-0700');
  });
});
