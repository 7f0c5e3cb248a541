import { z } from 'zod';
import { normalizePhone } from '../../core/messaging/index.js';
import { languageField } from '../../core/languages.js';

export const localizedText = (max: number) =>
  z.object({ en: z.string().trim().min(1, 'English text is required').max(max), es: z.string().trim().min(1, 'Spanish text is required').max(max) })
    .catchall(z.string().trim().max(max));

export const groupStatus = z.enum(['forming', 'active', 'inactive']);
export const requestStatus = z.enum(['pending', 'approved', 'declined', 'withdrawn']);
export const memberRole = z.enum(['member', 'captain']);
export const channel = z.enum(['email', 'sms']);
const locale = languageField();

/** GeoJSON Polygon or MultiPolygon; checked in depth by the core geometry validator in the service. */
const boundary = z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()).min(1) }).loose();

export const groupInput = z.object({
  name: z.string().trim().min(3, 'Give the group a name of at least 3 characters').max(120),
  description: localizedText(2000),
  boundary,
  areaId: z.number().int().positive().nullable().optional(),
  status: groupStatus.default('active'),
});
export const groupPatch = z.object({
  name: z.string().trim().min(3).max(120).optional(),
  description: localizedText(2000).optional(),
  boundary: boundary.optional(),
  areaId: z.number().int().positive().nullable().optional(),
  status: groupStatus.optional(),
});

const phone = z.string().trim().max(40).transform((value, ctx) => {
  if (!value) return undefined;
  const normalized = normalizePhone(value);
  if (!normalized) ctx.addIssue({ code: 'custom', message: 'Enter a mobile number with its area code, e.g. 215-555-0100' });
  return normalized ?? undefined;
});
const email = z.union([z.literal(''), z.email('Enter an e-mail address such as name@example.org').max(200)]).optional().transform((v) => v || undefined);

/**
 * A request to join a group or to start one. Joining means receiving the group's alerts, so an e-mail or a
 * mobile number and explicit consent are required; a name is optional.
 */
export const requestInput = z.object({
  kind: z.enum(['join', 'start']),
  groupId: z.number().int().positive().optional(),
  areaId: z.number().int().positive().optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  name: z.string().trim().max(120).optional().transform((v) => v || undefined),
  email,
  phone: phone.optional(),
  contactConsent: z.boolean(),
  message: z.string().trim().max(1000).optional().transform((v) => v || undefined),
  locale: locale.default('en'),
}).superRefine((r, ctx) => {
  if (!r.email && !r.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give an e-mail address or a mobile number so the group can reach you' });
  if (!r.contactConsent) ctx.addIssue({ code: 'custom', path: ['contactConsent'], message: 'Tick the box to agree that the group and the department may contact you' });
  if (r.kind === 'join' && !r.groupId) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'Choose the group to join' });
  if (r.kind === 'start' && !r.areaId && (r.lon === undefined || r.lat === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['areaId'], message: 'Pick your block on the map or choose your neighborhood' });
  }
  if ((r.lon === undefined) !== (r.lat === undefined)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'give both lon and lat, or neither' });
});

export const tokenInput = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This link is not complete. Copy the whole link.') });
export const decisionInput = z.object({
  decision: z.enum(['approve', 'decline']),
  /** For a start request: the group (usually just created, status "forming") the requester becomes captain of. */
  groupId: z.number().int().positive().optional(),
  note: z.string().trim().max(1000).optional(),
});
export const memberPatch = z.object({ role: memberRole });
export const meetingInput = z.object({
  eventId: z.number().int().positive(),
  kind: z.enum(['meeting', 'training']),
  title: localizedText(160),
  startsAt: z.coerce.date(),
});
export const alertInput = z.object({
  subject: localizedText(120),
  body: localizedText(1200),
  channels: z.array(channel).min(1, 'Choose e-mail, text message or both').max(2),
});
/** Either a point picked on the map (lon and lat) or a typed address; the address is never stored or logged. */
export const lookupQuery = z.object({
  address: z.string().trim().min(3, 'Type a house number and a street, e.g. 1523 N 52nd St').max(200, 'An address is at most 200 characters').optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
}).superRefine((q, ctx) => {
  if (q.address !== undefined && (q.lon !== undefined || q.lat !== undefined)) ctx.addIssue({ code: 'custom', path: ['address'], message: 'give an address or a point (lon and lat), not both' });
  if (q.address === undefined && q.lon === undefined && q.lat === undefined) ctx.addIssue({ code: 'custom', path: ['address'], message: 'give an address, or lon and lat of a point' });
  if (q.address === undefined && (q.lon === undefined) !== (q.lat === undefined)) ctx.addIssue({ code: 'custom', path: [q.lon === undefined ? 'lon' : 'lat'], message: 'give both lon and lat' });
});

export const publicGroupSummary = z.object({ id: z.number(), name: z.string(), areaName: z.string().nullable(), agencyName: z.string(), status: groupStatus });
export const lookupAnswer = z.object({
  groups: z.array(publicGroupSummary),
  nearby: z.array(publicGroupSummary.extend({ distanceMetres: z.number() })),
  area: z.object({ id: z.number(), name: z.string() }).nullable(),
  // Address lookups only:
  status: z.enum(['found', 'not-found', 'unreadable', 'ambiguous']).optional(),
  problem: z.enum(['empty', 'no-number', 'intersection', 'no-street']).nullable().optional(),
  streets: z.array(z.string()).optional(),
  place: z.object({
    lon: z.number(), lat: z.number(), precision: z.enum(['address', 'block', 'street', 'intersection']), source: z.enum(['geocoder', 'gazetteer']),
    street: z.string().nullable(), block: z.number().nullable(),
  }).nullable().optional(),
});
export const publicGroupView = publicGroupSummary.extend({
  /** The agency's zone: meeting times are shown in it. */
  timeZone: z.string(),
  description: z.record(z.string(), z.string()),
  boundary: z.any(),
  memberCount: z.number(),
  captainCount: z.number(),
  isDemo: z.boolean(),
  meetings: z.array(z.object({ eventId: z.number(), kind: z.enum(['meeting', 'training']), title: z.record(z.string(), z.string()), startsAt: z.date() })),
});
export const staffGroupView = publicGroupView.extend({ areaId: z.number().nullable(), pendingRequests: z.number(), alertsSent: z.number() });
export const staffMemberView = z.object({ id: z.number(), name: z.string().nullable(), role: memberRole, channels: z.array(channel), joinedAt: z.date() });
export const staffRequestView = z.object({
  id: z.number(), kind: z.enum(['join', 'start']), status: requestStatus, groupId: z.number().nullable(), groupName: z.string().nullable(),
  areaName: z.string().nullable(), name: z.string().nullable(), message: z.string().nullable(), channels: z.array(channel),
  createdAt: z.date(), decisionNote: z.string().nullable(),
});
export const alertView = z.object({
  id: z.number(), subject: z.record(z.string(), z.string()), body: z.record(z.string(), z.string()), channels: z.array(channel),
  sentEmail: z.number(), sentSms: z.number(), failed: z.number(), sentAt: z.date(),
});

export type GroupInput = z.infer<typeof groupInput>;
export type GroupPatch = z.infer<typeof groupPatch>;
export type RequestInput = z.infer<typeof requestInput>;
export type DecisionInput = z.infer<typeof decisionInput>;
export type MeetingInput = z.infer<typeof meetingInput>;
export type AlertInput = z.infer<typeof alertInput>;
export type PublicGroupSummary = z.infer<typeof publicGroupSummary>;
export type PublicGroupView = z.infer<typeof publicGroupView>;
export type StaffGroupView = z.infer<typeof staffGroupView>;
export type StaffMemberView = z.infer<typeof staffMemberView>;
export type StaffRequestView = z.infer<typeof staffRequestView>;
export type AlertView = z.infer<typeof alertView>;
export type Channel = z.infer<typeof channel>;
