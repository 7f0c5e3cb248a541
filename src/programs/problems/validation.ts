import { z } from 'zod';

export const STAGES = ['scanning', 'analysis', 'response', 'assessment', 'closed'] as const;
export type Stage = (typeof STAGES)[number];
export const RESPONSE_KINDS = ['presence', 'enforcement', 'environmental', 'social_service', 'community', 'other'] as const;
export const ENGAGEMENT_KINDS = ['contact', 'referral', 'activity'] as const;

export const idParam = z.object({ id: z.coerce.number().int().positive() });
const day = z.iso.date('must be a date (YYYY-MM-DD)');

export const assignmentInput = z.object({
  areaId: z.number().int().positive(),
  role: z.enum(['crt', 'sco']),
  teamName: z.string().trim().min(1).max(120).nullable().optional(),
  userId: z.number().int().positive().nullable().optional(),
  startsOn: day,
  note: z.string().trim().max(500).nullable().optional(),
}).refine((a) => a.teamName || a.userId, { message: 'name a team or choose an officer', path: ['teamName'] });

export const assignmentEnd = z.object({ endsOn: day });

export const problemInput = z.object({
  title: z.string().trim().min(3).max(160),
  description: z.string().trim().max(4000).default(''),
  areaId: z.number().int().positive().nullable().optional(),
  categories: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
});

export const problemPatch = z.object({
  title: z.string().trim().min(3).max(160).optional(),
  description: z.string().trim().max(4000).optional(),
  areaId: z.number().int().positive().nullable().optional(),
  categories: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  analysis: z.object({
    victims: z.string().trim().max(2000).optional(),
    offenders: z.string().trim().max(2000).optional(),
    places: z.string().trim().max(2000).optional(),
    findings: z.string().trim().max(4000).optional(),
  }).optional(),
  responseStart: day.nullable().optional(),
});

export const stageInput = z.object({ stage: z.enum(STAGES), note: z.string().trim().max(1000).optional() });

export const linkIncidentsInput = z.union([
  z.object({ incidentIds: z.array(z.number().int().positive()).min(1).max(2000) }),
  z.object({ fromArea: z.literal(true), days: z.number().int().min(1).max(730).default(90) }),
]);

export const responseInput = z.object({
  kind: z.enum(RESPONSE_KINDS),
  description: z.string().trim().min(3).max(2000),
  byWhom: z.string().trim().min(2, 'say who did it (a unit or a partner)').max(160),
  isPartner: z.boolean().default(false),
  startedOn: day,
  endedOn: day.nullable().optional(),
}).refine((r) => !r.endedOn || r.endedOn >= r.startedOn, { message: 'must not be before startedOn', path: ['endedOn'] });

export const assessmentInput = z.object({
  /** Days before and after the response start compared (same length on both sides). */
  days: z.number().int().min(14).max(365).default(90),
  bufferM: z.number().int().min(100).max(2000).default(400),
});

export const meetingInput = z.object({
  heldAt: z.coerce.date(),
  place: z.string().trim().min(2).max(200),
  areaId: z.number().int().positive().nullable().optional(),
  attendance: z.number().int().min(0).max(100_000),
  issues: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
  notes: z.string().trim().max(4000).nullable().optional(),
  problemIds: z.array(z.number().int().positive()).max(20).default([]),
});

export const engagementInput = z.object({
  occurredAt: z.coerce.date(),
  areaId: z.number().int().positive().nullable().optional(),
  kind: z.enum(ENGAGEMENT_KINDS, { error: 'must be contact, referral or activity (the SCO log records engagement, not arrests or citations)' }),
  topic: z.string().trim().min(2).max(160),
  description: z.string().trim().max(2000).nullable().optional(),
  people: z.number().int().min(0).max(10_000).default(1),
  referredTo: z.string().trim().max(160).nullable().optional(),
}).refine((e) => e.kind !== 'referral' || Boolean(e.referredTo), { message: 'a referral names who the person was referred to', path: ['referredTo'] });
