/**
 * Administration and the first program in a real browser: an administrator adds a user who then enrols
 * an authenticator at the first sign-in; the audit chain verifies; a notice written in the console
 * appears on the public home in both languages and disappears when withdrawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageProblems, screenshot, signIn, startE2E, totpCode, type E2E } from './harness.js';

let e2e: E2E;
let admin: Page;
beforeAll(async () => {
  e2e = await startE2E();
  admin = await e2e.newPage();
  await signIn(admin, 'demo.admin');
});
afterAll(async () => {
  await e2e?.close();
});

const NEW_USER = { username: 'e2e.newcomer', name: 'Erin Newcomer', password: 'lantern orchard velvet 42' };

describe('users', () => {
  it('lists the agency users and adds a new officer', async () => {
    await admin.goto('/console/users', { waitUntil: 'load' });
    await admin.waitForSelector('[data-testid=user-demo\\.analyst]');
    expect(await admin.textContent('[data-testid=user-demo\\.analyst]')).toContain('Crime analyst');

    await admin.fill('#new-user-username', NEW_USER.username);
    await admin.fill('#new-user-name', NEW_USER.name);
    await admin.fill('#new-user-password', NEW_USER.password);
    await admin.click('[data-testid=new-user-form] label:has-text("Officer")');
    await admin.click('[data-testid=new-user-form] button[type=submit]');
    await admin.waitForSelector(`text=${NEW_USER.name} was added.`);
    const row = admin.locator('[data-testid=user-e2e\\.newcomer]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Officer');
    expect(await row.textContent()).toContain('Authenticator not set up yet');
    await screenshot(admin, 'console-users');
  });

  it('changes the roles of a user', async () => {
    const row = admin.locator('[data-testid=user-e2e\\.newcomer]');
    await row.locator('button:has-text("Change roles")').click();
    await row.locator('label:has-text("Command staff")').click();
    await row.locator('button:has-text("Save")').click();
    await admin.waitForSelector(`text=Roles of ${NEW_USER.name} saved.`);
    await expect.poll(() => row.textContent()).toContain('Command staff');
    expect(await row.textContent()).toContain('Officer');
  });

  it('lets the new user enrol an authenticator at the first sign-in', async () => {
    const page = await e2e.newPage();
    await page.goto('/console/sign-in', { waitUntil: 'load' });
    await page.fill('#sign-in-username', NEW_USER.username);
    await page.fill('#sign-in-password', NEW_USER.password);
    await page.click('[data-testid=password-form] button[type=submit]');
    await page.waitForSelector('[data-testid=enrolment]');
    expect(await page.locator('[data-testid=enrolment] svg[role=img]').count()).toBe(1);
    expect(await page.getAttribute('[data-testid=enrolment] a', 'href')).toMatch(/^otpauth:\/\/totp\//);
    await screenshot(page, 'sign-in-enrolment');
    const secret = ((await page.textContent('[data-testid=totp-secret]')) ?? '').replace(/\s+/g, '');
    await page.fill('#sign-in-code', totpCode(secret));
    await page.click('[data-testid=code-form] button[type=submit]');
    await page.waitForSelector('[data-testid=signed-in-user]');
    expect(await page.textContent('[data-testid=signed-in-user]')).toContain(NEW_USER.name);
    // Officer + command staff: incidents, areas, notices and the audit log; no user administration or imports.
    const nav = await page.locator('nav.usa-nav a').allTextContents();
    expect(nav).toEqual(expect.arrayContaining(['Incidents', 'Areas', 'Community notices', 'Audit log']));
    for (const other of ['Users', 'Imports']) expect(nav).not.toContain(other);
    await page.goto('/console/users', { waitUntil: 'load' });
    await page.waitForSelector('h1:has-text("You do not have access to this page")');
    expect(pageProblems(page)).toEqual([]);
  });
});

describe('audit log', () => {
  it('shows the changes just made and verifies the hash chain', async () => {
    await admin.goto('/console/audit', { waitUntil: 'load' });
    await admin.waitForSelector('[data-testid=audit-table] tbody tr');
    await admin.fill('#audit-action', 'users.');
    await admin.click('[data-testid=audit-filters] button[type=submit]');
    await expect.poll(() => admin.locator('[data-testid=audit-table] tbody tr td:nth-child(3)').allTextContents())
      .toEqual(expect.arrayContaining(['users.create', 'users.update']));
    const actions = await admin.locator('[data-testid=audit-table] tbody tr td:nth-child(3)').allTextContents();
    expect(actions.every((a) => a.startsWith('users.'))).toBe(true);

    await admin.click('[data-testid=verify-chain] button');
    await admin.waitForSelector('[data-testid=verify-chain] .usa-alert--success');
    expect(await admin.textContent('[data-testid=verify-chain] .usa-alert--success')).toMatch(/The chain is intact: [\d,]+ entries checked/);
    await screenshot(admin, 'console-audit');
    expect(pageProblems(admin)).toEqual([]);
  });
});

describe('community notices', () => {
  const title = { en: 'Street fair on Saturday: Baltimore Ave closed', es: 'Feria callejera el sábado: Baltimore Ave cerrada' };

  it('publishes a notice that then appears on the public home in both languages', async () => {
    await admin.goto('/console/programs/notices', { waitUntil: 'load' });
    await admin.waitForSelector('[data-testid=notices-table]');
    await admin.selectOption('#notice-new-kind', 'advisory');
    await admin.fill('#notice-new-title-en', title.en);
    await admin.fill('#notice-new-title-es', title.es);
    await admin.fill('#notice-new-body-en', 'Baltimore Ave between 45th and 50th St is closed to traffic from 10 am to 6 pm.');
    await admin.fill('#notice-new-body-es', 'Baltimore Ave entre las calles 45 y 50 estará cerrada al tráfico de 10 a 18 h.');
    await admin.selectOption('#notice-new-area', { label: 'District 18' });
    await admin.click('[data-testid=notice-form] button[value=published]');
    await admin.waitForSelector(`text=“${title.en}” is published.`);
    await admin.waitForSelector(`[data-testid=notices-table] tr:has-text("${title.en}")`);
    await screenshot(admin, 'console-notices');

    const resident = await e2e.newPage();
    await resident.goto('/', { waitUntil: 'load' });
    const notice = resident.locator(`[data-testid=public-notice]:has-text("${title.en}")`);
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Area: District 18');
    await resident.selectOption('[data-testid=language-select]', 'es');
    await resident.locator(`[data-testid=public-notice]:has-text("${title.es}")`).waitFor();
    expect(pageProblems(resident)).toEqual([]);
  });

  it('withdraws the notice, which then leaves the public home', async () => {
    await admin.click(`button[aria-label="Withdraw ${title.en}"]`);
    await admin.waitForSelector(`text=“${title.en}” was withdrawn and is no longer shown to residents.`);
    const resident = await e2e.newPage();
    await resident.goto('/', { waitUntil: 'load' });
    await resident.waitForSelector('[data-testid=public-notice]');
    expect(await resident.locator(`[data-testid=public-notice]:has-text("${title.en}")`).count()).toBe(0);
    expect(pageProblems(admin)).toEqual([]);
  });
});
