import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, type TestStaff } from '../../testing/fixtures.js';
import { checkCharacter, parseTipNumber } from './crypto.js';
import { FREE_FAILURES } from './access.js';
import { verifyAuditChain } from '../../core/audit/audit.js';
import { availableLanguages, setLanguagesForTesting } from '../../core/languages.js';
import { bearer, errorCode, sendTip, tipsTestApp } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let handler: TestStaff;
const URL_ = '/api/programs/tips/public';

beforeAll(async () => {
  db = await createTestDatabase();
  await insertAgency(db, { slug: 'tips-public-pd' });
  handler = await insertStaff(db, (await db.query<{ id: number }>("SELECT id FROM agencies WHERE slug = 'tips-public-pd'"))[0].id, ['tips:read', 'tips:triage']);
  // Generous limits here: the flood test below has its own app with the default limits.
  ({ app } = await tipsTestApp(db, { tips: { limits: { submit: { max: 1000, windowSeconds: 60 }, access: { max: 1000, windowSeconds: 60 } } } }));
});
afterAll(async () => { await app.close(); await db.drop(); });

const access = (tipNumber: string, passphrase: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: `${URL_}/access`, payload: { tipNumber, passphrase }, remoteAddress });

describe('sending a tip from the web form', () => {
  it('answers a random, checkable tip number and a generated passphrase, and stores only its keyed hash', async () => {
    const receipt = await sendTip(app);
    expect(receipt.tipNumber).toMatch(/^T[0-9A-HJKMNP-TV-Z]{11}$/);
    expect(parseTipNumber(receipt.tipNumber).ok).toBe(true);
    expect(receipt.passphrase).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const [row] = await db.query<{ passphrase_mac: string; passphrase_kind: string; state: string; channel: string }>(
      'SELECT passphrase_mac, passphrase_kind, state, channel FROM tips WHERE number = $1', [receipt.tipNumber]);
    expect(row).toMatchObject({ passphrase_kind: 'generated', state: 'new', channel: 'web' });
    expect(row.passphrase_mac).not.toContain(receipt.passphrase!.replaceAll('-', ''));
    const audit = await db.query<{ actor_label: string; source_ip: string | null }>("SELECT actor_label, source_ip FROM audit_log WHERE action = 'tips.submit'");
    expect(audit.at(-1)).toEqual({ actor_label: 'public', source_ip: null });
  });

  it('never hands out sequential or repeated numbers', async () => {
    const numbers = await Promise.all(Array.from({ length: 40 }, () => sendTip(app).then((r) => r.tipNumber)));
    expect(new Set(numbers).size).toBe(40);
    const sorted = [...numbers].sort();
    expect(sorted).not.toEqual(numbers);
  });

  it('refuses a weak chosen passphrase, in the tipster’s language, and accepts a strong one', async () => {
    const weak = await app.inject({ method: 'POST', url: `${URL_}/tips`, payload: { category: 'drugs', description: 'Venden drogas en la esquina.', language: 'es', passphrase: 'password1234' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/^passphrase: .*frase de acceso/);
    // The code and its figures let the web client say it in the language the page is shown in.
    expect(weak.json().error).toMatchObject({ code: 'weak_passphrase', details: { field: 'passphrase', problem: 'too_common', minLength: 12 } });
    const chosen = 'violet harbor tractor 91 lanterns';
    const receipt = await sendTip(app, { passphrase: chosen });
    expect(receipt.passphrase).toBeNull();
    expect((await access(receipt.tipNumber, `  ${chosen}  `)).statusCode).toBe(200);
    expect((await access(receipt.tipNumber, chosen.toUpperCase())).statusCode).toBe(401);
  });

  it('names the field of an unknown category or agency, and flags (keeps) honeypot submissions', async () => {
    const category = await app.inject({ method: 'POST', url: `${URL_}/tips`, payload: { category: 'parking', description: 'Someone parks badly every day.' } });
    expect(category.statusCode).toBe(400);
    expect(category.json().error.message).toContain('category');
    expect(category.json().error).toMatchObject({ code: 'unknown_category', details: { field: 'category' } });
    const agency = await app.inject({ method: 'POST', url: `${URL_}/tips`, payload: { agency: 'nowhere-pd', category: 'drugs', description: 'Someone sells drugs every day.' } });
    expect(agency.json().error.message).toContain('agency');
    expect(agency.json().error).toMatchObject({ code: 'unknown_agency', details: { field: 'agency' } });
    const bot = await sendTip(app, { website: 'http://spam.example' });
    const [row] = await db.query<{ suspected_bot: boolean }>('SELECT suspected_bot FROM tips WHERE number = $1', [bot.tipNumber]);
    expect(row.suspected_bot).toBe(true);
  });
});

describe('form validation answers', () => {
  it('name each field with a stable code and its figures, beside the English message', async () => {
    const response = await app.inject({ method: 'POST', url: `${URL_}/tips`, payload: { category: 'drugs', description: 'short' } });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation');
    expect(error.message).toContain('body.description');
    expect(error.details.issues).toContainEqual(expect.objectContaining({ field: 'body.description', code: 'too_small', origin: 'string', minimum: expect.any(Number) }));
    const missing = await app.inject({ method: 'POST', url: `${URL_}/access`, payload: { passphrase: 'AAAA-BBBB-CCCC-DDDD' } });
    expect(missing.json().error.details.issues).toContainEqual(expect.objectContaining({ field: 'body.tipNumber', code: 'required' }));
  });

  it('take any language the site has locale files for, and name the field for any other', async () => {
    const tip = { category: 'drugs', description: 'Someone sells pills behind the corner store every night.' };
    const restore = setLanguagesForTesting([...availableLanguages(), 'vi']);
    try {
      const vietnamese = await app.inject({ method: 'POST', url: `${URL_}/tips`, payload: { ...tip, language: 'vi' } });
      expect(vietnamese.statusCode, vietnamese.body).toBe(201);
      const [stored] = await db.query<{ language: string }>('SELECT language FROM tips ORDER BY id DESC LIMIT 1');
      expect(stored.language).toBe('vi');
    } finally {
      restore();
    }
    const unknown = await app.inject({ method: 'POST', url: `${URL_}/tips`, payload: { ...tip, language: 'vi' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('body.language');
  });
});

describe('tips arriving together', () => {
  it('are written in commit groups: each answered after its commit, a bad one refused alone, all audited, chain intact', async () => {
    const payload = (i: number, extra = {}) => ({ category: 'burglary', description: `Concurrent tip number ${i} about a burglary.`, ...extra });
    const responses = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => app.inject({ method: 'POST', url: `${URL_}/tips`, payload: payload(i) })),
      app.inject({ method: 'POST', url: `${URL_}/tips`, payload: payload(98, { category: 'nonsense' }) }),
      app.inject({ method: 'POST', url: `${URL_}/tips`, payload: payload(99, { agency: 'no-such-pd' }) }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([...Array(30).fill(201), 400, 400]);
    const numbers = responses.slice(0, 30).map((r) => r.json().tipNumber as string);
    const stored = await db.query<{ id: number }>('SELECT id FROM tips WHERE number = ANY($1::text[])', [numbers]);
    expect(stored).toHaveLength(30);
    const audited = await db.query<{ target_id: string | null; details: { tips?: Array<{ id: number }> } }>("SELECT target_id, details FROM audit_log WHERE action = 'tips.submit'");
    const auditedIds = new Set(audited.flatMap((r) => (r.details.tips ?? []).map((t) => t.id).concat(r.target_id ? [Number(r.target_id)] : [])));
    expect(stored.every((t) => auditedIds.has(t.id))).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // Passphrase checks arriving together, one of them wrong: only that one is refused.
    const receipts = await Promise.all(Array.from({ length: 6 }, () => sendTip(app)));
    const checks = await Promise.all(receipts.map((r, i) => access(r.tipNumber, i === 3 ? 'AAAA-BBBB-CCCC-DDDD' : r.passphrase!)));
    expect(checks.map((c) => c.statusCode)).toEqual([200, 200, 200, 401, 200, 200]);
  });
});

describe('following up with tip number and passphrase', () => {
  it('forgives case, spaces and dashes in a generated passphrase and in the number', async () => {
    const receipt = await sendTip(app);
    const sloppyNumber = `${receipt.tipNumber.slice(0, 6).toLowerCase()} ${receipt.tipNumber.slice(6)}`;
    const sloppyPassphrase = receipt.passphrase!.toLowerCase().replaceAll('-', ' ');
    const response = await access(sloppyNumber, sloppyPassphrase);
    expect(response.statusCode).toBe(200);
    const view = await app.inject({ method: 'GET', url: `${URL_}/tip`, headers: bearer(response.json().accessToken) });
    expect(view.json()).toMatchObject({ tipNumber: receipt.tipNumber, status: { code: 'received' }, channel: 'web', reward: { status: 'none' } });
    expect(view.headers['cache-control']).toBe('no-store');
  });

  it('reads replies, adds information, answers questions and asks about a reward', async () => {
    const receipt = await sendTip(app, { agency: 'tips-public-pd' });
    const [tip] = await db.query<{ id: number }>('SELECT id FROM tips WHERE number = $1', [receipt.tipNumber]);
    const question = await app.inject({ method: 'POST', url: `/api/programs/tips/tips/${tip.id}/messages`, headers: { cookie: handler.cookie }, payload: { body: 'What color was the car?', question: true } });
    expect(question.statusCode).toBe(200);
    const token = (await access(receipt.tipNumber, receipt.passphrase!)).json().accessToken as string;
    for (const [kind, body] of [['answer', 'It was a red Honda.'], ['info', 'He comes back on Fridays.'], ['reward_question', 'Is there a reward?']]) {
      const sent = await app.inject({ method: 'POST', url: `${URL_}/tip/messages`, headers: bearer(token), payload: { kind, body } });
      expect(sent.statusCode).toBe(204);
    }
    const view = (await app.inject({ method: 'GET', url: `${URL_}/tip`, headers: bearer(token) })).json();
    expect(view.messages.map((m: { from: string; kind: string; question: boolean }) => [m.from, m.kind, m.question])).toEqual([
      ['you', 'submitted', false], ['department', 'message_out', true], ['you', 'message_in', false], ['you', 'message_in', false], ['you', 'message_in', false],
    ]);
    expect(JSON.stringify(view)).not.toContain(handler.username);
  });

  it('refuses missing, forged and expired access tokens', async () => {
    expect((await app.inject({ method: 'GET', url: `${URL_}/tip` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `${URL_}/tip`, headers: bearer('v1:AAAA:BBBB:CCCC') })).statusCode).toBe(401);
  });
});

describe('wrong passphrases and unknown numbers', () => {
  it('answer the same, tell a mistyped number apart only by its check character, and are throttled alike', async () => {
    const receipt = await sendTip(app);
    const unknownNumber = `T${'7'.repeat(10)}${checkCharacter('7'.repeat(10))}`;
    const wrong = await access(receipt.tipNumber, 'AAAA-BBBB-CCCC-DDDD');
    const missing = await access(unknownNumber, 'AAAA-BBBB-CCCC-DDDD');
    expect([wrong.statusCode, missing.statusCode]).toEqual([401, 401]);
    expect(wrong.body).toBe(missing.body);
    const typo = await access(`${receipt.tipNumber.slice(0, 11)}${receipt.tipNumber[11] === 'Z' ? 'Y' : 'Z'}`, receipt.passphrase!);
    expect(typo.statusCode).toBe(400);
    expect(errorCode(typo)).toBe('tip_number_mistyped');

    for (let i = 1; i < FREE_FAILURES; i += 1) {
      await access(receipt.tipNumber, 'AAAA-BBBB-CCCC-DDDD');
      await access(unknownNumber, 'AAAA-BBBB-CCCC-DDDD');
    }
    const lockedKnown = await access(receipt.tipNumber, receipt.passphrase!);
    const lockedUnknown = await access(unknownNumber, 'AAAA-BBBB-CCCC-DDDD');
    expect([lockedKnown.statusCode, lockedUnknown.statusCode]).toEqual([429, 429]);
    expect(lockedKnown.json().error.code).toBe('tip_access_throttled');
    expect(lockedKnown.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(lockedKnown.body.replace(/\d+/g, 'N')).toBe(lockedUnknown.body.replace(/\d+/g, 'N'));
    const counters = await db.query<{ number_key: string }>('SELECT number_key FROM tip_access_throttle');
    expect(counters.map((c) => c.number_key).join()).not.toContain(receipt.tipNumber);
  });

  it('take similar time for a real number and an unknown one', async () => {
    const receipt = await sendTip(app);
    const median = async (number: string) => {
      const times: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        // Fewer tries than FREE_FAILURES, so the throttle does not change the path being measured.
        const start = performance.now();
        await access(number, `WRONG-PASS-${i}`);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[1];
    };
    const known = await median(receipt.tipNumber);
    const unknown = await median(`T${'8'.repeat(10)}${checkCharacter('8'.repeat(10))}`);
    // Same queries and the same MAC work on both paths: the difference is noise, far below a query's cost.
    expect(Math.abs(known - unknown)).toBeLessThan(Math.max(known, unknown) * 0.75 + 5);
  });
});

describe('abuse protection with the default limits', () => {
  it('answers floods of tips from one address with 429, without a captcha, and lets other addresses through', async () => {
    const { app: guarded } = await tipsTestApp(db);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        const response = await guarded.inject({ method: 'POST', url: `${URL_}/tips`, remoteAddress: '192.0.2.10', payload: { category: 'drugs', description: `Flood number ${i} of the same tip.` } });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
      // The same error body as every other failure, with a code the web client translates and the wait.
      const flooded = await guarded.inject({ method: 'POST', url: `${URL_}/tips`, remoteAddress: '192.0.2.10', payload: { category: 'drugs', description: 'One more of the same tip.' } });
      expect(flooded.json().error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: expect.any(Number) } });
      expect(flooded.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
      const other = await guarded.inject({ method: 'POST', url: `${URL_}/tips`, remoteAddress: '192.0.2.11', payload: { category: 'drugs', description: 'A different neighbor with a tip.' } });
      expect(other.statusCode).toBe(201);
      const guesses: number[] = [];
      for (let i = 0; i < 22; i += 1) {
        // A different (unknown) number each time: what stops this is the per-address limit, not the per-number one.
        const body = String(i).padStart(10, '0');
        guesses.push((await guarded.inject({ method: 'POST', url: `${URL_}/access`, remoteAddress: '192.0.2.12', payload: { tipNumber: `T${body}${checkCharacter(body)}`, passphrase: 'x' } })).statusCode);
      }
      expect(guesses.at(-1)).toBe(429);
    } finally {
      await guarded.close();
    }
  });
});
