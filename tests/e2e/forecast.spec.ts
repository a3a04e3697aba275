import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { t } from './lib/catalogue';
import { CHANNELS_PAGE, MESSAGES, RESULTS_PAGE, expectClose, type ExportFile, type PlannerPage } from './pages/planner';
import { shownTexts } from './pages/base';

// The Forecast area (`forecast.html`): when each stage must happen month by month, the odds of
// reaching the goal (a seeded simulation over ranges), which rates matter most (headroom and a
// tornado) and scenarios side by side. Every test starts from the app's first plan, the worked
// example: a revenue goal of 10,000,000 at 1,100,000 per new customer, stages Visits, Leads,
// MQLs, SQLs, Opportunities, Customers and rates 1.5 / 20 / 20 / 40 / 50 %, in US dollars (an
// English browser). Every expected figure below is worked out by hand from those; the page's
// formats are the app's (src/ui/text.rs): a NEED (a target, a schedule cell, a scenario's stage
// per year, and a difference between needs) below 10 rounded UP to 2 decimals (9.0909 → "9.1",
// 0.7576 → "0.76") and from 10 up rounded UP to the whole number (6,313.13 → "6,314"); a COUNT
// that is not a need (a simulated or "what if" figure) rounded to the nearest, whole from 10 up
// and up to 2 decimals below (6.0606 → "6.06", 12.1212 → "12"); money from 10 up in whole
// dollars; a percent with at most 2 decimals.
//
// The worked example by hand:
//   customers a year   10,000,000 ÷ 1,100,000                 = 9.090909…
//   opportunities      9.090909 ÷ 0.5                          = 18.181818…
//   SQLs               18.181818 ÷ 0.4                         = 45.454545…
//   MQLs               45.454545 ÷ 0.2                         = 227.272727…
//   leads              227.272727 ÷ 0.2                        = 1,136.363636…
//   visits             1,136.363636 ÷ 0.015                    = 75,757.575757…

/** The worked example's stages, top to bottom. */
const STAGES = ['Visits', 'Leads', 'MQLs', 'SQLs', 'Opportunities', 'Customers'];

/** Each stage's target per year, top to bottom (see the hand calculation above). */
const CUSTOMERS = 10_000_000 / 1_100_000;
const YEARLY = [CUSTOMERS / 0.5 / 0.4 / 0.2 / 0.2 / 0.015, CUSTOMERS / 0.5 / 0.4 / 0.2 / 0.2, CUSTOMERS / 0.5 / 0.4 / 0.2, CUSTOMERS / 0.5 / 0.4, CUSTOMERS / 0.5, CUSTOMERS];

/** The plan year's months once it starts in January 2027. */
const MONTHS_2027 = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
].map((month) => `${month} 2027`);

/** The first plan's name, and its scenarios' names as "Make scenarios" writes them (20 %). */
const PLAN = 'My marketing plan';
const CONSERVATIVE = `${PLAN} – conservative (−20%)`;
const AGGRESSIVE = `${PLAN} – aggressive (+20%)`;

/** Opens the Results area on the first plan, sets its plan year to January 2027 (so the month
 * names do not depend on today), then goes to the Forecast area. */
async function openForecastIn2027(planner: PlannerPage): Promise<void> {
  await planner.goto(RESULTS_PAGE);
  await planner.setPlanYear('2027-01');
  await planner.openArea('Forecast');
}

/** Runs axe (WCAG 2.2 AA, as a11y.spec.ts does) and fails softly with one line per element. */
async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const readable = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ` +
        `${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    ),
  );
  expect.soft(readable, `axe violations: ${what}`).toEqual([]);
}

/** Checks a whole row of the schedule: each stage's shown text and unrounded value. */
async function expectScheduleRow(planner: PlannerPage, month: string, cells: [string, number][]): Promise<void> {
  for (const [index, [text, value]] of cells.entries()) {
    await planner.expectCell(planner.scheduleTable, month, STAGES[index], text, value);
  }
}

/** The data-values of the "New customers" row of the percentiles: P10, P50, P90, Mean. */
async function customerPercentiles(planner: PlannerPage): Promise<number[]> {
  const values: number[] = [];
  for (const column of ['P10 (9 years in 10 do better)', 'P50 (median)', 'P90 (1 year in 10 does better)', 'Mean']) {
    values.push((await planner.readCell(planner.percentilesTable, 'New customers', column)).value);
  }
  return values;
}

// ---- When it must happen ------------------------------------------------------------------------

// Fails if: with even phasing the schedule lacks a row per month of the plan year or the Total
// row, or a month is not 1/12 of the year rounded up; days typed do not move every earlier stage
// one month earlier (a row before the plan year, the plan year's last month left to next year);
// weights per month do not spread the customers (and the stages above them, a month earlier) in
// proportion; a weight that is not a number shows no error next to it; or weights all 0 say nothing.
test('when it must happen: even months, days to the next stage and weights per month', async ({ planner }) => {
  await openForecastIn2027(planner);
  await expect(planner.planYear).toHaveValue('2027-01');
  await expect(planner.phasingOption('Evenly')).toBeChecked();
  await expect(planner.weightsGroup).toHaveCount(0);
  await expect(planner.scheduleTable.getByRole('columnheader')).toHaveText(['Month', ...STAGES]);
  await expect(planner.scheduleTable.getByRole('rowheader')).toHaveText([...MONTHS_2027, 'Total']);
  await expect(planner.scheduleNote).toHaveText('Each figure is rounded up, so a month never shows less than it needs.');

  // Each month 1/12 of the year, rounded up:
  //   visits 75,757.58 ÷ 12 = 6,313.13 → 6,314;  leads 1,136.36 ÷ 12 = 94.70 → 95;
  //   MQLs 227.27 ÷ 12 = 18.94 → 19;  SQLs 45.45 ÷ 12 = 3.788 → 3.79;
  //   opportunities 18.18 ÷ 12 = 1.515 → 1.52;  customers 9.0909 ÷ 12 = 0.7576 → 0.76.
  const monthly: [string, number][] = [
    ['6,314', YEARLY[0] / 12],
    ['95', YEARLY[1] / 12],
    ['19', YEARLY[2] / 12],
    ['3.79', YEARLY[3] / 12],
    ['1.52', YEARLY[4] / 12],
    ['0.76', YEARLY[5] / 12],
  ];
  await expectScheduleRow(planner, 'January 2027', monthly);
  await expectScheduleRow(planner, 'July 2027', monthly);
  await expectScheduleRow(planner, 'December 2027', monthly);
  // The totals are the year's targets, rounded up: 75,758; 1,137; 228; 46; 19; 9.1.
  await expectScheduleRow(planner, 'Total', [
    ['75,758', YEARLY[0]],
    ['1,137', YEARLY[1]],
    ['228', YEARLY[2]],
    ['46', YEARLY[3]],
    ['19', YEARLY[4]],
    ['9.1', YEARLY[5]],
  ]);

  // 30.4375 days = 365.25 ÷ 12, exactly one average month from Opportunities to Customers. Each
  // stage's lead is the sum of the days from it down: 30.4375 for Opportunities and, the other
  // steps taking 0 days, for SQLs, MQLs, Leads and Visits too: one month each, Customers none.
  // So every stage above Customers starts in December 2026, before the plan year.
  await planner.type(planner.days('Opportunities', 'Customers'), '30.4375');
  await expect(planner.scheduleTable.getByRole('rowheader')).toHaveText([
    'December 2026 (before the plan year)',
    ...MONTHS_2027,
    'Total',
  ]);
  // December 2026 holds January's volume for the stages above Customers, and no customers.
  await expectScheduleRow(planner, 'December 2026 (before the plan year)', [...monthly.slice(0, 5), ['0', 0]]);
  await expectScheduleRow(planner, 'January 2027', monthly);
  // December 2027 would feed next year's customers: only this year's December customers are left.
  await expectScheduleRow(planner, 'December 2027', [['0', 0], ['0', 0], ['0', 0], ['0', 0], ['0', 0], ['0.76', YEARLY[5] / 12]]);
  // The totals do not change: the same year, a month earlier.
  await planner.expectCell(planner.scheduleTable, 'Total', 'Visits', '75,758', YEARLY[0]);
  await planner.expectCell(planner.scheduleTable, 'Total', 'Customers', '9.1', YEARLY[5]);
  // The note says which rows come before the plan year without counting them (a count read
  // "The first 1 rows" once).
  await expect(planner.scheduleNote).toContainText('The rows marked “before the plan year” come first');

  // Weights: switching gives every month 1 (nothing changes until one is typed).
  await planner.choosePhasing('By weights per month');
  await expect(planner.weightFields).toHaveCount(12);
  for (const month of MONTHS_2027) await expect(planner.weight(month)).toHaveValue('1');
  await planner.expectCell(planner.scheduleTable, 'January 2027', 'Customers', '0.76', YEARLY[5] / 12);

  // March 1, September 3, every other month 0: weights sum to 4, so March gets 1/4 of the year's
  // customers and September 3/4.
  //   customers  March 9.0909 × 1/4 = 2.2727 → 2.28;  September 9.0909 × 3/4 = 6.8182 → 6.82.
  //   The stages above, one month earlier (February and August):
  //   opportunities  18.1818 × 1/4 = 4.5455 → 4.55;   18.1818 × 3/4 = 13.636 → 14
  //   visits         75,757.58 × 1/4 = 18,939.39 → 18,940;   × 3/4 = 56,818.18 → 56,819
  for (const month of MONTHS_2027) {
    if (month === 'March 2027') continue;
    await planner.type(planner.weight(month), month === 'September 2027' ? '3' : '0');
  }
  for (const month of MONTHS_2027) {
    const customers: [string, number] =
      month === 'March 2027' ? ['2.28', CUSTOMERS / 4] : month === 'September 2027' ? ['6.82', (CUSTOMERS * 3) / 4] : ['0', 0];
    await planner.expectCell(planner.scheduleTable, month, 'Customers', customers[0], customers[1]);
  }
  await planner.expectCell(planner.scheduleTable, 'February 2027', 'Opportunities', '4.55', YEARLY[4] / 4);
  await planner.expectCell(planner.scheduleTable, 'August 2027', 'Opportunities', '14', (YEARLY[4] * 3) / 4);
  await planner.expectCell(planner.scheduleTable, 'February 2027', 'Visits', '18,940', YEARLY[0] / 4);
  await planner.expectCell(planner.scheduleTable, 'August 2027', 'Visits', '56,819', (YEARLY[0] * 3) / 4);
  await planner.expectCell(planner.scheduleTable, 'March 2027', 'Visits', '0', 0);
  await planner.expectCell(planner.scheduleTable, 'December 2026 (before the plan year)', 'Visits', '0', 0);
  await planner.expectCell(planner.scheduleTable, 'Total', 'Customers', '9.1', CUSTOMERS);

  // A weight that is not a number: its message next to the field (ErrorNotANumber), and no
  // schedule from weights that cannot be read.
  await planner.type(planner.weight('March 2027'), 'abc');
  await planner.expectFieldError(planner.weight('March 2027'), MESSAGES.notANumber);
  await planner.expectNoFieldError(planner.weight('September 2027'));
  await expect(planner.scheduleTable).toHaveCount(0);

  // Every weight 0: the group says so.
  await planner.type(planner.weight('March 2027'), '0');
  await planner.type(planner.weight('September 2027'), '0');
  await expect(planner.weightsAllZero).toBeVisible();
  await expect(planner.scheduleTable).toHaveCount(0);

  // Back to even months: the schedule as before.
  await planner.choosePhasing('Evenly');
  await expect(planner.weightsGroup).toHaveCount(0);
  await planner.expectCell(planner.scheduleTable, 'July 2027', 'Customers', '0.76', YEARLY[5] / 12);
});

// ---- The odds of reaching the goal --------------------------------------------------------------

// Fails if: without a range the page does not say to type one; a range of 1–2 % around the plan's
// 1.5 % for Visits → Leads does not give about even odds (by hand: a symmetric triangle around
// 1.5 puts half of the draws at or above it, and reaching the goal needs exactly that); its
// percentiles are not those of the triangle; the histogram does not have 20 bins holding the
// 100,000 trials; the same seed gives other figures after a reload; another seed gives the same
// figures; or a low end above the plan's rate shows no error next to it.
test('the odds of reaching the goal: a range, a seed, the same figures on reload', async ({ planner }) => {
  await openForecastIn2027(planner);
  await expect(planner.oddsNeedsRange).toBeVisible();
  await expect(planner.oddsHeadline).toHaveCount(0);
  await expect(planner.seedField).toHaveValue('1');

  await planner.typeRange('Visits', 'Leads', '1', '2');
  await planner.type(planner.seedField, '42');
  await expect(planner.oddsNeedsRange).toHaveCount(0);
  const chance = await planner.waitForOdds('42');
  // By hand: customers = visits × r × 0.2 × 0.2 × 0.4 × 0.5 with r drawn from the triangle
  // (1 %, 1.5 %, 2 %), every other input fixed; the goal is reached when r ≥ 1.5 %, which is
  // half of a symmetric triangle: P = 0.5, so about 50 % (100,000 trials: ±0.5 % at 3 sigma).
  expect(chance, 'chance of reaching the goal, %').toBeGreaterThan(40);
  expect(chance, 'chance of reaching the goal, %').toBeLessThan(60);
  await expect(planner.histogramChart).toBeVisible();

  // Percentiles of customers, by hand from the triangle's inverse CDF (a = 1, c = 1.5, b = 2):
  //   P10: u = 0.1 < F(c) = 0.5, r = 1 + √(0.1 × 1 × 0.5) = 1.2236 %, customers 9.0909 × 1.2236 ÷ 1.5 = 7.416
  //   P50: r = 1.5 %, customers 9.0909
  //   P90: r = 2 − √(0.1 × 1 × 0.5) = 1.7764 %, customers 9.0909 × 1.7764 ÷ 1.5 = 10.766
  //   mean: r = (1 + 1.5 + 2) ÷ 3 = 1.5 %, customers 9.0909
  // Sampled, so within 1 %.
  const [p10, p50, p90, mean] = await customerPercentiles(planner);
  expect(p10).toBeLessThan(p50);
  expect(p50).toBeLessThan(p90);
  const within = (actual: number, expected: number, what: string) =>
    expect(Math.abs(actual - expected) / expected, `${what}: ${actual} against ${expected}`).toBeLessThan(0.01);
  within(p10, (CUSTOMERS * (1 + Math.sqrt(0.05))) / 1.5, 'P10 of customers');
  within(p50, CUSTOMERS, 'P50 of customers');
  within(p90, (CUSTOMERS * (2 - Math.sqrt(0.05))) / 1.5, 'P90 of customers');
  within(mean, CUSTOMERS, 'mean of customers');
  // Revenue = customers × 1,100,000 (the average revenue has no range): its P50 ≈ 10,000,000.
  within((await planner.readCell(planner.percentilesTable, 'Revenue', 'P50 (median)')).value, 10_000_000, 'P50 of revenue');

  // The histogram: 20 bins whose trials add up to 100,000, from the fewest customers drawn
  // (≥ 9.0909 × 1 ÷ 1.5 = 6.06) to the most (≤ 9.0909 × 2 ÷ 1.5 = 12.12); the goal is 9.0909 → 9.1.
  await expect(planner.histogramTable).toHaveAccessibleName('Simulated years by new customers (goal: 9.1)');
  const bins = planner.bodyRows(planner.histogramTable);
  await expect(bins).toHaveCount(20);
  const trials = await bins.evaluateAll((rows) => rows.map((row) => Number(row.querySelectorAll('td')[0]?.getAttribute('data-value'))));
  expect(trials.reduce((sum, n) => sum + n, 0), 'trials over the bins').toBe(100_000);
  const labels = await planner.rowHeaders(planner.histogramTable);
  expect(labels[0], 'first bin').toMatch(/^6\.0[6-9] – /);
  // Bins about (12.12 − 6.06) ÷ 20 = 0.3 wide are labelled to 2 decimals (one more than the
  // width's first significant digit), so the last ends just below 12.12.
  expect(labels[19], 'last bin').toMatch(/ – 12\.1[0-2]$/);
  // Each bin's ends have the decimals that tell it apart from the next: bins about 0.3 wide
  // once shared whole-number labels ("11 – 11" twice).
  expect(new Set(labels).size, `histogram bins have distinct labels: ${labels.join(' | ')}`).toBe(20);

  // The same seed gives the same figures after a reload.
  const [shown] = await shownTexts(planner.oddsChance);
  const percentiles = await customerPercentiles(planner);
  await planner.reload();
  await expect(planner.seedField).toHaveValue('42');
  await expect(planner.rangeLow('Visits', 'Leads')).toHaveValue('1');
  await planner.waitForOdds('42');
  await expect(planner.oddsChance).toHaveText(shown);
  expect(await customerPercentiles(planner), 'percentiles with the same seed').toEqual(percentiles);

  // Another seed: other draws, other figures.
  await planner.type(planner.seedField, '7');
  const other = await planner.waitForOdds('7');
  expect(other).toBeGreaterThan(40);
  expect(other).toBeLessThan(60);
  expect(await customerPercentiles(planner), 'percentiles with another seed').not.toEqual(percentiles);

  // "New seed" types a seed of its own, and the figures follow it.
  await planner.newSeedButton.click();
  await expect(planner.seedField).not.toHaveValue('7');
  const seed = await planner.seedField.inputValue();
  expect(seed).toMatch(/^\d+$/);
  await planner.waitForOdds(seed);

  // A low end above the plan's rate (25 % for MQLs → SQLs, whose rate is 20 %): its message next
  // to the field, and no odds until it is fixed.
  const low = planner.rangeLow('MQLs', 'SQLs');
  await planner.type(low, '25');
  await planner.expectFieldError(low, t('en', 'ErrorRangeMissesPlan'));
  await expect(planner.oddsHeadline).toHaveCount(0);
  await planner.type(low, '15');
  await planner.expectNoFieldError(low);
  await planner.waitForOdds(seed);
  // A high end below the plan's rate is refused the same way.
  const high = planner.rangeHigh('Opportunities', 'Customers');
  await planner.type(high, '40');
  await planner.expectFieldError(high, t('en', 'ErrorRangeMissesPlan'));
});

// ---- Which rates matter most --------------------------------------------------------------------

// Fails if: the note that a 10 % change ranks nothing is missing; the tornado is missing or its
// figures differ from the hand calculation (customers and revenue with each input at its low and
// high, the widest revenue swing first), as typed or after a reload; or the headroom to the top of
// each typical range (industry "Other", no last year) differs from the hand calculation or is not
// ranked largest first.
test('which rates matter most: the tornado over the ranges and the headroom', async ({ planner }) => {
  await openForecastIn2027(planner);
  await expect(planner.tenPercentNote).toBeVisible();
  await expect(planner.tornadoNeedsRange).toBeVisible();
  await expect(planner.tornadoTable).toHaveCount(0);

  // Headroom, with the typical ranges of the industry "Other" (src/model/benchmarks.rs) and no
  // last year. Each gain is customers × (top ÷ planned − 1), its revenue × 1,100,000:
  //   MQLs → SQLs     20 % → 36 %:    9.0909 × (36 ÷ 20 − 1)    = 9.0909 × 0.8  = 7.2727 → 7.27;  $8,000,000
  //   Leads → MQLs    20 % → 35.6 %:  9.0909 × (35.6 ÷ 20 − 1)  = 9.0909 × 0.78 = 7.0909 → 7.09;  $7,800,000
  //   Visits → Leads  1.5 % → 2.4 %:  9.0909 × (2.4 ÷ 1.5 − 1)  = 9.0909 × 0.6  = 5.4545 → 5.45;  $6,000,000
  //   SQLs → Opportunities has no typical range; Opportunities → Customers is at 50 %, above 20 %.
  // No spend is typed, so there is no CAC: the cost column reads "—".
  const headroom = planner.headroomTable;
  await expect(headroom.getByRole('columnheader')).toHaveText([
    'Rate',
    'Planned',
    'Could reach',
    'From',
    'More customers per year',
    'More revenue per year',
    "Cost of as many customers at today's CAC",
  ]);
  await expect(headroom.getByRole('rowheader')).toHaveText(['MQLs → SQLs', 'Leads → MQLs', 'Visits → Leads']);
  const gains: [string, string, string, string, number, string, number][] = [
    ['MQLs → SQLs', '20%', '36%', '7.27', CUSTOMERS * 0.8, '$8,000,000', 8_000_000],
    ['Leads → MQLs', '20%', '35.6%', '7.09', CUSTOMERS * 0.78, '$7,800,000', 7_800_000],
    ['Visits → Leads', '1.5%', '2.4%', '5.45', CUSTOMERS * 0.6, '$6,000,000', 6_000_000],
  ];
  for (const [step, planned, top, customers, customersValue, revenue, revenueValue] of gains) {
    await planner.expectCellText(headroom, step, 'Planned', planned);
    await planner.expectCellText(headroom, step, 'Could reach', top);
    await planner.expectCellText(headroom, step, 'From', 'top of the typical range');
    await planner.expectCell(headroom, step, 'More customers per year', customers, customersValue);
    await planner.expectCell(headroom, step, 'More revenue per year', revenue, revenueValue);
    await planner.expectCellText(headroom, step, "Cost of as many customers at today's CAC", '—');
  }

  // The tornado: Visits → Leads 1 %–2 % around 1.5 %, and the average revenue 900,000–1,200,000
  // around 1,100,000.
  //   rate at 1 %: customers 9.0909 × 1 ÷ 1.5 = 6.0606 → 6.06, revenue × 1,100,000 = $6,666,667
  //   rate at 2 %: customers 9.0909 × 2 ÷ 1.5 = 12.1212 → 12,  revenue = $13,333,333
  //   revenue at 900,000: customers 9.0909 (9.09), revenue 9.0909 × 900,000 = $8,181,818
  //   revenue at 1,200,000: customers 9.0909, revenue 9.0909 × 1,200,000 = $10,909,091
  // Swings of revenue: 6,666,667 against 2,727,273, so the rate comes first.
  await planner.typeRange('Visits', 'Leads', '1', '2');
  await planner.type(planner.revenueLow, '900,000');
  await planner.type(planner.revenueHigh, '1,200,000');
  const tornado = planner.tornadoTable;
  const expectedRows = [
    ['Rate Visits → Leads', '1% – 2%', '6.06', '12', '$6,666,667', '$13,333,333'],
    ['Average revenue per new customer', '$900,000 – $1,200,000', '9.09', '9.09', '$8,181,818', '$10,909,091'],
  ];
  const shownRows = () =>
    planner.bodyRows(tornado).evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children).map((cell) => (cell.textContent ?? '').trim())),
    );
  // Typed key by key, "900,000" passes through "900" (a revenue swing wider than the rate's,
  // so the average revenue's row comes first), then back below it: the rows change order and
  // the table is laid out again. Every cell must then show its own row's text (once, cells
  // written in place kept an earlier row's: "$900 – $1,100,000" on the rate's row).
  await expect
    .poll(shownRows, { message: 'the tornado as typed, before any reload' })
    .toEqual(expectedRows);

  // The same inputs, laid out from scratch.
  await planner.reload();
  await expect(tornado.getByRole('columnheader')).toHaveText([
    'Input',
    'Range',
    'Customers at low',
    'Customers at high',
    'Revenue at low',
    'Revenue at high',
  ]);
  await expect(tornado.getByRole('rowheader')).toHaveText(['Rate Visits → Leads', 'Average revenue per new customer']);
  await planner.expectCellText(tornado, 'Rate Visits → Leads', 'Range', '1% – 2%');
  await planner.expectCell(tornado, 'Rate Visits → Leads', 'Customers at low', '6.06', (CUSTOMERS * 0.01) / 0.015);
  await planner.expectCell(tornado, 'Rate Visits → Leads', 'Customers at high', '12', (CUSTOMERS * 0.02) / 0.015);
  await planner.expectCell(tornado, 'Rate Visits → Leads', 'Revenue at low', '$6,666,667', ((CUSTOMERS * 0.01) / 0.015) * 1_100_000);
  await planner.expectCell(tornado, 'Rate Visits → Leads', 'Revenue at high', '$13,333,333', ((CUSTOMERS * 0.02) / 0.015) * 1_100_000);
  await planner.expectCellText(tornado, 'Average revenue per new customer', 'Range', '$900,000 – $1,200,000');
  await planner.expectCell(tornado, 'Average revenue per new customer', 'Customers at low', '9.09', CUSTOMERS);
  await planner.expectCell(tornado, 'Average revenue per new customer', 'Customers at high', '9.09', CUSTOMERS);
  await planner.expectCell(tornado, 'Average revenue per new customer', 'Revenue at low', '$8,181,818', CUSTOMERS * 900_000);
  await planner.expectCell(tornado, 'Average revenue per new customer', 'Revenue at high', '$10,909,091', CUSTOMERS * 1_200_000);
  expect(await shownRows(), 'the tornado after a reload').toEqual(expectedRows);
  // The chart is named by the plan's customers, 9.0909 as a count: 9.09.
  await expect(planner.tornadoChart).toHaveAccessibleName(
    "Tornado chart of new customers per year for each input's range; the line marks the plan's 9.09.",
  );
});

// ---- Scenarios side by side ---------------------------------------------------------------------

// Fails if: "Make scenarios" does not save a conservative and an aggressive copy named as the
// page says, or does not say so; the comparison does not show the open plan and both copies with
// every rate changed by 20 % and marked as differing; a scenario's stage targets or their
// differences from the open plan differ from the hand calculation; the copies are not in the plan
// library; or unchecking a plan in "Compare with" does not remove its column.
test('scenarios side by side: a conservative and an aggressive copy compared with the plan', async ({ planner }) => {
  await openForecastIn2027(planner);
  await expect(planner.compareWith).toContainText(
    'Your library has no other plan yet: make scenarios, or add a plan on the Plan page.',
  );
  await expect(planner.comparisonTable).toHaveCount(0);
  await expect(planner.scenarioPercent).toHaveValue('20');
  await planner.type(planner.scenarioPercent, '20');
  await planner.makeScenariosButton.click();
  await expect(planner.scenariosStatus).toHaveText(
    'Made a conservative and an aggressive copy (rates −20% and +20%), shown side by side below and kept in your plans.',
  );
  await planner.expectPlans([PLAN, CONSERVATIVE, AGGRESSIVE]);
  // The open plan stays open.
  await expect(planner.openPlanButton).toHaveText(PLAN);
  await expect(planner.compareCheckbox(CONSERVATIVE)).toBeChecked();
  await expect(planner.compareCheckbox(AGGRESSIVE)).toBeChecked();
  expect(await planner.comparedPlans()).toEqual([PLAN, CONSERVATIVE, AGGRESSIVE]);

  // Rates × 0.8 and × 1.2:
  //   Visits → Leads          1.5 %  → 1.2 %  and 1.8 %
  //   Leads → MQLs            20 %   → 16 %   and 24 %
  //   MQLs → SQLs             20 %   → 16 %   and 24 %
  //   SQLs → Opportunities    40 %   → 32 %   and 48 %
  //   Opportunities → Cust.   50 %   → 40 %   and 60 %
  const rates: [string, string, string, string][] = [
    ['Visits → Leads', '1.5%', '1.2%', '1.8%'],
    ['Leads → MQLs', '20%', '16%', '24%'],
    ['MQLs → SQLs', '20%', '16%', '24%'],
    ['SQLs → Opportunities', '40%', '32%', '48%'],
    ['Opportunities → Customers', '50%', '40%', '60%'],
  ];
  for (const [row, base, conservative, aggressive] of rates) {
    expect(await planner.comparisonCell(row, PLAN), `${row}: this plan`).toMatchObject({ figure: base, differs: false, delta: null });
    expect(await planner.comparisonCell(row, CONSERVATIVE), `${row}: conservative`).toMatchObject({ figure: conservative, differs: true, delta: null });
    expect(await planner.comparisonCell(row, AGGRESSIVE), `${row}: aggressive`).toMatchObject({ figure: aggressive, differs: true, delta: null });
  }
  // The average revenue is the same in all three: not marked.
  expect(await planner.comparisonCell('Average revenue per new customer', CONSERVATIVE)).toMatchObject({
    figure: '$1,100,000',
    differs: false,
  });
  // The goal is the same, so are the customers (9.0909 → 9.1) and the revenue: "same".
  expect(await planner.comparisonCell('New customers per year', PLAN)).toMatchObject({ figure: '9.1', delta: null });
  expect(await planner.comparisonCell('New customers per year', CONSERVATIVE)).toMatchObject({ figure: '9.1', delta: 'same' });
  expect(await planner.comparisonCell('Revenue per year', AGGRESSIVE)).toMatchObject({ figure: '$10,000,000', delta: 'same' });

  // Every rate × 0.8 multiplies the funnel by 0.8⁵ = 0.32768, so each stage above Customers
  // needs more. A difference is between the figures shown (each rounded up), so a column adds
  // up as read:
  //   visits         75,757.58 → 75,758; ÷ 0.32768 = 231,193.77 → 231,194; 231,194 − 75,758 = +155,436
  //   leads          1,136.36 → 1,137; ÷ 0.4096 (0.8⁴) = 2,774.33 → 2,775; 2,775 − 1,137 = +1,638
  //   opportunities  18.18 → 19; ÷ 0.8 = 22.73 → 23; 23 − 19 = +4
  // Every rate × 1.2: × 1.2⁵ = 2.48832, so fewer:
  //   visits         75,757.58 ÷ 2.48832 = 30,445.27 → 30,446; 30,446 − 75,758 = −45,312
  //   opportunities  18.18 ÷ 1.2 = 15.15 → 16; 16 − 19 = −3
  const visits = YEARLY[0];
  expect(await planner.comparisonCell('Visits per year', PLAN)).toMatchObject({ figure: '75,758', delta: null });
  const conservativeVisits = await planner.comparisonCell('Visits per year', CONSERVATIVE);
  expect(conservativeVisits).toMatchObject({ figure: '231,194', delta: '+155,436', differs: false });
  expectClose(conservativeVisits.value!, visits / 0.32768, 'conservative visits per year');
  expect(await planner.comparisonCell('Leads per year', CONSERVATIVE)).toMatchObject({ figure: '2,775', delta: '+1,638' });
  expect(await planner.comparisonCell('Opportunities per year', CONSERVATIVE)).toMatchObject({ figure: '23', delta: '+4' });
  const aggressiveVisits = await planner.comparisonCell('Visits per year', AGGRESSIVE);
  expect(aggressiveVisits).toMatchObject({ figure: '30,446', delta: '−45,312' });
  expectClose(aggressiveVisits.value!, visits / 2.48832, 'aggressive visits per year');
  expect(await planner.comparisonCell('Opportunities per year', AGGRESSIVE)).toMatchObject({ figure: '16', delta: '−3' });
  expect(await planner.comparisonCell('Customers per year', AGGRESSIVE)).toMatchObject({ figure: '9.1', delta: 'same' });

  // Unchecking the aggressive copy removes its column; checking it again brings it back.
  await planner.compareCheckbox(AGGRESSIVE).uncheck();
  await expect(planner.comparisonTable.getByRole('columnheader')).toHaveText(['Figure', PLAN, CONSERVATIVE]);
  await planner.compareCheckbox(AGGRESSIVE).check();
  await expect(planner.comparisonTable.getByRole('columnheader')).toHaveText(['Figure', PLAN, CONSERVATIVE, AGGRESSIVE]);

  // A copy is a plan of its own: opened, it shows its own rates on the Plan page.
  await planner.openPlan(CONSERVATIVE);
  await planner.openArea('Plan');
  await expect(planner.rate('Visits', 'Leads')).toHaveValue('1.2');
  await expect(planner.rate('Opportunities', 'Customers')).toHaveValue('40');
});

// Fails if: the budget needed a scenario comparison shows for the open plan is not the one the
// Channels and KPIs page shows for it (one figure on every page): each channel's targets at its
// own rates (typed, else from its volumes, else the plan's) × its cost at its first stage with a
// volume, rather than, say, the top stage's target × a cost per visit.
test("scenarios: the plan's budget needed is the Channels and KPIs page's", async ({ planner }) => {
  await planner.goto(CHANNELS_PAGE);
  // Email takes the whole goal, spent 1,000 for 50 leads ($20 a lead), 4 opportunities and 1
  // customer: Opportunities→Customers 1 ÷ 4 = 25% from its volumes, the plan's rates elsewhere.
  // 9.0909 customers ÷ 25% ÷ 40% ÷ 20% ÷ 20% = 2,272.73 leads × $20 = $45,454.55 → $45,455.
  await planner.fillChannel('Email', { share: '100', spend: '1,000', volumes: { Leads: '50', Opportunities: '4', Customers: '1' } });
  const need = (CUSTOMERS / 0.25 / 0.4 / 0.2 / 0.2) * 20;
  await planner.expectCell(planner.budgetTable, 'Total needed', 'Per year', '$45,455', need);
  await planner.expectSaved('"volume":"4"');
  await planner.openArea('Forecast');
  await planner.makeScenariosButton.click();
  await expect(planner.comparisonTable).toBeVisible();
  const needed = await planner.comparisonCell('Budget needed per year', PLAN);
  expect(needed).toMatchObject({ figure: '$45,455', delta: null });
  expectClose(needed.value!, need, 'budget needed per year');
});

// ---- Accessibility and narrow screens -----------------------------------------------------------

// Fails if: the Forecast page, with weights, days, ranges (their odds, percentiles, histogram
// and tornado), the headroom and scenarios compared, breaks WCAG 2.2 A/AA (axe); or at 320 px
// wide the page itself scrolls sideways (only a table may scroll, inside its own region).
test('the Forecast page has no axe violations and no sideways scroll at 320 px', async ({ page, planner }) => {
  await openForecastIn2027(planner);
  await planner.type(planner.days('Opportunities', 'Customers'), '30.4375');
  await planner.choosePhasing('By weights per month');
  await planner.type(planner.weight('June 2027'), '3');
  await planner.typeRange('Visits', 'Leads', '1', '2');
  await planner.type(planner.seedField, '42');
  await planner.makeScenariosButton.click();
  await expect(planner.comparisonTable).toBeVisible();
  await planner.waitForOdds('42');
  await expect(planner.tornadoTable).toBeVisible();
  await expect(planner.headroomTable).toBeVisible();
  await expect(planner.scheduleTable).toBeVisible();
  await expectNoAxeViolations(page, 'with weights, days, ranges, odds and scenarios');

  // An error shown too.
  await planner.type(planner.weight('July 2027'), 'abc');
  await planner.expectFieldError(planner.weight('July 2027'), MESSAGES.notANumber);
  await expectNoAxeViolations(page, 'with a field error');
  await planner.type(planner.weight('July 2027'), '1');

  await page.setViewportSize({ width: 320, height: 800 });
  await expect(planner.forecastIntro).toBeVisible();
  // Soft, so that axe still runs at this width when the page is too wide.
  // The visually hidden "(differs)" of the comparison's cells stays inside its cell (once it
  // sat outside the table's scrolling region and made the page 385 px wide).
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'page width at 320 px' })
    .toBeLessThanOrEqual(320);
  // The wide tables scroll inside their own regions instead.
  for (const table of [planner.scheduleTable, planner.comparisonTable]) {
    const region = table.locator('xpath=ancestor::*[@role="region"][1]');
    const box = await region.boundingBox();
    expect(box, 'table region laid out').not.toBeNull();
    expect(box!.x + box!.width, 'table region fits the screen').toBeLessThanOrEqual(320);
  }
  await expectNoAxeViolations(page, 'at 320 px');
});

// ---- What is kept -------------------------------------------------------------------------------

// Fails if: a forecast input (weights, days, a range, the seed, the scenarios' percentage) is lost
// on reload, is not in the exported plan, or does not travel in a share link to another browser.
test("the forecast's inputs survive a reload and travel in an export and a share link", async ({ planner, openOtherBrowser }) => {
  await openForecastIn2027(planner);
  await planner.type(planner.days('Leads', 'MQLs'), '15');
  await planner.choosePhasing('By weights per month');
  await planner.type(planner.weight('April 2027'), '2.5');
  await planner.typeRange('Leads', 'MQLs', '15', '25');
  await planner.type(planner.revenueHigh, '1,300,000');
  await planner.type(planner.seedField, '2027');
  await planner.type(planner.scenarioPercent, '12.5');
  await planner.expectForecastSaved('"scenario_percent":"12.5"');

  const expectInputs = async (tab: PlannerPage) => {
    await expect(tab.days('Leads', 'MQLs')).toHaveValue('15');
    await expect(tab.days('Visits', 'Leads')).toHaveValue('');
    await expect(tab.phasingOption('By weights per month')).toBeChecked();
    await expect(tab.weight('April 2027')).toHaveValue('2.5');
    await expect(tab.weight('May 2027')).toHaveValue('1');
    await expect(tab.rangeLow('Leads', 'MQLs')).toHaveValue('15');
    await expect(tab.rangeHigh('Leads', 'MQLs')).toHaveValue('25');
    await expect(tab.revenueHigh).toHaveValue('1,300,000');
    await expect(tab.revenueLow).toHaveValue('');
    await expect(tab.seedField).toHaveValue('2027');
    await expect(tab.scenarioPercent).toHaveValue('12.5');
  };

  await planner.reload();
  await expectInputs(planner);

  // The export carries the forecast's text with the plan.
  await planner.openArea('Plan');
  const exported = await planner.download(() => planner.exportPlanButton.click());
  const file = JSON.parse(exported.text) as ExportFile;
  const forecast = JSON.parse(file.plans[0].plan.forecast ?? '') as Record<string, unknown>;
  expect(forecast).toMatchObject({ seed: '2027', scenario_percent: '12.5', phasing: 'weights' });
  expect(forecast.ranges).toEqual([{ stage: 2, low: '15', high: '25' }]);

  // A share link opened in another browser shows the same forecast.
  await planner.createShareLinkButton.click();
  const link = await planner.shareLink.inputValue();
  const other = await openOtherBrowser();
  await other.goto(link);
  await expect(other.sharedBanner).toBeVisible();
  // The plan year (January 2027) travels with the plan, so the months read the same.
  await other.openArea('Forecast');
  await expect(other.page).toHaveURL(/\/forecast\.html#share=/);
  await expect(other.sharedBanner).toBeVisible();
  await expectInputs(other);
});

// Fails if: the forecast's CSV leaves out the inputs typed or the schedule, writes a month before
// the plan year under the wrong month, rounds its figures, or names the file after something
// other than the plan.
test("the forecast's CSV has its inputs as typed and the schedule in full precision", async ({ planner }) => {
  await openForecastIn2027(planner);
  // Nothing typed yet: no inputs section, the schedule from January 2027.
  const bare = await planner.download(() => planner.downloadForecastCsvButton.click());
  // The file is named after the plan (spaces become hyphens, as the plan's own CSV does).
  expect(bare.name).toBe('My-marketing-plan-forecast.csv');
  let lines = bare.text.split('\r\n');
  expect(lines[0]).toBe('What each stage must reach each month');
  expect(lines[1]).toBe(`Month,${STAGES.join(',')}`);
  expect(lines[2].startsWith('2027-01,')).toBe(true);
  // 30.4375 days (one month) from Opportunities to Customers: every stage above Customers starts
  // a month earlier, in December 2026, with the January customers' volume; customers stay.
  await planner.days('Opportunities', 'Customers').fill('30.4375');
  await planner.rangeLow('Visits', 'Leads').fill('1');
  await planner.seedField.fill('42');
  const typed = await planner.download(() => planner.downloadForecastCsvButton.click());
  lines = typed.text.split('\r\n');
  expect(lines.slice(0, 3)).toEqual([
    'Forecast inputs',
    'Customers spread over the months,evenly',
    'Stage,Days to the next stage,Lowest rate (%),Highest rate (%)',
  ]);
  expect(lines[3]).toBe('Visits,,1,');
  expect(lines[7]).toBe('Opportunities,30.4375,,');
  expect(lines).toContain('Seed,42');
  expect(lines).toContain('Change every rate by (%) for scenarios,20');
  const schedule = lines.indexOf('What each stage must reach each month');
  expect(schedule).toBeGreaterThan(0);
  // December 2026: visits 75,757.58 ÷ 12 = 6,313.13 in full precision; no customers yet.
  const december = lines[schedule + 2].split(',');
  expect(december[0]).toBe('2026-12');
  expect(Math.abs(Number(december[1]) - 10_000_000 / 1_100_000 / 0.5 / 0.4 / 0.2 / 0.2 / 0.015 / 12)).toBeLessThan(1e-6);
  expect(december[6]).toBe('0');
  expect(lines[schedule + 2 + 13].split(',')[0]).toBe('Total');
});
