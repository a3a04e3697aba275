import { test, expect } from './fixtures';
import { MESSAGES, type PlannerPage } from './pages/planner';
import type { Locator } from '@playwright/test';

// Bad input: every message a person can cause, next to its field and in the list of problems above
// the targets; the typed text is kept, and no state shows NaN, Infinity, undefined or a negative
// count.

test.beforeEach(async ({ planner }) => {
  await planner.goto();
});

/** While the plan is invalid the targets table shows no rows and the panel lists the problems. */
async function expectNoTargets(planner: PlannerPage): Promise<void> {
  await expect(planner.problemsIntro).toBeVisible();
  await expect(planner.bodyRows(planner.targetsTable)).toHaveCount(0);
  await expect(planner.page.getByText(/^Revenue goal: [\d,]+ a year/)).toHaveCount(0);
}

/** The problem button for `fieldLabel` moves keyboard focus to `field`. */
async function expectProblemFocuses(
  planner: PlannerPage,
  fieldLabel: string,
  message: string,
  field: Locator,
): Promise<void> {
  const problem = planner.problem(fieldLabel, message);
  await expect(problem).toBeVisible();
  await problem.click();
  await expect(field).toBeFocused();
}

const goalCases: [what: string, typed: string, message: string][] = [
  ['letters', 'abc', MESSAGES.notANumber],
  ['a misplaced thousands separator', '1,25', MESSAGES.notANumber],
  ['an exponent', '1e7', MESSAGES.notANumber],
  ['two decimal marks', '12.5.3', MESSAGES.notANumber],
  ['zero', '0', MESSAGES.notPositive],
  ['a negative number', '-5', MESSAGES.notPositive],
];

for (const [what, typed, message] of goalCases) {
  // Fails if: a bad revenue goal is accepted, rewritten or wrongly explained, or targets still show.
  test(`a revenue goal of ${what} says "${message}" and hides the targets`, async ({ planner }) => {
    await planner.type(planner.revenueGoal, typed);
    await expect(planner.revenueGoal).toHaveValue(typed);
    await planner.expectFieldError(planner.revenueGoal, message);
    await expectNoTargets(planner);
    await expect(planner.problemButtons()).toHaveText([`Revenue goal: ${message}`]);
    // The linked field has nothing to work out from, so it must not show a stale number.
    await expect(planner.newCustomers).not.toHaveValue(/\d/);
    await planner.expectNoBrokenNumbers();
    await planner.planName.focus();
    await expectProblemFocuses(planner, 'Revenue goal', message, planner.revenueGoal);
  });
}

/**
 * The goal or average revenue left empty is asked for, not flagged: no error at the field, and
 * the results ask for it by name; its button moves focus to it.
 */
async function expectAskedFor(planner: PlannerPage, fieldLabel: string, field: Locator): Promise<void> {
  await planner.expectNoFieldError(field);
  await expect(planner.resultsSection.getByText('Type these and your targets appear here:', { exact: true })).toBeVisible();
  await expect(planner.bodyRows(planner.targetsTable)).toHaveCount(0);
  await expect(planner.problemButtons()).toHaveText([fieldLabel]);
  await planner.expectNoBrokenNumbers();
  await planner.planName.focus();
  await planner.resultsSection.getByRole('button', { name: fieldLabel, exact: true }).click();
  await expect(field).toBeFocused();
}

// Fails if: an emptied revenue goal is flagged as a mistake instead of asked for, or targets or a
// stale linked number still show.
test('a revenue goal of nothing is asked for, not flagged, and hides the targets', async ({ planner }) => {
  await planner.type(planner.revenueGoal, '');
  await expect(planner.newCustomers).not.toHaveValue(/\d/);
  await expectAskedFor(planner, 'Revenue goal', planner.revenueGoal);
});

// Fails if: the very examples the error message gives ("1,250,000 or 12.5") are themselves refused.
test('the formats the message suggests are accepted', async ({ planner }) => {
  for (const typed of ['1,250,000', '12.5', '1250000', ' 1,250,000 ']) {
    await planner.type(planner.revenueGoal, typed);
    await planner.expectNoFieldError(planner.revenueGoal);
  }
  // 1,250,000 ÷ 1,100,000 = 1.14 customers a year.
  await expect(planner.newCustomers).toHaveValue('1.14');
  await planner.type(planner.rate('Visits', 'Leads'), '12.5');
  await planner.expectNoFieldError(planner.rate('Visits', 'Leads'));
  await expect(planner.bodyRows(planner.targetsTable)).toHaveCount(6);
});

// Fails if: fixing a bad revenue goal leaves the error showing or the targets hidden.
test('fixing the revenue goal clears the error and brings the targets back', async ({ planner }) => {
  await planner.type(planner.revenueGoal, 'abc');
  await planner.expectFieldError(planner.revenueGoal, MESSAGES.notANumber);
  await planner.type(planner.revenueGoal, '10,000,000');
  await planner.expectNoFieldError(planner.revenueGoal);
  await expect(planner.text(MESSAGES.notANumber)).toBeHidden();
  await expect(planner.problemsIntro).toBeHidden();
  await expect(planner.bodyRows(planner.targetsTable)).toHaveCount(6);
  // 10,000,000 ÷ 1,100,000 = 9.0909…, rounded up to two decimals below 10 → 9.1.
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '9.1', 100 / 11);
});

// Fails if: a bad number of new customers is not explained next to that field.
test('bad new customers per year are explained next to that field', async ({ planner }) => {
  await planner.type(planner.newCustomers, 'abc');
  await expect(planner.newCustomers).toHaveValue('abc');
  await planner.expectFieldError(planner.newCustomers, MESSAGES.notANumber);
  await planner.expectNoFieldError(planner.revenueGoal);
  await expectNoTargets(planner);
  await expect(planner.problemButtons()).toHaveText([
    `New customers per year: ${MESSAGES.notANumber}`,
  ]);
  await planner.type(planner.newCustomers, '0');
  await planner.expectFieldError(planner.newCustomers, MESSAGES.notPositive);
  await planner.expectNoBrokenNumbers();
});

// Fails if: an average revenue of 0 or nothing is accepted (dividing by it would show Infinity).
test('average revenue must be a number greater than 0', async ({ planner }) => {
  await planner.type(planner.averageRevenue, '0');
  await planner.expectFieldError(planner.averageRevenue, MESSAGES.notPositive);
  await expectNoTargets(planner);
  await planner.expectNoBrokenNumbers();
  await expectProblemFocuses(
    planner,
    'Average revenue per new customer',
    MESSAGES.notPositive,
    planner.averageRevenue,
  );
  // Emptied, it is asked for rather than flagged.
  await planner.type(planner.averageRevenue, '');
  await expectAskedFor(planner, 'Average revenue per new customer', planner.averageRevenue);
});

for (const typed of ['0', '150', '-1', '', 'abc']) {
  const message =
    typed === '' ? MESSAGES.empty : typed === 'abc' ? MESSAGES.notANumber : MESSAGES.rate;
  // Fails if: a bad rate is accepted (0 % divides by zero, over 100 % is impossible) or wrongly explained.
  test(`a rate of "${typed}" says "${message}"`, async ({ planner }) => {
    const rate = planner.rate('Visits', 'Leads');
    await planner.type(rate, typed);
    await expect(rate).toHaveValue(typed);
    await planner.expectFieldError(rate, message);
    await expectNoTargets(planner);
    await planner.expectNoBrokenNumbers();
    await expectProblemFocuses(planner, 'Visits to Leads rate', message, rate);
  });
}

// Fails if: a rate of exactly 100 % (the upper limit) is refused.
test('a rate of 100 is accepted', async ({ planner }) => {
  await planner.type(planner.rate('Visits', 'Leads'), '100');
  await planner.expectNoFieldError(planner.rate('Visits', 'Leads'));
  // 1,136.36 leads a year at 100 % need as many visits: 1,137.
  await planner.expectCell(
    planner.targetsTable,
    'Visits',
    'Per year',
    '1,137',
    10_000_000 / 1_100_000 / 0.5 / 0.4 / 0.2 / 0.2,
  );
});

// Fails if: a stage can be left without a name, or the labels that use the name show a blank.
test('an empty stage name says "Enter a name for this stage."', async ({ planner }) => {
  await planner.type(planner.stageName(2), '   ');
  await planner.expectFieldError(planner.stageName(2), MESSAGES.stageNameEmpty);
  await planner.type(planner.stageName(2), '');
  await planner.expectFieldError(planner.stageName(2), MESSAGES.stageNameEmpty);
  // Labels fall back to the stage's number rather than showing a blank.
  await expect(planner.rate('Visits', 'Stage 2')).toHaveValue('1.5');
  await expect(planner.rate('Stage 2', 'MQLs')).toHaveValue('20');
  await expectNoTargets(planner);
  await expect(planner.problemButtons()).toHaveText([`Stage 2 name: ${MESSAGES.stageNameEmpty}`]);
  await planner.expectNoBrokenNumbers();
  await expectProblemFocuses(planner, 'Stage 2 name', MESSAGES.stageNameEmpty, planner.stageName(2));
});

// Fails if: two stages may share a name (their rows could not be told apart), whatever the case,
// or the stage being typed into is not flagged (both are: the page cannot know which is wrong).
test('a duplicate stage name says "Another stage already has this name."', async ({ planner }) => {
  await planner.type(planner.stageName(2), 'Visits ');
  await planner.expectFieldError(planner.stageName(2), MESSAGES.stageNameDuplicate);
  await planner.type(planner.stageName(2), 'visits');
  await planner.expectFieldError(planner.stageName(2), MESSAGES.stageNameDuplicate);
  await planner.expectFieldError(planner.stageName(1), MESSAGES.stageNameDuplicate);
  await expectNoTargets(planner);
  await expect(planner.problemButtons()).toHaveText([
    `Stage 1 name: ${MESSAGES.stageNameDuplicate}`,
    `Stage 2 name: ${MESSAGES.stageNameDuplicate}`,
  ]);
  await planner.type(planner.stageName(2), 'Leads');
  await planner.expectNoFieldError(planner.stageName(2));
  await planner.expectNoFieldError(planner.stageName(1));
  await expect(planner.bodyRows(planner.targetsTable)).toHaveCount(6);
});

// Fails if: renaming a later stage to an earlier stage's name blames only the earlier stage,
// which the person did not touch.
test('renaming a stage to a name in use flags the stage being renamed', async ({ planner }) => {
  await planner.type(planner.stageName(4), 'Leads');
  await planner.expectFieldError(planner.stageName(4), MESSAGES.stageNameDuplicate);
  await planner.expectFieldError(planner.stageName(2), MESSAGES.stageNameDuplicate);
  await planner.expectNoFieldError(planner.stageName(3));
});

// Fails if: after a rename, the problems list still names the field by the stage's old name.
test('the problems list follows a renamed stage', async ({ planner }) => {
  await planner.type(planner.rate('Visits', 'Leads'), '150');
  await expect(planner.problemButtons()).toHaveText([`Visits to Leads rate: ${MESSAGES.rate}`]);
  await planner.type(planner.stageName(1), 'Sessions');
  await expect(planner.rate('Sessions', 'Leads')).toHaveValue('150');
  await expect(planner.problemButtons()).toHaveText([`Sessions to Leads rate: ${MESSAGES.rate}`]);
  const rate = planner.rate('Sessions', 'Leads');
  await expectProblemFocuses(planner, 'Sessions to Leads rate', MESSAGES.rate, rate);
});

// Fails if: after a move, the problems list still gives the stage's old position ("Stage 2 name").
test('the problems list follows a moved stage', async ({ planner }) => {
  await planner.type(planner.stageName(2), '');
  await expect(planner.problemButtons()).toHaveText([`Stage 2 name: ${MESSAGES.stageNameEmpty}`]);
  await planner.moveDownButton('Stage 2').click();
  await planner.expectFieldError(planner.stageName(3), MESSAGES.stageNameEmpty);
  await expect(planner.problemButtons()).toHaveText([`Stage 3 name: ${MESSAGES.stageNameEmpty}`]);
});

// Fails if: a negative current volume is accepted, or an unreadable one produces a yields table.
test('the current volume must be 0 or more', async ({ planner }) => {
  const current = planner.currentVolume('Visits');
  await planner.type(current, '-1');
  await planner.expectFieldError(current, MESSAGES.negative);
  await expect(planner.yieldsTable('Visits')).toHaveCount(0);
  // The volume is not part of the plan: the targets stay.
  await expect(planner.bodyRows(planner.targetsTable)).toHaveCount(6);
  await planner.expectNoBrokenNumbers();

  await planner.type(current, 'abc');
  await planner.expectFieldError(current, MESSAGES.notANumber);
  await expect(planner.yieldsTable('Visits')).toHaveCount(0);

  await planner.type(current, '0');
  await planner.expectNoFieldError(current);
  await planner.expectCell(planner.yieldsTable('Visits'), 'Customers', 'Per month', '0', 0);
  await expect(
    planner.text('To reach the goal you need 6,314 Visits a month: 6,314 more than now.'),
  ).toBeVisible();
  await planner.expectNoBrokenNumbers();
});

// Fails if: with several mistakes, the problems list misses one or a button does not lead to its field.
test('several problems are all listed, and each one leads to its field', async ({ planner }) => {
  await planner.type(planner.revenueGoal, 'abc');
  await planner.type(planner.averageRevenue, '0');
  await planner.type(planner.rate('MQLs', 'SQLs'), '150');
  await planner.type(planner.stageName(5), '');
  await expectNoTargets(planner);
  await expect(planner.problemButtons()).toHaveCount(4);
  for (const text of [
    `Revenue goal: ${MESSAGES.notANumber}`,
    `Average revenue per new customer: ${MESSAGES.notPositive}`,
    `MQLs to SQLs rate: ${MESSAGES.rate}`,
    `Stage 5 name: ${MESSAGES.stageNameEmpty}`,
  ]) {
    await expect(planner.problemButtons().filter({ hasText: text })).toHaveCount(1);
  }
  await expectProblemFocuses(planner, 'Revenue goal', MESSAGES.notANumber, planner.revenueGoal);
  await expectProblemFocuses(
    planner,
    'Average revenue per new customer',
    MESSAGES.notPositive,
    planner.averageRevenue,
  );
  await expectProblemFocuses(planner, 'MQLs to SQLs rate', MESSAGES.rate, planner.rate('MQLs', 'SQLs'));
  await expectProblemFocuses(planner, 'Stage 5 name', MESSAGES.stageNameEmpty, planner.stageName(5));
  await planner.expectNoBrokenNumbers();

  // With the plan broken, the forward check says nothing it cannot know.
  await planner.type(planner.currentVolume('Visits'), '6000');
  await expect(planner.yieldsTable('Visits')).toHaveCount(0);
  await planner.expectNoBrokenNumbers();
});

// Fails if: huge or tiny (but valid) numbers make the page show NaN, Infinity or a negative figure.
test('extreme numbers never show NaN, Infinity or a negative count', async ({ planner }) => {
  // 10^15 ÷ 0.01 = 10^17 customers; the rates multiply to 1.2 × 10^-8, far past any real funnel.
  await planner.type(planner.revenueGoal, '1,000,000,000,000,000');
  await planner.type(planner.averageRevenue, '0.01');
  await planner.type(planner.rate('Visits', 'Leads'), '0.0001');
  await planner.type(planner.currentVolume('Visits'), '1,000,000,000,000,000');
  await planner.expectNoBrokenNumbers();

  // 10^15 ÷ 1,000 = 10^12 customers a year: huge, but every figure can still be shown.
  await planner.type(planner.averageRevenue, '1,000');
  await planner.type(planner.rate('Visits', 'Leads'), '1.5');
  await expect(planner.bodyRows(planner.targetsTable)).toHaveCount(6);
  await planner.expectNoBrokenNumbers();
  await planner.showExactValues.check();
  await planner.expectNoBrokenNumbers();

  // A tiny goal against a huge average revenue: a sliver of a customer, still no broken number.
  await planner.type(planner.averageRevenue, '1,000,000,000,000,000');
  await planner.type(planner.revenueGoal, '0.01');
  await planner.expectNoBrokenNumbers();
  await expect(planner.newCustomers).not.toHaveValue(/NaN|Infinity|-/);

  // Too many digits to be a sensible goal: refused, not turned into Infinity.
  await planner.type(planner.revenueGoal, '99999999999999999999');
  await expect(planner.revenueGoal).toHaveAttribute('aria-invalid', 'true');
  await planner.expectNoBrokenNumbers();
});
