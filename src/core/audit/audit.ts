import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../../db/types.js';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** Who did something: a signed-in staff member, or a labelled non-person actor (cli, system, public). */
export interface AuditActor {
  userId?: number | null;
  agencyId?: number | null;
  /** 'user:<username>', 'cli', 'system', 'public' … */
  label: string;
  /** Staff request origin only. Never pass a resident's or tipster's address. */
  sourceIp?: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  /** dotted verb, e.g. 'incidents.read', 'users.update', 'auth.sign_in' */
  action: string;
  targetType?: string;
  targetId?: string | number;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor_user_id: number | null;
  actor_agency_id: number | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: AuditOutcome;
  source_ip: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
// Serialises appends so the chain has exactly one successor per row, on PGlite and PostgreSQL alike.
const AUDIT_LOCK_KEY = 724_311;

/** JSON with object keys sorted at every level, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type HashedFields = Omit<AuditRow, 'id' | 'hash' | 'prev_hash'>;

export function auditHash(prevHash: string, fields: HashedFields): string {
  const body = canonicalJson({ ...fields, at: new Date(fields.at).toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one audit row. Call it with the transaction that makes the change, so the change and its audit
 * row commit (or roll back) together.
 */
export async function appendAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
  const last = await q.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    at: new Date(),
    actor_user_id: entry.actor.userId ?? null,
    actor_agency_id: entry.actor.agencyId ?? null,
    actor_label: entry.actor.label,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId === undefined ? null : String(entry.targetId),
    outcome: entry.outcome,
    source_ip: entry.actor.sourceIp ?? null,
    details: entry.details ?? {},
  };
  const hash = auditHash(prevHash, fields);
  await q.query(
    `INSERT INTO audit_log (at, actor_user_id, actor_agency_id, actor_label, action, target_type, target_id,
       outcome, source_ip, details, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [fields.at, fields.actor_user_id, fields.actor_agency_id, fields.actor_label, fields.action, fields.target_type,
      fields.target_id, fields.outcome, fields.source_ip, JSON.stringify(fields.details), prevHash, hash],
  );
}

/** Appends in a transaction of its own (for reads and denials, which change nothing else). */
export function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  return db.transaction((tx) => appendAudit(tx, entry));
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** First row whose hash or link does not match, with the reason. */
  brokenAt?: { id: number; reason: string };
}

/** Recomputes the whole chain in id order, a page at a time. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2', [lastId, pageSize]);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prev_hash !== prevHash) return { ok: false, checked, brokenAt: { id: row.id, reason: 'link to the previous row does not match' } };
      const { id: _id, hash, prev_hash: _prev, ...fields } = row;
      if (auditHash(prevHash, fields) !== hash) return { ok: false, checked, brokenAt: { id: row.id, reason: 'row content does not match its hash' } };
      prevHash = hash;
      lastId = row.id;
      checked += 1;
    }
  }
}
