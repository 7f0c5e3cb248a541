/**
 * I-CAP in a real browser: a shooting posted in one browser session raises a retaliation alert in another
 * within a second (server-sent events), with the risk zone on the map and a walk opened; the weekly briefing
 * generated on demand as a page and as a PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { realtimeHub } from '../src/core/realtime/hub.js';
import { pageProblems, runAxe, screenshot, seriousViolations, signIn, startE2E, type E2E } from './harness.js';
import { darkShare, inkAtSideEdges, renderPdfPages, variance } from './pdf-pages.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('retaliation alert after a shooting', () => {
  let watcher: Page;
  let incidentId: number;

  it('appears in a second browser session within a second of the shooting being posted', async () => {
    watcher = await e2e.newPage();
    await signIn(watcher, 'demo.command');
    await watcher.goto('/console/programs/walks', { waitUntil: 'load' });
    const hub = realtimeHub(e2e.db);
    await expect.poll(() => hub.size).toBeGreaterThan(0);

    const poster = await e2e.newPage();
    await signIn(poster, 'demo.analyst');
    const started = Date.now();
    const res = await poster.request.post('/api/incidents', {
      data: { category: 'shooting', occurredAt: new Date().toISOString(), lon: -75.1335, lat: 39.9968, address: '2936 N Front St', sourceId: 'e2e-shooting-1' },
    });
    expect(res.status()).toBe(201);
    incidentId = (await res.json()).id;
    await watcher.waitForSelector('[data-testid=icap-alert-banner]', { timeout: 5000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1000);
    const banner = await watcher.textContent('[data-testid=icap-alert-banner]');
    expect(banner).toContain('2900 BLOCK N FRONT ST');
    expect(banner).toMatch(/Heightened risk of a retaliatory shooting within 200 m until/);
    await screenshot(watcher, 'prevention-alert-banner', false);
    expect(seriousViolations(await runAxe(watcher))).toEqual([]);
  });

  it('opened a walk for the shooting, by rule', async () => {
    const [walk] = await e2e.db.query<{ opened_by: string; status: string }>('SELECT opened_by, status FROM walks WHERE incident_id = $1', [incidentId]);
    expect(walk).toEqual({ opened_by: 'rule', status: 'open' });
    expect(await watcher.locator('[data-testid=icap-alert-banner] a', { hasText: 'Open the walk' }).count()).toBe(1);
  });

  it('shows the risk zone on the map with the window of heightened risk', async () => {
    await watcher.click('[data-testid=icap-alert-banner] a:has-text("See the risk zone on the map")');
    await watcher.waitForSelector('[data-testid=risk-window]');
    expect(await watcher.textContent('[data-testid=risk-window]')).toMatch(/within 200 m until .* \(7 days after the shooting\)/);
    await watcher.waitForFunction(() => Boolean(window.__bridgesMap));
    await watcher.evaluate(() => window.__bridgesMap!.idle());
    expect(await watcher.evaluate(() => window.__bridgesMap!.renderedPoints())).toBeGreaterThan(0);
    await screenshot(watcher, 'prevention-alert-map', false);
    expect(seriousViolations(await runAxe(watcher))).toEqual([]);
    expect(pageProblems(watcher)).toEqual([]);
  });
});

describe('the I-CAP briefing', () => {
  it('is generated on demand as a page, and as a PDF', async () => {
    const page = await e2e.newPage();
    // Another account than the poster above: a TOTP code is accepted once, and both sign-ins may fall in one 30 s step.
    await signIn(page, 'demo.admin');
    await page.goto('/console/programs/icap', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=near-repeat]');
    expect(await page.textContent('[data-testid=near-repeat]')).toMatch(/risk raised within 200 m for 7 days/);
    // As of the day after the demo's last shooting: the demo data end in August 2023.
    await page.fill('#briefing-as-of', '2023-08-22');
    await page.click('[data-testid=briefing-form] button[type=submit]');
    await page.waitForSelector('[data-testid=briefing]');
    await page.waitForSelector('[data-testid=compstat-citywide] tbody tr');
    expect(await page.locator('[data-testid=hotspots] tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-testid=risk-zones] tbody tr').count()).toBeGreaterThan(3);
    expect(await page.textContent('[data-testid=briefing]')).toContain('Demo: repeat shootings around Kensington Ave and Allegheny Ave');
    await page.evaluate(() => window.__bridgesMap?.idle());
    await screenshot(page, 'prevention-briefing');
    expect(seriousViolations(await runAxe(page))).toEqual([]);

    const href = await page.getAttribute('[data-testid=briefing-pdf]', 'href');
    const pdf = await page.request.get(href!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Looked at as images (.test-output/screenshots/prevention-briefing-page-N.png): every page has content,
    // page 1 starts with its title, and no text runs off the side of a page.
    const pages = renderPdfPages(bytes, 'prevention-briefing');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const image of pages) {
      expect(image.width).toBeLessThan(image.height);
      expect(variance(image)).toBeGreaterThan(100);
      expect(inkAtSideEdges(image)).toBe(0);
    }
    expect(darkShare(pages[0], { x: 0.05, y: 0.03, w: 0.9, h: 0.12 })).toBeGreaterThan(0.01);
    expect(pageProblems(page)).toEqual([]);
  });

  it('is generated by the weekly job, as of the time it runs', async () => {
    const { programs } = await import('../src/programs/registry.js');
    const job = programs.flatMap((p) => p.jobs ?? []).find((j) => j.name === 'icap.weekly-briefing')!;
    await job.run({ db: e2e.db, now: new Date() });
    const rows = await e2e.db.query<{ trigger: string }>("SELECT trigger FROM icap_briefings WHERE trigger = 'schedule'");
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});
