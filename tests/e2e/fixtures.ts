import { test as base, expect } from '@playwright/test';
import { PlannerPage } from './pages/planner';

/** What the guard saw go wrong in one test: page errors, console errors, foreign requests. */
export type PageProblems = string[];

type Fixtures = {
  /** The guard's findings so far; a test that provokes a problem on purpose may inspect it. */
  pageProblems: PageProblems;
  /** The Funnel Planner page object, on the guarded page. */
  planner: PlannerPage;
};

/**
 * `test` for every Funnel Planner spec. Its `page` fails the test on any uncaught page error, any
 * console message of type `error`, and any request to an origin other than the page's own (the app
 * promises to load no CDN, font or analytics). There is no allow-list: even the tests that break
 * storage on purpose expect a silent console.
 */
export const test = base.extend<Fixtures>({
  pageProblems: async ({}, use) => {
    await use([]);
  },

  page: async ({ page, baseURL, pageProblems }, use) => {
    const ownOrigin = new URL(baseURL ?? 'http://127.0.0.1:8091').origin;
    page.on('pageerror', (error) => {
      pageProblems.push(`uncaught page error: ${error.name}: ${error.message}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const where = message.location().url;
        pageProblems.push(`console error: ${message.text()}${where ? ` (at ${where})` : ''}`);
      }
    });
    page.context().on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== ownOrigin) {
        pageProblems.push(`request to another origin: ${request.method()} ${request.url()}`);
      }
    });

    await use(page);

    expect(
      pageProblems,
      'the page must log no errors and request nothing from another origin',
    ).toEqual([]);
  },

  planner: async ({ page }, use) => {
    await use(new PlannerPage(page));
  },
});

export { expect };
