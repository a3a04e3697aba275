import { test, expect } from './fixtures';
import { RESULTS_PAGE, THREE_MONTHS, expectClose, type PlannerPage } from './pages/planner';

// "Pipeline coverage and velocity" on the Forecast page, for the app's first plan, the worked
// example: 10,000,000 a year at 1,100,000 per new customer, rates 1.5 / 20 / 20 / 40 / 50 %, so
// 9.0909 customers and 18.1818 opportunities a year; evenly over the months, a quarter needs
// 9.0909 ÷ 4 = 2.2727 customers ($2,500,000). The win rate (Opportunities → Customers) is 50 %.
// Every figure below is worked by hand in the comment beside it.

const CUSTOMERS_A_QUARTER = 10_000_000 / 1_100_000 / 4;

async function openForecastIn2027(planner: PlannerPage): Promise<void> {
  await planner.goto(RESULTS_PAGE);
  await planner.setPlanYear('2027-01');
  await planner.openArea('Forecast');
}

// Fails if: the coverage is not 1 ÷ (win rate × share decided within the quarter), a quarter's
// opportunities or pipeline differ from the hand calculation or are rounded below what is needed,
// the comparison with the 3× rule says the wrong side, days longer than a quarter do not raise the
// coverage, velocity is shown with no days (a division by 0) or differs from opportunities × win
// rate × revenue ÷ days, or the forecast's CSV leaves the tables out.
test('coverage each quarter needs and the velocity of the plan, from its own rates', async ({ planner }) => {
  await openForecastIn2027(planner);
  const section = planner.pipelineSection;
  // No days typed: the whole pipeline is decided within its quarter, so 1 ÷ 0.5 = 2×.
  // Q1 needs 2.2727 customers (2.28 rounded up) × 2 = 4.5454 opportunities (4.55), worth
  // 4.5454 × 1,100,000 = $5,000,000.
  await expect(section).toContainText('2× coverage: 4.55 Opportunities worth $5,000,000 open when January 2027 starts.');
  await expect(section).toContainText(
    'The common 3× rule fits a win rate of 33.3% with the whole pipeline decided within its quarter. ' +
      'With 0 days from Opportunities to Customers, no longer than a quarter, the whole pipeline open when a quarter starts is decided within it. ' +
      'This plan wins 50% of its opportunities, so it needs 2×: less than the rule.',
  );
  const coverage = planner.coverageTable;
  await expect(coverage.getByRole('columnheader')).toHaveText([
    'Quarter',
    'Customers',
    'New-customer revenue',
    'Opportunities open at the start',
    'Pipeline value',
  ]);
  expect(await planner.rowHeaders(coverage)).toEqual([
    'Q1, from January 2027',
    'Q2, from April 2027',
    'Q3, from July 2027',
    'Q4, from October 2027',
  ]);
  await planner.expectCell(coverage, 'Q2, from April 2027', 'Customers', '2.28', CUSTOMERS_A_QUARTER);
  await planner.expectCell(coverage, 'Q2, from April 2027', 'New-customer revenue', '$2,500,000', 2_500_000);
  await planner.expectCell(coverage, 'Q2, from April 2027', 'Opportunities open at the start', '4.55', CUSTOMERS_A_QUARTER * 2);
  await planner.expectCell(coverage, 'Q2, from April 2027', 'Pipeline value', '$5,000,000', 5_000_000);

  // Velocity needs days: none yet, so no figure and the field is named.
  const velocity = planner.velocityTable;
  // No results yet: the plan's figures only.
  await expect(velocity.getByRole('columnheader')).toHaveText(['Part', 'Planned']);
  await expect(section).toContainText('The achieved column appears once Opportunities have results on the Results page.');
  expect(await planner.rowHeaders(velocity)).toEqual([
    'Opportunities a month',
    'Opportunities → Customers',
    'Revenue per new customer',
    'Days from Opportunities to Customers',
    'Velocity per day',
    'Velocity per month',
  ]);
  // 18.1818 ÷ 12 = 1.5152 opportunities a month, a target: 1.52.
  await planner.expectCell(velocity, 'Opportunities a month', 'Planned', '1.52', 10_000_000 / 1_100_000 / 0.5 / 12);
  await planner.expectCellText(velocity, 'Velocity per day', 'Planned', '—');
  await expect(section).toContainText(
    'Velocity divides by the days from Opportunities to Customers: type them under When it must happen (for example 45) to see it.',
  );

  // 45 days, within a quarter: still 2×. Velocity = 1.5152 × 0.5 × 1,100,000 ÷ 45 = $18,518.52
  // a day; × 30.4375 = $563,657.41 a month.
  await planner.days('Opportunities', 'Customers').fill('45');
  const perDay = ((10_000_000 / 1_100_000 / 0.5 / 12) * 0.5 * 1_100_000) / 45;
  await planner.expectCell(velocity, 'Velocity per day', 'Planned', '$18,519', perDay);
  await planner.expectCell(velocity, 'Velocity per month', 'Planned', '$563,657', perDay * 30.4375);
  await expect(section).not.toContainText('Velocity divides by the days');
  await expect(section).toContainText('2× coverage');

  // 365.25 days, four quarters: a quarter of the opening pipeline is decided within the quarter,
  // so 1 ÷ (0.5 × 0.25) = 8×: 2.2727 × 8 = 18.18 opportunities (19 rounded up), worth $20,000,000.
  await planner.days('Opportunities', 'Customers').fill('365.25');
  await expect(section).toContainText('8× coverage: 19 Opportunities worth $20,000,000 open when January 2027 starts.');
  await expect(section).toContainText(
    'only 25% of the pipeline open when a quarter starts is decided within it. This plan wins 50% of its opportunities, so it needs 8×: more than the rule.',
  );
  await planner.expectCell(coverage, 'Q4, from October 2027', 'Opportunities open at the start', '19', CUSTOMERS_A_QUARTER * 8);
  await planner.expectCell(coverage, 'Q4, from October 2027', 'Pipeline value', '$20,000,000', 20_000_000);

  // "How this is calculated" shows this plan's arithmetic.
  await section.getByText('How this is calculated').click();
  await expect(section).toContainText(
    'Coverage = 1 ÷ (win rate 50% × share decided within the quarter 25%) = 8×.',
  );

  // The forecast's CSV carries both tables, figures in full precision.
  const file = await planner.download(() => planner.downloadForecastCsvButton.click());
  const lines = file.text.split('\r\n');
  const at = lines.indexOf('What each quarter needs open when it starts (8× coverage)');
  expect(at).toBeGreaterThan(0);
  expect(lines[at + 1]).toBe('Quarter,Customers,New-customer revenue,Opportunities open at the start,Pipeline value');
  const q1 = '"Q1, from January 2027",';
  expect(lines[at + 2].startsWith(q1)).toBe(true);
  const figures = lines[at + 2].slice(q1.length).split(',').map(Number);
  const expected = [CUSTOMERS_A_QUARTER, 2_500_000, CUSTOMERS_A_QUARTER * 8, 20_000_000];
  for (const [index, value] of expected.entries()) expectClose(figures[index], value, `CSV Q1 column ${index + 2}`);
  // A caption with a comma is quoted, as every CSV field with one is.
  expect(lines).toContain('"Sales velocity, planned and achieved"');
});

// Fails if: the achieved velocity does not come from the results typed on the Results page
// (opportunities a month = their results ÷ months entered, win rate = Σ customers ÷ Σ
// opportunities, revenue per new customer = Σ revenue ÷ Σ customers), the change is worked
// otherwise, or the part that moved most is not the one furthest from plan.
test('with three months of results, the velocity achieved and the part that moved most', async ({ planner }) => {
  await planner.goto(RESULTS_PAGE);
  await planner.setPlanYear('2027-01');
  // THREE_MONTHS (pages/data.ts): Opportunities 2, 1, 2; Customers 1, 0, 1; Revenue 1,100,000,
  // 0, 1,100,000.
  await planner.typeResults(THREE_MONTHS);
  await planner.expectSaved('"7,000"');
  await planner.openArea('Forecast');
  await planner.days('Opportunities', 'Customers').fill('45');
  const velocity = planner.velocityTable;
  await expect(velocity).toHaveAccessibleName('Sales velocity, planned and achieved');
  await expect(velocity.getByRole('columnheader')).toHaveText(['Part', 'Planned', 'Achieved', 'Change']);
  const planned = 10_000_000 / 1_100_000 / 0.5 / 12;
  // Opportunities: 5 ÷ 3 months = 1.67 a month against 1.52 planned: × 1.1, +10%.
  await planner.expectCell(velocity, 'Opportunities a month', 'Achieved', '1.67', 5 / 3);
  await planner.expectCell(velocity, 'Opportunities a month', 'Change', '+10%', 10);
  // Win rate: 2 ÷ 5 = 40% against 50%: −20%.
  await planner.expectCell(velocity, 'Opportunities → Customers', 'Achieved', '40%', 40);
  await planner.expectCell(velocity, 'Opportunities → Customers', 'Change', '−20%', -20);
  // Revenue per new customer: 2,200,000 ÷ 2 = $1,100,000, as planned.
  await planner.expectCell(velocity, 'Revenue per new customer', 'Achieved', '$1,100,000', 1_100_000);
  await planner.expectCell(velocity, 'Revenue per new customer', 'Change', '0%', 0);
  // Monthly results do not measure the days a deal takes: no change is shown for them.
  await planner.expectCellText(velocity, 'Days from Opportunities to Customers', 'Change', '—');
  // Per day: 1.6667 × 0.4 × 1,100,000 ÷ 45 = $16,296.30 against $18,518.52: × 0.88, −12%.
  await planner.expectCell(velocity, 'Velocity per day', 'Achieved', '$16,296', ((5 / 3) * 0.4 * 1_100_000) / 45);
  await planner.expectCell(velocity, 'Velocity per day', 'Planned', '$18,519', (planned * 0.5 * 1_100_000) / 45);
  await planner.expectCell(velocity, 'Velocity per day', 'Change', '−12%', -12);
  // The win rate moved most (× 0.8, a fall of 1.25 times, against × 1.1 for the opportunities).
  await expect(planner.pipelineSection).toContainText(
    'Since plan, Opportunities → Customers moved most: 50% planned, 40% achieved (−20%).',
  );
});
