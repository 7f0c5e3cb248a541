/** Inputs of the volunteers program. Messages say what is wrong; the error handler adds the field path. */
import { z } from 'zod';
import { AGE_BANDS, isMinor } from './catalogue.js';

export const localizedText = (max: number) =>
  z.object({ en: z.string().trim().min(1, 'English text is required').max(max), es: z.string().trim().min(1, 'Spanish text is required').max(max) })
    .catchall(z.string().trim().max(max));

const name = z.string().trim().min(1, 'is required').max(80);
const phone = z.string().trim().regex(/^\+?[0-9 ().-]{7,20}$/, 'must be a phone number (digits, spaces, + ( ) - .)');
const optionalText = (max: number) => z.string().trim().max(max).optional();
export const ageBand = z.enum(AGE_BANDS);
export const stateCode = z.string().regex(/^[a-z_]{2,40}$/, 'must be a state code');

export const guardianInput = z.object({
  name,
  contact: z.string().trim().min(5, 'needs a phone number or email address').max(120),
  consent: z.literal(true, { error: 'a parent or guardian must agree for a minor to take part' }),
});

/** A resident's application: no account; contact only with consent; a guardian for a minor. */
export const applicationInput = z.object({
  programId: z.number().int().positive(),
  givenName: name,
  familyName: name,
  email: z.email('must be an email address').max(160).optional(),
  phone: phone.optional(),
  preferredContact: z.enum(['email', 'phone', 'text']),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code').default('en'),
  ageBand,
  motivation: optionalText(2000),
  contactConsent: z.literal(true, { error: 'you must agree to be contacted about your application' }),
  guardian: guardianInput.optional(),
  // A field people never see: forms that fill it are automated and are refused.
  website: z.string().max(0, 'must be empty').optional(),
}).superRefine((a, ctx) => {
  if (!a.email && !a.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'give an email address or a phone number' });
  if (a.preferredContact === 'email' && !a.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'is needed to be contacted by email' });
  if (a.preferredContact !== 'email' && !a.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: `is needed to be contacted by ${a.preferredContact}` });
  if (isMinor(a.ageBand) && !a.guardian) ctx.addIssue({ code: 'custom', path: ['guardian'], message: 'a parent or guardian’s name, contact and consent are needed for applicants under 18' });
});

export const programInput = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be 2–40 lower-case letters, digits or dashes'),
  name: localizedText(120),
  description: localizedText(1000),
  youth: z.boolean().default(false),
  ageBands: z.array(ageBand).min(1, 'choose at least one age band'),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(1000).default(100),
});
export const programPatch = programInput.omit({ code: true }).partial();

export const transitionInput = z.object({ to: stateCode, note: z.string().trim().max(1000).default('') });

export const volunteerListQuery = z.object({
  state: stateCode.optional(),
  programId: z.coerce.number().int().positive().optional(),
});

export const shiftInput = z.object({
  programId: z.number().int().positive(),
  title: z.string().trim().min(1, 'is required').max(160),
  location: z.string().trim().max(200).default(''),
  startsAt: z.coerce.date({ error: 'must be a date and time' }),
  endsAt: z.coerce.date({ error: 'must be a date and time' }),
  capacity: z.number().int().min(1).max(500),
}).refine((s) => s.endsAt > s.startsAt, { message: 'must be after startsAt', path: ['endsAt'] });

export const signupInput = z.object({ volunteerId: z.number().int().positive() });

export const hoursInput = z.object({
  volunteerId: z.number().int().positive(),
  shiftId: z.number().int().positive().optional(),
  workedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  hours: z.number().min(0.25, 'must be at least a quarter hour').max(24, 'cannot exceed 24 in one day')
    .refine((h) => Number.isInteger(h * 4), 'must be in quarter hours (0.25, 0.5, 0.75 …)'),
  description: z.string().trim().max(500).default(''),
});

export const hoursReview = z.object({ status: z.enum(['approved', 'rejected']) });
export const hoursListQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional() });

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
export const hoursReportQuery = z.object({ from: month.optional(), to: month.optional(), format: z.enum(['json', 'csv']).default('json') })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must be on or before to', path: ['from'] });

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export type ApplicationInput = z.infer<typeof applicationInput>;
export type ProgramInput = z.infer<typeof programInput>;
export type ProgramPatch = z.infer<typeof programPatch>;
export type ShiftInput = z.infer<typeof shiftInput>;
export type HoursInput = z.infer<typeof hoursInput>;
