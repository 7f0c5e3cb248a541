/**
 * Demo watch groups in Philadelphia: each boundary is drawn from a real neighborhood of the areas table (its
 * outline shrunk around an inner point to a few blocks), so the map looks like a city's groups would. Names
 * start with "Demo:", groups carry is_demo, and member contacts are example.org addresses.
 */
import { randomBytes } from 'node:crypto';
import type { DemoSeedContext } from '../../core/program/define.js';
import type { Queryable } from '../../db/types.js';
import { geometryBBox, pointInGeometry, type AreaGeometry } from '../../core/places/index.js';
import type { Position } from '../../core/places/geometry.js';
import { innerPoint } from './geo.js';
import { hashToken } from './requests.js';

interface DemoGroup {
  neighborhood: string; name: string; status: 'active' | 'forming'; members: number;
  description: [string, string];
}

const GROUPS: DemoGroup[] = [
  { neighborhood: 'Hunting Park-Fairhill', name: 'Demo: Fairhill Block Watch', status: 'active', members: 7,
    description: ['Demonstration group. Neighbors around Lehigh Ave and 5th St who walk the blocks on Friday evenings and meet monthly at the library.', 'Grupo de demostración. Vecinos alrededor de Lehigh Ave y la calle 5 que recorren las cuadras los viernes por la tarde y se reúnen cada mes en la biblioteca.'] },
  { neighborhood: 'Frankford', name: 'Demo: Frankford Neighbors Watch', status: 'active', members: 5,
    description: ['Demonstration group. Keeps an eye on the blocks near the Frankford Transportation Center and reports problem properties.', 'Grupo de demostración. Vigila las cuadras cerca del Frankford Transportation Center y reporta propiedades problemáticas.'] },
  { neighborhood: 'Germantown', name: 'Demo: Germantown Town Watch', status: 'active', members: 6,
    description: ['Demonstration group. One of the city\'s oldest town watches; porch-light campaign every fall.', 'Grupo de demostración. Una de las vigilancias más antiguas de la ciudad; campaña de luces en los porches cada otoño.'] },
  { neighborhood: 'Southwark-Bella Vista', name: 'Demo: Bella Vista Block Watch', status: 'active', members: 4,
    description: ['Demonstration group. Row-home blocks west of the Italian Market.', 'Grupo de demostración. Cuadras de casas adosadas al oeste del Italian Market.'] },
  { neighborhood: 'Cobbs Creek', name: 'Demo: Cobbs Creek Neighbors', status: 'active', members: 4,
    description: ['Demonstration group. Neighbors along the creek park who organise clean-ups and a summer safety walk.', 'Grupo de demostración. Vecinos junto al parque del arroyo que organizan limpiezas y una caminata de seguridad en verano.'] },
  { neighborhood: 'Logan', name: 'Demo: Logan Neighbors Watch', status: 'forming', members: 1,
    description: ['Demonstration group. Getting started: the first meeting is being planned.', 'Grupo de demostración. En formación: se está planeando la primera reunión.'] },
];

/** A few-blocks polygon inside the neighborhood: its outline shrunk toward an inner point, at most ~40 points. */
export function blocksWithin(neighborhood: AreaGeometry): AreaGeometry {
  const [cx, cy] = innerPoint(neighborhood);
  const outline = neighborhood.type === 'Polygon' ? neighborhood.coordinates[0] : largest(neighborhood.coordinates).at(0)!;
  const step = Math.max(1, Math.ceil(outline.length / 40));
  const sampled = outline.filter((_, i) => i % step === 0);
  const [w, s, e, n] = geometryBBox(neighborhood);
  let factor = Math.min(0.4, 0.02 / Math.max(e - w, n - s));
  for (let attempt = 0; attempt < 8; attempt += 1, factor *= 0.7) {
    const ring: Position[] = sampled.map(([x, y]) => [round6(cx + (x - cx) * factor), round6(cy + (y - cy) * factor)]);
    ring.push(ring[0]);
    if (ring.length >= 4 && ring.every(([x, y]) => pointInGeometry(x, y, neighborhood))) return { type: 'Polygon', coordinates: [ring] };
  }
  const d = 0.003;
  return { type: 'Polygon', coordinates: [[[cx - d, cy - d], [cx + d, cy - d], [cx + d, cy + d], [cx - d, cy + d], [cx - d, cy - d]]] };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
function largest(polygons: Position[][][]): Position[][] {
  return polygons.reduce((best, p) => (p[0].length > best[0].length ? p : best), polygons[0]);
}

async function addMembers(q: Queryable, groupId: number, slug: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    await q.query(
      `INSERT INTO watch_members (group_id, role, name, email, phone, contact_consent, locale, leave_token_hash, joined_at)
       VALUES ($1, $2, $3, $4, $5, true, $6, $7, now() - make_interval(days => $8))`,
      [groupId, i === 1 ? 'captain' : 'member', `Demo member ${i}`, i % 3 === 0 ? null : `demo.${slug}.${i}@example.org`,
        i % 3 === 0 ? `+1215555${String(100 + i).padStart(4, '0')}` : null, i % 4 === 0 ? 'es' : 'en', hashToken(randomBytes(24).toString('base64url')), 20 + i * 9]);
  }
}

/** Demo meetings link to the demo events the events program hosts for 'watch' (by id, when that program is present). */
async function linkMeetings(q: Queryable, groupId: number, agencyId: number): Promise<void> {
  const [{ exists }] = await q.query<{ exists: boolean }>("SELECT to_regclass('public.events') IS NOT NULL AS exists");
  if (!exists) return;
  const events = await q.query<{ id: number; title: Record<string, string>; starts_at: Date }>(
    "SELECT id, title, starts_at FROM events WHERE agency_id = $1 AND host_program = 'watch' AND is_demo ORDER BY starts_at", [agencyId]);
  for (const event of events) {
    const kind = /training|capacitación/i.test(event.title.en) ? 'training' : 'meeting';
    await q.query('INSERT INTO watch_meetings (group_id, event_id, kind, title, starts_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [groupId, event.id, kind, JSON.stringify(event.title), event.starts_at]);
  }
}

export async function seedDemoWatch({ db, agencies, users }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  const seeded = await db.query('SELECT 1 FROM watch_groups WHERE is_demo AND agency_id = $1 LIMIT 1', [agencyId]);
  if (seeded.length > 0) return;
  const areas = new Map((await db.query<{ id: number; name: string; geometry: AreaGeometry }>(
    "SELECT id, name, geometry FROM areas WHERE agency_id = $1 AND kind = 'neighborhood'", [agencyId])).map((a) => [a.name, a]));
  const author = users['demo.officer'] ?? null;
  await db.transaction(async (tx) => {
    const ids = new Map<string, number>();
    for (const group of GROUPS) {
      const area = areas.get(group.neighborhood);
      if (!area) continue;
      const boundary = blocksWithin(area.geometry);
      const [{ id }] = await tx.query<{ id: number }>(
        `INSERT INTO watch_groups (agency_id, name, description, boundary, bbox, area_id, status, is_demo, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,true,$8) RETURNING id`,
        [agencyId, group.name, JSON.stringify({ en: group.description[0], es: group.description[1] }), JSON.stringify(boundary),
          geometryBBox(boundary), area.id, group.status, author]);
      ids.set(group.neighborhood, id);
      await addMembers(tx, id, group.neighborhood.toLowerCase().replace(/[^a-z]+/g, '-'), group.members);
    }
    const fairhill = ids.get('Hunting Park-Fairhill');
    if (fairhill) await linkMeetings(tx, fairhill, agencyId);
    const frankford = ids.get('Frankford');
    const olney = areas.get('Olney-Feltonville');
    const request = `INSERT INTO watch_requests (agency_id, kind, group_id, area_id, lon, lat, name, email, contact_consent, message, leave_token_hash)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,true,$9,$10)`;
    if (frankford) {
      await tx.query(request, [agencyId, 'join', frankford, areas.get('Frankford')!.id, null, null, 'Demo resident', 'demo.request.1@example.org',
        'Demonstration request. I moved to Orthodox St last month and would like to join.', hashToken(randomBytes(24).toString('base64url'))]);
    }
    if (olney) {
      const [lon, lat] = innerPoint(olney.geometry);
      await tx.query(request, [agencyId, 'start', null, olney.id, Math.round(lon * 1000) / 1000, Math.round(lat * 1000) / 1000, null, 'demo.request.2@example.org',
        'Demonstration request. Several neighbors on our block want to start a watch after the car break-ins.', hashToken(randomBytes(24).toString('base64url'))]);
    }
  });
}
