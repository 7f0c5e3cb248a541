/**
 * The partnership pages residents use, in a real browser, in English and in Spanish: applying to volunteer
 * (an adult, and a youth program with a guardian's consent), finding a service by need and language, the
 * crime map with its trends, the program results and the open-data downloads. Every page passes axe-core
 * without serious or critical violations, and its main controls can be reached with the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageProblems, runAxe, screenshot, SCREENSHOTS, seriousViolations, startE2E, type E2E } from './harness.js';
import { download, go, reachableByTab } from './partnerships-b-helpers.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** A page in the chosen language (the switcher's choice is remembered in localStorage). */
async function openIn(language: 'en' | 'es'): Promise<Page> {
  const page = await e2e.newPage({ locale: language === 'es' ? 'es-US' : 'en-US' });
  await page.goto('/', { waitUntil: 'load' });
  if ((await page.getAttribute('html', 'lang')) !== language) {
    await page.selectOption('[data-testid=language-select]', language);
  }
  await page.waitForFunction((code) => document.documentElement.lang === code, language);
  return page;
}

async function checkPage(page: Page, name: string, keyboardTarget: string) {
  expect(seriousViolations(await runAxe(page)), name).toEqual([]);
  expect(await reachableByTab(page, keyboardTarget), `${name}: ${keyboardTarget} by keyboard`).toBe(true);
  expect(await page.locator('h1').count()).toBe(1);
  await screenshot(page, name);
  expect(pageProblems(page)).toEqual([]);
}

describe.each(['en', 'es'] as const)('partnership pages in %s', (language) => {
  const suffix = language === 'en' ? '' : '-es';
  // One page per language, moved between pages as a resident would (see go()).
  let page: Page;
  beforeAll(async () => {
    page = await openIn(language);
  });
  const visit = async (path: string) => {
    await go(page, path);
    await expect.poll(() => page.evaluate(() => window.location.pathname)).toBe(path.split('?')[0]);
  };
  const text = language === 'en'
    ? { apply: 'Send application', thanks: 'Thank you for applying', guardianError: 'A parent or guardian must tick the box', nav: ['Crime map', 'Results', 'Open data'] }
    : { apply: 'Enviar solicitud', thanks: 'Gracias por su solicitud', guardianError: 'El padre, la madre o el tutor debe marcar la casilla', nav: ['Mapa del delito', 'Resultados', 'Datos abiertos'] };

  it('lists the volunteer programs and lets an adult apply without an account', async () => {
    await visit('/volunteers');
    await page.waitForSelector('[data-testid=volunteer-program-sentinel]');
    const nav = await page.locator('nav .usa-nav__primary a').allTextContents();
    for (const entry of text.nav) expect(nav).toContain(entry);
    await checkPage(page, `portal-volunteers${suffix}`, '[data-testid=volunteer-apply-link]');

    await page.click('[data-testid=volunteer-program-sentinel] a');
    await page.waitForSelector('[data-testid=volunteer-apply-form]');
    expect(await page.inputValue('#apply-programId')).not.toBe('');
    await page.fill('#apply-givenName', 'Gloria');
    await page.fill('#apply-familyName', `Adult ${language}`);
    await page.selectOption('#apply-ageBand', '65-plus');
    await page.fill('#apply-email', 'gloria@example.org');
    await page.click('label[for=apply-contactConsent]');
    await page.click(`text=${text.apply}`);
    await page.waitForSelector('[data-testid=apply-done]');
    expect(await page.textContent('[data-testid=apply-done] h2')).toBe(text.thanks);
    const [row] = await e2e.db.query<{ state: string; language: string; guardian_name: string | null }>(
      'SELECT state, language, guardian_name FROM volunteers WHERE family_name = $1', [`Adult ${language}`]);
    expect(row).toEqual({ state: 'applied', language, guardian_name: null });
  });

  it('asks for a guardian’s consent for a young applicant and lists what is missing', async () => {
    await visit('/volunteers');
    await page.click('[data-testid=volunteer-apply-link]');
    await page.waitForSelector('#apply-programId option >> nth=3', { state: 'attached' });
    const explorers = await page.locator('#apply-programId option', { hasText: /Explorers|Exploradores/ }).getAttribute('value');
    await page.selectOption('#apply-programId', explorers!);
    await page.fill('#apply-givenName', 'Marcus');
    await page.fill('#apply-familyName', `Youth ${language}`);
    await page.selectOption('#apply-ageBand', '14-15');
    await page.waitForSelector('[data-testid=guardian-fields]');
    await page.click('label[for=apply-contact-text]');
    await page.fill('#apply-phone', '215-555-0142');
    await page.click('label[for=apply-contactConsent]');
    await page.fill('#apply-guardianName', 'Denise Youth');
    await page.fill('#apply-guardianContact', '215-555-0143');
    await page.click(`text=${text.apply}`);
    // The guardian has not agreed yet: the summary takes the focus and links to the box.
    await page.waitForSelector('[data-testid=apply-errors]');
    expect(await page.textContent('[data-testid=apply-errors]')).toContain(text.guardianError);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('apply-errors');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await screenshot(page, `portal-volunteer-apply-errors${suffix}`);
    await page.click('label[for=apply-guardianConsent]');
    expect(await reachableByTab(page, '[data-testid=apply-submit]')).toBe(true);
    await page.click(`text=${text.apply}`);
    await page.waitForSelector('[data-testid=apply-done]');
    await checkPage(page, `portal-volunteer-applied${suffix}`, 'a[href="/volunteers"]');
    const [row] = await e2e.db.query<{ age_band: string; guardian_name: string; guardian_consent_at: Date | null; preferred_contact: string }>(
      'SELECT age_band, guardian_name, guardian_consent_at, preferred_contact FROM volunteers WHERE family_name = $1', [`Youth ${language}`]);
    expect(row).toMatchObject({ age_band: '14-15', guardian_name: 'Denise Youth', preferred_contact: 'text' });
    expect(row.guardian_consent_at).toBeInstanceOf(Date);
  });

  it('finds a service by need and language', async () => {
    await visit('/resources');
    await page.waitForSelector('[data-testid=resource-count]');
    await page.waitForSelector('#resource-language option[value=km]', { state: 'attached' });
    await page.selectOption('#resource-need', 'victim_services');
    await page.selectOption('#resource-language', 'km');
    await page.click('[data-testid=resource-search]');
    await expect.poll(() => page.locator('[data-testid=service-result] h2').allTextContents())
      .toEqual(['Victim Services Unit (demo)', 'Southeast Asian family services (demo)'].sort((a, b) => (a < b ? -1 : 1)));
    // Language names come in the reader's language.
    expect(await page.locator('[data-testid=service-languages]').first().textContent()).toMatch(language === 'en' ? /Khmer/ : /jemer/i);
    await checkPage(page, `portal-resources${suffix}`, '[data-testid=resource-search]');
  });

  it('shows the crime map with masked counts, and this year’s trend against last year’s', async () => {
    await visit('/crime-map');
    await page.waitForSelector('[data-testid=crime-counts] tbody tr');
    await page.waitForFunction(() => Boolean(window.__bridgesMap));
    await page.evaluate(() => window.__bridgesMap!.idle());
    expect(await page.evaluate(() => window.__bridgesMap!.renderedPoints())).toBeGreaterThan(10);
    const total = Number((await page.textContent('[data-testid=crime-total]'))!.replace(/[^\d]/g, ''));
    expect(total).toBeGreaterThan(50);
    await page.waitForSelector('[data-testid=trend-chart] svg[role=img] path');
    expect(await page.locator('[data-testid=ytd-table] tbody tr').count()).toBeGreaterThan(0);
    // Narrowing to one neighborhood redraws both the map and the table.
    await page.selectOption('#crime-area', { label: 'Hunting Park-Fairhill' });
    await page.click('[data-testid=crime-apply]');
    await expect.poll(async () => Number((await page.textContent('[data-testid=crime-total]'))!.replace(/[^\d]/g, ''))).toBeLessThan(total);
    await page.click('[data-testid=trend-chart] summary');
    expect(await page.locator('[data-testid=trend-chart] table tbody tr').count()).toBe(52);
    await page.evaluate(() => window.__bridgesMap!.idle());
    await checkPage(page, `portal-crime-map${suffix}`, '[data-testid=crime-apply]');
  });

  it('shows what each program achieved', async () => {
    await visit('/results');
    await page.waitForSelector('[data-testid=results-volunteers]');
    await page.waitForSelector('[data-testid=results-resources]');
    const hours = Number((await page.textContent('[data-testid=figure-volunteers-hours] .bridges-figure-list__value'))!.replace(/[^\d]/g, ''));
    expect(hours).toBeGreaterThan(50);
    expect(await page.locator('[data-testid=results-volunteers] svg[role=img] rect').count()).toBe(4);
    // Tips: received and resolved (closed with any outcome), in the page's language.
    expect(await page.textContent('[data-testid=figure-tips-resolved]')).toMatch(language === 'en' ? /Tips resolved/ : /Pistas resueltas/);
    await page.locator('[data-testid=results-volunteers]').screenshot({ path: `${SCREENSHOTS}/portal-results-volunteers${suffix}.png` });
    await checkPage(page, `portal-results${suffix}`, '[data-testid=results-csv]');
  });

  it('downloads the open data: masked incidents, trends, results and the services directory', async () => {
    await visit('/open-data');
    await page.waitForSelector('[data-testid=dataset-resource-directory]');
    await page.waitForSelector('[data-testid=year-downloads] li');
    const csv = await download(page, '[data-testid=dataset-incidents] a:has-text("CSV")');
    expect(csv.name).toMatch(/^incidents-philadelphia-pd-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.split('\r\n')[0]).toBe('agency,from,to,category,category_label,sensitive,kind,count,longitude,latitude,neighborhood');
    const geojson = await download(page, '[data-testid=dataset-incidents] a:has-text("GeoJSON")');
    const collection = JSON.parse(geojson.text) as { features: Array<{ properties: { kind: string } }>; metadata: { masking: string } };
    expect(collection.features.length).toBeGreaterThan(10);
    expect(collection.metadata.masking).toMatch(/not incident locations/);
    const directory = await download(page, '[data-testid=dataset-resource-directory] a:has-text("CSV")');
    expect(directory.text.split('\r\n').length).toBeGreaterThan(20);
    const events = await download(page, '[data-testid=dataset-events] a:has-text("CSV")');
    expect(events.name).toBe('events.csv');
    expect(events.text.split('\r\n')[0]).toContain('id,agency,type,host_program,title');
    const eventMap = JSON.parse((await download(page, '[data-testid=dataset-events] a:has-text("GeoJSON")')).text) as { features: unknown[] };
    expect(eventMap.features.length).toBeGreaterThan(5);
    await page.waitForSelector('[data-testid=dataset-watch-groups] a:has-text("GeoJSON")');
    const results = await download(page, '[data-testid=dataset-program-results] a:has-text("CSV")');
    expect(results.text).toContain('volunteers,');
    expect(await page.getAttribute('[data-testid=openapi-link]', 'href')).toBe('/api/openapi.json');
    expect(await page.textContent('[data-testid=attribution]')).toContain('OpenDataPhilly');
    await checkPage(page, `portal-open-data${suffix}`, '[data-testid=openapi-link]');
  });

  it('links the data pages from the home page', async () => {
    await visit('/');
    await page.waitForSelector('[data-testid=explore-data] a[href="/crime-map"]');
    await page.waitForSelector('[data-testid=volunteer-widget]');
    await page.waitForSelector('[data-testid=find-help-widget]');
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await screenshot(page, `portal-home-partnerships${suffix}`);
  });
});
