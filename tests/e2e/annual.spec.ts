import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { t } from './lib/catalogue';
import { MESSAGES, RESULTS_PAGE, REVIEW_PAGE, type PlannerPage } from './pages/planner';

// The Annual plan area (`review.html`): last year's review, the year's goal and the chain from it
// to the new customers needed, the plan's rates beside last year's and the typical ranges, and
// SMART objectives with owners and a quarterly roadmap. Every test starts from the app's first
// plan, the worked example (see results.spec.ts): a revenue goal of 10,000,000 at 1,100,000 per
// new customer, stages Visits, Leads, MQLs, SQLs, Opportunities, Customers and rates 1.5 / 20 /
// 20 / 40 / 50 %, in US dollars (an English browser). Every expected figure below is worked out
// by hand; the page's formats are the app's: a percent or a figure with at most 2 decimals,
// money from 10 up in whole dollars, a needed count below 10 rounded UP to 2 decimals (9.0909 →
// "9.1") and from 10 up to the whole number.

/** The worked example's stages, top to bottom. */
const STAGES = ['Visits', 'Leads', 'MQLs', 'SQLs', 'Opportunities', 'Customers'];

/** Opens the Results area on the first plan, sets its plan year to January 2027 (so the month
 * names do not depend on today), then goes to the Annual plan area. */
async function openAnnualIn2027(planner: PlannerPage): Promise<void> {
  await planner.goto(RESULTS_PAGE);
  await planner.setPlanYear('2027-01');
  await planner.openArea('Annual plan');
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

// ---- The source article's flow ------------------------------------------------------------------

// Last year as typed in the first test. Hand calculation:
//   rates    Visits → Leads          384 ÷ 24,000 = 0.016  → 1.6%
//            Leads → MQLs             96 ÷ 384    = 0.25   → 25%
//            MQLs → SQLs              24 ÷ 96     = 0.25   → 25%
//            SQLs → Opportunities     12 ÷ 24     = 0.5    → 50%
//            Opportunities → Cust.     4 ÷ 12     = 0.3333 → 33.33%
//   cost     240,000 ÷ 24,000 = 10; ÷ 384 = 625; ÷ 96 = 2,500; ÷ 24 = 10,000; ÷ 12 = 20,000;
//            ÷ 4 = 60,000 (the customer acquisition cost)
//   revenue per new customer  4,400,000 ÷ 4 = 1,100,000 (≤ last year's 10,000,000 in all)
const LAST_YEAR: Record<string, string> = {
  Visits: '24,000',
  Leads: '384',
  MQLs: '96',
  SQLs: '24',
  Opportunities: '12',
  Customers: '4',
};

// Fails if: a rate, cost per stage, CAC or revenue per new customer of last year, or its written
// arithmetic, differs from the hand calculation; a growth goal is not counted from last year's
// revenue, existing customers' parts (percent of last year or amount) are not subtracted, or the
// customers needed are wrong; "Use … as the plan's goal" does not set the plan's revenue goal (seen
// in the targets and the Plan area) or its Undo does not put the old goal back; drafted objectives
// do not follow the plan's monthly targets and last year's baselines; or a reload loses anything
// typed or chosen (values, goal mode, kinds, owners) or the owners table and roadmap.
test("the source article's flow: last year, a growth goal, existing customers, the plan's goal and objectives, kept on reload", async ({ planner }) => {
  await openAnnualIn2027(planner);
  await expect(planner.annualHeading).toBeVisible();
  await expect(planner.lastYearTable.getByRole('rowheader')).toHaveText(STAGES);

  await planner.typeLastYearTotals(LAST_YEAR);
  await planner.type(planner.lastYearSpend, '240,000');

  await planner.expectLastYearRate('Visits', ['1.6%', '384 ÷ 24,000 = 1.6%']);
  await planner.expectLastYearRate('Leads', ['25%', '96 ÷ 384 = 25%']);
  await planner.expectLastYearRate('MQLs', ['25%', '24 ÷ 96 = 25%']);
  await planner.expectLastYearRate('SQLs', ['50%', '12 ÷ 24 = 50%']);
  await planner.expectLastYearRate('Opportunities', ['33.33%', '4 ÷ 12 = 33.33%']);
  // The bottom stage has no next stage.
  await planner.expectLastYearRate('Customers', []);

  await planner.expectLastYearCost('Visits', ['$10', '$240,000 ÷ 24,000 = $10']);
  await planner.expectLastYearCost('Leads', ['$625', '$240,000 ÷ 384 = $625']);
  await planner.expectLastYearCost('MQLs', ['$2,500', '$240,000 ÷ 96 = $2,500']);
  await planner.expectLastYearCost('SQLs', ['$10,000', '$240,000 ÷ 24 = $10,000']);
  await planner.expectLastYearCost('Opportunities', ['$20,000', '$240,000 ÷ 12 = $20,000']);
  await planner.expectLastYearCost('Customers', ['$60,000', '$240,000 ÷ 4 = $60,000']);
  await planner.expectLines(
    planner.lastYearFigure('Customer acquisition cost last year'),
    ['$60,000', '$240,000 ÷ 4 = $60,000'],
    'CAC last year',
  );

  // A growth goal before last year's revenue is typed: the chain says what it needs.
  await planner.chooseGoalMode("Growth over last year's revenue");
  await planner.type(planner.growth, '10');
  await expect(planner.chain).toContainText(
    "Type last year's revenue: the goal or existing customers' revenue is counted from it.",
  );
  await expect(planner.useAsPlanGoalButton).toBeHidden();

  await planner.type(planner.lastYearRevenue, '10,000,000');
  await planner.type(planner.lastYearNewRevenue, '4,400,000');
  await planner.expectLines(
    planner.lastYearFigure('Revenue per new customer last year'),
    ['$1,100,000', '$4,400,000 ÷ 4 = $1,100,000'],
    'revenue per new customer last year',
  );

  // Existing customers: retained 60 % of last year = 6,000,000; upsell 500,000; cross-sell 2 % of
  // last year = 200,000; together 6,700,000.
  await planner.typeExisting('Retained revenue', '60', '% of last year');
  await planner.typeExisting('Upsell', '500,000', 'an amount');
  await planner.typeExisting('Cross-sell', '2', '% of last year');

  // Goal 10,000,000 × 1.10 = 11,000,000; from new customers 11,000,000 − 6,700,000 = 4,300,000;
  // at 1,100,000 each that is 4,300,000 ÷ 1,100,000 = 3.909… new customers, shown rounded UP to
  // two decimals (below 10, as every needed count in the app) as 3.91. The plan's 1,100,000 is
  // still the worked example's, so the chain takes last year's (4,400,000 ÷ 4, the same figure
  // here) and says so.
  await expect(planner.chainSteps).toHaveText([
    'Goal: $11,000,000',
    'From existing customers: $6,700,000 (retained $6,000,000, upsell $500,000, cross-sell $200,000)',
    'From new customers: $4,300,000',
    "Revenue per new customer: $1,100,000, last year's: revenue from new customers ÷ new customers = $4,400,000 ÷ 4",
    'New customers needed in the year: 3.91',
  ]);
  await expect(planner.useAsPlanGoalButton).toHaveText("Use $4,300,000 from new customers as the plan's goal");
  await expect(planner.chainIsPlanGoal).toBeHidden();

  // The plan's goal from the chain, and Undo puts back 10,000,000.
  await planner.useAsPlanGoalButton.click();
  await expect(planner.planGoalSet).toBeVisible();
  await expect(planner.chainIsPlanGoal).toBeVisible();
  await expect(planner.useAsPlanGoalButton).toBeHidden();
  await planner.expectSaved('"revenue_goal":"4,300,000"');

  await planner.undoPlanGoal.click();
  await expect(planner.planGoalSet).toBeHidden();
  await expect(planner.chainIsPlanGoal).toBeHidden();
  await expect(planner.useAsPlanGoalButton).toBeVisible();
  await planner.expectSaved('"revenue_goal":"10,000,000"');

  // Set again, and the Plan area shows it in its goal field, its targets following (Customers a
  // year 4,300,000 ÷ 1,100,000 = 3.909… → "3.91").
  await planner.useAsPlanGoalButton.click();
  await expect(planner.chainIsPlanGoal).toBeVisible();
  await planner.openArea('Plan');
  await expect(planner.revenueGoal).toHaveValue('4,300,000');
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '3.91', 4_300_000 / 1_100_000);
  await planner.openArea('Annual plan');
  await expect(planner.chainIsPlanGoal).toBeVisible();

  // Objectives drafted from the plan (goal now 4,300,000), one per stage with ground to make up
  // in each quarter. Targets a month, rounded up as the targets table shows them (whole from 10
  // up, two decimals below, two significant digits below 1): Customers 3.909 ÷ 12 = 0.3258 →
  // 0.33; Opportunities 7.82 ÷ 12 = 0.652 → 0.66; SQLs 19.55 ÷ 12 = 1.629 → 1.63; MQLs 97.73 ÷
  // 12 = 8.144 → 8.15; Leads 488.64 ÷ 12 = 40.72 → 41; Visits 32,575.76 ÷ 12 = 2,714.65 →
  // 2,715. Baselines, last year ÷ 12: Visits 2,000, Leads 32, MQLs 8, SQLs 2, Opportunities 1,
  // Customers 0.333. SQLs, Opportunities and Customers are already there, so three objectives a
  // quarter: Visits, Leads and MQLs, due by March, June, September and December.
  await planner.draftObjectivesButton.click();
  const drafted = ['Q1', 'Q2', 'Q3', 'Q4'].flatMap((q) => ['Visits', 'Leads', 'MQLs'].map((stage) => `${stage}, ${q}`));
  await expect(planner.objectiveHeadings).toHaveText(drafted);
  await expect(planner.objectiveField('Visits, Q1', 'Target')).toHaveValue('2,715');
  await expect(planner.objectiveField('Visits, Q1', 'Today (baseline)')).toHaveValue('2,000');
  await expect(planner.objectiveField('Leads, Q1', 'Target')).toHaveValue('41');
  await expect(planner.objectiveField('Leads, Q1', 'Today (baseline)')).toHaveValue('32');
  await expect(planner.objectiveField('MQLs, Q1', 'Target')).toHaveValue('8.15');
  await expect(planner.objectiveField('MQLs, Q1', 'Today (baseline)')).toHaveValue('8');
  await expect(planner.objectiveField('Leads, Q1', 'By').locator('option:checked')).toHaveText('March 2027');
  await expect(planner.objectiveField('Leads, Q1', 'Focus quarter').locator('option:checked')).toHaveText('Q1');
  await expect(planner.objectiveField('Leads, Q4', 'Target')).toHaveValue('41');
  await expect(planner.objectiveField('Leads, Q4', 'By').locator('option:checked')).toHaveText('December 2027');
  await expect(planner.progress('Leads, Q1')).toHaveText('No results yet: enter them on the Results page.');
  // Leads' reach, by the one rule for every stage: half as much again as last year's month,
  // 384 ÷ 12 × 1.5 = 48 ≥ 41.
  await expect(planner.smartCheck('Leads, Q1')).toHaveText([
    '✓ Specific',
    '✓ Measurable',
    '✓ Achievable',
    '✓ Relevant',
    '✓ Time-bound',
  ]);
  // Drafting again adds nothing: each stage already has its objective in each quarter.
  await planner.draftObjectivesButton.click();
  await expect(planner.objectiveHeadings).toHaveText(drafted);

  await planner.type(planner.objectiveField('Visits, Q1', 'Owner'), 'Ben');
  await planner.type(planner.objectiveField('Leads, Q1', 'Owner'), 'Ana');
  const owners = {
    Ben: { objectives: '1', onPace: '0', behind: '0', noFigures: '1' },
    Ana: { objectives: '1', onPace: '0', behind: '0', noFigures: '1' },
    'No owner yet': { objectives: '10', onPace: '0', behind: '0', noFigures: '10' },
  };
  await planner.expectOwners(owners);
  // Each target is a count a month, and says so.
  const q1 = [
    'Visits: 2,715 a month by March 2027 (Ben)',
    'Leads: 41 a month by March 2027 (Ana)',
    'MQLs: 8.15 a month by March 2027 (No owner yet)',
  ];
  await expect(planner.roadmapItems('Q1')).toHaveText(q1);
  await expect(planner.roadmapItems('Q3')).toHaveText([
    'Visits: 2,715 a month by September 2027 (No owner yet)',
    'Leads: 41 a month by September 2027 (No owner yet)',
    'MQLs: 8.15 a month by September 2027 (No owner yet)',
  ]);
  await planner.expectAnnualSaved('"owner":"Ana"');

  // Everything typed and chosen is still there after a reload.
  await planner.reload();
  for (const [stage, text] of Object.entries(LAST_YEAR)) {
    await expect(planner.lastYearTotal(stage)).toHaveValue(text);
  }
  await expect(planner.lastYearSpend).toHaveValue('240,000');
  await expect(planner.lastYearRevenue).toHaveValue('10,000,000');
  await expect(planner.lastYearNewRevenue).toHaveValue('4,400,000');
  await expect(planner.goalMode.locator('option:checked')).toHaveText("Growth over last year's revenue");
  await expect(planner.growth).toHaveValue('10');
  await expect(planner.existing('Retained revenue')).toHaveValue('60');
  await expect(planner.existingKind('Retained revenue').locator('option:checked')).toHaveText('% of last year');
  await expect(planner.existing('Upsell')).toHaveValue('500,000');
  await expect(planner.existingKind('Upsell').locator('option:checked')).toHaveText('an amount');
  await expect(planner.existing('Cross-sell')).toHaveValue('2');
  await expect(planner.existingKind('Cross-sell').locator('option:checked')).toHaveText('% of last year');
  await expect(planner.chainSteps.nth(2)).toHaveText('From new customers: $4,300,000');
  await expect(planner.chainIsPlanGoal).toBeVisible();
  await expect(planner.objectiveHeadings).toHaveText(drafted);
  await expect(planner.objectiveField('Visits, Q1', 'Owner')).toHaveValue('Ben');
  await expect(planner.objectiveField('Leads, Q1', 'Owner')).toHaveValue('Ana');
  await planner.expectOwners(owners);
  await expect(planner.roadmapItems('Q1')).toHaveText(q1);
});

// ---- Rates against last year and typical ranges -------------------------------------------------

// Last year in the second test: rates 480 ÷ 80,000 = 0.6 %, 120 ÷ 480 = 25 %, 24 ÷ 120 = 20 %,
// 12 ÷ 24 = 50 %, 6 ÷ 12 = 50 %. Against the plan's 1.5 / 20 / 20 / 40 / 50 %: 1.5 ÷ 0.6 = 2.5
// times last year at the top (≥ 1.5 times: pointed out); 0.8, 1, 0.8 and 1 times below it (not).
const RATES_LAST_YEAR: Record<string, string> = {
  Visits: '80,000',
  Leads: '480',
  MQLs: '120',
  SQLs: '24',
  Opportunities: '12',
  Customers: '6',
};

// Fails if: a planned rate at least 1.5 times last year's is not pointed out with both rates and
// the multiple, or one well below that is; a typical range, its source or its scope ("For all
// industries.") is not the one for the industry chosen (benchmarks.rs); a rate outside the range
// is not pointed out; or "Use last year's rates in the plan" does not put last year's rates into
// the plan (seen here and in the Plan area) or its Undo does not put the plan's rates back.
test("rates against last year and typical ranges, and using last year's rates in the plan", async ({ planner }) => {
  await planner.goto(REVIEW_PAGE);
  await expect(planner.useLastYearRatesButton).toBeDisabled();
  await expect(planner.text('Type the totals of two stages one after the other to get a rate.')).toBeVisible();
  const table = planner.ratesCheckTable;
  await expect(table.getByRole('rowheader')).toHaveText([
    'Visits → Leads',
    'Leads → MQLs',
    'MQLs → SQLs',
    'SQLs → Opportunities',
    'Opportunities → Customers',
  ]);
  await expect(table.getByRole('columnheader')).toHaveText(['Step', 'Planned', 'Last year', 'Typical range', 'Note']);
  // Nothing typed for last year yet: "—" in its column.
  await planner.expectCellText(table, 'Visits → Leads', 'Last year', '—');
  await planner.expectCellText(table, 'Visits → Leads', 'Note', '');

  await planner.typeLastYearTotals(RATES_LAST_YEAR);
  await expect(planner.useLastYearRatesButton).toBeEnabled();

  const planned = ['1.5%', '20%', '20%', '40%', '50%'];
  const lastYear = ['0.6%', '25%', '20%', '50%', '50%'];
  const steps = STAGES.slice(0, -1).map((from, index) => [from, STAGES[index + 1]] as const);
  for (const [index, [from, to]] of steps.entries()) {
    await expect(await planner.rateCheckCell(from, to, 'Planned'), `${from} → ${to} planned`).toHaveText(planned[index]);
    await expect(await planner.rateCheckCell(from, to, 'Last year'), `${from} → ${to} last year`).toHaveText(lastYear[index]);
  }
  // Industry "Other" (the default): Visits → Leads 1.3–2.4 % (1.5 % within); Opportunities →
  // Customers 15–20 % (50 % above); SQLs → Opportunities has no public range.
  await expect(planner.industry.locator('option:checked')).toHaveText('Other');
  await planner.expectCellText(table, 'Visits → Leads', 'Note', '1.5% planned; last year 0.6% (2.5 times as much).');
  await planner.expectCellText(table, 'Leads → MQLs', 'Note', '');
  await planner.expectCellText(table, 'MQLs → SQLs', 'Note', '');
  await planner.expectCellText(table, 'SQLs → Opportunities', 'Note', '');
  await planner.expectCellText(table, 'Opportunities → Customers', 'Note', 'Above the typical range.');
  await planner.expectLines(
    await planner.rateCheckCell('Visits', 'Leads', 'Typical range'),
    ['1.3% – 2.4%', 'Source: First Page Sage, SEO vs. PPC Statistics: Conversion Rates Compared (2024).'],
    'Visits → Leads range, Other',
  );
  await planner.expectCellText(table, 'SQLs → Opportunities', 'Typical range', 'No public range');

  // B2B software: Visits → Leads 1.0–2.1 % from First Page Sage; the lower steps from reports for
  // all industries, which the page says.
  await planner.industry.selectOption({ label: 'B2B software and SaaS' });
  await planner.expectLines(
    await planner.rateCheckCell('Visits', 'Leads', 'Typical range'),
    ['1% – 2.1%', 'Source: First Page Sage, SEO vs. PPC Statistics: Conversion Rates Compared (2024).'],
    'Visits → Leads range, B2B software',
  );
  await planner.expectLines(
    await planner.rateCheckCell('Leads', 'MQLs', 'Typical range'),
    ['9.7% – 35.6%', 'Source: Aberdeen Group, Roadmap to Revenue (lead management study) (2014). For all industries.'],
    'Leads → MQLs range, B2B software',
  );
  await planner.expectLines(
    await planner.rateCheckCell('MQLs', 'SQLs', 'Typical range'),
    [
      '13% – 36%',
      'Source: Klipfolio MetricHQ, MQL to SQL Conversion Rate (2024); Aberdeen Group, Roadmap to Revenue (lead management study) (2014). For all industries.',
    ],
    'MQLs → SQLs range, B2B software',
  );
  await planner.expectLines(
    await planner.rateCheckCell('Opportunities', 'Customers', 'Typical range'),
    ['15% – 20%', 'Source: HubSpot, Closing Ratio (glossary). For all industries.'],
    'Opportunities → Customers range, B2B software',
  );
  await planner.expectCellText(table, 'Visits → Leads', 'Note', '1.5% planned; last year 0.6% (2.5 times as much).');

  // Last year's rates into the plan: planned becomes 0.6 / 25 / 20 / 50 / 50 %, so the top rate is
  // no longer a stretch but is below B2B software's 1–2.1 %.
  await planner.useLastYearRatesButton.click();
  await expect(planner.lastYearRatesUsed).toBeVisible();
  for (const [index, [from, to]] of steps.entries()) {
    await expect(await planner.rateCheckCell(from, to, 'Planned'), `${from} → ${to} planned`).toHaveText(lastYear[index]);
  }
  await planner.expectCellText(table, 'Visits → Leads', 'Note', 'Below the typical range.');
  await planner.expectSaved('"rate_to_next":"0.6"');

  await planner.undoLastYearRates.click();
  await expect(planner.lastYearRatesUsed).toBeHidden();
  for (const [index, [from, to]] of steps.entries()) {
    await expect(await planner.rateCheckCell(from, to, 'Planned'), `${from} → ${to} planned`).toHaveText(planned[index]);
  }
  await planner.expectCellText(table, 'Visits → Leads', 'Note', '1.5% planned; last year 0.6% (2.5 times as much).');

  // The Plan area has the plan's own rates back …
  await planner.openArea('Plan');
  const typed = ['1.5', '20', '20', '40', '50'];
  for (const [index, [from, to]] of steps.entries()) await expect(planner.rate(from, to)).toHaveValue(typed[index]);

  // … and last year's once they are used (the industry chosen is kept with the plan).
  await planner.openArea('Annual plan');
  await expect(planner.industry.locator('option:checked')).toHaveText('B2B software and SaaS');
  await planner.useLastYearRatesButton.click();
  await expect(planner.lastYearRatesUsed).toBeVisible();
  await planner.openArea('Plan');
  const used = ['0.6', '25', '20', '50', '50'];
  for (const [index, [from, to]] of steps.entries()) await expect(planner.rate(from, to)).toHaveValue(used[index]);
});

// ---- Bad input ----------------------------------------------------------------------------------

// Fails if: text that is not a number in a last-year field is not marked invalid with its message
// next to it, breaks a figure on the page (NaN, a negative count), crashes the page (the guard
// fails on any page error), or is lost or corrected on reload.
test('a last-year field with text that is not a number says so, and keeps it on reload', async ({ planner }) => {
  await planner.goto(REVIEW_PAGE);
  const visits = planner.lastYearTotal('Visits');
  await planner.type(visits, 'abc');
  await planner.type(planner.lastYearTotal('Leads'), '1,280');
  await planner.type(planner.lastYearSpend, '-5');
  await planner.expectFieldError(visits, MESSAGES.notANumber);
  await planner.expectFieldError(planner.lastYearSpend, MESSAGES.negative);
  await planner.expectNoFieldError(planner.lastYearTotal('Leads'));
  // No rate from Visits to Leads without Visits.
  await expect(await planner.cell(planner.lastYearTable, 'Visits', 'Rate to the next stage')).not.toContainText('%');
  await expect(planner.useLastYearRatesButton).toBeDisabled();
  await planner.expectNoBrokenNumbers();
  await planner.expectAnnualSaved('"total":"abc"');

  await planner.reload();
  await expect(visits).toHaveValue('abc');
  await expect(planner.lastYearSpend).toHaveValue('-5');
  await expect(planner.lastYearTotal('Leads')).toHaveValue('1,280');
  await planner.expectFieldError(visits, MESSAGES.notANumber);
  await planner.expectFieldError(planner.lastYearSpend, MESSAGES.negative);

  // Corrected, the rate appears: 1,280 ÷ 80,000 = 1.6 %.
  await planner.type(visits, '80,000');
  await planner.expectNoFieldError(visits);
  await planner.expectLastYearRate('Visits', ['1.6%', '1,280 ÷ 80,000 = 1.6%']);
});

// ---- A metric of one's own ----------------------------------------------------------------------

/**
 * Adds an objective for "Email open rate" in percent, from 20 % to 25 % by June 2027, owned by
 * Chris, as a person types it (the plan year starts in January 2027).
 */
async function addEmailOpenRate(planner: PlannerPage): Promise<string> {
  await planner.addObjectiveButton.click();
  await expect(planner.objectiveHeadings).toHaveText(['New objective']);
  const added = planner.objectives.last();
  // The new objective's metric field has the focus, ready to be named.
  await expect(added.getByLabel('Metric', { exact: true })).toBeFocused();
  await planner.type(added.getByLabel('Metric', { exact: true }), 'Email open rate');
  await expect(planner.objectiveHeadings).toHaveText(['Email open rate']);
  const name = 'Email open rate';
  await planner.objectiveField(name, 'Unit').selectOption({ label: 'Percent' });
  await planner.type(planner.objectiveField(name, 'Today (baseline)'), '20');
  await planner.type(planner.objectiveField(name, 'Target'), '25');
  await planner.objectiveField(name, 'By').selectOption({ label: 'June 2027' });
  await planner.type(planner.objectiveField(name, 'Owner'), 'Chris');
  return name;
}

// Fails if: an objective added for a metric of one's own cannot be named, given a unit, figures,
// a deadline and an owner; its SMART check does not say which letters fail and why (a Response
// metric is not linked to the revenue goal; a metric of one's own has nothing to compare its
// target with; no target; no month), or does not follow a change of group; it is missing from the
// owners table or, once given a focus quarter, from the roadmap; or it cannot be removed for good.
test('an objective of your own: its SMART check letter by letter, owner, roadmap and removal', async ({ planner }) => {
  await openAnnualIn2027(planner);
  await planner.addObjectiveButton.click();
  const added = planner.objectives.last();
  await planner.type(added.getByLabel('Metric', { exact: true }), 'Email open rate');
  const name = 'Email open rate';

  // Named only: a new metric is a Response metric, counted per month.
  await expect(planner.objectiveField(name, 'Group').locator('option:checked')).toHaveText('Response');
  await expect(planner.objectiveField(name, 'Unit').locator('option:checked')).toHaveText('Count per month');
  await expect(planner.smartCheck(name)).toHaveText([
    '✓ Specific',
    '✗ Measurable: type a target figure.',
    '✗ Achievable: type a target figure.',
    '✗ Relevant: not a stage of the funnel nor a value metric, so not linked to the revenue goal.',
    '✗ Time-bound: choose the month it is due.',
  ]);

  await planner.objectiveField(name, 'Unit').selectOption({ label: 'Percent' });
  await planner.type(planner.objectiveField(name, 'Today (baseline)'), '20');
  await planner.type(planner.objectiveField(name, 'Target'), '25');
  await planner.objectiveField(name, 'By').selectOption({ label: 'June 2027' });
  await planner.type(planner.objectiveField(name, 'Owner'), 'Chris');
  await expect(planner.smartCheck(name)).toHaveText([
    '✓ Specific',
    '✓ Measurable',
    '✗ Achievable: no typical range or last year to compare the target with.',
    '✗ Relevant: not a stage of the funnel nor a value metric, so not linked to the revenue goal.',
    '✓ Time-bound',
  ]);
  await expect(planner.progress(name)).toHaveText('No values yet: type them month by month below.');

  await planner.expectOwners({ Chris: { objectives: '1', onPace: '0', behind: '0', noFigures: '1' } });
  // No focus quarter yet: not on the roadmap.
  for (const quarter of ['Q1', 'Q2', 'Q3', 'Q4']) await expect(planner.roadmapItems(quarter)).toHaveCount(0);
  await planner.objectiveField(name, 'Focus quarter').selectOption({ label: 'Q2' });
  await expect(planner.roadmapItems('Q2')).toHaveText(['Email open rate: 25% by June 2027 (Chris)']);
  // Its heading names its quarter now.
  const inQ2 = `${name}, Q2`;
  await expect(planner.objectiveHeadings).toHaveText([inQ2]);

  // A Value metric is linked to the revenue goal.
  await planner.objectiveField(inQ2, 'Group').selectOption({ label: 'Value' });
  await expect(planner.smartCheck(inQ2).nth(3)).toHaveText('✓ Relevant');

  await planner.reload();
  await expect(planner.objectiveField(inQ2, 'Owner')).toHaveValue('Chris');
  await expect(planner.objectiveField(inQ2, 'Target')).toHaveValue('25');
  await expect(planner.objectiveField(inQ2, 'Unit').locator('option:checked')).toHaveText('Percent');

  await planner.removeObjectiveButton(inQ2).click();
  await expect(planner.objectives).toHaveCount(0);
  await expect(planner.ownersSection).toBeHidden();
  await expect(planner.roadmapItems('Q2')).toHaveCount(0);
  await planner.reload();
  await expect(planner.objectives).toHaveCount(0);
});

// Fails if: values typed key by key into "Values month by month" are not kept as typed (the
// disclosure closes or the field loses the focus while typing), or the progress from them is
// computed differently from the hand calculation: from 20 % to 25 % by June (month 6), the part of
// the way covered against the part of the time gone by.
test('an objective of your own: values typed month by month give its progress', async ({ planner }) => {
  await openAnnualIn2027(planner);
  const name = await addEmailOpenRate(planner);
  await expect(planner.progress(name)).toHaveText('No values yet: type them month by month below.');

  // January 21 %: (21 − 20) ÷ 5 = 20 % of the way, 25 − 21 = 4 % to go; 1 of 6 months gone
  // (16.7 %): on pace.
  await planner.openValues(name);
  await planner.type(planner.objectiveValue(name, 'January 2027'), '21');
  await expect(planner.progress(name)).toHaveText('On pace: 20% of the way, 4% to go (21% in January 2027).');
  // February 21.5 %: (21.5 − 20) ÷ 5 = 30 % of the way, 3.5 % to go; 2 of 6 months gone (33.3 %):
  // behind.
  await planner.type(planner.objectiveValue(name, 'February 2027'), '21.5');
  await expect(planner.progress(name)).toHaveText('Behind: 30% of the way, 3.5% to go (21.5% in February 2027).');
  await planner.expectOwners({ Chris: { objectives: '1', onPace: '0', behind: '1', noFigures: '0' } });

  await planner.reload();
  await planner.openValues(name);
  await expect(planner.objectiveValue(name, 'January 2027')).toHaveValue('21');
  await expect(planner.objectiveValue(name, 'February 2027')).toHaveValue('21.5');
  await expect(planner.progress(name)).toHaveText('Behind: 30% of the way, 3.5% to go (21.5% in February 2027).');
});

// ---- Accessibility and narrow screens -----------------------------------------------------------

// Fails if: the Annual plan page, with objectives drafted, one of one's own with its monthly
// values open, a field error and the goal's chain, breaks WCAG 2.2 A/AA (axe); or at 320 px wide
// the page itself scrolls sideways (only a table may scroll, inside its own region).
test('the Annual plan page has no axe violations and no sideways scroll at 320 px', async ({ page, planner }) => {
  await planner.goto(REVIEW_PAGE);
  await planner.draftObjectivesButton.click();
  // No last year: every stage gets an objective in every quarter.
  await expect(planner.objectiveHeadings).toHaveText(['Q1', 'Q2', 'Q3', 'Q4'].flatMap((q) => STAGES.map((stage) => `${stage}, ${q}`)));
  await planner.addObjectiveButton.click();
  await planner.type(planner.objectives.last().getByLabel('Metric', { exact: true }), 'Emails sent');
  await planner.openValues('Emails sent');
  await planner.typeLastYearTotals({ Visits: '80,000', Leads: 'abc' });
  await planner.chooseGoalMode("Growth over last year's revenue");
  await planner.type(planner.lastYearRevenue, '10,000,000');
  await planner.type(planner.growth, '10');
  await expect(planner.chainSteps.first()).toHaveText('Goal: $11,000,000');
  await expectNoAxeViolations(page, 'with objectives, values open, an error and the chain');

  await page.setViewportSize({ width: 320, height: 800 });
  await expect(planner.annualHeading).toBeVisible();
  // Soft, so that axe still runs at this width when the page is too wide.
  await expect
    .soft
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'page width at 320 px' })
    .toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page, 'at 320 px');
});

// ---- In Polish ----------------------------------------------------------------------------------

// Fails if: the Annual plan page in Polish shows its heading or labels in another language, reads
// numbers typed the Polish way wrongly (a space between thousands, a comma for decimals: growth
// "12,5" is 12.5 %), or writes figures in another language's format.
test('in Polish, the Annual plan reads and writes numbers the Polish way', async ({ page }) => {
  await page.goto(`${REVIEW_PAGE}?lang=pl`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { level: 2, name: t('pl', 'ReviewHeading'), exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: t('pl', 'AreasLabel'), exact: true }).locator('a[aria-current="page"]')).toHaveText(
    t('pl', 'AreaReview'),
  );

  const field = (key: string, args: Record<string, string> = {}) =>
    page.getByRole('textbox', { name: t('pl', key, args), exact: true });
  const type = async (locator: ReturnType<typeof field>, text: string) => {
    await locator.click();
    await locator.press('ControlOrMeta+a');
    await locator.pressSequentially(text);
    await expect(locator).toHaveValue(text);
  };
  const visits = t('pl', 'ExampleStageVisits');
  const leads = t('pl', 'ExampleStageLeads');
  await type(field('LastYearTotalOf', { stage: visits }), '80 000');
  await type(field('LastYearTotalOf', { stage: leads }), '1280');
  // 1 280 ÷ 80 000 = 1.6 %, written the Polish way: "1280 ÷ 80 000 = 1,6%" (no group below
  // 10 000, a no-break space as the group, a comma for the decimals).
  const rateCell = page
    .getByRole('table', { name: t('pl', 'LastYearCaption'), exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: visits, exact: true }) })
    .getByRole('cell')
    .nth(1);
  await expect(rateCell).toHaveText('1,6%1280 ÷ 80\u00a0000 = 1,6%');

  await page.getByRole('combobox', { name: t('pl', 'GoalModeLabel'), exact: true }).selectOption({ label: t('pl', 'GoalModeGrowth') });
  await type(field('LastYearRevenue'), '10 000 000');
  await type(field('GrowthLabel'), '12,5');
  // 10,000,000 × 1.125 = 11,250,000 zł; 11,250,000 ÷ 1,100,000 = 10.23 new customers → 11.
  const steps = page
    .getByRole('group', { name: t('pl', 'ChainHeading'), exact: true })
    .getByRole('list')
    .getByRole('listitem');
  await expect(steps.first()).toHaveText(`${t('pl', 'ChainGoal')} 11\u00a0250\u00a0000\u00a0zł`);
  await expect(steps.last()).toHaveText(`${t('pl', 'ChainCustomers')} 11`);
  await expect(field('GrowthLabel')).toHaveAttribute('aria-invalid', 'false');
});
