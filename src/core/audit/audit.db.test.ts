import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { appendAudit, canonicalJson, recordAudit, verifyAuditChain, GENESIS_HASH } from './audit.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db.drop(); });

describe('audit log', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  it('chains rows from the genesis hash and verifies them', async () => {
    await recordAudit(db, { actor: { label: 'test' }, action: 'test.first', outcome: 'success', details: { n: 1 } });
    await recordAudit(db, { actor: { userId: null, label: 'test', sourceIp: '10.0.0.1' }, action: 'test.second', outcome: 'denied' });
    const rows = await db.query<{ prev_hash: string; hash: string }>('SELECT prev_hash, hash FROM audit_log ORDER BY id');
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 2 });
  });

  it('keeps one chain when many appends race', async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => recordAudit(db, { actor: { label: 'race' }, action: 'test.race', outcome: 'success', details: { i } })));
    const result = await verifyAuditChain(db, 7);
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(27);
  });

  it('rolls the audit row back with the change it describes', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    await expect(db.transaction(async (tx) => {
      await appendAudit(tx, { actor: { label: 'test' }, action: 'test.rolled_back', outcome: 'success' });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses updates and deletes', async () => {
    await expect(db.query("UPDATE audit_log SET action = 'forged'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('detects a row altered behind the trigger, naming the row', async () => {
    const [target] = await db.query<{ id: number }>("SELECT id FROM audit_log WHERE action = 'test.second'");
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await db.query(`UPDATE audit_log SET outcome = 'success' WHERE id = $1`, [target.id]);
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toEqual({ id: target.id, reason: 'row content does not match its hash' });
  });
});
