/**
 * Neighborhood Impact walks in a real browser: the demo's walks opened from real shootings, planning one
 * and printing its packet, working it on a phone-sized screen with the connection dropping (doors kept on
 * the phone, sent once when it comes back, never twice), and evaluating completed walks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageProblems, runAxe, screenshot, seriousViolations, signIn, startE2E, type E2E } from './harness.js';
import { darkShare, inkAtSideEdges, renderPdfPages, variance } from './pdf-pages.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function plannedWalk(): Promise<{ id: number; title: string }> {
  const [walk] = await e2e.db.query<{ id: number; title: string }>("SELECT id, title FROM walks WHERE status = 'planned' AND is_demo ORDER BY id LIMIT 1");
  return walk;
}

describe('walks from real shootings', () => {
  let page: Page;

  it('lists the demo walks opened from real shootings, with the command figures', async () => {
    page = await e2e.newPage();
    await signIn(page, 'demo.command');
    await page.goto('/console/programs/walks', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=walks-table] tbody tr');
    const rows = await page.locator('[data-testid=walks-table] tbody tr').count();
    expect(rows).toBe(3);
    const [{ real }] = await e2e.db.query<{ real: number }>(
      "SELECT count(*)::int AS real FROM walks w JOIN incidents i ON i.id = w.incident_id WHERE i.category IN ('shooting', 'homicide') AND i.source_system <> 'api'");
    expect(real).toBeGreaterThanOrEqual(20);
    expect(await page.textContent('[data-testid=walk-figures]')).toMatch(/done on time/);
    await page.waitForSelector('[data-testid=impact-chart]');
    await page.selectOption('#walk-filter', 'completed');
    await expect.poll(() => page.locator('[data-testid=walks-table] tbody tr').count()).toBeGreaterThanOrEqual(20);
    await screenshot(page, 'prevention-walks-console');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('plans a walk: date, meeting point and team, then prints the packet in Spanish and as PDF', async () => {
    const walk = await plannedWalk();
    await page.goto(`/console/programs/walks/${walk.id}`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=plan-form]');
    await page.fill('#plan-meeting', 'Fairhill Square, north gate');
    await page.click('text=Add a member');
    const last = (await page.locator('[data-testid=team-row]').count()) - 1;
    await page.fill(`#team-name-${last}`, 'Rev. Ana Ortiz');
    await page.selectOption(`#team-role-${last}`, 'chaplain');
    await page.fill(`#team-org-${last}`, 'Fairhill churches');
    // Canvass the neighborhood the shooting happened in instead of the circle, with the team's own talking points.
    const [area] = await e2e.db.query<{ id: number; name: string }>(
      "SELECT a.id, a.name FROM walks w JOIN incidents i ON i.id = w.incident_id JOIN areas a ON a.id = ANY(i.area_ids) AND a.kind = 'neighborhood' WHERE w.id = $1", [walk.id]);
    await page.waitForSelector(`#plan-area option[value="${area.id}"]`, { state: 'attached' });
    await page.selectOption('#plan-area', String(area.id));
    await page.fill('#plan-points-en', 'Introduce the team.\nAsk about the corner store lights.');
    await page.fill('#plan-points-es', 'Presente al equipo.\nPregunte por las luces de la tienda de la esquina.');
    await page.click('[data-testid=plan-form] button[type=submit]');
    await page.waitForSelector('text=The plan was saved.');
    const team = await e2e.db.query<{ name: string }>('SELECT name FROM walk_team WHERE walk_id = $1', [walk.id]);
    expect(team.map((m) => m.name)).toContain('Rev. Ana Ortiz');
    const [planned] = await e2e.db.query<{ canvass_area_id: number; talking_points: { en: string[]; es: string[] } }>(
      'SELECT canvass_area_id, talking_points FROM walks WHERE id = $1', [walk.id]);
    expect(planned).toEqual({ canvass_area_id: area.id, talking_points: {
      en: ['Introduce the team.', 'Ask about the corner store lights.'], es: ['Presente al equipo.', 'Pregunte por las luces de la tienda de la esquina.'] } });
    await page.waitForSelector('[data-testid=packet-map]');

    // A follow-up task given to a staff member, due on a chosen day.
    const [officer] = await e2e.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'demo.officer'");
    await page.fill('#task-description', 'Fix the streetlight at 22nd and Allegheny');
    await page.waitForSelector(`#task-owner-user option[value="${officer.id}"]`, { state: 'attached' });
    await page.selectOption('#task-owner-user', String(officer.id));
    await page.fill('#task-due', '2026-12-01');
    await page.click('[data-testid=task-form] button[type=submit]');
    await page.waitForSelector('[data-testid=tasks-table] td:has-text("Fix the streetlight at 22nd and Allegheny")');
    const [task] = await e2e.db.query<{ owner_user_id: number; due_on: string }>(
      "SELECT owner_user_id, due_on::text AS due_on FROM walk_tasks WHERE description = 'Fix the streetlight at 22nd and Allegheny'");
    expect(task).toEqual({ owner_user_id: officer.id, due_on: '2026-12-01' });
    await screenshot(page, 'prevention-walk-plan');
    expect(seriousViolations(await runAxe(page))).toEqual([]);

    await page.click('text=Packet (Spanish)');
    await page.waitForSelector('[data-testid=walk-packet]');
    expect(await page.textContent('h1')).toContain('Caminata de Impacto Vecinal');
    expect(await page.textContent('[data-testid=walk-packet]')).toContain('Fairhill Square, north gate');
    expect(await page.textContent('[data-testid=walk-packet]')).toContain('Pregunte por las luces de la tienda de la esquina.');
    expect(await page.locator('[data-testid=packet-map] circle').count()).toBeGreaterThan(2);
    await screenshot(page, 'prevention-packet-es');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'prevention-packet-es-print');
    await page.emulateMedia({ media: 'screen' });
    // Looked at as images (.test-output/screenshots/prevention-packet-LANG-page-N.png): plan and map, talking
    // points and resources, tip cards; every page has content and nothing runs off a side.
    for (const lang of ['en', 'es']) {
      const pdf = await page.request.get(`/api/programs/walks/${walk.id}/packet.pdf?lang=${lang}`);
      const bytes = await pdf.body();
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = renderPdfPages(bytes, `prevention-packet-${lang}`);
      expect(pages).toHaveLength(3);
      for (const image of pages) {
        expect(variance(image)).toBeGreaterThan(100);
        expect(inkAtSideEdges(image)).toBe(0);
      }
      // Page 1: the title at the top, the canvass map (a large grey frame with shapes) below it.
      expect(darkShare(pages[0], { x: 0.05, y: 0.03, w: 0.9, h: 0.1 })).toBeGreaterThan(0.01);
      expect(variance(pages[0], { x: 0.1, y: 0.3, w: 0.8, h: 0.4 })).toBeGreaterThan(100);
    }
    expect(pageProblems(page)).toEqual([]);
  });
});

describe('a walk on a phone with a flaky connection', () => {
  it('keeps doors on the phone while offline and sends each exactly once when back online', async () => {
    const walk = await plannedWalk();
    const phone = await e2e.newPage(PHONE);
    await signIn(phone, 'demo.officer');
    await phone.goto(`/console/programs/walks/${walk.id}/field`, { waitUntil: 'load' });
    await phone.waitForSelector('[data-testid=visit-form]');
    // The service worker has kept the page for a reload without a connection.
    await phone.waitForSelector('[data-testid=offline-ready]');
    const stored = async () => (await e2e.db.query<{ n: number }>('SELECT count(*)::int AS n FROM walk_visits WHERE walk_id = $1', [walk.id]))[0].n;

    // Online: a door is sent at once.
    await phone.fill('#visit-block', '2200 block W Allegheny Ave');
    await phone.click('label[for=visit-concern-streetlight_out]');
    await phone.click('label[for=visit-resource-victim_services]');
    await phone.click('[data-testid=visit-form] button[type=submit]');
    await phone.waitForSelector('[data-testid=outbox-status][data-pending="0"]');
    await expect.poll(stored).toBe(1);

    // The connection drops: two more doors stay on the phone.
    await phone.context().setOffline(true);
    await phone.click('label[for=visit-outcome-no_answer]');
    await phone.click('[data-testid=visit-form] button[type=submit]');
    await phone.click('label[for=visit-watch]');
    await phone.click('label[for=visit-consent]');
    await phone.fill('#visit-contact-name', 'Demo resident');
    await phone.fill('#visit-contact-phone', '555-0142');
    await phone.fill('#visit-tip', 'A grey sedan without plates circles the block every night around 11.');
    await phone.click('[data-testid=visit-form] button[type=submit]');
    await phone.waitForSelector('[data-testid=outbox-status][data-pending="2"]');
    expect(await phone.textContent('[data-testid=outbox-status]')).toContain('No connection');
    const queued = await phone.evaluate((id) => localStorage.getItem(`bridges.walks.outbox.${id}`), walk.id);
    expect(JSON.parse(queued!)).toHaveLength(2);
    expect(await stored()).toBe(1);
    await screenshot(phone, 'prevention-field-offline');
    expect(seriousViolations(await runAxe(phone))).toEqual([]);

    // Reloaded in the dead spot: the page comes from the service worker and lists the two doors waiting.
    const reloaded = await phone.reload({ waitUntil: 'load' });
    expect(reloaded?.fromServiceWorker()).toBe(true);
    expect(await phone.evaluate(() => fetch('/api/health').then(() => 'reached', () => 'unreachable'))).toBe('unreachable');
    // The worker itself cannot reach the server either: the page came from its cache.
    const [worker] = phone.context().serviceWorkers();
    expect(await worker.evaluate(() => fetch('/api/health').then(() => 'reached', () => 'unreachable'))).toBe('unreachable');
    await phone.waitForSelector('[data-testid=outbox-status][data-pending="2"]');
    expect(await phone.textContent('h1')).toBe(walk.title);
    expect(await phone.locator('[data-testid=saved-doors] li[data-waiting=true]').count()).toBe(2);
    expect(await phone.textContent('[data-testid=saved-doors]')).toContain('No answer');
    expect(await stored()).toBe(1);
    await screenshot(phone, 'prevention-field-offline-reloaded');

    // Back online: both are sent, once.
    await phone.context().setOffline(false);
    await phone.waitForSelector('[data-testid=outbox-status][data-pending="0"]', { timeout: 20_000 });
    await expect.poll(stored).toBe(3);
    expect(await phone.locator('[data-testid=saved-doors] li[data-waiting=true]').count()).toBe(0);

    // A lost answer: the phone sends the same two doors again; the server keeps one copy of each.
    await phone.evaluate(([id, copy]) => localStorage.setItem(`bridges.walks.outbox.${id}`, copy), [String(walk.id), queued!] as const);
    await phone.reload({ waitUntil: 'load' });
    await phone.waitForSelector('[data-testid=outbox-status][data-pending="0"]', { timeout: 20_000 });
    expect(await stored()).toBe(3);
    const [contact] = await e2e.db.query<{ contact_phone: string; consent: boolean }>(
      'SELECT contact_phone, consent FROM walk_visits WHERE walk_id = $1 AND wants_watch', [walk.id]);
    expect(contact).toEqual({ contact_phone: '555-0142', consent: true });

    // The tip from the door went to the tips program, and its number came back to the visit.
    await expect.poll(async () => (await e2e.db.query<{ tip_number: string | null }>('SELECT tip_number FROM walk_visits WHERE walk_id = $1 AND tip_text IS NOT NULL', [walk.id]))[0]?.tip_number ?? null, { timeout: 20_000 }).toMatch(/^T/);
    const tips = await e2e.db.query("SELECT 1 FROM tips WHERE description LIKE 'Tip received in person during Neighborhood Impact walk%'");
    expect(tips).toHaveLength(1);
    await screenshot(phone, 'prevention-field-synced');
    expect(pageProblems(phone)).toEqual([]);
  });
});

describe('evaluating walks', () => {
  it('shows a completed walk’s impact against the citywide trend, its visits and its tasks', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'demo.analyst');
    const [walk] = await e2e.db.query<{ id: number }>(
      "SELECT id FROM walks WHERE status = 'completed' AND is_demo AND completed_at < '2023-07-01' ORDER BY id LIMIT 1");
    await page.goto(`/console/programs/walks/${walk.id}`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=impact-chart] svg rect', { state: 'attached' });
    await page.waitForSelector('[data-testid=visits-table] tbody tr');
    expect(await page.locator('[data-testid=impact-chart] svg rect').count()).toBeGreaterThan(8);
    expect(await page.textContent('[data-testid=impact-chart]')).toMatch(/incidents in the 28 days before/);
    await page.waitForSelector('[data-testid=walk-timeline] li');
    await screenshot(page, 'prevention-walk-impact');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });
});
