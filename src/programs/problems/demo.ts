/**
 * Demo problem solving, every record marked demo: a CRT zone around Kensington Ave and Allegheny Ave and an
 * SCO post in Strawberry Mansion (both made-up outlines over real places), their coverage, a neighborhood
 * meeting, and one problem carried to assessment against the real shootings before and after it.
 */
import type { DemoSeedContext } from '../../core/program/define.js';
import type { AuditActor } from '../../core/audit/audit.js';
import { importAreas } from '../../core/places/index.js';
import { assessProblem } from './assessment.js';
import { addResponse, createProblem, linkIncidents, setStage, updateProblem } from './problems.js';
import { assign, createMeeting, logEngagement } from './community.js';
import { linkHotSpots } from './hotspots.js';

const DEMO: AuditActor = { label: 'demo-loader' };

/** A square of `half` degrees-ish around a point, as a GeoJSON polygon. */
function square(lon: number, lat: number, halfMetres: number) {
  const dLat = halfMetres / 110_574;
  const dLon = halfMetres / (111_320 * Math.cos((lat * Math.PI) / 180));
  return { type: 'Polygon', coordinates: [[[lon - dLon, lat - dLat], [lon + dLon, lat - dLat], [lon + dLon, lat + dLat], [lon - dLon, lat + dLat], [lon - dLon, lat - dLat]]] };
}

export async function seedDemoProblems({ db, agencies, users }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  if ((await db.query('SELECT 1 FROM problems WHERE agency_id = $1 AND is_demo LIMIT 1', [agencyId])).length > 0) return;
  const actor = { ...DEMO, agencyId };
  const feature = (name: string, geometry: unknown) => ({ type: 'Feature' as const, properties: { name }, geometry });
  await importAreas({ db, agencyId, kind: 'crt_zone', nameField: 'name', actor, featureCollection: { features: [feature('CRT Zone Kensington–Allegheny (demo)', square(-75.1195, 39.9985, 600))] } });
  await importAreas({ db, agencyId, kind: 'sco_post', nameField: 'name', actor, featureCollection: { features: [feature('SCO post Strawberry Mansion (demo)', square(-75.1805, 39.9915, 350))] } });
  const areaId = async (kind: string) => (await db.query<{ id: number }>('SELECT id FROM areas WHERE agency_id = $1 AND kind = $2 ORDER BY id LIMIT 1', [agencyId, kind]))[0].id;
  const crt = await areaId('crt_zone');
  const sco = await areaId('sco_post');
  const officer = users['demo.officer'];

  await assign(db, agencyId, { areaId: crt, role: 'crt', teamName: 'CRT East, squad 2 (demo)', startsOn: '2022-09-01', note: 'Demo assignment' }, actor);
  const earlier = await assign(db, agencyId, { areaId: sco, role: 'sco', teamName: 'SCO relief pool (demo)', startsOn: '2022-06-01' }, actor);
  await db.query("UPDATE area_assignments SET ends_on = '2023-01-31' WHERE id = $1", [earlier]);
  if (officer) await assign(db, agencyId, { areaId: sco, role: 'sco', userId: officer, startsOn: '2023-02-01', note: 'Demo: stationed to engage' }, actor);

  const problemId = await createProblem(db, agencyId, {
    title: 'Demo: repeat shootings around Kensington Ave and Allegheny Ave',
    description: 'Demonstration problem built on real public shooting data. Neighbors describe open-air drug sales under the El and disputes that end in gunfire.',
    areaId: crt, categories: ['shooting', 'homicide'],
  }, actor);
  await db.query('UPDATE problems SET is_demo = true WHERE id = $1', [problemId]);
  await linkIncidents(db, agencyId, problemId, { fromArea: true, days: 730 }, actor);
  await linkHotSpots(db, agencyId, problemId, actor);
  const meeting = await createMeeting(db, agencyId, {
    heldAt: new Date('2023-02-15T23:30:00Z'), place: 'Demo: McPherson Square Library community room', areaId: crt, attendance: 42,
    issues: ['Shootings at night near the El stop', 'Dark corners under the tracks', 'Young people with nowhere to go after school'],
    notes: 'Demo meeting.', problemIds: [problemId],
  }, actor);
  await db.query('UPDATE neighborhood_meetings SET is_demo = true WHERE id = $1', [meeting]);
  await setStage(db, agencyId, problemId, 'analysis', 'Demo: defined with neighbors at the February meeting', actor);
  await updateProblem(db, agencyId, problemId, { analysis: {
    victims: 'Demo: mostly young men standing near corner stores at night.',
    offenders: 'Demo: a small number of groups in disputes over sales spots.',
    places: 'Demo: three corners under the El with broken lighting and a vacant lot.',
    findings: 'Demo: most shootings between 9 pm and 3 am, clustered within 200 m of the station.',
  } }, actor);
  await setStage(db, agencyId, problemId, 'response', undefined, actor);
  const responses = [
    { kind: 'presence', description: 'Demo: visible foot patrols at the three corners, evenings', byWhom: 'CRT East, squad 2 (demo)', isPartner: false, startedOn: '2023-03-01', endedOn: '2023-05-31' },
    { kind: 'environmental', description: 'Demo: relit the underpass and cleaned the vacant lot', byWhom: 'City streets department (demo partner)', isPartner: true, startedOn: '2023-03-10', endedOn: '2023-03-24' },
    { kind: 'community', description: 'Demo: outreach workers at the corners on weekend nights', byWhom: 'Philadelphia CeaseFire outreach (demo partner)', isPartner: true, startedOn: '2023-03-01', endedOn: null },
  ];
  for (const r of responses) await addResponse(db, agencyId, problemId, r, actor);
  await setStage(db, agencyId, problemId, 'assessment', undefined, actor);
  await assessProblem(db, agencyId, problemId, { days: 90, bufferM: 400 }, actor);

  const second = await createProblem(db, agencyId, { title: 'Demo: disputes near the Strawberry Mansion rec center', description: 'Demonstration problem in scanning.', areaId: sco, categories: ['shooting'] }, actor);
  await db.query('UPDATE problems SET is_demo = true WHERE id = $1', [second]);
  if (officer) {
    const entries = [
      { kind: 'contact' as const, topic: 'Demo: talked with rec center staff about evening programs', people: 3 },
      { kind: 'referral' as const, topic: 'Demo: a mother asked for help for her son', people: 1, referredTo: 'Demo youth mentoring program' },
      { kind: 'activity' as const, topic: 'Demo: basketball night with neighborhood teens', people: 25 },
    ];
    for (const [k, e] of entries.entries()) {
      await logEngagement(db, agencyId, officer, { ...e, occurredAt: new Date(Date.UTC(2023, 6, 10 + k * 5, 22)), areaId: sco, description: 'Demo entry' }, { ...actor, userId: officer });
    }
  }
}
