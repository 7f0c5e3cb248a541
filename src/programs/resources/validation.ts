/** Inputs of the resources program; messages say what is wrong, the error handler adds the field path. */
import { z } from 'zod';

const needCode = z.string().regex(/^[a-z_]{2,40}$/, 'must be a need code (GET /api/programs/resources/public/needs)');
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as en, es, vi');
const localizedText = (max: number) =>
  z.object({ en: z.string().trim().min(1, 'English text is required').max(max), es: z.string().trim().min(1, 'Spanish text is required').max(max) })
    .catchall(z.string().trim().max(max));
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const serviceInput = z.object({
  name: z.string().trim().min(1, 'is required').max(160),
  organisation: z.string().trim().max(160).default(''),
  description: localizedText(1000),
  needs: z.array(needCode).min(1, 'choose at least one need'),
  languages: z.array(languageCode).min(1, 'name at least one language'),
  citywide: z.boolean().default(true),
  areaIds: z.array(z.number().int().positive()).default([]),
  phone: optionalText(40),
  textLine: optionalText(40),
  website: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(300).nullable().optional(),
  address: optionalText(200),
  lon: z.number().min(-180).max(180).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  hours: localizedText(200).optional(),
  available24h: z.boolean().default(false),
  confidentialLocation: z.boolean().default(false),
  active: z.boolean().default(true),
}).superRefine((s, ctx) => {
  if (!s.phone && !s.website && !s.textLine) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'give a phone number, text line or website' });
  if ((s.lon == null) !== (s.lat == null)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lon and lat go together' });
  if (s.confidentialLocation && (s.address || s.lon != null)) {
    ctx.addIssue({ code: 'custom', path: ['address'], message: 'a confidential location has no address or map point' });
  }
  if (!s.citywide && s.areaIds.length === 0) ctx.addIssue({ code: 'custom', path: ['areaIds'], message: 'name the areas served, or mark it citywide' });
});

export const servicePatch = z.object({ active: z.boolean() });

export const directoryQuery = z.object({
  need: needCode.optional(),
  language: languageCode.optional(),
  area: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  format: z.enum(['json', 'csv', 'geojson']).default('json'),
});

/** A case reference is a number from the agency's own records, not a name: no spaces, 1–40 characters. */
export const caseRef = z.string().trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/#-]{0,39}$/, 'must be a case or incident number (letters, digits . _ / # -, no spaces, no names)');

export const referralInput = z.object({
  serviceId: z.number().int().positive(),
  need: needCode,
  referredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  takenUp: z.enum(['yes', 'no', 'unknown']).default('unknown'),
  caseRef: caseRef.optional(),
  sourceProgram: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be a program id').optional(),
  sourceRef: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'must be a record id').optional(),
}).refine((r) => !r.sourceRef || r.sourceProgram, { message: 'needs sourceProgram', path: ['sourceRef'] });

export const referralPatch = z.object({ takenUp: z.enum(['yes', 'no', 'unknown']) });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const referralQuery = z.object({ from: day.optional(), to: day.optional() });

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export type ServiceInput = z.infer<typeof serviceInput>;
export type DirectoryQuery = z.infer<typeof directoryQuery>;
export type ReferralInput = z.infer<typeof referralInput>;
