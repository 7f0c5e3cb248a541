import type { I18n } from '../../../web/i18n/index.js';

/**
 * "Thursday, March 13, 2025, 6:30 – 8:00 PM EDT": in the event's own time zone (the agency's), not the
 * reader's, because that is where the event happens. The zone's short name removes any doubt.
 */
export function formatEventTime(i18n: Pick<I18n, 'formatDate'>, event: { startsAt: string; endsAt: string; timeZone: string }): string {
  const { timeZone } = event;
  const day = i18n.formatDate(event.startsAt, { dateStyle: 'full', timeZone });
  const start = i18n.formatDate(event.startsAt, { timeStyle: 'short', timeZone });
  const end = i18n.formatDate(event.endsAt, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone });
  const sameDay = i18n.formatDate(event.startsAt, { dateStyle: 'short', timeZone }) === i18n.formatDate(event.endsAt, { dateStyle: 'short', timeZone });
  return sameDay ? `${day}, ${start} – ${end}` : `${day}, ${start} – ${i18n.formatDate(event.endsAt, { dateStyle: 'full', timeStyle: 'short', timeZone })}`;
}

/** Compact form for lists and the console: "Mar 13, 6:30 PM". */
export function formatShort(i18n: Pick<I18n, 'formatDate'>, iso: string, timeZone: string): string {
  return i18n.formatDate(iso, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone });
}

/** A language code's name in the reader's language ("es" → "Spanish" / "español"). */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function offsetMinutes(timeZone: string, date: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A datetime-local value ("2025-03-13T18:30") read as wall-clock time in the agency's zone, whatever zone
 * the staff member's computer is set to. Two passes settle the offset on the days the clocks change.
 */
export function zonedInputToInstant(local: string, timeZone: string): string {
  const [date, time] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let instant = guess - offsetMinutes(timeZone, new Date(guess)) * 60_000;
  instant = guess - offsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

/** The datetime-local value of an instant in the agency's zone. */
export function instantToZonedInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() + offsetMinutes(timeZone, date) * 60_000).toISOString().slice(0, 16);
}
