/**
 * The staff side of the partnership programs in a real browser: check people in at an event and count
 * walk-ins, approve a resident's request to join a watch group, and answer a resident's question to the
 * Chief so it is published on the board's page. Console pages pass axe-core too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageProblems, runAxe, screenshot, seriousViolations, signIn, startE2E, type E2E } from './harness.js';

let e2e: E2E;
let staff: Page;
beforeAll(async () => {
  e2e = await startE2E();
  staff = await e2e.newPage();
  // One sign-in for the whole file: each sign-in spends a TOTP step of the account.
  await signIn(staff, 'demo.admin');
});
afterAll(async () => {
  await e2e?.close();
});

const QUESTION = 'Demo e2e: when will the Frankford Ave lighting be finished?';

describe('partnership programs for staff', () => {
  it('checks parties in at an event and counts walk-ins into the attendance', async () => {
    await staff.goto('/console/programs/events', { waitUntil: 'load' });
    await staff.waitForSelector('[data-testid=events-upcoming]');
    await staff.click('[data-testid=events-upcoming] >> text=Demo: Coffee with a Cop at Reading Terminal Market');
    await staff.waitForSelector('[data-testid=check-in-table] tbody tr');
    expect(await staff.textContent('[data-testid=figure-checked-in]')).toBe('0');
    const firstRow = staff.locator('[data-testid=check-in-table] tbody tr').first();
    const party = Number(await firstRow.locator('td').first().textContent());
    await firstRow.locator('label').click();
    await expect.poll(() => staff.textContent('[data-testid=figure-checked-in]')).toBe(String(party));
    await staff.fill('#walk-ins', '6');
    await staff.click('[data-testid=walk-ins-form] button[type=submit]');
    await expect.poll(() => staff.textContent('[data-testid=figure-attendance]')).toBe(String(party + 6));
    expect(seriousViolations(await runAxe(staff))).toEqual([]);
    await screenshot(staff, 'partnerships-console-event');
    const audit = await e2e.db.query<{ action: string }>("SELECT action FROM audit_log WHERE action IN ('events.check_in', 'events.walk_ins', 'events.rsvps_read') ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['events.rsvps_read', 'events.check_in', 'events.walk_ins']));
    expect(pageProblems(staff)).toEqual([]);
  });

  it('approves a request to join a watch group; the resident is told', async () => {
    await staff.goto('/console/programs/watch', { waitUntil: 'load' });
    await staff.waitForSelector('[data-testid=watch-requests] tbody tr');
    const join = staff.locator('[data-testid=watch-requests] tbody tr', { hasText: 'Join Demo: Frankford Neighbors Watch' });
    expect(await join.textContent()).not.toContain('@example.org');
    await join.getByRole('button', { name: /^Approve/ }).click();
    await staff.waitForSelector('text=Approved. The person was told by message.');
    expect(seriousViolations(await runAxe(staff))).toEqual([]);
    await screenshot(staff, 'partnerships-console-watch');
    const [welcome] = await e2e.db.query<{ subject: string }>("SELECT subject FROM message_outbox WHERE recipient = 'demo.request.1@example.org'");
    expect(welcome.subject).toBe('Welcome to Demo: Frankford Neighbors Watch');

    await staff.click('[data-testid=watch-groups-table] >> text=Demo: Frankford Neighbors Watch');
    await staff.waitForSelector('[data-testid=watch-members] tbody tr');
    expect(await staff.locator('[data-testid=watch-members] tbody tr').count()).toBe(6);
    expect(seriousViolations(await runAxe(staff))).toEqual([]);
    await screenshot(staff, 'partnerships-console-watch-group');
    expect(pageProblems(staff)).toEqual([]);
  });

  it("answers a resident's question to the Chief, which then appears on the public page", async () => {
    const asked = await fetch(`${e2e.baseUrl}/api/programs/board/public/questions`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION, language: 'en' }),
    });
    expect(asked.status).toBe(201);
    const { reference } = (await asked.json()) as { reference: number };

    await staff.goto('/console/programs/board', { waitUntil: 'load' });
    const item = staff.locator(`[data-testid=moderation-${reference}]`);
    await item.waitFor();
    await item.getByRole('button', { name: /^Answer/ }).click();
    await staff.fill(`#question-${reference}-q-es`, 'Demo e2e: ¿cuándo terminarán la iluminación de la avenida Frankford?');
    await staff.fill(`#question-${reference}-a-en`, 'The new lights go up in October; the work ends before November.');
    await staff.fill(`#question-${reference}-a-es`, 'Las luces nuevas se instalan en octubre; la obra termina antes de noviembre.');
    expect(seriousViolations(await runAxe(staff))).toEqual([]);
    await screenshot(staff, 'partnerships-console-board');
    await staff.click(`[data-testid=answer-form-${reference}] button[type=submit]`);
    await staff.waitForSelector(`text=Question ${reference} is answered and published.`);

    const resident = await e2e.newPage();
    await resident.goto('/board/questions', { waitUntil: 'load' });
    await resident.waitForSelector(`#question-${reference}`);
    expect(await resident.textContent(`#question-${reference}`)).toContain('The new lights go up in October');
    expect(seriousViolations(await runAxe(resident))).toEqual([]);
    await screenshot(resident, 'partnerships-board-questions');
    expect(pageProblems(staff)).toEqual([]);
  });
});
