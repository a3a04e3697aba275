import { test, expect } from './fixtures';
import { NOTICES, PLAN_PREFIX, type PlannerPage } from './pages/planner';

// Share links: the plan travels in the URL fragment (`#share=…`), which is never sent to a server;
// opening one shows the plan without saving it until "Save a copy"; a damaged link changes nothing.
// Also the targets as CSV and printing.

/** Makes a recognisable plan and returns its share link. */
async function sharePlan(planner: PlannerPage): Promise<string> {
  await planner.goto();
  await planner.type(planner.planName, 'Shared Q4');
  await planner.type(planner.revenueGoal, '4,400,000');
  await planner.type(planner.stageName(3), 'Demos');
  await planner.type(planner.rate('Demos', 'SQLs'), '35');
  await planner.type(planner.currentVolume('Visits'), '5,000');
  await planner.expectSaved('5,000');
  await planner.createShareLinkButton.click();
  await expect(planner.shareLink).toBeVisible();
  await expect(planner.shareLink).toBeFocused();
  await expect(planner.shareLink).toHaveJSProperty('readOnly', true);
  const link = await planner.shareLink.inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=[A-Za-z0-9+$-]+\.[0-9a-f]{8}$/);
  return link;
}

/** The payload of a share link, cut or altered, as a link again. */
function alterLink(link: string, change: (payload: string) => string): string {
  const [base, payload] = link.split('#share=');
  const altered = change(payload);
  expect(altered).not.toBe(payload);
  return `${base}#share=${altered}`;
}

// Fails if: a shared plan is saved (or changes storage) before "Save a copy", shows other values
// than were shared, or "Save a copy" does not add it to the plans with every value.
test('a share link shows the plan and saves nothing until "Save a copy"', async ({ planner, openTab }) => {
  const requests: string[] = [];
  planner.page.context().on('request', (request) => requests.push(request.url()));
  const link = await sharePlan(planner);
  const original = await planner.storedRecord(await planner.openPlanId());

  const tab = await openTab();
  const before = await planner.storage();
  await tab.goto(link);
  await expect(tab.sharedBanner).toBeVisible();
  await expect(tab.planName).toHaveValue('Shared Q4');
  await expect(tab.revenueGoal).toHaveValue('4,400,000');
  await tab.expectStages(['Visits', 'Leads', 'Demos', 'SQLs', 'Opportunities', 'Customers']);
  await expect(tab.rate('Demos', 'SQLs')).toHaveValue('35');
  await expect(tab.currentVolume('Visits')).toHaveValue('5,000');
  await tab.expectCell(tab.targetsTable, 'Customers', 'Per year', '4', 4_400_000 / 1_100_000);
  await expect(tab.openPlanButton).toHaveCount(0);
  await expect(tab.page).toHaveTitle('Shared Q4 – Funnel Planner');
  expect(await tab.storage(), 'opening a share link writes nothing').toEqual(before);

  await tab.saveSharedCopyButton.click();
  await expect(tab.sharedBanner).toHaveCount(0);
  await expect(tab.status('Saved “Shared Q4” to your plans.')).toBeVisible();
  await expect(tab.page).toHaveURL(/#plan=[A-Za-z0-9_-]+$/);
  const savedId = await tab.openPlanId();
  expect(savedId).not.toBe(original!.id);
  await expect(tab.planButton('Shared Q4')).toHaveCount(2);
  await expect(tab.openPlanButton).toHaveCount(1);
  const saved = await tab.storedRecord(savedId);
  expect(saved!.plan).toEqual(original!.plan);
  const after = await tab.storage();
  expect(Object.keys(after).filter((key) => key.startsWith(PLAN_PREFIX))).toHaveLength(2);
  for (const [key, value] of Object.entries(before)) expect(after[key], key).toBe(value);

  // The plan in the link never reached the server.
  expect(requests.filter((url) => url.includes('share=') || url.includes('#'))).toEqual([]);
});

// Fails if: in another browser, closing a shared plan without saving leaves anything behind, or
// the share link is not what the first browser made.
test('"Close shared plan" in another browser keeps nothing of it', async ({ planner, openOtherBrowser }) => {
  const link = await sharePlan(planner);
  const other = await openOtherBrowser();
  await other.goto(link);
  await expect(other.sharedBanner).toBeVisible();
  await expect(other.planName).toHaveValue('Shared Q4');
  expect(await other.storage(), 'a new browser: nothing saved while viewing').toEqual({});
  await expect(other.duplicatePlanButton).toBeDisabled();
  await expect(other.deletePlanButton).toBeDisabled();

  await other.closeSharedButton.click();
  await expect(other.sharedBanner).toHaveCount(0);
  await expect(other.planName).toHaveValue('My marketing plan');
  await other.expectPlans(['My marketing plan']);
  expect((await other.storedRecords()).map((saved) => saved.plan.name)).toEqual(['My marketing plan']);
});

// Fails if: a share link pasted into the address bar of an open page is ignored.
test('a share link pasted into an open page opens the shared plan', async ({ planner, openTab }) => {
  const link = await sharePlan(planner);
  const tab = await openTab();
  await tab.goto();
  await expect(tab.planName).toHaveValue('Shared Q4');
  await tab.type(tab.planName, 'Local name');
  await tab.expectSaved('Local name');
  await tab.page.goto(link);
  await expect(tab.sharedBanner).toBeVisible();
  await expect(tab.planName).toHaveValue('Shared Q4');
  await expect(tab.revenueGoal).toHaveValue('4,400,000');
  await expect(tab.openPlanButton).toHaveCount(0);
  await tab.expectPlans(['Local name']);
  expect((await tab.storedRecords()).map((saved) => saved.plan.name)).toEqual(['Local name']);
});

// Fails if: a name or stage outside ASCII (quotes, accents, emoji) is garbled on the way through a
// share link, or "Copy link" does not put the link on the clipboard.
test('a share link carries any text intact, and "Copy link" copies it', async ({ planner, openTab }) => {
  await planner.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = 'Q1 “webinar” push — Zürich 🚀 日本';
  await planner.goto();
  await planner.type(planner.planName, name);
  await planner.type(planner.stageName(2), 'Leads & «sign-ups» ✓');
  await planner.createShareLinkButton.click();
  const link = await planner.shareLink.inputValue();
  await planner.copyLinkButton.click();
  await expect(planner.status('Link copied.')).toBeVisible();
  expect(await planner.page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const tab = await openTab();
  await tab.goto(link);
  await expect(tab.sharedBanner).toBeVisible();
  await expect(tab.planName).toHaveValue(name);
  await expect(tab.stageName(2)).toHaveValue('Leads & «sign-ups» ✓');
  await expect(tab.page).toHaveTitle(`${name} – Funnel Planner`);
});

for (const [what, change] of [
  ['cut in half', (payload: string) => payload.slice(0, Math.floor(payload.length / 2))],
  [
    'with characters changed in the middle',
    (payload: string) => {
      const middle = Math.floor(payload.length / 2);
      const swapped = [...payload.slice(middle - 3, middle + 3)]
        .map((char) => (char === 'A' ? 'z' : 'A'))
        .join('');
      return payload.slice(0, middle - 3) + swapped + payload.slice(middle + 3);
    },
  ],
  ['with a wrong checksum', (payload: string) => payload.slice(0, -1) + (payload.endsWith('0') ? '1' : '0')],
  ['empty', () => ''],
] as const) {
  // Fails if: a damaged share link breaks the page, opens something, or changes what is stored.
  test(`a share link ${what} says it is damaged and changes nothing`, async ({ planner, openTab }) => {
    const link = await sharePlan(planner);
    const damaged = alterLink(link, change);
    const tab = await openTab();
    const before = await planner.storage();
    await tab.goto(damaged);
    await expect(tab.status(NOTICES.shareDamaged)).toBeVisible();
    await expect(tab.sharedBanner).toHaveCount(0);
    // The page opens the saved plan instead, untouched.
    await expect(tab.planName).toHaveValue('Shared Q4');
    await tab.expectPlans(['Shared Q4']);
    expect(await tab.storage()).toEqual(before);
    await expect(tab.targetsTable).toBeVisible();
  });
}

/** The "Targets" section of a CSV file, line by line (its title first). */
function targetsSection(text: string): string[] {
  return text.split('\r\n\r\n')[1].split('\r\n');
}

// Fails if: the CSV is missing the targets' title, heading or Visits row, rounds wrongly, does not
// end lines in CRLF, or lets a stage name run as a spreadsheet formula.
test('the targets download as CSV, with formulas neutralised', async ({ planner }) => {
  await planner.goto();
  await planner.type(planner.newCustomers, '9');
  await planner.expectCell(planner.targetsTable, 'Visits', 'Per month', '6,250', 6250);
  const csv = await planner.download(() => planner.downloadCsvButton.click());
  expect(csv.name).toBe('My-marketing-plan.csv');
  expect(csv.text.endsWith('\r\n'), 'last line ends in CRLF').toBe(true);
  expect(csv.text.replace(/\r\n/g, ''), 'no line break but CRLF').not.toMatch(/[\r\n]/);
  const lines = targetsSection(csv.text).slice(1);
  expect(lines[0]).toBe(
    'Stage,Rate to next stage (%),Needed per month,Needed per quarter,Needed per year,Exact per month,Exact per quarter,Exact per year',
  );
  expect(lines.map((line) => line.split(',')[0])).toEqual([
    'Stage', 'Visits', 'Leads', 'MQLs', 'SQLs', 'Opportunities', 'Customers', 'Revenue',
  ]);
  // 9 customers a year ÷ 0.5 ÷ 0.4 ÷ 0.2 ÷ 0.2 ÷ 0.015 = 75,000 visits a year.
  const visits = lines[1].split(',');
  expect(visits.slice(0, 5)).toEqual(['Visits', '1.5', '6250', '18750', '75000']);
  for (const [index, expected] of [6250, 18750, 75000].entries()) {
    expect(Math.abs(Number(visits[5 + index]) - expected)).toBeLessThanOrEqual(1e-9 * expected);
  }
  // Needed customers follow the page's rule, rounded up, below 10 to two decimals: 9 a year =
  // 0.75 a month, 2.25 a quarter (already exact, nothing to round).
  expect(lines[6].split(',').slice(0, 5)).toEqual(['Customers', '', '0.75', '2.25', '9']);
  expect(lines[7].split(',').slice(0, 5)).toEqual(['Revenue', '', '825000', '2475000', '9900000']);

  await planner.type(planner.stageName(1), '=HYPERLINK("http://x")');
  await planner.type(planner.stageName(2), 'Leads, qualified');
  await expect(planner.row(planner.targetsTable, '=HYPERLINK("http://x")')).toBeVisible();
  const neutral = await planner.download(() => planner.downloadCsvButton.click());
  const rows = targetsSection(neutral.text).slice(1);
  expect(rows[1].startsWith('"\'=HYPERLINK(""http://x"")",1.5,6250,')).toBe(true);
  expect(rows[2].startsWith('"Leads, qualified",20,')).toBe(true);
});

// Fails if: the CSV button offers a file while the plan has no targets.
test('the CSV download waits for a plan with targets', async ({ planner }) => {
  await planner.goto();
  await planner.type(planner.averageRevenue, '0');
  await expect(planner.downloadCsvButton).toBeDisabled();
  await planner.type(planner.averageRevenue, '1,100,000');
  await expect(planner.downloadCsvButton).toBeEnabled();
});

// Fails if: the printout shows buttons, the file input, the plan list, notices or the export panel,
// or loses the plan name and the targets; or "Print" does not open the print dialog.
test('print shows the plan and its targets without the controls', async ({ planner, page }) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await planner.goto();
  await planner.type(planner.planName, 'Board review');
  await planner.deletePlanButton.click();
  await planner.undoButton.click();
  await expect(planner.status('Restored “Board review”.')).toBeVisible();
  await planner.printButton.click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  const buttons = page.locator('button');
  const screenButtons = await buttons.count();
  expect(screenButtons).toBeGreaterThan(10);
  await page.emulateMedia({ media: 'print' });
  for (let index = 0; index < screenButtons; index++) {
    await expect(buttons.nth(index), `button ${await buttons.nth(index).textContent()}`).toBeHidden();
  }
  await expect(planner.importFile).toBeHidden();
  await expect(page.getByText('Import plans from a file', { exact: true })).toBeHidden();
  await expect(planner.librarySection).toBeHidden();
  await expect(planner.keepSection).toBeHidden();
  await expect(planner.status('Restored “Board review”.')).toBeHidden();

  await expect(planner.targetsTable).toBeVisible();
  await planner.expectCell(planner.targetsTable, 'Visits', 'Per month', '6,314', 10_000_000 / 1_100_000 / 0.5 / 0.4 / 0.2 / 0.2 / 0.015 / 12);
  // The plan name prints as text, not as a text box.
  await expect(planner.planName).toBeHidden();
  await expect(planner.goalSection.getByText('Board review', { exact: true })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Board review', { exact: true })).toBeVisible();
  await expect(page.getByText('Printed from Funnel Planner', { exact: true })).toBeVisible();

  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByText('Printed from Funnel Planner', { exact: true })).toBeHidden();
  await expect(page.getByRole('banner').getByText('Board review', { exact: true })).toBeHidden();
  await expect(planner.printButton).toBeVisible();
});
