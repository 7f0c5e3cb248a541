/**
 * The rules that open walks, as pure functions: which incidents qualify, when the walk is due, and whether
 * an incident is still worth a walk now. Kept apart from SQL so the decisions can be tested directly.
 */
import type { Queryable } from '../../db/types.js';

export interface WalkRules {
  categories: string[];
  dueMinDays: number;
  dueMaxDays: number;
  radiusM: number;
  canvassAreaKind: 'neighborhood' | 'crt_zone' | 'sco_post' | 'beat' | 'custom' | null;
  tipLine: { phone?: string; text?: string; web?: string };
}

/** Stockton's protocol: a walk a few days after a homicide or shooting, in the blocks around it. */
export const DEFAULT_RULES: WalkRules = {
  categories: ['homicide', 'shooting'], dueMinDays: 3, dueMaxDays: 7, radiusM: 300, canvassAreaKind: null, tipLine: {},
};

const DAY_MS = 86_400_000;

/** When a walk for an incident at `occurredAt` is due: [occurredAt + min days, occurredAt + max days]. */
export function dueWindow(occurredAt: Date, rules: Pick<WalkRules, 'dueMinDays' | 'dueMaxDays'>): { from: Date; to: Date } {
  return { from: new Date(occurredAt.getTime() + rules.dueMinDays * DAY_MS), to: new Date(occurredAt.getTime() + rules.dueMaxDays * DAY_MS) };
}

/**
 * Whether an incident opens a walk now: its category is in the rules and its due window has not passed.
 * The second condition is what keeps a bulk import of years of history from opening thousands of walks.
 */
export function opensWalk(incident: { category: string; occurredAt: Date }, rules: WalkRules, now: Date): boolean {
  return rules.categories.includes(incident.category) && dueWindow(incident.occurredAt, rules).to.getTime() >= now.getTime();
}

/** Oldest occurrence time that can still open a walk at `now` (for the SQL pre-filter). */
export function oldestOpenable(rules: WalkRules, now: Date): Date {
  return new Date(now.getTime() - rules.dueMaxDays * DAY_MS);
}

interface RulesRow {
  categories: string[]; due_min_days: number; due_max_days: number; radius_m: number;
  canvass_area_kind: WalkRules['canvassAreaKind']; tip_line: WalkRules['tipLine'];
}

/** The agency's rules, or the defaults when it never changed them. */
export async function loadRules(q: Queryable, agencyId: number): Promise<WalkRules> {
  const rows = await q.query<RulesRow>('SELECT categories, due_min_days, due_max_days, radius_m, canvass_area_kind, tip_line FROM walk_rules WHERE agency_id = $1', [agencyId]);
  const r = rows[0];
  if (!r) return { ...DEFAULT_RULES };
  return { categories: r.categories, dueMinDays: r.due_min_days, dueMaxDays: r.due_max_days, radiusM: r.radius_m, canvassAreaKind: r.canvass_area_kind, tipLine: r.tip_line };
}

/** Stores the agency's rules (the caller audits). */
export async function saveRules(q: Queryable, agencyId: number, rules: WalkRules, userId: number | null): Promise<void> {
  await q.query(
    `INSERT INTO walk_rules (agency_id, categories, due_min_days, due_max_days, radius_m, canvass_area_kind, tip_line, updated_by, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8, now())
     ON CONFLICT (agency_id) DO UPDATE SET categories = EXCLUDED.categories, due_min_days = EXCLUDED.due_min_days,
       due_max_days = EXCLUDED.due_max_days, radius_m = EXCLUDED.radius_m, canvass_area_kind = EXCLUDED.canvass_area_kind,
       tip_line = EXCLUDED.tip_line, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [agencyId, rules.categories, rules.dueMinDays, rules.dueMaxDays, rules.radiusM, rules.canvassAreaKind, JSON.stringify(rules.tipLine), userId],
  );
}
