/**
 * The staff side of the partnership programs in a real browser: the volunteer coordinator moves a demo
 * applicant through the whole pipeline, logs and approves hours and sees them in the monthly report, gives an
 * active volunteer a private link with which they sign up for a shift and cancel; an
 * officer records a referral to a service and its take-up. Console pages pass axe-core too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageProblems, runAxe, screenshot, seriousViolations, signIn, startE2E, type E2E } from './harness.js';
import { reachableByTab } from './partnerships-b-helpers.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const APPLICANT = 'Kevin Tran (demo)';
// One signed-in coordinator for the whole file: a TOTP code is accepted once, so signing in again within the
// same 30 s would be refused (as it should be).
let coordinator: Page;

describe('volunteer coordinator and referrals', () => {
  it('moves an applicant from application to active service, each step on the timeline', async () => {
    coordinator = await e2e.newPage();
    const page = coordinator;
    await signIn(page, 'demo.volunteers');
    await page.goto('/console/programs/volunteers', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=applicants-table] tbody tr');
    await page.selectOption('[data-testid=applicant-state]', 'applied');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await screenshot(page, 'portal-staff-volunteers');
    await page.click(`text=${APPLICANT}`);
    await page.waitForSelector('[data-testid=next-steps]');
    expect(await page.textContent('[data-testid=applicant-state-now]')).toBe('Applied');

    const steps: Array<[string, string]> = [['interview', 'Interview'], ['background_check', 'Background check'], ['training', 'Training'], ['active', 'Active']];
    for (const [code, label] of steps) {
      await page.fill('#transition-note', `Moved to ${label} in the browser test`);
      await page.click(`[data-testid=move-${code}]`);
      await expect.poll(() => page.textContent('[data-testid=applicant-state-now]')).toBe(label);
    }
    const timeline = await page.locator('[data-testid=applicant-timeline] li strong').allTextContents();
    expect(timeline).toEqual(['Applied', 'Interview', 'Background check', 'Training', 'Active']);
    expect(await page.textContent('[data-testid=applicant-timeline]')).toContain('Moved to Training in the browser test');
    // An active volunteer's only way on is inactive; the buttons come from the transitions table.
    expect(await page.locator('[data-testid=next-steps] button').allTextContents()).toEqual(['Move to Inactive']);

    await page.fill('#hours-hours', '3.5');
    await page.fill('#hours-description', 'Front desk, browser test');
    await page.click('[data-testid=log-hours-form] button[type=submit]');
    await page.waitForSelector('text=The hours were logged and wait for approval.');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await screenshot(page, 'portal-staff-applicant');
    expect(pageProblems(page)).toEqual([]);
  });

  it('approves the logged hours and counts them in the report by program and month', async () => {
    const page = coordinator;
    await page.click('.bridges-subnav a[href$="/hours"]');
    await page.waitForSelector('[data-testid=hours-report]');
    const before = Number((await page.textContent('[data-testid=hours-report-total]'))!.replace(/[^\d.]/g, ''));
    const row = page.locator('[data-testid=pending-hours] tr', { hasText: 'Front desk, browser test' });
    await row.locator('button', { hasText: 'Approve' }).click();
    await page.waitForSelector('text=3.5 hours of Kevin Tran (demo) approved.');
    await expect.poll(async () => Number((await page.textContent('[data-testid=hours-report-total]'))!.replace(/[^\d.]/g, ''))).toBe(before + 3.5);
    const [entry] = await e2e.db.query<{ status: string; reviewed_by: number | null }>(
      "SELECT status, reviewed_by FROM volunteer_hours WHERE description = 'Front desk, browser test'");
    expect(entry.status).toBe('approved');
    expect(entry.reviewed_by).not.toBeNull();
    expect(await reachableByTab(page, '[data-testid=hours-csv]')).toBe(true);
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await screenshot(page, 'portal-staff-hours');
    const audit = await e2e.db.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'volunteers.%' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['volunteers.transition', 'volunteers.hours.log', 'volunteers.hours.review', 'volunteers.read']));
    expect(pageProblems(page)).toEqual([]);
  });

  it('issues an active volunteer a private link with which they sign up for a shift and cancel, no account', async () => {
    const page = coordinator;
    await page.click('.bridges-subnav a[href="/console/programs/volunteers"]');
    await page.waitForSelector('[data-testid=applicants-table] tbody tr');
    await page.selectOption('[data-testid=applicant-state]', 'active');
    await page.click('text=James Whitaker (demo)');
    await page.click('[data-testid=issue-shift-link]');
    const url = await (await page.waitForSelector('[data-testid=shift-link-url]')).inputValue();
    // The whole address to copy, with the token in the fragment (never sent to the server or in a Referer).
    expect(url).toMatch(new RegExp(`^${e2e.baseUrl}/volunteers/shifts#[A-Za-z0-9_-]{43}$`));
    expect(seriousViolations(await runAxe(page))).toEqual([]);

    const volunteer = await e2e.newPage();
    const requests: string[] = [];
    volunteer.on('request', (r) => requests.push(r.url()));
    await volunteer.goto(url, { waitUntil: 'load' });
    const row = volunteer.locator('[data-testid=my-shifts] tr', { hasText: '24th District front desk (demo)' });
    await row.waitFor();
    expect(await volunteer.locator('h1').allTextContents()).toEqual(['Your volunteer shifts']);
    expect(await volunteer.textContent('.usa-intro')).toContain('Hello James');
    expect(await row.textContent()).toContain('1 of 2 left');
    // Only his own program's shifts: the senior wellness calls belong to Sentinel.
    expect(await volunteer.textContent('[data-testid=my-shifts]')).not.toContain('Senior wellness calls');
    await row.getByRole('button', { name: /^Sign up for 24th District front desk/ }).click();
    await volunteer.waitForSelector('[data-testid=my-shifts-status] >> text=You are signed up for 24th District front desk (demo).');
    expect(await row.locator('[data-testid=signed-up]').textContent()).toBe('Signed up');
    expect(await row.textContent()).toContain('0 of 2 left');
    expect(seriousViolations(await runAxe(volunteer))).toEqual([]);
    await screenshot(volunteer, 'portal-volunteer-shifts');
    const [signup] = await e2e.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM volunteer_signups su JOIN volunteers v ON v.id = su.volunteer_id JOIN volunteer_shifts s ON s.id = su.shift_id
        WHERE v.family_name = 'Whitaker (demo)' AND s.title = '24th District front desk (demo)'`);
    expect(signup.n).toBe(1);

    await row.getByRole('button', { name: /^Cancel your place on 24th District front desk/ }).click();
    await volunteer.waitForSelector('[data-testid=my-shifts-status] >> text=You are no longer signed up for 24th District front desk (demo).');
    expect(await row.locator('[data-testid=signed-up]').count()).toBe(0);
    expect(await row.textContent()).toContain('1 of 2 left');
    const token = url.split('#')[1];
    expect(requests.filter((r) => r.includes(token))).toEqual([]);
    expect(pageProblems(volunteer)).toEqual([]);

    // A newer link replaces it: the old one now says so, in words from the volunteers locale.
    await page.click('[data-testid=issue-shift-link]');
    await expect.poll(async () => (await page.inputValue('[data-testid=shift-link-url]')) !== url).toBe(true);
    await volunteer.reload({ waitUntil: 'load' });
    await volunteer.waitForSelector('[role=alert] >> text=This sign-up link does not work');
    expect(pageProblems(page)).toEqual([]);
  });

  it('lets an officer record a referral and its take-up, with no personal data', async () => {
    const page = await e2e.newPage();
    try {
      await signIn(page, 'demo.officer');
    } catch (error) {
      await screenshot(page, 'portal-staff-officer-sign-in-failed');
      throw error;
    }
    await page.goto('/console/programs/resources', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=referral-form] #referral-service option >> nth=5', { state: 'attached' });
    const before = (await page.textContent('[data-testid=referral-total]'))!;
    await page.selectOption('#referral-service', { label: 'Philadelphia Mobile Crisis Team (demo)' });
    await page.selectOption('#referral-need', 'cit');
    await page.click('label[for=referral-taken-yes]');
    await page.fill('#referral-case', '23-0417733');
    await page.click('[data-testid=referral-form] button[type=submit]');
    await page.waitForSelector('text=The referral to Philadelphia Mobile Crisis Team (demo) was recorded.');
    await expect.poll(() => page.textContent('[data-testid=referral-total]')).not.toBe(before);
    const [stored] = await e2e.db.query<{ need: string; taken_up: string; case_ref: string }>(
      "SELECT need, taken_up, case_ref FROM resource_referrals WHERE case_ref = '23-0417733'");
    expect(stored).toEqual({ need: 'cit', taken_up: 'yes', case_ref: '23-0417733' });
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await screenshot(page, 'portal-staff-referrals');
    expect(pageProblems(page)).toEqual([]);
  });
});
