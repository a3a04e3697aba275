import { test, expect } from './fixtures';
import { REVIEW_PAGE, type PlannerPage } from './pages/planner';

// One plan, one truth: the pages agree on a figure, and no figure rests silently on a value the
// person never typed. The marketer's flow of the issue, in euros: last year → a growth goal →
// existing customers → the plan's goal. Every test starts from the app's first plan, the worked
// example (10,000,000 at 1,100,000 per new customer, rates 1.5 / 20 / 20 / 40 / 50 %).

/** Last year as the marketer typed it: each stage's total for the year. */
const LAST_YEAR: Record<string, string> = {
  Visits: '120,000',
  Leads: '2,400',
  MQLs: '720',
  SQLs: '216',
  Opportunities: '86',
  Customers: '21',
};

/** Counts money in euros (the Plan page's Currency), then opens the Annual plan and types last
 * year, a +20 % goal, 70 % of last year's revenue retained and 300,000 of upsell. */
async function marketersYear(planner: PlannerPage): Promise<void> {
  await planner.goto('/');
  await planner.type(planner.page.getByRole('combobox', { name: 'Currency', exact: true }), 'EUR');
  await planner.openArea('Annual plan');
  await planner.typeLastYearTotals(LAST_YEAR);
  await planner.type(planner.lastYearSpend, '420,000');
  await planner.type(planner.lastYearRevenue, '6,300,000');
  await planner.type(planner.lastYearNewRevenue, '1,890,000');
  await planner.chooseGoalMode("Growth over last year's revenue");
  await planner.type(planner.growth, '20');
  await planner.typeExisting('Retained revenue', '70', '% of last year');
  await planner.typeExisting('Upsell', '300,000', 'an amount');
}

// Hand calculation:
//   goal                6,300,000 × 1.2 = 7,560,000
//   existing customers  70 % × 6,300,000 = 4,410,000 retained + 300,000 upsell = 4,710,000
//   from new customers  7,560,000 − 4,710,000 = 2,850,000
//   per new customer    last year's 1,890,000 ÷ 21 = 90,000 (the plan's 1,100,000 is the worked
//                       example's, which the marketer never typed)
//   new customers       2,850,000 ÷ 90,000 = 31.666… → 32 shown (from 10 up, the whole number to
//                       reach), never 2,850,000 ÷ 1,100,000 = 2.59
//   on the Plan page    customers a year 31.67 → 32; Opportunities 31.67 ÷ 50 % = 63.33 → 64;
//                       Visits 31.67 ÷ (0.5 × 0.4 × 0.2 × 0.2 × 0.015) = 263,888.9 → 263,889
// Fails if: the chain divides by the example's average revenue per new customer instead of last
// year's, does not say whose figure it used, "Use … as the plan's goal" leaves the plan's average
// at the example's (so the Plan page asks for 2.59 customers), the confirmation does not name
// both figures, or Undo does not put both back.
test("the annual plan's chain uses last year's revenue per new customer, and the Plan page follows it", async ({ planner }) => {
  await marketersYear(planner);
  await expect(planner.chainSteps).toHaveText([
    'Goal: €7,560,000',
    'From existing customers: €4,710,000 (retained €4,410,000, upsell €300,000, cross-sell €0)',
    'From new customers: €2,850,000',
    "Revenue per new customer: €90,000, last year's: revenue from new customers ÷ new customers = €1,890,000 ÷ 21",
    'New customers needed in the year: 32',
  ]);
  await expect(planner.useAsPlanGoalButton).toHaveText(
    "Use €2,850,000 from new customers as the plan's goal, at €90,000 per new customer",
  );

  await planner.useAsPlanGoalButton.click();
  await expect(planner.planGoalSet).toHaveText(
    "The plan's goal is set from the chain: €2,850,000 from new customers, at €90,000 per new customer. Undo",
  );
  await expect(planner.chainIsPlanGoal).toBeVisible();
  // The chain now reads the plan's own average, which says the same.
  await expect(planner.chainSteps.nth(3)).toHaveText(
    "Revenue per new customer: €90,000, the plan's average revenue per new customer",
  );
  await planner.expectSaved('"average_revenue_per_customer":"90,000"');

  await planner.openArea('Plan');
  await expect(planner.revenueGoal).toHaveValue('2,850,000');
  await expect(planner.averageRevenue).toHaveValue('90,000');
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '32', 2_850_000 / 90_000);
  await planner.expectCell(planner.targetsTable, 'Visits', 'Per year', '263,889', 2_850_000 / 90_000 / 0.00012);

  // Undo puts back both the goal and the example's average.
  await planner.openArea('Annual plan');
  await planner.undoPlanGoal.click();
  await planner.expectSaved('"average_revenue_per_customer":"1,100,000"');
  await planner.expectSaved('"revenue_goal":"10,000,000"');
  await expect(planner.useAsPlanGoalButton).toBeVisible();
});

// Fails if: with nothing of last year's to use, the chain divides by the example's figure without
// saying that it is the example's.
test("with no revenue per customer of last year, the chain says it uses the example's figure", async ({ planner }) => {
  await planner.goto(REVIEW_PAGE);
  await planner.chooseGoalMode('Revenue for the year');
  await planner.type(planner.annualRevenueGoal, '2,200,000');
  // 2,200,000 ÷ 1,100,000 = 2 new customers.
  await expect(planner.chainSteps).toHaveText([
    'Goal: $2,200,000',
    'From existing customers: $0 (retained $0, upsell $0, cross-sell $0)',
    'From new customers: $2,200,000',
    "Revenue per new customer: $1,100,000, the worked example's figure, not yours: type your average revenue per new customer on the Plan page, or last year's new customers and their revenue above",
    'New customers needed in the year: 2',
  ]);
});
