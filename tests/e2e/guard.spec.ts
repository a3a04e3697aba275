import { test, expect, unfilledPlaceholders } from './fixtures';

// The shared fixture's guard is what catches a broken WebAssembly load or a leak to another origin
// in every other spec. These tests provoke each problem on purpose, check the guard recorded it,
// then clear the record so the guard's own end-of-test check passes.

test.beforeEach(async ({ planner }) => {
  await planner.goto();
});

// Fails if: the guard stops noticing console errors, so a page that logs a panic could pass.
test('the guard records a console error', async ({ page, pageProblems }) => {
  await page.evaluate(() => console.error('deliberate console error'));
  await expect
    .poll(() => pageProblems.join('\n'))
    .toContain('console error: deliberate console error');
  pageProblems.length = 0;
});

// Fails if: the guard stops noticing uncaught exceptions, so a crashed page could pass.
test('the guard records an uncaught page error', async ({ page, pageProblems }) => {
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('deliberate page error');
    }, 0);
  });
  await expect.poll(() => pageProblems.join('\n')).toContain('deliberate page error');
  pageProblems.length = 0;
});

// Fails if: the guard misses requests to other origins, so a privacy leak (font, CDN, analytics) could pass.
// The app's Content-Security-Policy stops its own pages from connecting elsewhere (and says so on
// the console, which the guard records); a page of the same browser without that policy still
// sends the request, and the guard must see it go.
test('the guard records a request to another origin', async ({ page, pageProblems }) => {
  await page.evaluate(() => fetch('http://127.0.0.1:9/tracker.gif').catch(() => undefined));
  await expect
    .poll(() => pageProblems.join('\n'))
    .toContain("console error: Connecting to 'http://127.0.0.1:9/tracker.gif' violates the following Content Security Policy directive");
  pageProblems.length = 0;

  const blank = await page.context().newPage();
  await blank.evaluate(() => fetch('http://127.0.0.1:9/tracker.gif').catch(() => undefined));
  await expect
    .poll(() => pageProblems.join('\n'))
    .toContain('request to another origin: GET http://127.0.0.1:9/tracker.gif');
  await blank.close();
  pageProblems.length = 0;
});

// Fails if: the guard stops noticing dialogs, so injected script calling alert() could pass.
test('the guard records a dialog', async ({ page, pageProblems }) => {
  await page.evaluate(() => setTimeout(() => window.alert('deliberate dialog'), 0));
  await expect.poll(() => pageProblems.join('\n')).toContain('dialog (alert): deliberate dialog');
  pageProblems.length = 0;
});

// Fails if: a second tab opened by a test is not guarded, so its errors could pass unseen.
test('the guard watches a second tab too', async ({ openTab, pageProblems }) => {
  const tab = await openTab();
  await tab.goto();
  await tab.page.evaluate(() => console.error('deliberate error in tab 2'));
  await expect.poll(() => pageProblems.join('\n')).toContain('tab 2: console error: deliberate error in tab 2');
  pageProblems.length = 0;
});

// Fails if: a text whose `{placeholder}` was never filled could reach a person unnoticed.
test('the guard finds a text with an unfilled placeholder', async ({ page }) => {
  await page.evaluate(() => {
    const note = document.createElement('p');
    note.id = 'deliberate-placeholder';
    note.textContent = 'Imported {count} plans.';
    document.body.append(note);
    document.querySelector('#plan-name')?.setAttribute('aria-label', 'Plan {name}');
  });
  expect(await unfilledPlaceholders(page)).toEqual([
    'unfilled placeholder in the page: {count}',
    'unfilled placeholder in the page: {name}',
  ]);
  await page.evaluate(() => {
    document.querySelector('#deliberate-placeholder')?.remove();
    document.querySelector('#plan-name')?.removeAttribute('aria-label');
  });
  expect(await unfilledPlaceholders(page)).toEqual([]);
});
