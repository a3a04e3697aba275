import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { blogPost, hostPort, startHost, type Host } from './lib/host';
import { targetCell } from './lib/targets';

// The blog embed: a page on another origin pastes the snippet; the calculator works inside the
// frame, the frame follows its content's height, and the embed's URL parameters set its start.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const appOrigin = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8091)}`;

let host: Host | undefined;
test.afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** Opens a blog post on another origin that embeds the calculator with `query`. */
async function openBlog(page: Page, query = ''): Promise<{ frame: FrameLocator; iframe: Locator }> {
  host = await startHost(blogPost(appOrigin, query), hostPort(test.info().workerIndex));
  await page.goto(host.origin);
  const iframe = page.getByTitle('Funnel calculator');
  const frame = page.frameLocator('iframe[data-funnel-planner]');
  await expect(frame.getByLabel('Revenue goal', { exact: true })).toBeVisible();
  // The embed's own parts, not its HTML's first screen (which takes typing too).
  await expect(frame.locator('[data-frame]')).toHaveCount(0);
  return { frame, iframe };
}

const frameHeight = (iframe: Locator) => iframe.evaluate((element) => element.getBoundingClientRect().height);
const contentHeight = (frame: FrameLocator) => frame.locator('body').evaluate((body) => body.scrollHeight);

test.describe('on another origin', () => {
  test.use({ alsoAllowedOrigins: Array.from({ length: 32 }, (_, index) => `http://127.0.0.1:${hostPort(index)}`) });

  // Fails if: the embed does not load inside a cross-origin frame, does not calculate the worked
  // example, or the frame does not grow to its content (the blog would show a scrolling box).
  test('the snippet shows the calculator and the frame fits its content', async ({ page }) => {
    const { frame, iframe } = await openBlog(page);
    // The worked example: 10,000,000 / 1,100,000 = 9.09 customers a year, shown as 9.1.
    await expect(targetCell(frame, 'Customers', 'Per year')).toHaveText('9.1');
    await expect.poll(() => frameHeight(iframe)).toBeGreaterThan(600);
    const fitted = await contentHeight(frame);
    await expect.poll(() => frameHeight(iframe)).toBe(fitted);
  });

  // Fails if: adding or removing stages leaves the frame at its old height (cut off or a gap).
  test('the frame grows and shrinks with the stages', async ({ page }) => {
    const { frame, iframe } = await openBlog(page, 'stage=Visits&stage=Leads&stage=Customers&rate=2&rate=10&goal=1000000&average=5000');
    await expect.poll(async () => (await frameHeight(iframe)) === (await contentHeight(frame))).toBe(true);
    const before = await frameHeight(iframe);
    const add = frame.getByRole('button', { name: 'Add stage' });
    await add.click();
    await add.click();
    await expect.poll(() => frameHeight(iframe)).toBeGreaterThan(before);
    await expect.poll(async () => (await frameHeight(iframe)) === (await contentHeight(frame))).toBe(true);
    const grown = await frameHeight(iframe);
    await frame.getByRole('button', { name: /^Remove / }).first().click();
    await frame.getByRole('button', { name: /^Remove / }).first().click();
    await expect.poll(() => frameHeight(iframe)).toBeLessThan(grown);
    await expect.poll(async () => (await frameHeight(iframe)) === (await contentHeight(frame))).toBe(true);
  });

  // Fails if: a reader cannot use the calculator from the keyboard inside the blog post.
  test('a reader types a goal with the keyboard alone', async ({ page }) => {
    const { frame } = await openBlog(page);
    const goal = frame.getByLabel('Revenue goal', { exact: true });
    // From the blog's own text, Tab moves into the frame's fields.
    await page.getByRole('heading', { name: 'Plan your funnel' }).click();
    for (let press = 0; press < 10; press += 1) {
      await page.keyboard.press('Tab');
      if (await goal.evaluate((element) => element === document.activeElement)) break;
    }
    await expect(goal).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('2200000');
    // 2,200,000 / 1,100,000 = 2 customers a year.
    await expect(targetCell(frame, 'Customers', 'Per year')).toHaveText('2');
  });

  // Fails if: the embed (or the blog's page around it) has an accessibility violation.
  test('axe finds nothing inside the frame', async ({ page }) => {
    await openBlog(page);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  // Fails if: the embed needs storage (often blocked in third-party frames) or warns about it.
  test('blocked storage changes nothing and warns of nothing', async ({ page }) => {
    await page.context().addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('storage is blocked', 'SecurityError');
          },
        });
      }
    });
    const { frame } = await openBlog(page, 'goal=5500000');
    // 5,500,000 / 1,100,000 = 5 customers a year.
    await expect(targetCell(frame, 'Customers', 'Per year')).toHaveText('5');
    await expect(frame.getByText(/storage|saved/i)).toHaveCount(0);
  });

  // Fails if: the embed reads its parent, or a message from another window resizes the frame.
  test('the blog script ignores messages that are not from its frame', async ({ page }) => {
    const { iframe } = await openBlog(page);
    await expect.poll(() => frameHeight(iframe)).toBeGreaterThan(600);
    const before = await frameHeight(iframe);
    // The blog's own window posts a message of the right shape: not from the frame, ignored.
    await page.evaluate(() => window.postMessage({ type: 'funnel-planner:resize', height: 50 }, '*'));
    await page.waitForTimeout(200);
    expect(await frameHeight(iframe)).toBe(before);
  });
});

// Fails if: the URL's parameters do not set the goal, stages, rates, sections or colours.
test('parameters set the plan, the sections and the accent', async ({ page }) => {
  await page.goto('/embed.html?customers=12&stage=Visits&stage=Demos&stage=Customers&rate=5&rate=25&show=targets&accent=ffff00');
  // 12 customers a year, 25 % of demos: 48 demos a year; 5 % of visits: 960 visits a year.
  await expect(targetCell(page, 'Demos', 'Per year')).toHaveText('48');
  await expect(targetCell(page, 'Visits', 'Per year')).toHaveText('960');
  await expect(page.getByRole('heading', { name: 'Funnel stages' })).toHaveCount(0);
  await expect(page.getByText('How this is calculated')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Forward check|current volume/i })).toHaveCount(0);
  // Yellow is unreadable on white: the embed darkens it for links until it reads (4.5 : 1).
  const link = page.getByRole('link', { name: 'Open in Funnel Planner' });
  const contrast = await link.evaluate((element) => {
    const rgb = getComputedStyle(element).color.match(/\d+/g)!.map(Number);
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
    return 1.05 / (luminance + 0.05);
  });
  expect(contrast).toBeGreaterThanOrEqual(4.5);
});

// Fails if: a bad parameter breaks the page instead of falling back to its default.
test('bad parameters fall back to the worked example', async ({ page }) => {
  await page.goto('/embed.html?goal=lots&average=-1&stage=Only&rate=300&theme=purple&accent=%3Cscript%3E&show=nothing');
  await expect(page.getByLabel('Revenue goal', { exact: true })).toHaveValue('10,000,000');
  await expect(targetCell(page, 'Customers', 'Per year')).toHaveText('9.1');
  await expect(page.getByRole('heading', { name: 'Funnel stages' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBeNull();
});

// Fails if: "Open in Funnel Planner" loses the reader's plan on the way to the full app.
test('Open in Funnel Planner opens the plan in the full app', async ({ page }) => {
  await page.goto('/embed.html');
  await page.getByLabel('Revenue goal', { exact: true }).fill('3300000');
  await expect(targetCell(page, 'Customers', 'Per year')).toHaveText('3');
  const link = page.getByRole('link', { name: 'Open in Funnel Planner' });
  await expect(link).toHaveAttribute('target', '_blank');
  const [app] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await app.waitForLoadState();
  await expect(app.getByRole('heading', { level: 1, name: 'Funnel Planner' })).toBeVisible();
  await expect(app.getByLabel('Revenue goal', { exact: true })).toHaveValue('3,300,000');
  await expect(app.getByText(/shared plan/i).first()).toBeVisible();
  await app.close();
});

// Fails if: the dark theme parameter is ignored or leaves an accessibility violation.
test('the dark theme parameter gives a dark, accessible calculator', async ({ page }) => {
  await page.goto('/embed.html?theme=dark');
  await expect(targetCell(page, 'Customers', 'Per year')).toHaveText('9.1');
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r + g + b, `body background ${background}`).toBeLessThan(200);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});
