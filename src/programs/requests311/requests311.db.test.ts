import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { testConfig } from '../../server/auth/testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let officer: TestStaff;
let otherOfficer: TestStaff;
const V2 = '/api/programs/requests311/v2';
const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString(),
});

beforeAll(async () => {
  db = await createTestDatabase();
  officer = await insertStaff(db, await insertAgency(db, { slug: 'open311-pd' }), ['requests311:manage']);
  otherOfficer = await insertStaff(db, await insertAgency(db), ['requests311:manage']);
  app = await testApp(db, testConfig());
});
afterAll(async () => { await app.close(); await db.drop(); });

describe('the Open311 GeoReport v2 endpoint', () => {
  it('lists quality-of-life services, never tip categories, in JSON and XML', async () => {
    const services = (await app.inject({ method: 'GET', url: `${V2}/services.json` })).json<Array<{ service_code: string; metadata: boolean }>>();
    expect(services.map((s) => s.service_code)).toEqual(expect.arrayContaining(['graffiti', 'abandoned_vehicle', 'streetlight']));
    expect(services.map((s) => s.service_code)).not.toEqual(expect.arrayContaining(['drugs']));
    expect(services.every((s) => s.metadata === false)).toBe(true);
    const spanish = (await app.inject({ method: 'GET', url: `${V2}/services.json?locale=es` })).json<Array<{ service_name: string }>>();
    expect(spanish.map((s) => s.service_name)).toContain('Grafiti');
    const xml = await app.inject({ method: 'GET', url: `${V2}/services.xml` });
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xml.body).toContain('<services><service><service_code>graffiti</service_code>');
    expect((await app.inject({ method: 'GET', url: `${V2}/services/graffiti.json` })).json()).toEqual({ service_code: 'graffiti', attributes: [] });
    expect((await app.inject({ method: 'GET', url: `${V2}/services.html` })).statusCode).toBe(404);
  });

  it('takes reports from 311 apps (form fields), keeps no contact details, and lists them back', async () => {
    const created = await app.inject({
      method: 'POST', url: `${V2}/requests.json`,
      ...form({ service_code: 'graffiti', lat: '39.9526', long: '-75.1652', address_string: '1400 John F Kennedy Blvd', description: 'Tags on the mailbox',
        email: 'resident@example.org', phone: '+12155550142', first_name: 'Pat', last_name: 'Resident', device_id: 'device-77', api_key: 'anything' }),
    });
    expect(created.statusCode).toBe(201);
    const [answer] = created.json<Array<{ service_request_id: string; service_notice: string }>>();
    expect(answer.service_request_id).toMatch(/^\d+$/);
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM open311_requests WHERE id = $1', [Number(answer.service_request_id)]);
    for (const value of ['resident@example.org', '2155550142', 'Pat', 'device-77']) expect(JSON.stringify(row)).not.toContain(value);

    const one = (await app.inject({ method: 'GET', url: `${V2}/requests/${answer.service_request_id}.json` })).json();
    expect(one[0]).toMatchObject({ service_code: 'graffiti', status: 'open', lat: 39.9526, long: -75.1652, description: 'Tags on the mailbox' });
    const xml = await app.inject({ method: 'GET', url: `${V2}/requests.xml?service_code=graffiti` });
    expect(xml.body).toContain(`<service_requests><request><service_request_id>${answer.service_request_id}</service_request_id>`);
  });

  it('answers errors in Open311 form and refuses tip categories', async () => {
    const tip = await app.inject({ method: 'POST', url: `${V2}/requests.json`, ...form({ service_code: 'drugs', lat: '39.95', long: '-75.16', description: 'Drug sales' }) });
    expect(tip.statusCode).toBe(400);
    expect(tip.json()).toEqual([{ code: 400, description: 'service_code drugs is not a service of this endpoint' }]);
    const nowhere = await app.inject({ method: 'POST', url: `${V2}/requests.xml`, ...form({ service_code: 'pothole' }) });
    expect(nowhere.body).toContain('<errors><error><code>400</code><description>a location is required');
    expect((await app.inject({ method: 'GET', url: `${V2}/requests/999999.json` })).json()[0].code).toBe(404);
  });

  it('never shows anonymous tips', async () => {
    const tip = await app.inject({ method: 'POST', url: '/api/programs/tips/public/tips', payload: { category: 'drugs', description: 'Secret tip text that must stay private' } });
    expect(tip.statusCode).toBe(201);
    for (const url of [`${V2}/requests.json`, `${V2}/requests.xml`, `${V2}/requests.json?status=open`]) {
      expect((await app.inject({ method: 'GET', url })).body).not.toContain('Secret tip text');
    }
  });
});

describe('jurisdictions and discovery', () => {
  it('lists only the named jurisdiction’s requests, and answers an unknown jurisdiction with an Open311 404', async () => {
    const other = await insertAgency(db, { slug: 'open311-other-pd' });
    expect(other).toBeGreaterThan(0);
    const ours = await app.inject({ method: 'POST', url: `${V2}/requests.json`, ...form({ jurisdiction_id: 'open311-pd', service_code: 'graffiti', address_string: '12 Oak St' }) });
    const theirs = await app.inject({ method: 'POST', url: `${V2}/requests.json`, ...form({ jurisdiction_id: 'open311-other-pd', service_code: 'graffiti', address_string: '34 Elm St' }) });
    const ourId = ours.json()[0].service_request_id as string;
    const theirId = theirs.json()[0].service_request_id as string;
    const ids = async (query: string) => (await app.inject({ method: 'GET', url: `${V2}/requests.json?${query}` })).json<Array<{ service_request_id: string }>>().map((r) => r.service_request_id);
    expect(await ids('jurisdiction_id=open311-pd')).toContain(ourId);
    expect(await ids('jurisdiction_id=open311-pd')).not.toContain(theirId);
    expect(await ids('jurisdiction_id=open311-other-pd')).toEqual([theirId]);
    expect(await ids('service_code=graffiti')).toEqual(expect.arrayContaining([ourId, theirId]));
    expect((await app.inject({ method: 'GET', url: `${V2}/requests/${theirId}.json?jurisdiction_id=open311-pd` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `${V2}/requests/${theirId}.json?jurisdiction_id=open311-other-pd` })).json()[0].service_request_id).toBe(theirId);

    const unknown = await app.inject({ method: 'GET', url: `${V2}/requests.xml?jurisdiction_id=nowhere` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<errors><error><code>404</code><description>jurisdiction_id nowhere was not found</description></error></errors>');
    expect((await app.inject({ method: 'GET', url: `${V2}/services.json?jurisdiction_id=nowhere` })).json()).toEqual([{ code: 404, description: 'jurisdiction_id nowhere was not found' }]);
    expect((await app.inject({ method: 'GET', url: `${V2}/services.json?jurisdiction_id=open311-pd` })).statusCode).toBe(200);
  });

  it('publishes a GeoReport v2 discovery document in JSON and XML that points at the v2 endpoint', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/programs/requests311/discovery.json', headers: { host: 'city.example.org' } });
    expect(json.statusCode).toBe(200);
    const document = json.json();
    expect(document).toMatchObject({ changeset: expect.any(String), contact: expect.any(String), key_service: expect.any(String) });
    expect(Number.isNaN(Date.parse(document.changeset))).toBe(false);
    expect(document.endpoints).toEqual([{
      specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://city.example.org/api/programs/requests311/v2/',
      changeset: document.changeset, type: 'production', formats: ['text/xml', 'application/json'],
    }]);
    // The address it gives really serves the endpoint.
    const services = await app.inject({ method: 'GET', url: `${new URL(document.endpoints[0].url).pathname}services.json` });
    expect(services.statusCode).toBe(200);

    const xml = await app.inject({ method: 'GET', url: '/api/programs/requests311/discovery.xml', headers: { host: 'city.example.org' } });
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><discovery><changeset>[^<]+<\/changeset><contact>/);
    expect(xml.body).toContain('<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification><url>http://city.example.org/api/programs/requests311/v2/</url>');
    expect(xml.body).toContain('<type>production</type><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints></discovery>');
    expect((await app.inject({ method: 'GET', url: '/api/programs/requests311/discovery.html' })).statusCode).toBe(404);
  });
});

describe('311 reports for staff', () => {
  it('lists and closes the agency’s requests, audited, and nobody else’s', async () => {
    const created = await app.inject({ method: 'POST', url: `${V2}/requests.json`, payload: { jurisdiction_id: 'open311-pd', service_code: 'streetlight', address_string: '5th & Market' } });
    const id = Number(created.json()[0].service_request_id);
    const list = await app.inject({ method: 'GET', url: '/api/programs/requests311/staff/requests', headers: { cookie: officer.cookie } });
    expect(list.json().map((r: { service_request_id: string }) => r.service_request_id)).toContain(String(id));
    expect((await app.inject({ method: 'PATCH', url: `/api/programs/requests311/staff/requests/${id}`, headers: { cookie: otherOfficer.cookie }, payload: { status: 'closed' } })).statusCode).toBe(404);
    const closed = await app.inject({ method: 'PATCH', url: `/api/programs/requests311/staff/requests/${id}`, headers: { cookie: officer.cookie }, payload: { status: 'closed', statusNotes: 'Bulb replaced' } });
    expect(closed.json()).toMatchObject({ status: 'closed', status_notes: 'Bulb replaced' });
    expect((await app.inject({ method: 'GET', url: `${V2}/requests/${id}.json` })).json()[0].status).toBe('closed');
    expect(await db.query("SELECT 1 FROM audit_log WHERE action = 'requests311.update' AND actor_user_id = $1", [officer.userId])).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: '/api/programs/requests311/staff/requests' })).statusCode).toBe(401);
  });
});
