import { test, expect } from './fixtures';

// How figures are shown and how typed numbers are read: the display rules of "How the numbers
// are calculated" in the README, each checked with figures worked out by hand in the comments.

test.beforeEach(async ({ planner }) => {
  await planner.goto();
});

// Fails if: a huge target is rounded down by a tolerance that grows with the value.
test('1,500,000,000.4 customers a year are shown as 1,500,000,001', async ({ planner }) => {
  await planner.type(planner.newCustomers, '1,500,000,000.4');
  // 1e-9 × 1.5e9 = 1.5 would have swallowed the 0.4; the need is 1,500,000,001 whole customers.
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '1,500,000,001', 1_500_000_000.4);
});

// Fails if: small targets are rounded up to whole numbers, so 0.75 customers a month reads "1".
test('counts below 10 keep two decimals, rounded up', async ({ planner }) => {
  // The source article: 9 customers a year at 50 % and 40 %: 0.75 customers, 1.5 opportunities
  // and 3.75 SQLs a month; 9 ÷ 4 = 2.25 customers a quarter.
  await planner.type(planner.newCustomers, '9');
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per month', '0.75', 0.75);
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per quarter', '2.25', 2.25);
  await planner.expectCell(planner.targetsTable, 'Opportunities', 'Per month', '1.5', 1.5);
  await planner.expectCell(planner.targetsTable, 'SQLs', 'Per month', '3.75', 3.75);
  // From 10 up the whole number to reach: 18.75 MQLs a month → 19.
  await planner.expectCell(planner.targetsTable, 'MQLs', 'Per month', '19', 18.75);
  // 10,000,000 ÷ 1,100,000 = 9.0909… a year → 9.1 (9.10, never 9.09, which is below the need).
  await planner.type(planner.revenueGoal, '10,000,000');
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '9.1', 100 / 11);
  // Revenue per month 833,333.33 is rounded up to 833,334 (in US dollars, an English page's).
  await expect(
    planner.text('Revenue goal: $10,000,000 a year, $2,500,000 a quarter, $833,334 a month.'),
  ).toBeVisible();
});

// Fails if: a rate of 0.001 % is shown as "0%" in the explanation, or no hint says how it was read.
test('a tiny rate is never shown as 0 %, and a rate typed like a fraction is explained', async ({ planner }) => {
  const rate = planner.rate('Visits', 'Leads');
  await planner.type(rate, '0.001');
  await expect(rate).toHaveAccessibleDescription('Read as 0.001%. If you meant 0.1%, type 0.1.');
  await planner.howSummary.click();
  await expect(planner.howDetails).toContainText('÷ 0.001%');
  await expect(planner.howDetails).not.toContainText('÷ 0%');
  await planner.type(rate, '1.5');
  await expect(rate).not.toHaveAccessibleDescription(/Read as/);
});

// Fails if: "10.000" is silently read as 10 (or 10,000) in a money field.
test('an amount like 10.000 is refused with both readings', async ({ planner }) => {
  await planner.type(planner.revenueGoal, '10.000');
  await planner.expectFieldError(
    planner.revenueGoal,
    'Did you mean 10,000 or 10? Type 10000 for 10,000, or 10 for 10.',
  );
  await planner.type(planner.averageRevenue, '1.100');
  await planner.expectFieldError(
    planner.averageRevenue,
    'Did you mean 1,100 or 1? Type 1100 for 1,100, or 1 for 1.',
  );
  // "1,250" is one thousand two hundred and fifty in English, and accepted.
  await planner.type(planner.revenueGoal, '1,250');
  await planner.expectNoFieldError(planner.revenueGoal);
});

// Fails if: the counts wait for an average revenue that a goal of new customers does not need.
test('a goal of new customers shows its counts without an average revenue', async ({ planner }) => {
  await planner.type(planner.newCustomers, '9');
  await planner.type(planner.averageRevenue, '');
  await planner.expectNoFieldError(planner.averageRevenue);
  await planner.expectCell(planner.targetsTable, 'Visits', 'Per month', '6,250', 6_250);
  await expect(
    planner.text('Type the average revenue per new customer to see the revenue these customers bring.'),
  ).toBeVisible();
  await planner.expectNoBrokenNumbers();
});

// Fails if: a 200-character name without spaces widens the page beyond the window.
test('a very long name wraps instead of widening the page', async ({ planner, page }) => {
  await planner.planName.fill('X'.repeat(200));
  await planner.stageName(1).fill('V'.repeat(200));
  await expect(planner.targetsTable.getByRole('rowheader', { name: 'V'.repeat(200) })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);
});

// Fails if: the example's typical rates are not marked as typical, or the note stays once they are changed.
test('typical rates are marked as typical until the person types their own', async ({ planner }) => {
  const note = planner.text('These rates are typical, not yours: replace each with your own when you know it.');
  await expect(note).toBeVisible();
  await planner.type(planner.rate('Leads', 'MQLs'), '25');
  await expect(note).toBeHidden();
});

// Fails if: a new plan starts with the example's goal or average revenue (people took them for
// their own), shows them as red mistakes, loses the typical rates, or does not show targets once
// its goal is typed.
test('a new plan starts with an empty goal, the example as placeholders, and asks for it', async ({ planner }) => {
  await planner.newPlanButton.click();
  await expect(planner.planName).toHaveValue('New plan');
  await expect(planner.revenueGoal).toHaveValue('');
  await expect(planner.averageRevenue).toHaveValue('');
  await expect(planner.revenueGoal).toHaveAttribute('placeholder', 'e.g. 10,000,000');
  await expect(planner.averageRevenue).toHaveAttribute('placeholder', 'e.g. 1,100,000');
  await expect(planner.newCustomers).toHaveAttribute('placeholder', 'e.g. 10');
  // Not typed yet is not a mistake: no field is flagged, and the results ask for what is missing.
  await planner.expectNoFieldError(planner.revenueGoal);
  await planner.expectNoFieldError(planner.averageRevenue);
  const results = planner.resultsSection;
  await expect(results.getByText('Type these and your targets appear here:')).toBeVisible();
  await expect(results.getByRole('button', { name: 'Revenue goal', exact: true })).toBeVisible();
  await expect(results.getByRole('button', { name: 'Average revenue per new customer', exact: true })).toBeVisible();
  await expect(planner.targetsTable).toBeHidden();
  await expect(planner.text('These rates are typical, not yours: replace each with your own when you know it.')).toBeVisible();

  // Its own figures: 2,200,000 ÷ 1,100,000 = 2 customers a year; opportunities 2 ÷ 50 % = 4.
  await planner.type(planner.revenueGoal, '2,200,000');
  await expect(results.getByRole('button', { name: 'Average revenue per new customer', exact: true })).toBeVisible();
  await expect(results.getByRole('button', { name: 'Revenue goal', exact: true })).toBeHidden();
  await planner.type(planner.averageRevenue, '1,100,000');
  await expect(planner.targetsTable).toBeVisible();
  await planner.expectCellText(planner.targetsTable, 'Customers', 'Per year', '2');
  await planner.expectCellText(planner.targetsTable, 'Opportunities', 'Per year', '4');

  // A goal typed wrong is a mistake, flagged at the field.
  await planner.type(planner.revenueGoal, 'ten');
  await planner.expectFieldError(planner.revenueGoal, 'Enter digits only, like 1,250,000 or 12.5.');
  await expect(results.getByText('Your targets will appear here once these are fixed:')).toBeVisible();
});
