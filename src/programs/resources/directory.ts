/**
 * The services directory: residents search it by need, language, area and keyword; staff add services. A
 * service with a confidential location (a shelter) never has an address or point, so no answer can carry one.
 */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, notFound } from '../../core/errors.js';
import { toCsv } from '../../core/public/csv.js';
import type { DirectoryQuery, ServiceInput } from './validation.js';

export interface Need { code: string; label: { en: string; es: string } }

export interface ServiceView {
  id: number; name: string; organisation: string; description: Record<string, string>; needs: string[]; languages: string[];
  citywide: boolean; areas: Array<{ id: number; name: string }>; phone: string | null; textLine: string | null; website: string | null;
  address: string | null; lon: number | null; lat: number | null; hours: Record<string, string>; available24h: boolean;
  confidentialLocation: boolean; active: boolean; isDemo: boolean; agencyName: string;
}

interface ServiceRow {
  id: number; name: string; organisation: string; description: Record<string, string>; needs: string[]; languages: string[]; citywide: boolean;
  areas: Array<{ id: number; name: string }> | null; phone: string | null; text_line: string | null; website: string | null; address: string | null;
  lon: number | null; lat: number | null; hours: Record<string, string>; available_24h: boolean; confidential_location: boolean; active: boolean;
  is_demo: boolean; agency_name: string;
}

const SELECT_SERVICE = `SELECT s.id, s.name, s.organisation, s.description, s.needs, s.languages, s.citywide,
    (SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name) FROM areas a WHERE a.id = ANY(s.area_ids)) AS areas,
    s.phone, s.text_line, s.website, s.address, s.lon, s.lat, s.hours, s.available_24h, s.confidential_location, s.active, s.is_demo,
    ag.name AS agency_name
  FROM resource_services s JOIN agencies ag ON ag.id = s.agency_id`;

const toView = (r: ServiceRow): ServiceView => ({
  id: r.id, name: r.name, organisation: r.organisation, description: r.description, needs: r.needs, languages: r.languages, citywide: r.citywide,
  areas: r.areas ?? [], phone: r.phone, textLine: r.text_line, website: r.website, address: r.address, lon: r.lon, lat: r.lat, hours: r.hours,
  available24h: r.available_24h, confidentialLocation: r.confidential_location, active: r.active, isDemo: r.is_demo, agencyName: r.agency_name,
});

export async function listNeeds(q: Queryable): Promise<Need[]> {
  const rows = await q.query<{ code: string; label_en: string; label_es: string }>('SELECT code, label_en, label_es FROM resource_needs ORDER BY sort');
  return rows.map((r) => ({ code: r.code, label: { en: r.label_en, es: r.label_es } }));
}

/**
 * Active services matching every given filter: the need, a language staff speak, serving the area (or the
 * whole city), and a keyword in the name, organisation or description. 24-hour lines come first.
 */
export async function searchServices(q: Queryable, filter: Omit<DirectoryQuery, 'format'>): Promise<ServiceView[]> {
  const keyword = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await q.query<ServiceRow>(
    `${SELECT_SERVICE}
      WHERE s.active AND ($1::text IS NULL OR s.needs @> ARRAY[$1::text]) AND ($2::text IS NULL OR s.languages @> ARRAY[$2::text])
        AND ($3::int IS NULL OR s.citywide OR s.area_ids @> ARRAY[$3::int])
        AND ($4::text IS NULL OR s.name ILIKE $4 OR s.organisation ILIKE $4 OR s.description::text ILIKE $4)
      ORDER BY s.available_24h DESC, s.name, s.id LIMIT 200`,
    [filter.need ?? null, filter.language ?? null, filter.area ?? null, keyword]);
  return rows.map(toView);
}

export async function listAgencyServices(q: Queryable, agencyId: number): Promise<ServiceView[]> {
  return (await q.query<ServiceRow>(`${SELECT_SERVICE} WHERE s.agency_id = $1 ORDER BY s.name, s.id`, [agencyId])).map(toView);
}

async function findService(q: Queryable, agencyId: number, id: number): Promise<ServiceView> {
  const rows = await q.query<ServiceRow>(`${SELECT_SERVICE} WHERE s.id = $1 AND s.agency_id = $2`, [id, agencyId]);
  if (!rows[0]) throw notFound(`Service ${id}`);
  return toView(rows[0]);
}

async function checkCodes(q: Queryable, agencyId: number, input: ServiceInput): Promise<void> {
  const needs = new Set((await listNeeds(q)).map((n) => n.code));
  const unknown = input.needs.find((n) => !needs.has(n));
  if (unknown) throw badRequest(`body.needs: "${unknown}" is not a need`, { field: 'body.needs' });
  if (input.areaIds.length > 0) {
    const found = await q.query<{ id: number }>('SELECT id FROM areas WHERE id = ANY($1::int[]) AND agency_id = $2', [input.areaIds, agencyId]);
    const missing = input.areaIds.find((id) => !found.some((f) => f.id === id));
    if (missing) throw badRequest(`body.areaIds: area ${missing} is not one of your agency's areas`, { field: 'body.areaIds' });
  }
}

export async function insertService(q: Queryable, agencyId: number, s: ServiceInput, isDemo = false): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO resource_services (agency_id, name, organisation, description, needs, languages, citywide, area_ids, phone, text_line, website,
       address, lon, lat, hours, available_24h, confidential_location, active, is_demo)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) RETURNING id`,
    [agencyId, s.name, s.organisation, JSON.stringify(s.description), s.needs, s.languages, s.citywide, s.areaIds, s.phone ?? null, s.textLine ?? null,
      s.website ?? null, s.address ?? null, s.lon ?? null, s.lat ?? null, JSON.stringify(s.hours ?? {}), s.available24h, s.confidentialLocation, s.active, isDemo]);
  return row.id;
}

export async function createService(db: Db, agencyId: number, input: ServiceInput, actor: AuditActor): Promise<ServiceView> {
  return db.transaction(async (tx) => {
    await checkCodes(tx, agencyId, input);
    const id = await insertService(tx, agencyId, input);
    await appendAudit(tx, { actor, action: 'resources.service.create', targetType: 'resource_service', targetId: id, outcome: 'success', details: { needs: input.needs } });
    return findService(tx, agencyId, id);
  });
}

/** Lists or unlists a service; referrals to it stay as they were. */
export async function setServiceActive(db: Db, agencyId: number, id: number, active: boolean, actor: AuditActor): Promise<ServiceView> {
  return db.transaction(async (tx) => {
    const before = await findService(tx, agencyId, id);
    await tx.query('UPDATE resource_services SET active = $3, updated_at = now() WHERE id = $1 AND agency_id = $2', [id, agencyId, active]);
    await appendAudit(tx, { actor, action: 'resources.service.update', targetType: 'resource_service', targetId: id, outcome: 'success', details: { activeFrom: before.active, activeTo: active } });
    return findService(tx, agencyId, id);
  });
}

/** The directory as open data: CSV of every listed service, GeoJSON of those with a public address. */
export function servicesCsv(services: readonly ServiceView[]): string {
  return toCsv(
    ['id', 'name', 'organisation', 'needs', 'languages', 'citywide', 'phone', 'text_line', 'website', 'address', 'longitude', 'latitude', 'available_24h', 'description'],
    services.map((s) => [s.id, s.name, s.organisation, s.needs.join(' '), s.languages.join(' '), s.citywide, s.phone, s.textLine, s.website,
      s.address, s.lon, s.lat, s.available24h, s.description.en]));
}

export function servicesGeoJson(services: readonly ServiceView[]) {
  return {
    type: 'FeatureCollection' as const,
    features: services.filter((s) => s.lon !== null && s.lat !== null && !s.confidentialLocation).map((s) => ({
      type: 'Feature' as const, id: s.id, geometry: { type: 'Point' as const, coordinates: [s.lon!, s.lat!] },
      properties: { name: s.name, organisation: s.organisation, needs: s.needs, languages: s.languages, phone: s.phone, website: s.website, address: s.address },
    })),
  };
}
