/**
 * The analysis console in a real browser, as the demo analyst: hot spots drawn as a cell layer with its
 * legend, the Knox table of the demo shootings, and the other views (forecast, backtest chart, CompStat,
 * displacement) answering with their tables. Screenshots go to .test-output/screenshots/analysis-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageProblems, runAxe, screenshot, seriousViolations, signIn, startE2E, type E2E } from './harness.js';

let e2e: E2E;
let page: Page;
beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.newPage();
  await signIn(page, 'demo.analyst');
});
afterAll(async () => {
  await e2e?.close();
});

const renderedCells = () => page.evaluate(async () => {
  await window.__bridgesCellMap!.idle();
  return window.__bridgesCellMap!.renderedCells();
});

/** Ticks one category in the form's category list (USWDS draws its own checkbox: click the label). */
async function chooseCategory(form: string, code: string) {
  await page.click(`[data-testid=${form}-form] details summary`);
  await page.click(`label[for=${form}-category-${code}]`);
}

describe('analysis views for the demo analyst', () => {
  it('draws kernel-density hot spots as a cell layer with a legend and a table', async () => {
    await page.click('nav.usa-nav a:has-text("Analysis")');
    await page.waitForURL('**/console/analysis/hotspots');
    expect(await page.textContent('h1')).toBe('Crime analysis');
    await page.fill('#hotspots-from', '2022-01-01');
    await page.fill('#hotspots-to', '2022-12-31');
    await page.click('[data-testid=analysis-run]');
    await page.waitForSelector('[data-testid=hotspots-summary]');
    expect(await page.textContent('[data-testid=hotspots-summary]')).toMatch(/^[\d,]+ incidents; kernel density with a quartic kernel of 400 m/);
    await page.waitForFunction(() => Boolean(window.__bridgesCellMap));
    expect(await renderedCells()).toBeGreaterThan(100);
    const legend = await page.locator('[data-testid=analysis-legend] li').allTextContents();
    expect(legend[0]).toMatch(/^Top 1% of cells \([\d,]+ cells\)$/);
    expect(legend).toHaveLength(5); // four classes and the area outline
    expect(await page.locator('[data-testid=hotspots-table] tbody tr').count()).toBe(10);
    await screenshot(page, 'analysis-hotspots');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('switches to Gi* and shows the significant hot spots', async () => {
    await page.selectOption('#hotspots-method', 'gistar');
    await page.click('[data-testid=analysis-run]');
    await page.waitForSelector('[data-testid=hotspots-summary]:has-text("Gi*")');
    // No radius given: the data chose it, and the summary says how (shootings cluster more at every scale
    // up to 10 cells, so the 30-neighbour rule: 471 m on 150 m cells).
    expect(await page.textContent('[data-testid=hotspots-summary]')).toMatch(/Gi\* within 471 m.*about 30 neighbours/);
    expect(await renderedCells()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid=analysis-legend] li').first().textContent()).toMatch(/^Hot spot, 99% confidence/);
    await screenshot(page, 'analysis-gistar');
  });

  it('runs the Knox test on the demo shootings with 99 permutations and reads it', async () => {
    await page.click('.bridges-analysis__tabs a:has-text("Near repeat")');
    await page.waitForURL('**/console/analysis/near-repeat');
    await chooseCategory('near-repeat', 'shooting');
    await page.fill('#nr-iterations', '99');
    await page.click('[data-testid=analysis-run]');
    await page.waitForSelector('[data-testid=knox-table]');
    const rows = await page.locator('[data-testid=knox-table] tbody th').allTextContents();
    expect(rows).toEqual(['Same location', '1–100 m', '101–200 m', '201–300 m', 'More than 300 m']);
    const columns = await page.locator('[data-testid=knox-table] thead th').allTextContents();
    expect(columns).toEqual(['Distance', '0–2 days', '3–4 days', 'More than 4 days']);
    expect(await page.textContent('[data-testid=knox-table] caption')).toContain('99 permutations');
    expect(await page.locator('[data-testid=knox-table] td[data-significant]').count()).toBeGreaterThan(0);
    const summary = await page.locator('[data-testid=near-repeat-summary] li').allTextContents();
    expect(summary.join(' ')).toMatch(/near repeats are over-represented|No meaningful near-repeat pattern/);
    await screenshot(page, 'analysis-near-repeat');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('reads the Knox table in Spanish', async () => {
    await page.selectOption('[data-testid=language-select]', 'es');
    await page.waitForSelector('[data-testid=knox-table] th:has-text("Mismo lugar")');
    expect(await page.locator('[data-testid=knox-table] tbody th').allTextContents()).toEqual(['Mismo lugar', '1–100 m', '101–200 m', '201–300 m', 'Más de 300 m']);
    expect(await page.locator('[data-testid=knox-table] thead th').allTextContents()).toEqual(['Distancia', '0–2 días', '3–4 días', 'Más de 4 días']);
    const summary = (await page.locator('[data-testid=near-repeat-summary] li').allTextContents()).join(' ');
    expect(summary).toMatch(/repeticiones cercanas|repetición cercana/);
    expect(summary).not.toMatch(/ days|near repeat/);
    await screenshot(page, 'analysis-near-repeat-es');
    await page.selectOption('[data-testid=language-select]', 'en');
  });

  it('forecasts the most likely cells for the next week', async () => {
    await page.click('.bridges-analysis__tabs a:has-text("Forecast")');
    await page.click('[data-testid=analysis-run]');
    await page.waitForSelector('[data-testid=forecast-summary]');
    expect(await page.textContent('[data-testid=forecast-summary]')).toMatch(/^bridges: where the incidents of .+ are most likely/);
    expect(await renderedCells()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid=forecast-table] tbody tr').count()).toBe(20);
    await screenshot(page, 'analysis-forecast');
  });

  it('backtests two models and charts the hit rate with a data table', async () => {
    await page.click('.bridges-analysis__tabs a:has-text("Backtest")');
    await page.waitForSelector('label[for=backtest-model-kde-decay]');
    await page.click('label[for=backtest-model-kde-decay]');
    await page.click('label[for=backtest-model-bridges]');
    await page.click('[data-testid=analysis-run]');
    await page.waitForSelector('[data-testid=backtest-table]', { timeout: 120_000 });
    expect(await page.locator('[data-testid=backtest-table] tbody tr').count()).toBe(2);
    expect(await page.locator('[data-testid=hit-rate-chart] polyline').count()).toBe(2);
    expect(await page.textContent('[data-testid=hit-rate-chart] title')).toContain('Hit rate of each model');
    expect(await page.locator('[data-testid=backtest-steps] tbody tr').count()).toBe(26);
    // Intervals under each mean, and per share exactly one best model with the other's paired difference.
    expect(await page.textContent('[data-testid=backtest-table] tbody tr td')).toMatch(/95% interval \d+\.\d% to \d+\.\d%/);
    expect(await page.locator('[data-testid=backtest-compare] tbody tr').count()).toBe(2);
    const columns = await page.locator('[data-testid=backtest-compare] thead th').count() - 1;
    expect(await page.locator('[data-testid=backtest-compare] td[data-best=true]').count()).toBe(columns);
    const others = await page.locator('[data-testid=backtest-compare] td:not([data-best])').allTextContents();
    expect(others).toHaveLength(columns);
    for (const text of others) expect(text).toMatch(/^[−-]?\d+\.\d points \([−-]?\d+\.\d to [+−-]?\d+\.\d\), (lower|not told apart)$/);
    await screenshot(page, 'analysis-backtest');
    expect(seriousViolations(await runAxe(page))).toEqual([]);

    // Held to the window, the Bridges model says its history was cut; with the full history it is not.
    await page.click('label[for=backtest-model-bridges]');
    await page.click('[data-testid=analysis-run]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=backtest-table] tbody tr').length === 3, undefined, { timeout: 120_000 });
    const bridgesRow = () => page.locator('[data-testid=backtest-table] tbody tr', { hasText: 'bridges' }).first().textContent();
    expect(await bridgesRow()).toContain('history cut to 365d');
    await page.click('label[for=backtest-full-history]');
    await page.click('[data-testid=analysis-run]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=backtest-table] tbody')?.textContent?.includes('history cut'), undefined, { timeout: 120_000 });
    expect(await bridgesRow()).toMatch(/bridges — bridges \(long-memory kernel, 2922d\)/);
  });

  it('prints a CompStat table by district', async () => {
    await page.click('.bridges-analysis__tabs a:has-text("CompStat")');
    await page.click('[data-testid=analysis-run]');
    await page.waitForSelector('[data-testid=compstat-table]');
    expect(await page.locator('[data-testid=compstat-table] tbody tr.bridges-compstat__area th').first().textContent()).toBe('City-wide');
    expect(await page.locator('[data-testid=compstat-table] tbody').count()).toBeGreaterThan(20);
    await screenshot(page, 'analysis-compstat');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('[data-testid=compstat-form]')).toBe(false);
    expect(await page.isVisible('header.usa-header')).toBe(false);
    expect(await page.isVisible('[data-testid=compstat-table]')).toBe(true);
    await screenshot(page, 'analysis-compstat-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('computes a displacement quotient for a district with a 400 m ring', async () => {
    await page.click('.bridges-analysis__tabs a:has-text("Displacement")');
    await page.selectOption('#wdq-target', { label: 'District 24' });
    await page.fill('#wdq-date', '2021-06-01');
    await page.click('[data-testid=analysis-run]');
    await page.waitForSelector('[data-testid=displacement-result]');
    expect((await page.textContent('[data-testid=displacement-reading]'))!.length).toBeGreaterThan(20);
    await screenshot(page, 'analysis-displacement');
    expect(pageProblems(page)).toEqual([]);
  });
});
