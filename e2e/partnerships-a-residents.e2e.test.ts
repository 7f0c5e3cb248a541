/**
 * Neighborhood watch and the Community Advisory Board in a real browser, as residents use them: find the
 * group for a block on the map or by neighborhood and ask to join (English and Spanish), leave by the private
 * link; read the board's vision, mission and members, and ask the Chief a question in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageProblems, runAxe, screenshot, seriousViolations, startE2E, type E2E } from './harness.js';
import { geometryBBox, parseHundredBlock, pointInGeometry, type AreaGeometry } from '../src/core/places/index.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function expectAccessible(page: Page): Promise<void> {
  expect(seriousViolations(await runAxe(page))).toEqual([]);
  expect(await page.locator('h1').count()).toBe(1);
  for (const landmark of ['header', 'nav', 'main', 'footer']) expect(await page.locator(landmark).count()).toBeGreaterThan(0);
}

async function inSpanish(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'load' });
  await page.selectOption('[data-testid=language-select]', 'es');
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('es');
}

/** A point inside the group's boundary: the average of its corners (the demo outlines are star-shaped). */
async function insidePoint(groupName: string): Promise<[number, number]> {
  const [group] = await e2e.db.query<{ boundary: { coordinates: number[][][] } }>('SELECT boundary FROM watch_groups WHERE name = $1', [groupName]);
  const ring = group.boundary.coordinates[0].slice(0, -1);
  return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
}

let leaveLink = '';

/**
 * A resident's address on a published hundred block of the demo shootings: inside the group's boundary when a
 * group is named (every incident of the block inside), else far from every group (in Philadelphia, where the groups are). "2900 BLOCK N 5TH ST" → "2923 n 5th st".
 */
async function demoAddress(groupName: string | null): Promise<string> {
  const groups = await e2e.db.query<{ name: string; boundary: AreaGeometry }>("SELECT name, boundary FROM watch_groups WHERE status = 'active'");
  const blocks = await e2e.db.query<{ hundred_block: string; points: Array<[number, number]> }>(
    `SELECT hundred_block, array_agg(ARRAY[lon, lat]) AS points FROM incidents
      WHERE agency_id = (SELECT id FROM agencies WHERE slug = 'philadelphia-pd') AND hundred_block ~ '^[1-9][0-9]*00 BLOCK [NSEW] [A-Z0-9 ]+ (ST|AVE)$' GROUP BY hundred_block ORDER BY count(*) DESC, hundred_block`);
  const target = groups.find((g) => g.name === groupName);
  const far = (x: number, y: number) => groups.every((g) => {
    const [w, s, e, n] = geometryBBox(g.boundary);
    return x < w - 0.03 || x > e + 0.03 || y < s - 0.03 || y > n + 0.03;
  });
  const block = blocks.find((b) => parseHundredBlock(b.hundred_block)
    && b.points.every(([x, y]) => (target ? pointInGeometry(x, y, target.boundary) : far(x, y))));
  expect(block, `a demo block for ${groupName ?? 'no group'}`).toBeDefined();
  const [number, , ...street] = block!.hundred_block.split(' ');
  return `${Number(number) + 23} ${street.join(' ').toLowerCase()}`;
}

/** The street corner the demo shootings publish most often ("26TH & MORRIS ST"), as a resident types it. */
async function demoCorner(): Promise<string> {
  const [corner] = await e2e.db.query<{ hundred_block: string }>(
    `SELECT hundred_block FROM incidents
      WHERE agency_id = (SELECT id FROM agencies WHERE slug = 'philadelphia-pd') AND hundred_block ~ '^[A-Z0-9 ]+ & [A-Z0-9 ]+$'
      GROUP BY hundred_block ORDER BY count(*) DESC, hundred_block LIMIT 1`);
  expect(corner, 'a corner in the demo shootings').toBeDefined();
  return corner.hundred_block.toLowerCase().replace(' & ', ' and ');
}

describe('neighborhood watch for residents', () => {
  it('finds the group for a block by clicking the map', async () => {
    const page = await e2e.newPage();
    await page.goto('/watch', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=watch-neighborhoods] a');
    await page.waitForFunction(() => Boolean(window.__bridgesWatchMap));
    await page.evaluate(() => window.__bridgesWatchMap!.idle());
    const [lon, lat] = await insidePoint('Demo: Fairhill Block Watch');
    const point = await page.evaluate(([x, y]) => window.__bridgesWatchMap!.project(x, y), [lon, lat]);
    await page.click('[data-testid=watch-map] canvas', { position: { x: point.x, y: point.y } });
    await page.waitForSelector('[data-testid=watch-lookup] a');
    expect(await page.textContent('[data-testid=watch-lookup]')).toContain('Demo: Fairhill Block Watch');
    expect(await page.getAttribute('[data-testid=watch-map] canvas', 'aria-label')).toContain('watch group areas');
    await expectAccessible(page);
    await screenshot(page, 'partnerships-watch');

    // A spot with no group offers to start one in its neighborhood.
    const empty = await page.evaluate(() => window.__bridgesWatchMap!.project(-75.2, 40.05));
    await page.click('[data-testid=watch-map] canvas', { position: { x: empty.x, y: empty.y } });
    await page.waitForSelector('text=/No group covers this spot|outside the neighborhoods/');
    expect(pageProblems(page)).toEqual([]);
  });

  it('finds the group for a typed address, or offers to start one', async () => {
    const page = await e2e.newPage();
    await page.goto('/watch', { waitUntil: 'load' });
    await page.waitForFunction(() => Boolean(window.__bridgesWatchMap));
    const inside = await demoAddress('Demo: Fairhill Block Watch');
    await page.getByLabel('Your street address').fill(inside);
    await page.click('[data-testid=watch-address-submit]');
    await page.waitForSelector('[data-testid=watch-address-result] >> text=Groups that cover this place');
    const found = await page.textContent('[data-testid=watch-lookup]');
    expect(found).toContain('Demo: Fairhill Block Watch');
    expect(found).toMatch(/Found the \d+00 block of [NSEW] /);
    expect(await page.locator('.maplibregl-marker').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'partnerships-watch-address');
    await page.getByRole('link', { name: 'Ask to join Demo: Fairhill Block Watch' }).click();
    await page.waitForSelector('[data-testid=watch-join-form]');
    expect(await page.textContent('h1')).toBe('Demo: Fairhill Block Watch');

    await page.goto('/watch', { waitUntil: 'load' });
    const elsewhere = await demoAddress(null);
    await page.getByLabel('Your street address').fill(elsewhere);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=watch-address-result]');
    expect(await page.textContent('[data-testid=watch-lookup]'), elsewhere).toMatch(/No group covers this spot in .+ yet/);
    await expectAccessible(page);
    await page.click('[data-testid=watch-start-here]');
    await page.waitForSelector('#start-area');
    await expect.poll(() => page.inputValue('#start-area')).toMatch(/^\d+$/);

    await page.goto('/watch', { waitUntil: 'load' });
    await page.getByLabel('Your street address').fill('99999 Nowhere Road');
    await page.click('[data-testid=watch-address-submit]');
    await page.waitForSelector('text=We could not find that address');
    expect(pageProblems(page)).toEqual([]);
  });

  it('finds a typed street corner on the map', async () => {
    const page = await e2e.newPage();
    await page.goto('/watch', { waitUntil: 'load' });
    await page.waitForFunction(() => Boolean(window.__bridgesWatchMap));
    const corner = await demoCorner();
    await page.getByLabel('Your street address').fill(corner);
    await page.click('[data-testid=watch-address-submit]');
    await page.waitForSelector('[data-testid=watch-address-result]');
    expect(await page.textContent('[data-testid=watch-lookup]'), corner).toMatch(/Found the corner of [A-Z0-9 ]+ & [A-Z0-9 ]+\./);
    expect(await page.locator('.maplibregl-marker').count()).toBe(1);
    expect(pageProblems(page)).toEqual([]);
  });

  it('asks to join a group from the list by neighborhood, and leaves by the private link', async () => {
    const page = await e2e.newPage();
    await page.goto('/watch', { waitUntil: 'load' });
    await page.click('[data-testid=watch-neighborhoods] >> text=Demo: Germantown Town Watch');
    await page.waitForSelector('[data-testid=watch-join-form]');
    expect(await page.textContent('h1')).toBe('Demo: Germantown Town Watch');
    await page.fill('#join-email', 'neighbor.e2e@example.org');
    await page.click('[data-testid=watch-join-submit]');
    await page.waitForSelector('text=Tick the box to agree that the group and the department may contact you.');
    await page.click('label[for=join-consent]');
    await page.click('[data-testid=watch-join-submit]');
    await page.waitForSelector('[data-testid=watch-receipt]');
    leaveLink = await page.inputValue('[data-testid=watch-leave-link]');
    expect(leaveLink).toMatch(new RegExp(`^${e2e.baseUrl}/watch/leave#[A-Za-z0-9_-]{32}$`));
    await expectAccessible(page);
    await screenshot(page, 'partnerships-watch-group');
    const [request] = await e2e.db.query<{ status: string; contact_consent: boolean }>("SELECT status, contact_consent FROM watch_requests WHERE email = 'neighbor.e2e@example.org'");
    expect(request).toEqual({ status: 'pending', contact_consent: true });

    await page.goto(leaveLink, { waitUntil: 'load' });
    await expectAccessible(page);
    await page.click('[data-testid=watch-leave]');
    await page.waitForSelector('text=Your request was withdrawn');
    expect(await e2e.db.query("SELECT 1 FROM watch_requests WHERE email = 'neighbor.e2e@example.org'")).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('in Spanish: joins the Fairhill group, whose meetings link to their event pages', async () => {
    const page = await e2e.newPage();
    await inSpanish(page, '/watch');
    await expect.poll(() => page.textContent('h1')).toBe('Vigilancia vecinal');
    await page.click('[data-testid=watch-neighborhoods] >> text=Demo: Fairhill Block Watch');
    await page.waitForSelector('[data-testid=watch-meetings] a');
    const meetingHref = await page.getAttribute('[data-testid=watch-meetings] a', 'href');
    expect(meetingHref).toMatch(/^\/events\/\d+$/);
    expect(await page.textContent('[data-testid=watch-meetings]')).toContain('Demo: Reunión mensual de Vigilancia Vecinal de Fairhill');
    await page.fill('#join-name', 'Lucía');
    await page.fill('#join-phone', '(215) 555-0133');
    await page.click('label[for=join-consent]');
    await page.click('[data-testid=watch-join-submit]');
    await page.waitForSelector('text=Se envió su solicitud para unirse');
    await expectAccessible(page);
    await screenshot(page, 'partnerships-watch-group-es');
    const [request] = await e2e.db.query<{ locale: string; phone: string }>("SELECT locale, phone FROM watch_requests WHERE name = 'Lucía'");
    expect(request).toEqual({ locale: 'es', phone: '+12155550133' });

    await page.click(`a[href="${meetingHref}"]`);
    await page.waitForSelector('[data-testid=event-page]');
    expect(await page.textContent('h1')).toBe('Demo: Reunión mensual de Vigilancia Vecinal de Fairhill');
    expect(pageProblems(page)).toEqual([]);
  });

  it('asks to start a group in a neighborhood without one', async () => {
    const page = await e2e.newPage();
    await page.goto('/watch/start', { waitUntil: 'load' });
    await page.waitForSelector('#start-area option:nth-child(3)', { state: 'attached' });
    await page.selectOption('#start-area', { label: 'Mayfair-Holmesburg' });
    await page.fill('#start-email', 'starter.e2e@example.org');
    await page.click('label[for=start-consent]');
    await page.fill('#start-message', 'Five neighbors on our block want to start.');
    await page.click('text=Ask to start a group');
    await page.waitForSelector('text=Your request to start a group was sent');
    await expectAccessible(page);
    const [request] = await e2e.db.query<{ kind: string; area: string }>(
      "SELECT r.kind, a.name AS area FROM watch_requests r JOIN areas a ON a.id = r.area_id WHERE r.email = 'starter.e2e@example.org'");
    expect(request).toEqual({ kind: 'start', area: 'Mayfair-Holmesburg' });
  });
});

describe('Community Advisory Board for residents', () => {
  it('shows the vision, mission, 24 seats with members and terms, meetings and answered questions', async () => {
    const page = await e2e.newPage();
    await page.goto('/board', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=board-seats] tbody tr');
    expect(await page.textContent('h1')).toContain('Demo: Community Advisory Board');
    for (const heading of ['Our vision', 'Our mission', 'Meetings', 'Members', 'Questions to the Chief']) {
      expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    expect(await page.locator('[data-testid=board-seats] tbody tr').count()).toBe(24);
    expect(await page.textContent('[data-testid=board-seats]')).toContain('Vacant');
    await page.waitForSelector('[data-testid=board-questions] li');
    const calendar = await page.request.get((await page.getAttribute('[data-testid=board-calendar]', 'href'))!);
    expect(await calendar.text()).toContain('Demo: Community Advisory Board monthly meeting');
    await expectAccessible(page);
    await screenshot(page, 'partnerships-board');
    expect(pageProblems(page)).toEqual([]);
  });

  it('opens a past meeting with its minutes and attendance', async () => {
    const page = await e2e.newPage();
    await page.goto('/board', { waitUntil: 'load' });
    await page.waitForSelector('text=Minutes available');
    await page.locator('li', { has: page.locator('text=Minutes available') }).locator('a').first().click();
    await page.waitForSelector('text=Demonstration minutes.');
    expect(await page.textContent('main')).toMatch(/Present \(\d+\)/);
    await expectAccessible(page);
    await screenshot(page, 'partnerships-board-meeting');
  });

  it('asks the Chief a question in English and in Spanish, without an account', async () => {
    const page = await e2e.newPage();
    await page.goto('/board', { waitUntil: 'load' });
    await page.click('[data-testid=board-ask-link]');
    await page.waitForSelector('[data-testid=board-ask-form]');
    await expectAccessible(page);
    await page.fill('#ask-question', 'Will the new lighting on Frankford Ave be finished before winter?');
    await page.fill('#ask-email', 'asker.e2e@example.org');
    await page.click('label[for=ask-consent]');
    await screenshot(page, 'partnerships-board-ask');
    await page.click('[data-testid=board-ask-submit]');
    await page.waitForSelector('[data-testid=board-ask-receipt]');
    expect(await page.textContent('[data-testid=board-ask-receipt]')).toMatch(/Your question's number is \d+/);

    const spanish = await e2e.newPage();
    await inSpanish(spanish, '/board/ask');
    await spanish.waitForSelector('text=Haga una pregunta al Jefe');
    await spanish.fill('#ask-question', '¿Hay oficiales que hablen español en el Distrito 25?');
    await spanish.click('[data-testid=board-ask-submit]');
    await spanish.waitForSelector('text=Gracias, su pregunta se envió');
    await expectAccessible(spanish);
    await screenshot(spanish, 'partnerships-board-ask-es');
    const rows = await e2e.db.query<{ language: string; email: string | null; status: string }>(
      "SELECT language, email, status FROM board_questions WHERE question IN ('Will the new lighting on Frankford Ave be finished before winter?', '¿Hay oficiales que hablen español en el Distrito 25?') ORDER BY id");
    expect(rows).toEqual([{ language: 'en', email: 'asker.e2e@example.org', status: 'received' }, { language: 'es', email: null, status: 'received' }]);
    // Nothing is published before the board answers.
    expect(await (await spanish.request.get('/api/programs/board/public/questions')).text()).not.toContain('Frankford Ave be finished');
    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the board page in Spanish', async () => {
    const page = await e2e.newPage();
    await inSpanish(page, '/board');
    await page.waitForSelector('[data-testid=board-seats] tbody tr');
    await expect.poll(() => page.textContent('h1')).toContain('Demo: Junta Asesora Comunitaria');
    for (const heading of ['Nuestra visión', 'Nuestra misión', 'Miembros']) expect(await page.getByRole('heading', { name: heading, exact: true }).count()).toBe(1);
    expect(await page.textContent('[data-testid=board-seats]')).toContain('Vacante');
    await expectAccessible(page);
    await screenshot(page, 'partnerships-board-es');
  });
});
