import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, notFound } from '../../core/errors.js';
import type { ProgramStat } from '../../core/program/define.js';
import type { NoticeInput, NoticePatch, NoticeView } from './validation.js';

interface NoticeRow {
  id: number; kind: NoticeView['kind']; title: Record<string, string>; body: Record<string, string>;
  area_id: number | null; area_name: string | null; status: NoticeView['status'];
  publish_at: Date; expires_at: Date | null; agency_name: string; is_demo: boolean;
}

const SELECT_NOTICE = `SELECT n.id, n.kind, n.title, n.body, n.area_id, a.name AS area_name, n.status, n.publish_at,
    n.expires_at, ag.name AS agency_name, n.is_demo
  FROM notices n JOIN agencies ag ON ag.id = n.agency_id LEFT JOIN areas a ON a.id = n.area_id`;

const toView = (row: NoticeRow): NoticeView => ({
  id: row.id, kind: row.kind, title: row.title, body: row.body, areaId: row.area_id, areaName: row.area_name,
  status: row.status, publishAt: row.publish_at, expiresAt: row.expires_at, agencyName: row.agency_name, isDemo: row.is_demo,
});

/** Notices residents may see now: published, past their publish time and not expired. */
export async function listPublicNotices(db: Queryable, now = new Date()): Promise<NoticeView[]> {
  const rows = await db.query<NoticeRow>(
    `${SELECT_NOTICE} WHERE n.status = 'published' AND n.publish_at <= $1 AND (n.expires_at IS NULL OR n.expires_at > $1)
     ORDER BY CASE n.kind WHEN 'alert' THEN 0 WHEN 'advisory' THEN 1 ELSE 2 END, n.publish_at DESC LIMIT 50`,
    [now],
  );
  return rows.map(toView);
}

/** Every notice of one agency, newest first (staff view). */
export async function listAgencyNotices(db: Queryable, agencyId: number): Promise<NoticeView[]> {
  const rows = await db.query<NoticeRow>(`${SELECT_NOTICE} WHERE n.agency_id = $1 ORDER BY n.publish_at DESC, n.id DESC`, [agencyId]);
  return rows.map(toView);
}

async function assertAreaOfAgency(q: Queryable, agencyId: number, areaId: number | null | undefined) {
  if (areaId == null) return;
  const rows = await q.query('SELECT 1 FROM areas WHERE id = $1 AND agency_id = $2', [areaId, agencyId]);
  if (rows.length === 0) throw badRequest(`areaId: area ${areaId} is not one of your agency's areas`, { field: 'areaId' });
}

async function findNotice(q: Queryable, agencyId: number, id: number): Promise<NoticeView> {
  const rows = await q.query<NoticeRow>(`${SELECT_NOTICE} WHERE n.id = $1 AND n.agency_id = $2`, [id, agencyId]);
  if (!rows[0]) throw notFound(`Notice ${id}`);
  return toView(rows[0]);
}

/** Creates a notice for the actor's agency; the change and its audit row commit together. */
export async function createNotice(db: Db, agencyId: number, input: NoticeInput, actor: AuditActor & { userId: number }): Promise<NoticeView> {
  return db.transaction(async (tx) => {
    await assertAreaOfAgency(tx, agencyId, input.areaId);
    const rows = await tx.query<{ id: number }>(
      `INSERT INTO notices (agency_id, kind, title, body, area_id, status, publish_at, expires_at, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,COALESCE($7, now()),$8,$9) RETURNING id`,
      [agencyId, input.kind, JSON.stringify(input.title), JSON.stringify(input.body), input.areaId ?? null, input.status,
        input.publishAt ?? null, input.expiresAt ?? null, actor.userId],
    );
    const id = rows[0].id;
    await appendAudit(tx, { actor, action: 'notices.create', targetType: 'notice', targetId: id, outcome: 'success', details: { status: input.status, kind: input.kind } });
    return findNotice(tx, agencyId, id);
  });
}

/** Changes a notice; a status change (publish, withdraw) is recorded with before and after. */
export async function updateNotice(db: Db, agencyId: number, id: number, patch: NoticePatch, actor: AuditActor): Promise<NoticeView> {
  return db.transaction(async (tx) => {
    const before = await findNotice(tx, agencyId, id);
    await assertAreaOfAgency(tx, agencyId, patch.areaId);
    const publishAt = patch.publishAt ?? before.publishAt;
    const expiresAt = patch.expiresAt === undefined ? before.expiresAt : patch.expiresAt;
    if (expiresAt && expiresAt <= publishAt) throw badRequest('expiresAt must be after publishAt', { field: 'expiresAt' });
    await tx.query(
      `UPDATE notices SET kind = $3, title = $4, body = $5, area_id = $6, status = $7, publish_at = $8, expires_at = $9, updated_at = now()
       WHERE id = $1 AND agency_id = $2`,
      [id, agencyId, patch.kind ?? before.kind, JSON.stringify(patch.title ?? before.title), JSON.stringify(patch.body ?? before.body),
        patch.areaId === undefined ? before.areaId : patch.areaId, patch.status ?? before.status, publishAt, expiresAt],
    );
    const changed = Object.keys(patch).filter((k) => patch[k as keyof NoticePatch] !== undefined);
    await appendAudit(tx, {
      actor, action: 'notices.update', targetType: 'notice', targetId: id, outcome: 'success',
      details: { changed, ...(patch.status && patch.status !== before.status ? { statusFrom: before.status, statusTo: patch.status } : {}) },
    });
    return findNotice(tx, agencyId, id);
  });
}

export async function noticeStats(db: Db): Promise<ProgramStat[]> {
  const rows = await db.query<{ live: number; total: number }>(
    `SELECT count(*) FILTER (WHERE status = 'published' AND publish_at <= now() AND (expires_at IS NULL OR expires_at > now()))::int AS live,
            count(*) FILTER (WHERE status <> 'draft')::int AS total FROM notices`,
  );
  return [
    { key: 'live', label: { en: 'Notices in effect', es: 'Avisos vigentes' }, value: rows[0].live },
    { key: 'published', label: { en: 'Notices published', es: 'Avisos publicados' }, value: rows[0].total },
  ];
}
