import { z } from 'zod';
import { AGENCY_KINDS } from '../../core/people/agencies.js';
import { MAX_PASSWORD_LENGTH } from '../../core/people/passwords.js';

/** Zod schemas of the administration API: validation at the edge and the OpenAPI document. */

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const agencyView = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  timeZone: z.string(),
  projection: z.string(),
  centerLon: z.number(),
  centerLat: z.number(),
  isDemo: z.boolean(),
  createdAt: z.date(),
});

export const agencyInput = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,60}$/, 'use 2 to 60 lower-case letters, digits or dashes'),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(AGENCY_KINDS),
  timeZone: z.string().min(1).max(64),
  centerLon: z.number().min(-180).max(180),
  centerLat: z.number().min(-90).max(90),
  projection: z.string().min(1).max(500).optional(),
});

export const roleView = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
});

const permissionList = z.array(z.string().min(1).max(100)).max(200);

export const roleInput = z.object({
  name: z.string().trim().min(2).max(60),
  description: z.string().max(500).optional(),
  permissions: permissionList,
});

export const rolePatch = roleInput.partial().refine((patch) => Object.keys(patch).length > 0, 'name, description or permissions is needed');

export const userView = z.object({
  id: z.number(),
  agencyId: z.number(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(z.object({ id: z.number(), name: z.string() })),
  mfaEnrolled: z.boolean(),
  failedSignIns: z.number(),
  lockedUntil: z.date().nullable(),
  locale: z.string(),
  isDemo: z.boolean(),
  createdAt: z.date(),
});

const roleIds = z.array(z.number().int().positive()).max(50);
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);

export const userInput = z.object({
  username: z.string().trim().min(3).max(64),
  displayName: z.string().trim().min(1).max(120),
  email: z.email().nullish(),
  password,
  roleIds,
});

export const userPatch = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    email: z.email().nullable(),
    status: z.enum(['active', 'disabled']),
    roleIds,
    password,
    unlock: z.literal(true),
    resetMfa: z.literal(true),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'at least one change is needed');

export const permissionsView = z.record(z.string(), z.object({ description: z.string() }));
