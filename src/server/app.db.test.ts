import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './app.js';
import { insertAgency, insertIncidents, testApp, testConfig } from '../testing/fixtures.js';

let db: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
});
afterAll(async () => { await app.close(); await db.drop(); });

describe('the HTTP server', () => {
  it('reports health once the database answers', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: db.kind });
  });

  it('publishes an OpenAPI document covering core and program routes', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/health', '/api/incidents', '/api/areas', '/api/audit', '/api/programs/notices/public']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await app.inject('/api/docs/')).statusCode).toBe(200);
  });

  it('sends security headers with a same-origin content security policy', async () => {
    const res = await app.inject('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('counts API requests against the rate limit but never the web app\'s own files', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'bridges-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Bridges</title>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    const web = await buildApp({ db, config: testConfig(), webRoot });
    try {
      const assets = new Set<number>();
      for (let i = 0; i < 650; i++) assets.add((await web.inject('/assets/app.js')).statusCode);
      expect([...assets]).toEqual([200]);
      const api: number[] = [];
      for (let i = 0; i < 601; i++) api.push((await web.inject('/api/health')).statusCode);
      expect(api.slice(0, 600).every((code) => code === 200)).toBe(true);
      expect(api[600]).toBe(429);
    } finally {
      await web.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.inject('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
  });

  it('lists categories with labels in both languages and the registered programs', async () => {
    const categories = (await app.inject('/api/categories')).json();
    expect(categories.find((c: { code: string }) => c.code === 'sexual_assault')).toMatchObject({ sensitive: true, violent: true, label: { es: 'Agresión sexual' } });
    expect((await app.inject('/api/programs')).json().map((p: { id: string }) => p.id)).toContain('notices');
  });

  it('summarises the latest 28 days for the public without any location', async () => {
    const agencyId = await insertAgency(db, { slug: 'summary-pd' });
    await insertIncidents(db, agencyId, [
      { category: 'shooting', occurredAt: '2023-08-20T12:00:00Z' },
      { category: 'shooting', occurredAt: '2023-08-01T12:00:00Z' },
      { category: 'shooting', occurredAt: '2023-07-10T12:00:00Z' },
      { category: 'homicide', occurredAt: '2023-07-01T12:00:00Z' },
      { category: 'homicide', occurredAt: '2023-05-01T12:00:00Z' },
    ]);
    const res = await app.inject('/api/public/summary');
    const agency = res.json().agencies.find((a: { slug: string }) => a.slug === 'summary-pd');
    expect(agency.currentEnd.slice(0, 10)).toBe('2023-08-20');
    expect(agency.comparable).toBe(true);
    expect(agency.categories).toEqual([
      { code: 'homicide', label: { en: 'Homicide', es: 'Homicidio' }, current: 0, previous: 1 },
      { code: 'shooting', label: { en: 'Shooting (non-fatal)', es: 'Tiroteo (no mortal)' }, current: 2, previous: 1 },
    ]);
    expect(res.body).not.toMatch(/lon|lat|-75\./);
  });

  it('does not compare with a period the records do not cover', async () => {
    const agencyId = await insertAgency(db, { slug: 'new-records-pd' });
    await insertIncidents(db, agencyId, [{ category: 'burglary', occurredAt: '2006-01-01T08:00:00Z' }, { category: 'burglary', occurredAt: '2006-01-31T08:00:00Z' }]);
    const agency = (await app.inject('/api/public/summary')).json().agencies.find((a: { slug: string }) => a.slug === 'new-records-pd');
    expect(agency.comparable).toBe(false);
    expect(agency.dataStart.slice(0, 10)).toBe('2006-01-01');
  });
});
