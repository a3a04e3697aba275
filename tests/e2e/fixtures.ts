import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { pageText } from './pages/base';
import { PlannerPage } from './pages/planner';

/** What the guard saw go wrong in one test: page errors, console errors, foreign requests. */
export type PageProblems = string[];

type Fixtures = {
  /** Origins besides the app's own that the page may request (an embed test's blog page). */
  alsoAllowedOrigins: string[];
  /** The guard's findings so far; a test that provokes a problem on purpose may inspect it. */
  pageProblems: PageProblems;
  /** The Funnel Planner page object, on the guarded page. */
  planner: PlannerPage;
  /**
   * Opens another tab of the same browser (same storage, so `storage` events reach the first
   * tab), guarded like the first one, and returns its page object (not yet navigated).
   */
  openTab: () => Promise<PlannerPage>;
  /**
   * Opens a tab in a separate, empty browser profile (nothing saved: "another browser"), guarded
   * like the first one, and returns its page object (not yet navigated).
   */
  openOtherBrowser: () => Promise<PlannerPage>;
};

/**
 * Records on `page` every uncaught page error, console error and dialog (the app never opens
 * one: an `alert` means injected script ran) into `problems`. Requests are watched per browser
 * context (see `guardContext`).
 */
export function guardPage(page: Page, problems: PageProblems, label = ''): void {
  page.on('pageerror', (error) => {
    problems.push(`${label}uncaught page error: ${error.name}: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url;
      problems.push(`${label}console error: ${message.text()}${where ? ` (at ${where})` : ''}`);
    }
  });
  page.on('dialog', (dialog) => {
    problems.push(`${label}dialog (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
}

/**
 * Records every request from `page`'s browser context to an origin other than `ownOrigin` (or
 * the `alsoAllowed` ones: a test's own host page for the embed).
 */
export function guardContext(page: Page, problems: PageProblems, ownOrigin: string, alsoAllowed: string[] = []): void {
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== ownOrigin && !alsoAllowed.includes(url.origin)) {
      problems.push(`request to another origin: ${request.method()} ${request.url()}`);
    }
  });
}

/**
 * Texts on `page` that still hold a catalogue `{placeholder}`: a value the page forgot to fill.
 * Reads what a person sees and hears (visible text, labels, placeholders, titles), not what they
 * typed into inputs.
 */
export async function unfilledPlaceholders(page: Page): Promise<string[]> {
  const texts = await page
    .evaluate(() => {
      const attributes = ['aria-label', 'placeholder', 'title'];
      const found: string[] = [];
      for (const element of Array.from(document.querySelectorAll('[aria-label],[placeholder],[title]'))) {
        for (const name of attributes) found.push(element.getAttribute(name) ?? '');
      }
      return found;
    })
    .catch(() => [] as string[]);
  // The title and the page's text first, then the attributes, in the page's order.
  texts.unshift(await page.title().catch(() => ''), await pageText(page).catch(() => ''));
  return texts
    .flatMap((text) => text.match(/\{[a-z][a-z_]*\}/g) ?? [])
    .map((placeholder) => `unfilled placeholder in the page: ${placeholder}`);
}

/**
 * `test` for every Funnel Planner spec. Its `page` fails the test on any uncaught page error, any
 * text left with an unfilled `{placeholder}`, any
 * console message of type `error`, any dialog (alert, confirm, prompt) and any request to an
 * origin other than the page's own (the app promises to load no CDN, font or analytics). There is
 * no allow-list: even the tests that break storage on purpose expect a silent console. Tabs opened
 * with `openTab` and `openOtherBrowser` are guarded the same way.
 */
export const test = base.extend<Fixtures>({
  pageProblems: async ({}, use) => {
    await use([]);
  },

  alsoAllowedOrigins: [[], { option: true }],

  page: async ({ page, baseURL, pageProblems, alsoAllowedOrigins }, use) => {
    const ownOrigin = new URL(baseURL ?? 'http://127.0.0.1:8091').origin;
    guardPage(page, pageProblems);
    guardContext(page, pageProblems, ownOrigin, alsoAllowedOrigins);

    await use(page);

    if (!page.isClosed()) pageProblems.push(...(await unfilledPlaceholders(page)));
    expect(
      pageProblems,
      'the page must log no errors, open no dialog and request nothing from another origin',
    ).toEqual([]);
  },

  planner: async ({ page }, use) => {
    await use(new PlannerPage(page));
  },

  openTab: async ({ page, pageProblems }, use) => {
    let count = 0;
    await use(async () => {
      count += 1;
      const tab = await page.context().newPage();
      guardPage(tab, pageProblems, `tab ${count + 1}: `);
      return new PlannerPage(tab);
    });
  },

  openOtherBrowser: async ({ browser, page, baseURL, pageProblems }, use) => {
    const ownOrigin = new URL(baseURL ?? 'http://127.0.0.1:8091').origin;
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({
        baseURL,
        viewport: page.viewportSize() ?? { width: 1280, height: 800 },
        acceptDownloads: true,
      });
      contexts.push(context);
      const tab = await context.newPage();
      guardPage(tab, pageProblems, 'other browser: ');
      guardContext(tab, pageProblems, ownOrigin);
      return new PlannerPage(tab);
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };
