/**
 * The weekly I-CAP briefing: CompStat, current hot spots, near-repeat risk zones, walks due and done, open
 * problems and tips. Generated on demand or by the weekly job and stored as generated, so last week's
 * briefing still reads as it did in last week's meeting.
 */
import type { Db, Queryable } from '../../../db/types.js';
import { appendAudit, type AuditActor } from '../../../core/audit/audit.js';
import { notFound } from '../../../core/errors.js';
import { ensureProfile, type NearRepeatProfile } from '../near-repeat.js';
import { compstatSection, type CompstatSection } from './compstat.js';
import { hotSpots, riskZones, type HotSpot, type RiskZone } from './places.js';
import { problemsSection, tipsSection, walksSection, type ProblemsSection, type TipsSection, type WalksSection } from './programs.js';

export interface BriefingContent {
  agencyName: string;
  timeZone: string;
  asOf: Date;
  /** The newest incident on record: a briefing past it is reading stale data, and says so. */
  dataThrough: Date | null;
  compstat: CompstatSection;
  hotSpots: HotSpot[];
  nearRepeat: Pick<NearRepeatProfile, 'radiusM' | 'windowDays' | 'significant' | 'sentences' | 'dataFrom' | 'dataTo' | 'events'>;
  riskZones: RiskZone[];
  /** Outlines for the briefing map (districts). */
  districts: Array<{ name: string; geometry: unknown }>;
  walks: WalksSection | null;
  problems: ProblemsSection | null;
  tips: TipsSection | null;
}

export interface Briefing { id: number; asOf: Date; generatedAt: Date; trigger: string; generatedBy: string | null; isDemo: boolean; content: BriefingContent }

/** Builds the briefing content as of an instant. */
export async function buildBriefing(db: Db, agencyId: number, asOf: Date): Promise<BriefingContent> {
  const [agency] = await db.query<{ name: string; time_zone: string }>('SELECT name, time_zone FROM agencies WHERE id = $1', [agencyId]);
  const [newest] = await db.query<{ at: Date | null }>('SELECT max(occurred_at) AS at FROM incidents WHERE agency_id = $1', [agencyId]);
  const profile = await ensureProfile(db, agencyId, asOf);
  const districts = await db.query<{ name: string; geometry: unknown }>("SELECT name, geometry FROM areas WHERE agency_id = $1 AND kind = 'district' ORDER BY name", [agencyId]);
  return {
    agencyName: agency.name, timeZone: agency.time_zone, asOf, dataThrough: newest.at,
    compstat: await compstatSection(db, agencyId, asOf, agency.time_zone),
    hotSpots: await hotSpots(db, agencyId, asOf),
    nearRepeat: { radiusM: profile.radiusM, windowDays: profile.windowDays, significant: profile.significant, sentences: profile.sentences, dataFrom: profile.dataFrom, dataTo: profile.dataTo, events: profile.events },
    riskZones: await riskZones(db, agencyId, asOf, profile),
    districts,
    walks: await walksSection(db, agencyId, asOf),
    problems: await problemsSection(db, agencyId),
    tips: await tipsSection(db, agencyId, asOf),
  };
}

/** Generates and stores a briefing; staff-made ones are audited. Returns its id. */
export async function generateBriefing(db: Db, agencyId: number, asOf: Date, trigger: 'schedule' | 'staff' | 'demo', actor: AuditActor): Promise<number> {
  const content = await buildBriefing(db, agencyId, asOf);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      'INSERT INTO icap_briefings (agency_id, as_of, generated_by, trigger, content, is_demo) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
      [agencyId, asOf, actor.userId ?? null, trigger, JSON.stringify(content), trigger === 'demo']);
    await appendAudit(tx, { actor, action: 'icap.briefing', targetType: 'icap_briefing', targetId: row.id, outcome: 'success', details: { asOf: asOf.toISOString(), trigger } });
    return row.id;
  });
}

// Stored content went through JSON: dates come back as strings and are revived where the PDF needs them.
export async function getBriefing(q: Queryable, agencyId: number, id: number): Promise<Briefing> {
  const [row] = await q.query<{ id: number; as_of: Date; generated_at: Date; trigger: string; user_name: string | null; is_demo: boolean; content: BriefingContent }>(
    `SELECT b.id, b.as_of, b.generated_at, b.trigger, u.display_name AS user_name, b.is_demo, b.content
       FROM icap_briefings b LEFT JOIN users u ON u.id = b.generated_by WHERE b.id = $1 AND b.agency_id = $2`, [id, agencyId]);
  if (!row) throw notFound(`Briefing ${id}`);
  return { id: row.id, asOf: row.as_of, generatedAt: row.generated_at, trigger: row.trigger, generatedBy: row.user_name, isDemo: row.is_demo, content: row.content };
}

export async function listBriefings(q: Queryable, agencyId: number) {
  const rows = await q.query<{ id: number; as_of: Date; generated_at: Date; trigger: string; user_name: string | null; is_demo: boolean }>(
    `SELECT b.id, b.as_of, b.generated_at, b.trigger, u.display_name AS user_name, b.is_demo
       FROM icap_briefings b LEFT JOIN users u ON u.id = b.generated_by WHERE b.agency_id = $1 ORDER BY b.generated_at DESC, b.id DESC LIMIT 52`, [agencyId]);
  return rows.map((r) => ({ id: r.id, asOf: r.as_of, generatedAt: r.generated_at, trigger: r.trigger, generatedBy: r.user_name, isDemo: r.is_demo }));
}

/** The weekly job: a briefing as of now for every police agency with incidents. */
export async function scheduledBriefings(db: Db, now: Date): Promise<number[]> {
  const agencies = await db.query<{ id: number }>("SELECT id FROM agencies a WHERE kind = 'police' AND EXISTS (SELECT 1 FROM incidents i WHERE i.agency_id = a.id)");
  const ids: number[] = [];
  for (const a of agencies) ids.push(await generateBriefing(db, a.id, now, 'schedule', { label: 'system:icap-schedule', agencyId: a.id }));
  return ids;
}
