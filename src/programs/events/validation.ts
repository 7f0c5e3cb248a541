import { z } from 'zod';
import { normalizePhone } from '../../core/messaging/index.js';
import { languageField } from '../../core/languages.js';

/** Text in English and Spanish (both required) plus any other language. */
export const localizedText = (max: number) =>
  z.object({ en: z.string().trim().min(1, 'English text is required').max(max), es: z.string().trim().min(1, 'Spanish text is required').max(max) })
    .catchall(z.string().trim().max(max));

/** Optional notes (accessibility): either language may be empty. */
export const optionalText = (max: number) =>
  z.object({ en: z.string().trim().max(max).default(''), es: z.string().trim().max(max).default('') }).catchall(z.string().trim().max(max));

export const eventStatus = z.enum(['draft', 'published', 'cancelled']);
export const rsvpStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
/** Any language with a locale file; messages fall back to English where no template exists. */
export const locale = languageField();
const programId = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'a program id such as "events", "board" or "watch"');
const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language code such as "en" or "es"');

const eventFields = {
  typeId: z.number().int().positive(),
  hostProgram: programId.default('events'),
  title: localizedText(160),
  description: localizedText(4000),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  placeName: z.string().trim().min(1, 'Say where the event is').max(200),
  address: z.string().trim().max(300).default(''),
  lon: z.number().min(-180).max(180).nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  accessibility: optionalText(1000).default({ en: '', es: '' }),
  languages: z.array(languageCode).min(1).max(8).default(['en']),
  capacity: z.number().int().positive().max(100_000).nullable().default(null),
  status: eventStatus.default('draft'),
  reminderHours: z.number().int().min(1).max(168).default(24),
};

export const eventInput = z.object(eventFields)
  .refine((e) => e.endsAt > e.startsAt, { message: 'endsAt must be after startsAt', path: ['endsAt'] })
  .refine((e) => (e.lon === null) === (e.lat === null), { message: 'give both lon and lat, or neither', path: ['lat'] });

export const eventPatch = z.object({
  typeId: eventFields.typeId.optional(),
  hostProgram: programId.optional(),
  title: localizedText(160).optional(),
  description: localizedText(4000).optional(),
  startsAt: z.coerce.date().optional(),
  endsAt: z.coerce.date().optional(),
  placeName: z.string().trim().min(1).max(200).optional(),
  address: z.string().trim().max(300).optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  accessibility: optionalText(1000).optional(),
  languages: z.array(languageCode).min(1).max(8).optional(),
  capacity: z.number().int().positive().max(100_000).nullable().optional(),
  status: eventStatus.optional(),
  reminderHours: z.number().int().min(1).max(168).optional(),
});

const phone = z.string().trim().max(40).transform((value, ctx) => {
  if (!value) return undefined;
  const normalized = normalizePhone(value);
  if (!normalized) ctx.addIssue({ code: 'custom', message: 'Enter a phone number with its area code, e.g. 215-555-0100' });
  return normalized ?? undefined;
});

/**
 * An RSVP needs no account and no personal data. A name is optional (it helps at check-in); e-mail or phone
 * are kept only when the person ticks the consent box, so a reminder can reach them.
 */
export const rsvpInput = z.object({
  partySize: z.number().int().min(1).max(10).default(1),
  name: z.string().trim().max(120).optional().transform((v) => v || undefined),
  email: z.union([z.literal(''), z.email('Enter an e-mail address such as name@example.org').max(200)]).optional().transform((v) => v || undefined),
  phone: phone.optional(),
  contactConsent: z.boolean().default(false),
  locale: locale.default('en'),
}).superRefine((rsvp, ctx) => {
  if ((rsvp.email || rsvp.phone) && !rsvp.contactConsent) {
    ctx.addIssue({ code: 'custom', path: ['contactConsent'], message: 'Tick the consent box so we may contact you, or leave e-mail and phone empty' });
  }
});

export const tokenInput = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This link is not complete. Copy the whole link.') });
export const surveyInput = z.object({
  rating: z.number().int().min(1, 'Choose a rating from 1 to 5').max(5, 'Choose a rating from 1 to 5'),
  comment: z.string().trim().max(2000).optional().transform((v) => v || undefined),
});
export const checkInInput = z.object({ checkedIn: z.boolean() });
export const walkInsInput = z.object({ walkIns: z.number().int().min(0).max(100_000) });
export const typeInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'lower-case letters, digits and underscores, e.g. "bike_registration"'),
  name: localizedText(120),
});

export const eventTypeView = z.object({ id: z.number(), code: z.string(), name: z.record(z.string(), z.string()), agencyId: z.number().nullable() });

/** What anyone may see of a published or cancelled event. */
export const publicEventView = z.object({
  id: z.number(),
  type: eventTypeView,
  hostProgram: z.string(),
  title: z.record(z.string(), z.string()),
  description: z.record(z.string(), z.string()),
  startsAt: z.date(),
  endsAt: z.date(),
  timeZone: z.string(),
  placeName: z.string(),
  address: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  accessibility: z.record(z.string(), z.string()),
  languages: z.array(z.string()),
  capacity: z.number().nullable(),
  /** Places still free (people); null when there is no limit. */
  spotsLeft: z.number().nullable(),
  status: eventStatus,
  agencyName: z.string(),
  agencySlug: z.string(),
  isDemo: z.boolean(),
  /** RSVPs accepted now (published, not started). */
  rsvpOpen: z.boolean(),
  /** The follow-up survey accepts answers now (from the start until 30 days after the end). */
  surveyOpen: z.boolean(),
});

/** The staff view adds counts and settings. */
export const staffEventView = publicEventView.extend({
  typeId: z.number(),
  reminderHours: z.number(),
  confirmed: z.number(),
  waitlisted: z.number(),
  checkedIn: z.number(),
  walkIns: z.number(),
  attendance: z.number(),
  surveyCount: z.number(),
  averageRating: z.number().nullable(),
  sequence: z.number(),
});

export const rsvpReceipt = z.object({
  eventId: z.number(),
  status: rsvpStatus,
  /** Place on the wait list (1 = next), null when confirmed. */
  position: z.number().nullable(),
  /** The private cancel token: shown once, kept by the person, stored only as a hash. */
  cancelToken: z.string(),
});

export const rsvpLookup = z.object({ eventId: z.number(), title: z.record(z.string(), z.string()), startsAt: z.date(), timeZone: z.string(), status: rsvpStatus, partySize: z.number(), position: z.number().nullable() });

export const staffRsvpView = z.object({
  id: z.number(),
  name: z.string().nullable(),
  partySize: z.number(),
  status: rsvpStatus,
  position: z.number().nullable(),
  createdAt: z.date(),
  checkedIn: z.boolean(),
  /** Whether a reminder can reach them; the address or number itself is never shown. */
  hasContact: z.boolean(),
});

export const surveySummary = z.object({
  count: z.number(),
  averageRating: z.number().nullable(),
  byRating: z.array(z.number()),
  comments: z.array(z.object({ rating: z.number(), comment: z.string(), createdAt: z.date() })),
});

export type EventInput = z.infer<typeof eventInput>;
export type EventPatch = z.infer<typeof eventPatch>;
export type RsvpInput = z.infer<typeof rsvpInput>;
export type SurveyInput = z.infer<typeof surveyInput>;
export type EventTypeView = z.infer<typeof eventTypeView>;
export type PublicEventView = z.infer<typeof publicEventView>;
export type StaffEventView = z.infer<typeof staffEventView>;
export type RsvpReceipt = z.infer<typeof rsvpReceipt>;
export type RsvpLookup = z.infer<typeof rsvpLookup>;
export type StaffRsvpView = z.infer<typeof staffRsvpView>;
export type SurveySummary = z.infer<typeof surveySummary>;
export type EventStatus = z.infer<typeof eventStatus>;
export type RsvpStatus = z.infer<typeof rsvpStatus>;
