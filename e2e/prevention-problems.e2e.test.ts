/**
 * Problem solving in a real browser: a problem in a CRT zone carried through SARA (scanning with the area's
 * incidents and a neighborhood meeting, analysis, responses by police and partners, an assessment with the
 * Weighted Displacement Quotient, closing), and the SCO log that has no place for arrests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageProblems, runAxe, screenshot, seriousViolations, signIn, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

describe('a problem through SARA', () => {
  let page: Page;
  let problemId: number;

  it('shows the demo problem assessed with the WDQ, coverage with history, meetings and the SCO log', async () => {
    page = await e2e.newPage();
    await signIn(page, 'demo.command');
    await page.goto('/console/programs/problems', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=problems-table] tbody tr');
    await page.waitForSelector('[data-testid=coverage] li');
    expect(await page.textContent('[data-testid=coverage]')).toContain('CRT Zone Kensington–Allegheny (demo)');
    expect(await page.textContent('[data-testid=engagement-totals]')).toMatch(/Referral: 1 entries/);
    await screenshot(page, 'prevention-problems-console');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await page.click('text=Demo: repeat shootings around Kensington Ave and Allegheny Ave');
    await page.waitForSelector('[data-testid=wdq]');
    // Real data: the quotient, or why it cannot be read (crime did not fall in the target relative to control).
    expect(await page.textContent('[data-testid=wdq]')).toMatch(/Weighted Displacement Quotient|relative to the control area/);
  });

  it('opens a problem in the CRT zone and moves it through scanning, analysis and response', async () => {
    await page.goto('/console/programs/problems', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=new-problem-form]');
    await page.fill('#problem-title', 'Gunfire near the Allegheny El stop at night');
    await page.fill('#problem-description', 'Raised by neighbors at the spring meeting.');
    await page.selectOption('#problem-area', { label: 'CRT Zone Kensington–Allegheny (demo) (Community response zones)' });
    await page.click('[data-testid=new-problem-form] button[type=submit]');
    await page.waitForSelector('[data-testid=sara-steps]');
    problemId = Number(page.url().split('/').pop());
    await page.click('text=Link the area\'s incidents (last year)');
    await page.waitForSelector('text=The area\'s incidents were linked.');
    expect(await page.textContent('main')).toMatch(/[1-9]\d* incidents linked/);
    // The linked incidents themselves, newest first, with category and block.
    await page.click('[data-testid=linked-incidents] summary');
    expect(await page.locator('[data-testid=linked-incidents] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=linked-incidents] tbody tr')).toMatch(/BLOCK|—/);
    await page.click('[data-testid=next-stage]');
    await page.waitForSelector('[aria-current=step]:has-text("Analysis")');
    await page.fill('#analysis-places', 'Two corners under the El with broken lights.');
    await page.click('text=Save the analysis');
    await page.waitForSelector('text=Saved.');
    await page.click('[data-testid=next-stage]');
    await page.waitForSelector('[aria-current=step]:has-text("Response")');
    await page.selectOption('#response-kind', 'presence');
    await page.fill('#response-description', 'Evening foot patrols at the two corners');
    await page.fill('#response-by', 'CRT East, squad 2');
    await page.fill('#response-started', '2023-04-01');
    await page.click('[data-testid=response-form] button[type=submit]');
    await page.waitForSelector('[data-testid=responses] li');
    await page.selectOption('#response-kind', 'environmental');
    await page.fill('#response-description', 'Relit the underpass');
    await page.fill('#response-by', 'Streets department');
    await page.click('label[for=response-partner]');
    await page.fill('#response-started', '2023-04-05');
    await page.click('[data-testid=response-form] button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=responses] li').count()).toBe(2);
  });

  it('is assessed with before/after counts and the WDQ, then closed', async () => {
    await page.click('[data-testid=next-stage]');
    await page.waitForSelector('[data-testid=assessment-form]');
    await page.fill('#assess-days', '120');
    await page.click('[data-testid=assessment-form] button[type=submit]');
    await page.waitForSelector('[data-testid=assessment] table');
    const wdq = await page.textContent('[data-testid=wdq]');
    expect(wdq).toMatch(/Weighted Displacement Quotient|control area/);
    const [stored] = await e2e.db.query<{ assessment: { counts: Record<string, number>; days: number } }>('SELECT assessment FROM problems WHERE id = $1', [problemId]);
    expect(stored.assessment.days).toBe(120);
    expect(stored.assessment.counts.targetBefore + stored.assessment.counts.targetAfter).toBeGreaterThan(0);
    await screenshot(page, 'prevention-problem-assessment');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await page.click('[data-testid=next-stage]');
    await page.waitForSelector('[aria-current=step]:has-text("Closed")');
    const trail = await e2e.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'problem' AND target_id = $1 ORDER BY id", [String(problemId)]);
    expect(trail.map((r) => r.action)).toEqual(expect.arrayContaining(['problems.create', 'problems.stage', 'problems.response', 'problems.assess']));
    await screenshot(page, 'prevention-problem-closed');
    expect(pageProblems(page)).toEqual([]);
  });
});
