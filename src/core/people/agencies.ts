import type { Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../audit/audit.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { ROLE_NAMES, type RoleName } from './permissions.js';
import { createRole, type PermissionCatalogue, type RoleView } from './roles.js';

export const AGENCY_KINDS = ['police', 'partner_agency', 'organisation'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface AgencyInput {
  /** URL-safe: lower-case letters, digits and dashes. */
  slug: string;
  name: string;
  kind: AgencyKind;
  /** IANA time zone, e.g. 'America/New_York'. */
  timeZone: string;
  centerLon: number;
  centerLat: number;
  /** proj4 definition of the metric projection for analysis; the UTM zone of the centre when omitted. */
  projection?: string;
  isDemo?: boolean;
}

export interface AgencyView {
  id: number;
  slug: string;
  name: string;
  kind: AgencyKind;
  timeZone: string;
  projection: string;
  centerLon: number;
  centerLat: number;
  isDemo: boolean;
  createdAt: Date;
}

const AGENCY_COLUMNS = `id, slug, name, kind, time_zone AS "timeZone", projection, center_lon AS "centerLon",
  center_lat AS "centerLat", is_demo AS "isDemo", created_at AS "createdAt"`;

const ROLE_DESCRIPTIONS: Record<RoleName, string> = {
  administrator: 'Manages users, roles and settings of the agency',
  command: 'Commanders: reads everything, approves, sees the audit log',
  analyst: 'Crime analysts: incidents, imports, areas and analysis',
  officer: 'Sworn officers and community service officers',
  tip_handler: 'Reads and answers tips',
  volunteer_coordinator: 'Runs volunteer programs and watch groups',
  partner: 'Staff of a partner agency or organisation',
};

/** The UTM zone around a point as a proj4 string: metres with little distortion across a city. */
export function utmProjection(lon: number, lat: number): string {
  const zone = Math.min(60, Math.floor((lon + 180) / 6) + 1);
  return `+proj=utm +zone=${zone}${lat < 0 ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`;
}

function validate(input: AgencyInput): void {
  if (!/^[a-z0-9-]{2,60}$/.test(input.slug)) throw badRequest('The slug must be 2 to 60 lower-case letters, digits or dashes.', { field: 'slug' });
  if (!input.name.trim()) throw badRequest('The agency needs a name.', { field: 'name' });
  try {
    new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
  } catch {
    throw badRequest(`"${input.timeZone}" is not a time zone; use an IANA name such as America/New_York.`, { field: 'timeZone' });
  }
  if (!(Math.abs(input.centerLon) <= 180) || !(Math.abs(input.centerLat) <= 90)) {
    throw badRequest('The centre must be a WGS84 longitude (-180…180) and latitude (-90…90).', { field: 'centerLon' });
  }
}

/** Which permissions each default role gets, from every permission's defaultRoles. */
export function defaultRolePermissions(catalogue: PermissionCatalogue): Record<RoleName, string[]> {
  const byRole = Object.fromEntries(ROLE_NAMES.map((r) => [r, [] as string[]])) as Record<RoleName, string[]>;
  for (const [permission, spec] of Object.entries(catalogue)) {
    for (const role of spec.defaultRoles) byRole[role].push(permission);
  }
  return byRole;
}

/**
 * Creates an agency and its default roles (every name in ROLE_NAMES, with the permissions whose
 * defaultRoles name it), all audited. Run it in a transaction so a half-made agency never exists.
 */
export async function createAgencyWithDefaultRoles(
  q: Queryable, input: AgencyInput, catalogue: PermissionCatalogue, actor: AuditActor = { label: 'system' },
): Promise<{ agency: AgencyView; roles: RoleView[] }> {
  validate(input);
  const existing = await q.query('SELECT 1 FROM agencies WHERE slug = $1', [input.slug]);
  if (existing.length > 0) throw conflict(`An agency with the slug "${input.slug}" already exists.`);
  const [agency] = await q.query<AgencyView>(
    `INSERT INTO agencies (slug, name, kind, time_zone, projection, center_lon, center_lat, is_demo)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING ${AGENCY_COLUMNS}`,
    [input.slug, input.name.trim(), input.kind, input.timeZone, input.projection ?? utmProjection(input.centerLon, input.centerLat),
      input.centerLon, input.centerLat, input.isDemo ?? false],
  );
  await appendAudit(q, { actor, action: 'agencies.create', targetType: 'agency', targetId: agency.id, outcome: 'success', details: { slug: agency.slug, name: agency.name, kind: agency.kind } });
  const roles: RoleView[] = [];
  const permissionsByRole = defaultRolePermissions(catalogue);
  for (const name of ROLE_NAMES) {
    roles.push(await createRole(q, agency.id, { name, description: ROLE_DESCRIPTIONS[name], permissions: permissionsByRole[name] }, catalogue, actor));
  }
  return { agency, roles };
}

/** Every agency, by name. */
export function listAgencies(q: Queryable): Promise<AgencyView[]> {
  return q.query<AgencyView>(`SELECT ${AGENCY_COLUMNS} FROM agencies ORDER BY name`);
}

/** The agency with this slug; 404 naming the slug when there is none. */
export async function getAgencyBySlug(q: Queryable, slug: string): Promise<AgencyView> {
  const rows = await q.query<AgencyView>(`SELECT ${AGENCY_COLUMNS} FROM agencies WHERE slug = $1`, [slug]);
  if (!rows[0]) throw notFound(`Agency "${slug}"`);
  return rows[0];
}

/** The agency with this id; 404 when there is none. */
export async function getAgency(q: Queryable, agencyId: number): Promise<AgencyView> {
  const rows = await q.query<AgencyView>(`SELECT ${AGENCY_COLUMNS} FROM agencies WHERE id = $1`, [agencyId]);
  if (!rows[0]) throw notFound('Agency');
  return rows[0];
}
