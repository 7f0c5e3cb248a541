import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { AppError, notFound } from '../../core/errors.js';

/** An Open311 GeoReport v2 service (a kind of quality-of-life report). */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

/** An Open311 service request as GeoReport v2 lists it. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** When the endpoint's answers last changed shape (the discovery document's changeset); move it with them. */
export const ENDPOINT_CHANGESET = '2026-11-21T00:00:00Z';

/**
 * The GeoReport v2 discovery document: where the endpoint is, which specification and formats it speaks.
 * `v2Url` is the absolute address of …/v2/ as the client reached it.
 */
export function discovery(v2Url: string, contact: string) {
  return {
    changeset: ENDPOINT_CHANGESET,
    contact,
    key_service: 'No API key is needed: posting is limited per address instead.',
    endpoints: [{
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: v2Url,
      changeset: ENDPOINT_CHANGESET,
      type: 'production',
      formats: ['text/xml', 'application/json'],
    }],
  };
}

/** Open311 errors carry a numeric code and a description, in a list. */
export class Open311Error extends AppError {
  constructor(statusCode: number, description: string) {
    super(statusCode, 'open311', description);
  }
}

const pick = (text: Record<string, string>, locale: string) => text[locale] ?? text.en;

export async function listServices(q: Queryable, locale: string): Promise<Open311Service[]> {
  const rows = await q.query<{ code: string; name: Record<string, string>; description: Record<string, string>; grp: string; keywords: string }>(
    'SELECT code, name, description, grp, keywords FROM open311_services WHERE active ORDER BY sort');
  return rows.map((r) => ({
    service_code: r.code, service_name: pick(r.name, locale), description: pick(r.description, locale),
    metadata: false, type: 'realtime', keywords: r.keywords, group: r.grp,
  }));
}

/** Which agency a request goes to: the jurisdiction_id (an agency slug), else the first police agency. */
export async function agencyFor(q: Queryable, jurisdiction: string | undefined): Promise<number> {
  const [agency] = await q.query<{ id: number }>(
    "SELECT id FROM agencies WHERE ($1::text IS NULL AND kind = 'police') OR slug = $1 ORDER BY id LIMIT 1", [jurisdiction ?? null]);
  if (!agency) throw new Open311Error(404, `jurisdiction_id ${jurisdiction ?? ''} was not found`.trim());
  return agency.id;
}

export interface NewRequest {
  jurisdiction_id?: string;
  service_code: string;
  lat?: number;
  long?: number;
  address_string?: string;
  zipcode?: string;
  description?: string;
  media_url?: string;
}

export const SERVICE_NOTICE = 'Contact details are not kept. Follow this request by its number.';

/** Stores a report; contact fields Open311 allows are deliberately not part of the input at all. */
export async function createRequest(db: Db, input: NewRequest, actor: AuditActor): Promise<{ service_request_id: string; service_notice: string; account_id: null }> {
  if ((input.lat === undefined) !== (input.long === undefined)) throw new Open311Error(400, 'lat and long must be given together');
  if (input.lat === undefined && !input.address_string) throw new Open311Error(400, 'a location is required: lat and long, or address_string');
  return db.transaction(async (tx) => {
    const service = await tx.query('SELECT 1 FROM open311_services WHERE code = $1 AND active', [input.service_code]);
    if (service.length === 0) throw new Open311Error(400, `service_code ${input.service_code} is not a service of this endpoint`);
    const agencyId = await agencyFor(tx, input.jurisdiction_id);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO open311_requests (agency_id, service_code, description, lat, lon, address, zipcode, media_url)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [agencyId, input.service_code, input.description ?? '', input.lat ?? null, input.long ?? null, input.address_string ?? null, input.zipcode ?? null, input.media_url ?? null]);
    await appendAudit(tx, { actor, action: 'requests311.submit', targetType: 'service_request', targetId: row.id, outcome: 'success', details: { service: input.service_code } });
    return { service_request_id: String(row.id), service_notice: SERVICE_NOTICE, account_id: null };
  });
}

export interface RequestFilter {
  ids?: number[];
  serviceCodes?: string[];
  status?: 'open' | 'closed';
  start?: Date;
  end?: Date;
  agencyId?: number;
  limit?: number;
}

/** Requests, newest first; Open311 returns the last 90 days when no dates are given (limit 1000). */
export async function listRequests(q: Queryable, filter: RequestFilter, locale: string): Promise<Open311Request[]> {
  const end = filter.end ?? new Date();
  const start = filter.start ?? new Date(end.getTime() - 90 * 24 * 3600 * 1000);
  const rows = await q.query<{
    id: number; status: 'open' | 'closed'; status_notes: string | null; name: Record<string, string>; service_code: string; description: string;
    agency: string; requested_at: Date; updated_at: Date; address: string | null; zipcode: string | null; lat: number | null; lon: number | null; media_url: string | null;
  }>(
    `SELECT r.id, r.status, r.status_notes, s.name, r.service_code, r.description, a.name AS agency, r.requested_at, r.updated_at,
            r.address, r.zipcode, r.lat, r.lon, r.media_url
     FROM open311_requests r JOIN open311_services s ON s.code = r.service_code JOIN agencies a ON a.id = r.agency_id
     WHERE ($1::bigint[] IS NULL OR r.id = ANY($1)) AND ($2::text[] IS NULL OR r.service_code = ANY($2)) AND ($3::text IS NULL OR r.status = $3)
       AND ($1::bigint[] IS NOT NULL OR (r.requested_at >= $4 AND r.requested_at < $5)) AND ($6::int IS NULL OR r.agency_id = $6)
     ORDER BY r.requested_at DESC, r.id DESC LIMIT $7`,
    [filter.ids ?? null, filter.serviceCodes ?? null, filter.status ?? null, start, end, filter.agencyId ?? null, filter.limit ?? 1000]);
  return rows.map((r) => ({
    service_request_id: String(r.id), status: r.status, status_notes: r.status_notes, service_name: pick(r.name, locale), service_code: r.service_code,
    description: r.description, agency_responsible: r.agency, service_notice: null, requested_datetime: r.requested_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(), expected_datetime: null, address: r.address, address_id: null, zipcode: r.zipcode,
    lat: r.lat, long: r.lon, media_url: r.media_url,
  }));
}

/** Staff: opens or closes a request of their agency, with notes residents can read. */
export async function updateRequest(db: Db, agencyId: number, id: number, change: { status: 'open' | 'closed'; statusNotes?: string }, actor: AuditActor): Promise<Open311Request> {
  return db.transaction(async (tx) => {
    const updated = await tx.query<{ status: string }>(
      `UPDATE open311_requests SET status = $3, status_notes = COALESCE($4, status_notes), updated_at = now() WHERE id = $1 AND agency_id = $2 RETURNING status`,
      [id, agencyId, change.status, change.statusNotes ?? null]);
    if (updated.length === 0) throw notFound(`Service request ${id}`);
    await appendAudit(tx, { actor, action: 'requests311.update', targetType: 'service_request', targetId: id, outcome: 'success', details: { status: change.status } });
    return (await listRequests(tx, { ids: [id] }, 'en'))[0];
  });
}
