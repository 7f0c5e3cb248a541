import { z } from 'zod';
import { CONCERN_CODES, RESOURCE_CODES, TEAM_ROLES, VISIT_OUTCOMES, WALK_STATUSES } from './codes.js';
import { languageField, templateLanguage } from '../../core/languages.js';
import { PACKET_LANGUAGES } from './packet/text.js';

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const rulesInput = z.object({
  categories: z.array(z.string().trim().min(1).max(40)).min(1, 'choose at least one category').max(30),
  dueMinDays: z.number().int().min(0).max(60),
  dueMaxDays: z.number().int().min(0).max(60),
  radiusM: z.number().int().min(50).max(3000),
  canvassAreaKind: z.enum(['neighborhood', 'crt_zone', 'sco_post', 'beat', 'custom']).nullable(),
  tipLine: z.object({ phone: z.string().trim().max(40).optional(), text: z.string().trim().max(40).optional(), web: z.string().trim().max(200).optional() }),
}).refine((r) => r.dueMaxDays >= r.dueMinDays, { message: 'must not be before dueMinDays', path: ['dueMaxDays'] });

/** Opening a walk by hand: for an incident, or for a place (a title and a point). */
export const openInput = z.union([
  z.object({ incidentId: z.number().int().positive() }),
  z.object({
    title: z.string().trim().min(3).max(160),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    dueFrom: z.coerce.date(),
    dueTo: z.coerce.date(),
  }).refine((w) => w.dueTo >= w.dueFrom, { message: 'must not be before dueFrom', path: ['dueTo'] }),
]);

export const teamMember = z.object({
  userId: z.number().int().positive().nullable().optional(),
  name: z.string().trim().min(1, 'a name is required').max(120),
  role: z.enum(TEAM_ROLES),
  organisation: z.string().trim().max(120).nullable().optional(),
});

const pointsList = z.array(z.string().trim().min(1).max(300)).max(12);

export const planInput = z.object({
  scheduledFor: z.coerce.date().nullable().optional(),
  meetingPoint: z.string().trim().max(200).nullable().optional(),
  radiusM: z.number().int().min(50).max(3000).optional(),
  canvassAreaId: z.number().int().positive().nullable().optional(),
  talkingPoints: z.object({ en: pointsList, es: pointsList }).nullable().optional(),
  team: z.array(teamMember).max(30).optional(),
});

export const statusInput = z.object({
  status: z.enum(WALK_STATUSES),
  note: z.string().trim().max(1000).optional(),
});

/** One door, as the phone sends it. The id is the phone's UUID: the idempotency key of the visit. */
export const visitInput = z.object({
  id: z.uuid('must be a UUID made by the device'),
  visitedAt: z.coerce.date(),
  block: z.string().trim().max(120).nullable().optional(),
  outcome: z.enum(VISIT_OUTCOMES),
  concerns: z.array(z.enum(CONCERN_CODES)).max(CONCERN_CODES.length).default([]),
  concernNote: z.string().trim().max(2000).nullable().optional(),
  resources: z.array(z.enum(RESOURCE_CODES)).max(RESOURCE_CODES.length).default([]),
  wantsWatch: z.boolean().default(false),
  wantsVolunteer: z.boolean().default(false),
  consent: z.boolean().default(false),
  contactName: z.string().trim().max(120).nullable().optional(),
  contactPhone: z.string().trim().max(40).nullable().optional(),
  contactEmail: z.string().trim().max(200).nullable().optional(),
  tipText: z.string().trim().max(5000).nullable().optional(),
  language: languageField().default('en'),
}).refine((v) => v.consent || !(v.contactName || v.contactPhone || v.contactEmail), {
  message: 'contact details are only kept when the resident agreed (consent: true)', path: ['consent'],
}).refine((v) => !v.consent || !(v.wantsWatch || v.wantsVolunteer) || Boolean(v.contactPhone || v.contactEmail), {
  message: 'a phone or an email is needed to reach a resident who wants to join', path: ['contactPhone'],
});
export type VisitInput = z.infer<typeof visitInput>;

export const visitBatch = z.object({ visits: z.array(visitInput).min(1).max(200) });

export const tipNumberInput = z.object({ tipNumber: z.string().trim().min(1).max(40) });

export const taskInput = z.object({
  concern: z.enum(CONCERN_CODES),
  description: z.string().trim().min(3).max(1000),
  visitId: z.uuid().nullable().optional(),
  ownerUserId: z.number().int().positive().nullable().optional(),
  ownerName: z.string().trim().max(120).nullable().optional(),
  dueOn: z.iso.date('must be a date (YYYY-MM-DD)').optional(),
}).refine((t) => t.ownerUserId || t.ownerName, { message: 'name an owner: a staff member or an organisation', path: ['ownerName'] });

export const taskPatch = z.object({
  status: z.enum(['open', 'done', 'cancelled']).optional(),
  ownerUserId: z.number().int().positive().nullable().optional(),
  ownerName: z.string().trim().max(120).nullable().optional(),
  dueOn: z.iso.date('must be a date (YYYY-MM-DD)').optional(),
});

export const listQuery = z.object({
  status: z.enum([...WALK_STATUSES, 'active', 'all']).default('active'),
});

export const impactQuery = z.object({ days: z.coerce.number().int().min(7).max(180).default(28) });
// Any site language; the packet is printed in English where it has no template yet.
export const packetQuery = z.object({ lang: languageField().default('en').transform((code) => templateLanguage(code, PACKET_LANGUAGES)) });
