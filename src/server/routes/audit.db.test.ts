import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { recordAudit } from '../../core/audit/audit.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';

let db: TestDatabase;
let app: FastifyInstance;
let auditor: TestStaff;
let platformAdmin: TestStaff;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  const agencyId = await insertAgency(db);
  const otherAgencyId = await insertAgency(db);
  auditor = await insertStaff(db, agencyId, ['audit:read']);
  platformAdmin = await insertStaff(db, agencyId, ['audit:read', 'agencies:manage']);
  await recordAudit(db, { actor: { userId: auditor.userId, agencyId, label: 'user:own' }, action: 'test.own', outcome: 'success' });
  await recordAudit(db, { actor: { agencyId: otherAgencyId, label: 'user:other' }, action: 'test.other', outcome: 'success' });
  await recordAudit(db, { actor: { label: 'cli' }, action: 'test.system', outcome: 'success' });
});
afterAll(async () => { await app.close(); await db.drop(); });

const actions = async (staff: TestStaff, query = '') => {
  const res = await app.inject({ method: 'GET', url: `/api/audit?action=test.${query}`, headers: { cookie: staff.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json<Array<{ action: string }>>().map((r) => r.action).sort();
};

describe('GET /api/audit', () => {
  it("shows an agency's auditor only their agency's rows", async () => {
    expect(await actions(auditor)).toEqual(['test.own']);
  });

  it('shows platform administrators the rows of no agency too, never another agency', async () => {
    expect(await actions(platformAdmin)).toEqual(['test.own', 'test.system']);
  });

  it('audits the reading of the audit log and verifies the chain', async () => {
    const verify = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: auditor.cookie } });
    expect(verify.json()).toMatchObject({ ok: true });
    const reads = await db.query("SELECT 1 FROM audit_log WHERE action = 'audit.read' AND actor_user_id = $1", [auditor.userId]);
    expect(reads.length).toBeGreaterThan(0);
  });
});
