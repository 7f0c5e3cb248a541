/** The board's public face: vision and mission, seats and members, meetings, and the count of answers. */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { notFound } from '../../core/errors.js';
import { listMeetings } from './meetings.js';
import { currentSeats } from './seats.js';
import type { ProfileInput, PublicBoardView } from './validation.js';

export interface BoardAgency { agencyId: number; slug: string; name: string; timeZone: string }

/** The agency whose board is shown: the one named by slug, else the first agency that has a board. */
export async function boardAgency(q: Queryable, slug?: string): Promise<BoardAgency> {
  const [row] = await q.query<BoardAgency>(
    `SELECT ag.id AS "agencyId", ag.slug, ag.name, ag.time_zone AS "timeZone" FROM board_profiles p JOIN agencies ag ON ag.id = p.agency_id
     WHERE $1::text IS NULL OR ag.slug = $1 ORDER BY ag.id LIMIT 1`, [slug ?? null]);
  if (!row) throw notFound(slug ? `The advisory board of "${slug}"` : 'An advisory board');
  return row;
}

/** Agencies that have a board (for a choice when there are several). */
export async function listBoards(q: Queryable): Promise<Array<{ slug: string; agencyName: string; name: Record<string, string> }>> {
  return q.query(`SELECT ag.slug, ag.name AS "agencyName", p.name FROM board_profiles p JOIN agencies ag ON ag.id = p.agency_id ORDER BY ag.id`);
}

export async function publicBoard(q: Queryable, agency: BoardAgency): Promise<PublicBoardView> {
  const [profile] = await q.query<{ name: Record<string, string>; vision: Record<string, string>; mission: Record<string, string>; answerer: Record<string, string>; is_demo: boolean }>(
    'SELECT name, vision, mission, answerer, is_demo FROM board_profiles WHERE agency_id = $1', [agency.agencyId]);
  const seats = await currentSeats(q, agency.agencyId);
  const meetings = await listMeetings(q, agency.agencyId);
  const now = Date.now();
  const [{ answered }] = await q.query<{ answered: number }>("SELECT count(*)::int AS answered FROM board_questions WHERE agency_id = $1 AND status = 'answered'", [agency.agencyId]);
  return {
    agency: { slug: agency.slug, name: agency.name, timeZone: agency.timeZone },
    name: profile.name, vision: profile.vision, mission: profile.mission, answerer: profile.answerer, isDemo: profile.is_demo,
    seatCount: seats.length, filledSeats: seats.filter((s) => s.member).length, seats,
    upcomingMeetings: meetings.filter((m) => m.startsAt.getTime() > now && m.status !== 'cancelled').reverse(),
    recentMeetings: meetings.filter((m) => m.startsAt.getTime() <= now).slice(0, 6),
    answeredQuestions: answered,
  };
}

export async function getProfile(q: Queryable, agencyId: number): Promise<ProfileInput | null> {
  const [row] = await q.query<ProfileInput>('SELECT name, vision, mission, answerer FROM board_profiles WHERE agency_id = $1', [agencyId]);
  return row ?? null;
}

export async function saveProfile(db: Db, actor: AuditActor & { agencyId: number }, input: ProfileInput): Promise<ProfileInput> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO board_profiles (agency_id, name, vision, mission, answerer) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (agency_id) DO UPDATE SET name = EXCLUDED.name, vision = EXCLUDED.vision, mission = EXCLUDED.mission, answerer = EXCLUDED.answerer, updated_at = now()`,
      [actor.agencyId, JSON.stringify(input.name), JSON.stringify(input.vision), JSON.stringify(input.mission), JSON.stringify(input.answerer)]);
    await appendAudit(tx, { actor, action: 'board.profile_save', targetType: 'board_profile', targetId: actor.agencyId, outcome: 'success' });
    return input;
  });
}
