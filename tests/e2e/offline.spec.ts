import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { targetCell } from './lib/targets';

// Offline and installable: after one visit the app and the embed load and work with the network
// off; a new deploy is offered ("A new version is ready — Reload"), never applied by itself; the
// manifest makes the app installable. Each test serves its own copy of dist/ on its own port, so
// a test can play "a new deploy" by changing the copy, and no other test shares its worker.

const sitePort = (workerIndex: number) => Number(process.env.E2E_PORT ?? 8091) + 200 + workerIndex;

let server: ChildProcess | undefined;
let site = '';

test.use({ alsoAllowedOrigins: Array.from({ length: 32 }, (_, index) => `http://127.0.0.1:${sitePort(index)}`) });

test.beforeEach(async () => {
  site = mkdtempSync(join(tmpdir(), 'funnel-planner-site-'));
  cpSync('dist', site, { recursive: true });
  const port = sitePort(test.info().workerIndex);
  server = spawn(process.execPath, ['scripts/static-server.mjs', site, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server!.stdout!.once('data', resolve));
});

test.afterEach(async () => {
  server?.kill();
  server = undefined;
  rmSync(site, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${sitePort(test.info().workerIndex)}`;

/** Opens `path` of the test's own site and waits until its service worker controls nothing yet
 * but is active (every file precached). */
async function firstVisit(page: Page, path = '/'): Promise<void> {
  await page.goto(`${origin()}${path}`);
  await expect(page.getByLabel('Revenue goal', { exact: true })).toBeVisible();
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
}

// Fails if: the service worker is registered before the page's start has built its last part
// (installing it downloads every page's files, which then compete with the start), or not once it
// has.
test('the service worker is registered once the page has started, not before', async ({ page, pageProblems }) => {
  // A page whose wasm never comes never starts.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${origin()}/`);
  await page.waitForLoadState('load');
  await expect(page.getByRole('heading', { level: 1, name: 'Funnel Planner' })).toBeVisible();
  // Registering at the page's load, as it once did, shows here within a second.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null)).toBeNull();
  await expect(page.locator('html[data-started]')).toHaveCount(0);

  await page.unroute('**/*.wasm');
  await page.reload();
  // A whole start, on a busy machine.
  await expect(page.locator('html[data-started]')).toHaveCount(1, { timeout: 20_000 });
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toBe(`${origin()}/sw.js`);
  // The wasm held back on purpose failed to load: that is this test's doing, not the page's.
  const heldBack = /\.wasm|WebAssembly|Failed to fetch|ERR_FAILED/;
  pageProblems.splice(0, pageProblems.length, ...pageProblems.filter((problem) => !heldBack.test(problem)));
});

// Fails if: the app does not load, calculate or save with the network off after one visit.
test('after one visit the app works offline: reload, type, save, a new tab', async ({ page }) => {
  await firstVisit(page);
  await page.context().setOffline(true);
  await page.reload();
  const goal = page.getByLabel('Revenue goal', { exact: true });
  await goal.fill('2200000');
  // 2,200,000 / 1,100,000 = 2 customers a year.
  await expect(targetCell(page, 'Customers', 'Per year')).toHaveText('2');
  await page.reload();
  await expect(goal).toHaveValue('2200000');

  const tab = await page.context().newPage();
  await tab.goto(`${origin()}/channels.html`);
  await expect(tab.getByRole('link', { name: 'Channels and KPIs' })).toHaveAttribute('aria-current', 'page');
  await expect(tab.getByRole('region', { name: 'Budget and channels' })).toBeVisible();
  await tab.goto(`${origin()}/results.html`);
  await expect(tab.getByRole('link', { name: 'Results' })).toHaveAttribute('aria-current', 'page');
  await expect(tab.getByRole('table', { name: 'Results by month' })).toBeVisible();
  await tab.close();
  await page.context().setOffline(false);
});

// Fails if: the embed needs the network once it has been visited.
test('the embed works offline after one visit', async ({ page }) => {
  await firstVisit(page, '/embed.html');
  await page.context().setOffline(true);
  await page.goto(`${origin()}/embed.html?goal=5500000`);
  // 5,500,000 / 1,100,000 = 5 customers a year.
  await expect(targetCell(page, 'Customers', 'Per year')).toHaveText('5');
  await page.context().setOffline(false);
});

// Fails if: a new deploy reloads the page by itself, is never offered, or leaves the old cache.
test('a new version is offered, applied on Reload, and the old cache is deleted', async ({ page }) => {
  await firstVisit(page);
  await page.reload();
  const oldCaches = await page.evaluate(() => caches.keys());
  expect(oldCaches).toHaveLength(1);
  // A new deploy: the service worker's version changes.
  const sw = join(site, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION ?= ?"([0-9a-f]+)"/, 'const VERSION="$1-next"'));
  const name = page.getByLabel('Plan name', { exact: true });
  await name.fill('Typing while the update arrives');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const notice = page.getByText('A new version of Funnel Planner is ready.');
  await expect(notice).toBeVisible();
  // Nothing reloaded: what was typed is still there.
  await expect(name).toHaveValue('Typing while the update arrives');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByLabel('Plan name', { exact: true })).toHaveValue('Typing while the update arrives');
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([oldCaches[0].replace(/^(funnel-planner-[0-9a-f]+)$/, '$1-next')]);
});

// Fails if: Chromium does not find the app installable (manifest, icons, service worker).
test('Chromium finds the app installable', async ({ page }) => {
  // Installability needs a normal profile: Playwright's usual contexts count as incognito.
  const profile = mkdtempSync(join(tmpdir(), 'funnel-planner-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
  try {
    const app = context.pages()[0] ?? (await context.newPage());
    await firstVisit(app);
    await app.reload();
    await expect(app.getByLabel('Revenue goal', { exact: true })).toBeVisible();
    const session = await context.newCDPSession(app);
    const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const manifest = await (await page.request.get(`${origin()}/manifest.webmanifest`)).json();
  expect(manifest).toMatchObject({ name: 'Funnel Planner', display: 'standalone', start_url: './' });
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['any', '192x192', '512x512']));
});

// Fails if: a page allows inline scripts or loads its loader without the policy's hash.
test('every page has a strict Content-Security-Policy', async ({ page, pageProblems }) => {
  for (const path of ['/', '/channels.html', '/results.html', '/embed.html']) {
    await page.goto(`${origin()}${path}`);
    await expect(page.getByRole('main')).toBeVisible();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain('unsafe-inline');
    // An injected inline script is refused (and reported, which the guard would catch).
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran, `${path} ran an injected inline script`).toBe(false);
    // The refusal is logged as a console error: the guard saw it (it would catch a real one).
    await expect.poll(() => pageProblems.join('\n')).toContain('Content Security Policy');
    pageProblems.length = 0;
  }
});
