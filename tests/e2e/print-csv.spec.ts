import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { CHANNELS_PAGE, type PlannerPage } from './pages/planner';

// The printed report and the CSV file. Printing: the report fits an A4 page at full size (no
// table wider than the page, so the browser does not shrink it), every explanation is open while
// printing and closes again afterwards, inputs print as their values, and names print whole.
// The CSV: the plan's inputs first, then targets, targets by channel, budget needed and KPIs,
// each section titled, every text cell safe from running as a formula.
//
// Each area prints as its own report (the Plan area has the "Print" button; the Channels and KPIs
// area prints from the browser's menu), so the printing tests check both. The channels are typed
// in the Channels and KPIs area; the CSV is downloaded from the Plan area's "Keep and share".

/** The width of A4 paper (210 mm at 96 px per inch) less the browser's default 10 mm margins. */
const A4_PRINTABLE_WIDTH = 718;

/** A channel name long enough to be cut by an input or a narrow column. */
const LONG_NAME = 'Organic search, blog and partner content syndication';

/** Sends the events a browser sends around printing. */
async function printEvent(page: Page, name: 'beforeprint' | 'afterprint'): Promise<void> {
  await page.evaluate((name) => window.dispatchEvent(new Event(name)), name);
}

/** Every visible element among `selector`, as its outer HTML (for the failure message). */
async function visible(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)]
        .filter((element) => element.checkVisibility())
        .map((element) => element.outerHTML.slice(0, 120)),
    selector,
  );
}

/** Emulates printing: print media and the browser's `beforeprint`. */
async function startPrinting(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await printEvent(page, 'beforeprint');
}

/** Ends emulated printing: the browser's `afterprint` and screen media. */
async function stopPrinting(page: Page): Promise<void> {
  await printEvent(page, 'afterprint');
  await page.emulateMedia({ media: 'screen' });
}

/** Neither the page nor any table is wider than the printable width of A4. */
async function expectFitsA4(page: Page, area: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    widest: Math.max(...[...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().right)),
  }));
  expect(widths.page, `${area}: the page scrolls sideways`).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH);
  expect(widths.widest, `${area}: a table runs past the page`).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH);
}

/** The open state of every `<details>` on the page, in order. */
async function openStates(page: Page): Promise<boolean[]> {
  return page.locator('details').evaluateAll((all) => all.map((d) => (d as HTMLDetailsElement).open));
}

/** Two channels with figures, one with a long name, and the customer value typed. */
async function typeMarketing(planner: PlannerPage): Promise<void> {
  await planner.type(planner.channelName(1), LONG_NAME);
  await planner.fillChannel(LONG_NAME, { spend: '6,000', volumes: { Visits: '2,000', Leads: '60' } });
  await planner.fillChannel('Paid search', {
    spend: '20,000',
    volumes: { Opportunities: '10', Customers: '4' },
    revenue: '50,000',
  });
  await planner.type(planner.grossMargin, '60');
  await planner.type(planner.lifetimeYears, '3');
  await planner.type(planner.budget, '5,000');
  await planner.budgetPeriod('Each month').check();
  await expect(planner.budgetTable).toBeVisible();
}

test.describe('printing', () => {
  test.use({ viewport: { width: A4_PRINTABLE_WIDTH, height: 1000 } });

  // Fails if: any part of the printed report (the KPI table above all) is wider than an A4 page,
  // so that the browser shrinks the whole report to fit.
  test('the printed report fits the page at full size', async ({ planner, page }) => {
    await planner.goto(CHANNELS_PAGE);
    await typeMarketing(planner);
    await startPrinting(page);
    await expect(planner.kpiTable).toBeVisible();
    await expectFitsA4(page, 'Channels and KPIs');
    // Full size: the text is not scaled down to fit.
    await expect(planner.kpiTable).toHaveCSS('font-size', /^1[01](\.\d+)?px$/);
    await stopPrinting(page);

    await planner.openArea('Plan');
    await startPrinting(page);
    await expect(planner.targetsTable).toBeVisible();
    await expectFitsA4(page, 'Plan');
    await expect(planner.targetsTable).toHaveCSS('font-size', /^1[01](\.\d+)?px$/);
  });

  // Fails if: an explanation ("How this is calculated", "How the KPIs are calculated", a
  // channel's own rates) stays closed on paper, or printing changes which ones are open on screen.
  test('every explanation is open while printing, and as it was afterwards', async ({ planner, page }) => {
    await planner.goto(CHANNELS_PAGE);
    await typeMarketing(planner);
    await planner.howSummary.click();
    await expect(planner.howDetails).toHaveAttribute('open', '');
    const details = page.locator('details');
    const count = await details.count();
    expect(count).toBeGreaterThanOrEqual(5);
    const openBefore = await openStates(page);
    expect(openBefore.filter((open) => !open).length, 'some are closed before printing').toBeGreaterThan(3);

    await startPrinting(page);
    expect(await openStates(page)).toEqual(openBefore.map(() => true));
    await expect(page.getByText('Explain the figures of', { exact: true })).toBeVisible();
    await expect(planner.kpiSection.getByText('All channels', { exact: true }).last()).toBeVisible();
    await expect(planner.howKpiSteps().first()).toBeVisible();
    await expect(planner.channelRatesTable).toBeVisible();
    await expect(planner.howSteps().first()).toBeVisible();

    await stopPrinting(page);
    expect(await openStates(page)).toEqual(openBefore);

    // The Plan area's report: "How this is calculated" prints open, and closes again afterwards.
    await planner.openArea('Plan');
    const planBefore = await openStates(page);
    expect(planBefore.length).toBeGreaterThanOrEqual(2);
    expect(planBefore.filter((open) => !open).length, 'closed before printing').toBeGreaterThan(0);
    await startPrinting(page);
    expect(await openStates(page)).toEqual(planBefore.map(() => true));
    await expect(planner.howSteps().first()).toBeVisible();
    await stopPrinting(page);
    expect(await openStates(page)).toEqual(planBefore);
  });

  // Fails if: a text box, select, radio button or button prints as a control, a typed value or
  // the chosen answer is missing from the printout, or a name is cut.
  test('inputs print as their values and names print whole', async ({ planner, page }) => {
    await planner.goto();
    await planner.type(planner.planName, 'Board review');
    await startPrinting(page);
    expect(await visible(page, 'input, select, button, textarea'), 'controls printed in the Plan area').toEqual([]);
    // The values typed, as text.
    await expect(planner.goalSection.getByText('Board review', { exact: true })).toBeVisible();
    await expect(planner.goalSection.getByText('1,100,000', { exact: true })).toBeVisible();
    await expect(planner.stagesSection.getByText('Opportunities', { exact: true })).toBeVisible();
    await stopPrinting(page);

    await planner.openArea('Channels and KPIs');
    await typeMarketing(planner);
    await startPrinting(page);
    expect(await visible(page, 'input, select, button, textarea'), 'controls printed in the Channels and KPIs area').toEqual([]);
    // This report names its plan too, though the plan's name has no field here.
    await expect(page.getByRole('banner').getByText('Board review', { exact: true })).toBeVisible();
    await expect(planner.channelsTable.getByText('20,000', { exact: true })).toBeVisible();
    await expect(planner.channelsSection.getByText('5,000', { exact: true })).toBeVisible();
    // Only the answer chosen, without its radio button.
    await expect(planner.channelsSection.getByText('Each month', { exact: true })).toBeVisible();
    await expect(planner.channelsSection.getByText('The whole year', { exact: true })).toBeHidden();
    // The channels' buttons column is gone with its buttons.
    await expect(planner.channelsTable.getByRole('columnheader', { name: 'Actions' })).toBeHidden();

    // The long name, whole, wherever it is printed.
    const names = page.getByText(LONG_NAME, { exact: true });
    expect(await names.count()).toBeGreaterThanOrEqual(4);
    for (const name of await names.all()) {
      if (!(await name.isVisible())) continue;
      const box = await name.evaluate((element) => ({
        cut: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
        ellipsis: getComputedStyle(element).textOverflow === 'ellipsis',
        text: (element as HTMLElement).innerText.replace(/\s+/g, ' '),
      }));
      expect(box, 'the name is shown whole').toEqual({ cut: false, ellipsis: false, text: LONG_NAME });
    }
    // No cell of any table hides part of its text.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('th, td')]
        .filter((cell) => cell.checkVisibility() && cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => cell.textContent),
    );
    expect(clipped).toEqual([]);
  });
});

/**
 * Finds in `lines` the line that starts with the first three cells of `expected` and checks it
 * cell by cell: text exactly, numbers within a billionth (the exact columns carry binary noise:
 * 3.6 customers may be 3.5999999999999996).
 */
function expectLine(lines: string[], expected: string): void {
  const want = expected.split(',');
  const prefix = want.slice(0, 3).join(',') + ',';
  const line = lines.find((candidate) => candidate.startsWith(prefix));
  expect(line, `a line starting ${prefix}`).toBeDefined();
  const got = (line ?? '').split(',');
  expect(got.length, line).toBe(want.length);
  for (const [index, cell] of want.entries()) {
    const number = Number(cell);
    if (cell !== '' && Number.isFinite(number)) {
      expect(Math.abs(Number(got[index]) - number), `${line} cell ${index + 1}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(number)));
    } else {
      expect(got[index], `${line} cell ${index + 1}`).toBe(cell);
    }
  }
}

test.describe('the CSV file', () => {
  // Fails if: the file lacks a section or its title, the plan's inputs are not first, a section
  // without figures is written, figures are wrong (hand-worked below), or a channel name runs as a
  // spreadsheet formula.
  test('holds the plan, its targets, targets by channel, budget and KPIs', async ({ planner }) => {
    await planner.goto();
    await planner.type(planner.newCustomers, '9');
    // Without figures typed, the channels only split the goal.
    const bare = await planner.download(() => planner.downloadCsvButton.click());
    expect(bare.name).toBe('My-marketing-plan.csv');
    const bareTitles = bare.text.split('\r\n\r\n').map((section) => section.split('\r\n')[0]);
    expect(bareTitles).toEqual(['Plan', 'Targets', 'Targets by channel']);

    // The channels are set up in their area; the CSV is downloaded from the Plan area.
    await planner.openArea('Channels and KPIs');
    await planner.type(planner.channelName(1), '=SUM(A1:A9)');
    await planner.fillChannel('=SUM(A1:A9)', {
      share: '40',
      spend: '6,000',
      volumes: { Visits: '2,000', Customers: '2' },
      revenue: '30,000',
    });
    await planner.type(planner.budget, '60,000');
    await expect(planner.budgetTable).toBeVisible();
    await planner.openArea('Plan');
    const csv = await planner.download(() => planner.downloadCsvButton.click());
    expect(csv.text.endsWith('\r\n'), 'last line ends in CRLF').toBe(true);
    const sections = csv.text.slice(0, -2).split('\r\n\r\n').map((section) => section.split('\r\n'));
    expect(sections.map((lines) => lines[0])).toEqual([
      'Plan',
      'Targets',
      'Targets by channel',
      'Budget needed',
      'Marketing KPIs',
    ]);
    const [plan, targets, byChannel, budget, kpis] = sections;
    expect(plan).toEqual([
      'Plan',
      'Plan name,My marketing plan',
      'New customers per year,9',
      'Average revenue per new customer,1100000',
      'Stage,Rate to next stage (%)',
      'Visits,1.5',
      'Leads,20',
      'MQLs,20',
      'SQLs,40',
      'Opportunities,50',
      'Customers,',
    ]);
    // 9 customers ÷ 0.5 ÷ 0.4 ÷ 0.2 ÷ 0.2 ÷ 0.015 = 75,000 visits a year, 6,250 a month.
    expect(targets[2]).toBe('Visits,1.5,6250,18750,75000,6250,18750,75000');
    // The channel has 40 % of 9 customers = 3.6 a year: 0.3 a month, 0.9 a quarter. Needed
    // counts below 10 are rounded up to two decimals, and these have no more: needed 0.3, 0.9, 3.6
    // (the binary noise of 3.5999999999999996 is not rounded up).
    // 3.6 ÷ 0.5 ÷ 0.4 ÷ 0.2 ÷ 0.2 ÷ 0.015 = 30,000 visits a year, 2,500 a month.
    expectLine(byChannel, "'=SUM(A1:A9),40,Visits,2500,7500,30000,2500,7500,30000,");
    expectLine(byChannel, "'=SUM(A1:A9),40,Customers,0.3,0.9,3.6,0.3,0.9,3.6,");
    // 6,000 ÷ 2,000 visits = 3 a visit × 30,000 visits = 90,000 a year; the other channels
    // have no spend, so no cost; the budget of 60,000 falls 30,000 short.
    expect(budget[1]).toBe('Channel,Cost used at stage,Cost per unit,Per month,Per quarter,Per year,Note');
    expectLine(budget, "'=SUM(A1:A9),Visits,3,7500,22500,90000,");
    expect(budget).toContain('Paid search,,,,,,no spend');
    expectLine(budget, 'Total needed,,,7500,22500,90000,');
    expectLine(budget, 'Budget set,,,5000,15000,60000,');
    expectLine(budget, 'Budget minus need,,,-2500,-7500,-30000,');
    expect(budget).toHaveLength(2 + 6 + 3);
    // CAC 6,000 ÷ 2 = 3,000; ROI (30,000 − 6,000) ÷ 6,000 = 400 %; ROAS 5. Only the channel with
    // figures has a row; all channels equal it.
    expect(kpis[1].startsWith('Channel,Cost per Visits,Cost per Leads,')).toBe(true);
    expect(kpis.slice(2)).toEqual([
      "'=SUM(A1:A9),3,,,,,3000,400,5,,,",
      'All channels,3,,,,,3000,400,5,,,',
    ]);
  });
});
