/**
 * Browser-test harness: the real server (demo data in a fresh database) on a free local port, the built web
 * app, and Debian's Chromium driven by playwright-core. One harness per test file; files run one at a time.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { TOTP, Secret } from 'otpauth';
import { buildApp } from '../src/server/app.js';
import { loadConfig, type BridgesConfig } from '../src/core/config.js';
import { createTestDatabase, type TestDatabase } from '../src/db/testing.js';
import { loadDemo } from '../src/demo/load.js';
import { DEMO_PASSWORD, demoAccounts } from '../src/demo/accounts.js';
import { buildWeb, webBuildIsStale, WEB_ROOT } from '../src/cli/web-build.js';

const ROOT = new URL('../', import.meta.url).pathname;
export const SCREENSHOTS = join(ROOT, '.test-output/screenshots');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic',
];

/** Builds dist/web when it is missing or older than the web sources, the program screens or the Vite config. */
export function ensureWebBuild(): void {
  const index = join(WEB_ROOT, 'index.html');
  const configChanged = existsSync(index) && statSync(join(ROOT, 'vite.config.ts')).mtimeMs > statSync(index).mtimeMs;
  if (webBuildIsStale() || configChanged) buildWeb();
}

export interface E2E {
  baseUrl: string;
  browser: Browser;
  db: TestDatabase;
  config: BridgesConfig;
  /** A fresh browser context (own cookies and storage) with one page; page errors fail the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Starts database, demo data, server and browser. Call close() in afterAll. */
export async function startE2E(): Promise<E2E> {
  ensureWebBuild();
  // A private data folder keeps this run's secret key (which encrypts the TOTP seeds) away from ./.bridges.
  const config: BridgesConfig = { ...loadConfig({}), demoMode: true, dataDir: mkdtempSync(join(tmpdir(), 'bridges-e2e-')) };
  const db = await createTestDatabase();
  await loadDemo(db, { config });
  const app = await buildApp({ db, config, webRoot: WEB_ROOT });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    baseUrl,
    browser,
    db,
    config,
    async newPage(options) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: baseUrl, ...options });
      contexts.push(context);
      const page = await context.newPage();
      watchForProblems(page);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await db.drop();
    },
  };
}

/**
 * Uncaught exceptions and Content-Security-Policy refusals are bugs even when the page looks right, so they
 * are collected and checked by assertNoPageProblems (expected 401s of "who am I" are not among them).
 */
const problems = new WeakMap<Page, string[]>();
function watchForProblems(page: Page): void {
  const list: string[] = [];
  problems.set(page, list);
  page.on('pageerror', (error) => list.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) list.push(`CSP: ${message.text()}`);
  });
}

export function pageProblems(page: Page): string[] {
  return problems.get(page) ?? [];
}

export function demoAccount(username: string) {
  const account = demoAccounts.find((a) => a.username === username);
  if (!account) throw new Error(`No demo account ${username}`);
  return account;
}

/** The current code of a TOTP secret, as an authenticator app would show it. */
export function totpCode(secretBase32: string, timestamp = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp });
}

/**
 * A code that is certainly wrong now: none of the codes the server accepts (the current step and its
 * neighbours) can equal it.
 */
export function wrongCode(secretBase32: string): string {
  const accepted = new Set([-30_000, 0, 30_000].map((offset) => totpCode(secretBase32, Date.now() + offset)));
  let n = 123456;
  while (accepted.has(String(n).padStart(6, '0'))) n = (n + 1) % 1_000_000;
  return String(n).padStart(6, '0');
}

/** Signs a demo account in through the UI: password, then the code from its TOTP secret. */
export async function signIn(page: Page, username: string): Promise<void> {
  const account = demoAccount(username);
  await page.goto('/console/sign-in', { waitUntil: 'load' });
  await page.fill('#sign-in-username', username);
  await page.fill('#sign-in-password', DEMO_PASSWORD);
  await page.click('[data-testid=password-form] button[type=submit]');
  await page.waitForSelector('#sign-in-code');
  await page.fill('#sign-in-code', totpCode(account.totpSecret));
  await page.click('[data-testid=code-form] button[type=submit]');
  await page.waitForSelector('[data-testid=signed-in-user]');
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page. The strict CSP refuses injected <script> tags (page.addScriptTag), so the
 * source is evaluated through the DevTools protocol, which CSP does not govern; the app itself keeps
 * running under the real policy.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** Serious and critical violations, formatted for an assertion message. */
export function seriousViolations(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The number in "12,926 incidents" / "12.926 incidentes". */
export async function incidentCount(page: Page): Promise<number> {
  const text = (await page.textContent('[data-testid=incident-count]')) ?? '';
  const match = /([\d.,\s]+)\s+incident/.exec(text);
  if (!match) throw new Error(`No incident count in "${text}"`);
  return Number(match[1].replace(/[^\d]/g, ''));
}

/** Waits until the incidents page has answered its current filter (count, list and map data). */
export async function waitForIncidents(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=incident-count][data-loading=false]');
  await page.waitForFunction(() => Boolean(window.__bridgesMap));
  await page.evaluate(() => window.__bridgesMap!.idle());
}
