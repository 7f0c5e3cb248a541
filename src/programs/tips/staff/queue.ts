import { appendAudit } from '../../../core/audit/audit.js';
import type { TipsContext } from '../context.js';
import { VISIBLE_TO, type StaffActor } from './scope.js';

export interface QueueFilter {
  /** 'open' (default: everything not closed), 'all', or one state code. */
  state?: string;
  priority?: string;
  unitId?: number;
  /** Only tips assigned to the asking staff member. */
  mine?: boolean;
  /** Words in the text, or a tip number. */
  q?: string;
  limit?: number;
  offset?: number;
}

export interface QueueItem {
  id: number;
  number: string;
  category: string;
  categoryLabel: Record<string, string>;
  state: string;
  priority: string;
  channel: 'web' | 'sms';
  excerpt: string;
  createdAt: Date;
  lastTipsterAt: Date | null;
  /** The primary unit's code, and its name in each language for the screen. */
  primaryUnit: string | null;
  primaryUnitLabel: Record<string, string> | null;
  assignedTo: string | null;
  isPrank: boolean;
  duplicateOf: string | null;
  suspectedBot: boolean;
  forwarded: boolean;
  isDemo: boolean;
  /** A closed tip whose tipster wrote (text, follow-up or file) after it was closed: it is back in the open view. */
  newsAfterClose: boolean;
}

const PRIORITY_RANK = `CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

/**
 * The triage queue: the agency's tips plus tips forwarded to it, most urgent first, then newest news from the
 * tipster. The default view holds the open tips and the closed ones the tipster wrote to after closing. Reading the queue shows tip text, so it is audited (one row per request, with the ids shown).
 */
export async function listQueue(ctx: TipsContext, staff: StaffActor, filter: QueueFilter): Promise<{ items: QueueItem[]; total: number }> {
  const where = [VISIBLE_TO('$1')];
  const params: unknown[] = [staff.agencyId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  const state = filter.state ?? 'open';
  // Open: not closed, or closed but the tipster wrote since (closing never ends the conversation; staff decide
  // whether the news reopens the tip).
  if (state === 'open') where.push('(t.closed_at IS NULL OR t.last_tipster_at > t.closed_at)');
  else if (state !== 'all') add('t.state = ?', state);
  if (filter.priority) add('t.priority = ?', filter.priority);
  if (filter.unitId) add('(t.primary_unit_id = ? OR EXISTS (SELECT 1 FROM tip_copies c WHERE c.tip_id = t.id AND c.unit_id = ?))', filter.unitId);
  if (filter.mine) add('t.assigned_to = ?', staff.userId);
  if (filter.q?.trim()) add("(t.number = upper(?) OR t.description ILIKE '%' || ? || '%')", filter.q.trim());
  const limit = Math.min(filter.limit ?? 50, 200);
  const rows = await ctx.db.query<QueueItem & { total: number }>(
    `SELECT t.id, t.number, t.category, c.label AS "categoryLabel", t.state, t.priority, t.channel,
            left(t.description, 160) AS excerpt, t.created_at AS "createdAt", t.last_tipster_at AS "lastTipsterAt",
            u.code AS "primaryUnit", u.label AS "primaryUnitLabel", au.display_name AS "assignedTo", t.is_prank AS "isPrank", d.number AS "duplicateOf",
            t.suspected_bot AS "suspectedBot", t.agency_id <> $1 AS forwarded, t.is_demo AS "isDemo",
            coalesce(t.closed_at IS NOT NULL AND t.last_tipster_at > t.closed_at, false) AS "newsAfterClose", count(*) OVER ()::int AS total
     FROM tips t JOIN tip_categories c ON c.code = t.category
       LEFT JOIN tip_units u ON u.id = t.primary_unit_id LEFT JOIN users au ON au.id = t.assigned_to
       LEFT JOIN tips d ON d.id = t.duplicate_of
     WHERE ${where.join(' AND ')}
     ORDER BY ${PRIORITY_RANK}, t.last_tipster_at DESC NULLS LAST, t.id DESC
     LIMIT ${limit} OFFSET ${Math.max(0, filter.offset ?? 0)}`, params);
  const items = rows.map(({ total: _total, ...item }) => item);
  await ctx.db.transaction((tx) => appendAudit(tx, {
    actor: staff.audit, action: 'tips.list', targetType: 'tip', outcome: 'success',
    details: { filter: { ...filter }, ids: items.map((i) => i.id) },
  }));
  return { items, total: rows[0]?.total ?? 0 };
}
