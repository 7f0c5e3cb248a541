/**
 * The staff console in a real browser: MFA sign-in, the incidents map drawing real points with WebGL, the
 * filters changing what the map and the list show, and a wrong code being refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src/demo/accounts.js';
import {
  demoAccount, incidentCount, pageProblems, screenshot, signIn, startE2E, waitForIncidents, wrongCode, type E2E,
} from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const DEMO_DATA = new URL('../demo/data/', import.meta.url).pathname;
const renderedPoints = (page: Page) => page.evaluate(() => window.__bridgesMap!.renderedPoints());
const listRows = (page: Page) => page.locator('[data-testid=incident-table] tbody tr').count();

describe('incidents for an analyst', () => {
  let page: Page;

  it('signs in with password and authenticator code and sees the incidents drawn on the map', async () => {
    page = await e2e.newPage();
    await signIn(page, 'demo.analyst');
    await page.waitForURL('**/console/incidents');
    await waitForIncidents(page);

    const total = await incidentCount(page);
    const [{ count }] = await e2e.db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM incidents i JOIN agencies a ON a.id = i.agency_id WHERE a.slug = 'philadelphia-pd'");
    expect(total).toBe(count);
    expect(await listRows(page)).toBe(50);
    // Points were not only fetched but drawn: MapLibre reports them as rendered features of the circle layer.
    expect(await renderedPoints(page)).toBeGreaterThan(1000);
    expect(await page.getAttribute('.maplibregl-canvas', 'aria-label')).toBe('Map of the incidents that match the filters');

    // The navigation offers what an analyst may use, and not what needs other roles.
    const nav = await page.locator('nav.usa-nav a').allTextContents();
    expect(nav).toEqual(expect.arrayContaining(['Incidents', 'Areas', 'Imports']));
    for (const other of ['Users', 'Audit log', 'Community notices']) expect(nav).not.toContain(other);
    await screenshot(page, 'console-incidents', false);
    expect(pageProblems(page)).toEqual([]);
  });

  it('narrows the map and the list by category and by date range', async () => {
    const all = await incidentCount(page);
    const allPoints = await renderedPoints(page);

    await page.click('[data-testid=category-summary]');
    // USWDS draws its own checkbox: people (and the test) click the label.
    await page.click('label[for=filter-category-homicide]');
    expect(await page.isChecked('#filter-category-homicide')).toBe(true);
    await waitForIncidents(page);
    const homicides = await incidentCount(page);
    expect(homicides).toBeGreaterThan(0);
    expect(homicides).toBeLessThan(all);
    const categories = await page.locator('[data-testid=incident-table] tbody tr td:nth-child(2)').allTextContents();
    expect(categories.every((text) => text.startsWith('Homicide'))).toBe(true);
    expect(await renderedPoints(page)).toBeLessThan(allPoints);

    await page.fill('#filter-from', '2022-01-01');
    await page.fill('#filter-to', '2022-12-31');
    await waitForIncidents(page);
    const homicides2022 = await incidentCount(page);
    expect(homicides2022).toBeGreaterThan(0);
    expect(homicides2022).toBeLessThan(homicides);
    const [{ count }] = await e2e.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM incidents i JOIN agencies a ON a.id = i.agency_id
        WHERE a.slug = 'philadelphia-pd' AND i.category = 'homicide' AND i.occurred_at >= '2022-01-01' AND i.occurred_at < '2023-01-01'`);
    expect(homicides2022).toBe(count);
    expect(await renderedPoints(page)).toBeGreaterThan(0);
    await screenshot(page, 'console-incidents-filtered', false);

    // An area narrows further; clearing the filters brings everything back.
    await page.selectOption('#filter-area', { label: 'District 24' });
    await waitForIncidents(page);
    expect(await incidentCount(page)).toBeLessThan(homicides2022);
    await page.click('text=Clear filters');
    await waitForIncidents(page);
    expect(await incidentCount(page)).toBe(all);
    expect(pageProblems(page)).toEqual([]);
  });

  it('pages through the list without changing the count', async () => {
    const total = await incidentCount(page);
    const firstRow = await page.locator('[data-testid=incident-table] tbody tr').first().textContent();
    await page.click('.bridges-pager button:has-text("Next")');
    await page.waitForSelector('caption:has-text("Incidents 51–100")');
    expect(await page.locator('[data-testid=incident-table] tbody tr').first().textContent()).not.toBe(firstRow);
    expect(await incidentCount(page)).toBe(total);
  });

  it('opens a popup with category, date and block when a point is clicked', async () => {
    await page.evaluate(() => window.__bridgesMap!.idle());
    const point = await page.evaluate(() => window.__bridgesMap!.firstPointOnScreen());
    expect(point).not.toBeNull();
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + point!.x, box.y + point!.y);
    await page.waitForSelector('.bridges-popup');
    const text = await page.textContent('.bridges-popup');
    expect(text).toMatch(/Shooting|Homicide/);
    expect(text).toContain('Block');
    expect(text).toMatch(/BLOCK/);
  });

  it('shows the areas as outlines and as a table with incident counts', async () => {
    await page.click('nav.usa-nav a:has-text("Areas")');
    await page.waitForSelector('[data-testid=areas-table-district] tbody tr');
    expect(await page.locator('[data-testid=areas-table-district] tbody tr').count()).toBe(22);
    expect(await page.locator('[data-testid=areas-table-neighborhood] tbody tr').count()).toBe(49);
    await page.selectOption('#area-kind', 'district');
    await expect.poll(() => page.locator('[data-testid=areas-table-neighborhood]').count()).toBe(0);
    await page.evaluate(() => window.__bridgesMap!.idle());
    await screenshot(page, 'console-areas', false);
    expect(pageProblems(page)).toEqual([]);
  });

  it('imports a CSV with a preset and shows the summary, the rejects and the run', async () => {
    await page.click('nav.usa-nav a:has-text("Imports")');
    await page.waitForSelector('[data-testid=import-form]');
    expect(await page.locator('#import-preset option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)))
      .toEqual(['philadelphia-shootings', 'chicago-burglary', 'sacramento-2006', 'socrata']);
    expect(await page.isDisabled('[data-testid=import-form] button[type=submit]')).toBe(true);

    // The head of the file the demo already loaded, plus one row without a date: nothing new; rejected are
    // that row and the sample's rows without coordinates (the published file has some).
    const lines = readFileSync(join(DEMO_DATA, 'philadelphia/shootings.csv'), 'utf8').split('\n').slice(0, 41);
    const withoutPlace = lines.slice(1).filter((line) => line.split(',').slice(-2).some((value) => value.trim() === '')).length;
    const broken = lines[1].split(',');
    broken[6] = '';
    const csv = [...lines, broken.join(',')].join('\n');
    await page.setInputFiles('#import-file', { name: 'shootings-sample.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.selectOption('#import-preset', 'philadelphia-shootings');
    await page.click('[data-testid=import-form] button[type=submit]');
    await page.waitForSelector('[data-testid=import-result]');
    const figures = Object.fromEntries(await page.locator('[data-testid=import-result] dl > div').evaluateAll((items) =>
      items.map((item) => [item.querySelector('dt')!.textContent, Number(item.querySelector('dd')!.textContent!.replace(/\D/g, ''))])));
    expect(figures['Rows read']).toBe(41);
    expect(figures['New']).toBe(0);
    expect(figures['Rejected']).toBe(withoutPlace + 1);
    expect(await page.textContent('[data-testid=import-result] table')).toContain('42');
    await page.waitForSelector('[data-testid=import-runs] td:has-text("shootings-sample.csv")');
    await screenshot(page, 'console-imports');
    expect(pageProblems(page)).toEqual([]);
  });

  it('signs out and ends the session', async () => {
    await page.click('button:has-text("Sign out")');
    await page.waitForURL('**/console/sign-in');
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    await page.goto('/console/areas', { waitUntil: 'load' });
    await page.waitForURL('**/console/sign-in');
  });
});

describe('sign-in', () => {
  it('refuses a wrong authenticator code and keeps the user signed out', async () => {
    const page = await e2e.newPage();
    await page.goto('/console/sign-in', { waitUntil: 'load' });
    await page.fill('#sign-in-username', 'demo.tips');
    await page.fill('#sign-in-password', DEMO_PASSWORD);
    await page.click('[data-testid=password-form] button[type=submit]');
    await page.waitForSelector('#sign-in-code');
    await page.fill('#sign-in-code', wrongCode(demoAccount('demo.tips').totpSecret));
    await page.click('[data-testid=code-form] button[type=submit]');
    const alert = page.locator('[data-testid=code-form] .usa-alert--error');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/code/i);
    expect(page.url()).toContain('/console/sign-in');
    expect(await page.locator('[data-testid=signed-in-user]').count()).toBe(0);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
  });

  it('refuses a wrong password with the server message', async () => {
    const page = await e2e.newPage();
    await page.goto('/console/sign-in', { waitUntil: 'load' });
    await page.fill('#sign-in-username', 'demo.partner');
    await page.fill('#sign-in-password', 'not the password at all');
    await page.click('[data-testid=password-form] button[type=submit]');
    const alert = page.locator('[data-testid=password-form] .usa-alert--error');
    await alert.waitFor();
    expect((await alert.textContent())!.length).toBeGreaterThan(20);
    expect(await page.locator('#sign-in-code').count()).toBe(0);
  });

  it('returns to the sign-in page when the session ends while a page is open', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'demo.command');
    await waitForIncidents(page);
    // The server forgets the session (as after the idle timeout); the next request answers 401.
    await e2e.db.query("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'demo.command')");
    await page.fill('#filter-from', '2021-01-01');
    await page.waitForURL('**/console/sign-in');
    expect(await page.textContent('h1')).toBe('Staff sign-in');
    expect(pageProblems(page)).toEqual([]);
  });

  it('sends visitors of a console page to the sign-in page', async () => {
    const page = await e2e.newPage();
    await page.goto('/console/incidents', { waitUntil: 'load' });
    await page.waitForURL('**/console/sign-in');
    expect(await page.textContent('h1')).toBe('Staff sign-in');
  });
});
