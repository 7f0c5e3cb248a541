/**
 * The whole anonymous-tip loop in a real browser: a resident sends a tip (with a photo and a map pin) and a
 * text tip arrives by (simulated, signed) SMS; the tip handler triages, routes, replies and proposes a reward;
 * command staff approve it on the reward board; the resident follows up in Spanish with tip number and
 * passphrase (a wrong one first, refused in Spanish), reads the question and the reward, answers; the handler records the payout by tip number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_TWILIO_TOKEN } from '../src/programs/tips/settings.js';
import { twilioSignature } from '../src/programs/tips/sms/twilio-signature.js';
import { photoWithMetadata } from '../src/programs/tips/testing.js';
import { pageProblems, runAxe, screenshot, seriousViolations, signIn, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const TIP_TEXT = 'A man sells pills from a gray sedan behind the laundromat every evening around 9.';
let tipNumber = '';
let passphrase = '';
let smsNumber = '';
let handler: Page;

async function textTheTipLine(from: string, body: string): Promise<string> {
  const url = `${e2e.baseUrl}/api/programs/tips/sms/twilio`;
  const params = { MessageSid: `SM${Date.now()}`, AccountSid: 'AC_demo', From: from, To: '+12155550100', Body: body, NumMedia: '0', FromCity: 'PHILADELPHIA' };
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(DEMO_TWILIO_TOKEN, url, params) },
    body: new URLSearchParams(params),
  });
  expect(response.status).toBe(200);
  return response.text();
}

const actionDone = (page: Page, id: string) => page.waitForSelector(`[data-testid=action-${id}] .usa-alert--success`);

describe('anonymous tips, end to end', () => {
  it('a resident sends a tip with a photo and a map pin, and gets a tip number and passphrase', async () => {
    const page = await e2e.newPage();
    await page.goto('/', { waitUntil: 'load' });
    // By keyboard: the home page is still growing as its other sections load, which moves a mouse target.
    await page.focus('[data-testid=tips-teaser] a[href="/tips"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=tip-form] #tip-category option[value=drugs]', { state: 'attached' });
    expect(new URL(page.url()).pathname).toBe('/tips');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await page.selectOption('#tip-category', 'drugs');
    await page.fill('#tip-description', TIP_TEXT);
    await page.fill('#tip-place', 'Kensington Ave & E Somerset St');
    await page.click('text=Point at it on a map');
    await page.waitForSelector('[data-testid=tip-location-map] canvas');
    await page.waitForFunction(() => Boolean(window.__bridgesMap));
    await page.click('[data-testid=tip-location-map] canvas', { position: { x: 200, y: 150 } });
    await page.waitForSelector('text=/Pin placed at/');
    await page.fill('#tip-when-text', 'Every evening this week');
    await page.setInputFiles('#tip-files', { name: 'IMG_4411.jpg', mimeType: 'image/jpeg', buffer: await photoWithMetadata() });
    await screenshot(page, 'tips-form');
    await page.click('[data-testid=tip-submit]');
    await page.waitForSelector('[data-testid=tip-receipt]');
    tipNumber = (await page.textContent('[data-testid=receipt-number]'))!.trim();
    passphrase = (await page.textContent('[data-testid=receipt-passphrase]'))!.trim();
    expect(tipNumber).toMatch(/^T[0-9A-Z]{11}$/);
    await page.waitForSelector('text=Files sent: 1 of 1');
    await screenshot(page, 'tips-receipt');

    await page.click('[data-testid=receipt-follow-up]');
    await page.waitForSelector('[data-testid=follow-up-view]');
    expect(await page.textContent('[data-testid=follow-up-status]')).toBe('Received');
    const [stored] = await e2e.db.query<{ lon: number | null; files: number }>(
      'SELECT t.lon, (SELECT count(*)::int FROM tip_attachments a WHERE a.tip_id = t.id) AS files FROM tips t WHERE number = $1', [tipNumber]);
    expect(stored.lon).not.toBeNull();
    expect(stored.files).toBe(1);
    expect(pageProblems(page)).toEqual([]);
  });

  it('a text tip arrives by SMS and is answered with its tip number', async () => {
    const twiml = await textTheTipLine('+12155550177', 'They keep guns in the blue garage on Hope Street');
    smsNumber = /T[0-9A-HJKMNP-TV-Z]{11}/.exec(twiml)![0];
  });

  it('the tip handler triages, routes, questions the tipster, closes with an arrest and proposes a reward', async () => {
    handler = await e2e.newPage();
    await signIn(handler, 'demo.tips');
    await handler.goto('/console/programs/tips', { waitUntil: 'load' });
    await handler.waitForSelector(`[data-testid=queue-${tipNumber}]`);
    await handler.waitForSelector(`[data-testid=queue-${smsNumber}]`);
    await screenshot(handler, 'tips-queue');
    await handler.click(`[data-testid=queue-${tipNumber}] a`);
    await handler.waitForSelector('[data-testid=tip-description]');
    expect(await handler.textContent('[data-testid=tip-description]')).toBe(TIP_TEXT);

    await handler.fill('#reply-body', 'Thank you. Can you describe the driver?');
    await handler.click('label[for=reply-question]');
    await handler.click('[data-testid=action-message] button[type=submit]');
    await actionDone(handler, 'message');
    await handler.selectOption('#assign-user', { label: 'Demo Tip Handler' });
    await handler.click('[data-testid=action-assign] button[type=submit]');
    await handler.waitForSelector('text=/Handler.*Demo Tip Handler/s');
    await handler.selectOption('#route-primary', { label: 'Narcotics' });
    await handler.click('label[for=route-copy-crt]');
    await handler.click('[data-testid=action-route] button[type=submit]');
    await handler.waitForSelector('text=/copy: Community response team/');
    await handler.selectOption('#state-to', 'in_progress');
    await handler.click('[data-testid=action-state] button[type=submit]');
    await handler.waitForFunction(() => [...document.querySelectorAll('#state-to option')].some((o) => (o as HTMLOptionElement).value === 'closed'));
    await handler.selectOption('#state-to', 'closed');
    await handler.selectOption('#state-outcome', 'arrest');
    await handler.click('[data-testid=action-state] button[type=submit]');
    await handler.waitForSelector('[data-testid=action-reward]');
    await handler.fill('#reward-amount', '500');
    await handler.fill('#reward-reason', 'Led to the arrest of the dealer and the seizure of 400 pills');
    await handler.click('[data-testid=action-reward] button[type=submit]');
    await handler.waitForSelector('text=/Proposed · \\$500/');
    await screenshot(handler, 'tips-detail');
    expect(pageProblems(handler)).toEqual([]);
  });

  it('the tip handler replies to the text tipster through the SMS sender (the outbox here)', async () => {
    await handler.goto('/console/programs/tips', { waitUntil: 'load' });
    await handler.click(`[data-testid=queue-${smsNumber}] a`);
    await handler.fill('#reply-body', 'Thank you. Which house number?');
    await handler.click('[data-testid=action-message] button[type=submit]');
    await handler.waitForSelector('[data-testid=action-message] .usa-alert--success');
    const outbox = await e2e.db.query<{ body: string }>(
      'SELECT o.body FROM tip_sms_outbox o JOIN tip_sms_conversations c ON c.id = o.conversation_id JOIN tips t ON t.id = c.tip_id WHERE t.number = $1', [smsNumber]);
    expect(outbox.map((o) => o.body)).toEqual(['Thank you. Which house number?']);
  });

  it('command staff approve the reward on the reward board', async () => {
    const command = await e2e.newPage();
    await signIn(command, 'demo.command');
    await command.goto('/console/programs/tips?view=rewards', { waitUntil: 'load' });
    await command.waitForSelector(`[data-testid=proposal-${tipNumber}]`);
    await command.click(`[data-testid=proposal-${tipNumber}] >> text=Approve`);
    await command.waitForSelector(`[data-testid=proposal-${tipNumber}]`, { state: 'detached' });
    await command.goto('/console/programs/tips?view=dashboard', { waitUntil: 'load' });
    await command.waitForSelector('[data-testid=dashboard-total]');
    expect(Number(await command.textContent('[data-testid=dashboard-total]'))).toBeGreaterThanOrEqual(2);
    await screenshot(command, 'tips-dashboard');
    expect(pageProblems(command)).toEqual([]);
  });

  it('the resident follows up in Spanish, reads the question and the reward, and answers', async () => {
    const page = await e2e.newPage({ locale: 'es-ES' });
    await page.goto('/tips/follow-up', { waitUntil: 'load' });
    expect(await page.textContent('h1')).toBe('Envíe una pista anónima');
    // A wrong passphrase first: the server's refusal is said in Spanish (by its code), not in its English.
    await page.fill('#follow-number', tipNumber.toLowerCase());
    await page.fill('#follow-passphrase', 'WRONG-PASS-WORD-0000');
    await page.click('[data-testid=follow-up-access] button[type=submit]');
    const refusal = await page.waitForSelector('[data-testid=follow-up-access] .usa-alert--error');
    expect(await refusal.textContent()).toContain('Ese número de pista y esa frase de acceso no coinciden.');
    expect(await refusal.textContent()).not.toContain('do not match');
    await page.fill('#follow-passphrase', passphrase);
    await page.click('[data-testid=follow-up-access] button[type=submit]');
    await page.waitForSelector('[data-testid=follow-up-view]');
    expect(await page.textContent('[data-testid=follow-up-status]')).toBe('Cerrada');
    expect(await page.textContent('[data-testid=follow-up-thread]')).toContain('Can you describe the driver?');
    expect(await page.textContent('[data-testid=reward-approved]')).toContain('Se aprobó una recompensa de');
    const code = (await page.textContent('[data-testid=collection-code]'))!.trim();
    expect(code).toMatch(/^[0-9A-Z]{8}$/);
    await page.selectOption('#follow-kind', 'answer');
    await page.fill('#follow-body', 'Hombre alto, gorra roja.');
    await page.click('[data-testid=follow-up-reply] button[type=submit]');
    await page.waitForSelector('text=Enviado. Gracias.');
    await screenshot(page, 'tips-follow-up-es');
    expect(pageProblems(page)).toEqual([]);

    // The payout: tip number and collection code, nothing else.
    await handler.goto('/console/programs/tips?view=rewards', { waitUntil: 'load' });
    await handler.fill('#payout-number', tipNumber);
    await handler.fill('#payout-code', code);
    await handler.click('[data-testid=reward-payout] button[type=submit]');
    await handler.waitForSelector('text=The payout was recorded.');
    const trail = await e2e.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'tips.reward%' AND target_id = (SELECT id::text FROM tips WHERE number = $1) ORDER BY id`, [tipNumber]);
    expect(trail.map((r) => r.action)).toEqual(['tips.reward_propose', 'tips.reward_approve', 'tips.reward_pay']);
  });
});
