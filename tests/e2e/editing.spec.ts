import { test, expect } from './fixtures';
import { EXAMPLE_STAGES } from './pages/planner';

// Editing the plan: the linked goal fields, the stage list (add, remove, move, rename, 2–10 stages
// and where keyboard focus lands), the exact-values toggle and "How this is calculated".

test.beforeEach(async ({ planner }) => {
  await planner.goto();
});

// Fails if: the browser tab does not carry the plan's name, so two open plans cannot be told apart.
test('the browser tab is named after the plan', async ({ planner }) => {
  await expect(planner.page).toHaveTitle('My marketing plan – Funnel Planner');
  await planner.type(planner.planName, 'Q3 push');
  await expect(planner.page).toHaveTitle('Q3 push – Funnel Planner');
  await planner.type(planner.planName, '');
  await expect(planner.page).toHaveTitle('Funnel Planner');
});

test.describe('linked goal fields', () => {
  // Fails if: "New customers per year" does not show the 9.1 worked out from the revenue goal, or why.
  test('the revenue goal drives the plan and new customers are worked out from it', async ({ planner }) => {
    // 10,000,000 ÷ 1,100,000 = 9.0909…, a need, rounded up to two decimals: 9.1.
    await expect(planner.newCustomers).toHaveValue('9.1');
    await expect(planner.newCustomers).toHaveAccessibleDescription(
      /^Worked out from the revenue goal\. /,
    );
    await expect(
      planner.goalSection.getByText(/^Worked out from the revenue goal\. /),
    ).toBeVisible();
    await planner.expectNoFieldError(planner.revenueGoal);
    await planner.expectNoFieldError(planner.newCustomers);
  });

  // Fails if: typing 9 customers does not switch the goal, so revenue (9,900,000) and targets do not follow.
  test('typing new customers switches the goal and works out the revenue', async ({ planner }) => {
    await planner.type(planner.newCustomers, '9');
    await expect(planner.revenueGoal).toHaveValue('9,900,000');
    await expect(planner.revenueGoal).toHaveAccessibleDescription(
      /^Worked out from new customers per year\. /,
    );
    await expect(planner.newCustomers).not.toHaveAccessibleDescription(/Worked out/);
    await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '9', 9);

    // The average revenue now changes the revenue, not the customers: 9 × 1,000,000.
    await planner.type(planner.averageRevenue, '1,000,000');
    await expect(planner.revenueGoal).toHaveValue('9,000,000');
    await expect(planner.newCustomers).toHaveValue('9');
    await expect(
      planner.text('Revenue goal: $9,000,000 a year, $2,250,000 a quarter, $750,000 a month.'),
    ).toBeVisible();
  });

  // Fails if: typing a revenue goal after a customers goal does not switch the plan back to revenue.
  test('typing a revenue goal again switches back to planning from revenue', async ({ planner }) => {
    await planner.type(planner.newCustomers, '9');
    await expect(planner.revenueGoal).toHaveValue('9,900,000');
    await planner.type(planner.revenueGoal, '11,000,000');
    await expect(planner.newCustomers).toHaveValue('10');
    await expect(planner.newCustomers).toHaveAccessibleDescription(
      /^Worked out from the revenue goal\. /,
    );
    // 11,000,000 ÷ 1,100,000 = 10 exactly, so the note has nothing to round.
    await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '10', 10);
    await expect(
      planner.text(
        'Counts are rounded up: from 10 to the whole number you must reach, below 10 to two decimals.',
      ),
    ).toBeVisible();
  });
});

// Fails if: planning from new customers loses the typed revenue goal (issue 10): "Plan from"
// must bring back each goal's own typed text, the other field showing the worked-out figure.
test('switching the goal keeps each goal\'s typed text', async ({ planner }) => {
  await planner.type(planner.revenueGoal, '12,000,000');
  await expect(planner.goalFromRevenue).toBeChecked();
  await planner.type(planner.newCustomers, '9');
  await expect(planner.goalFromNewCustomers).toBeChecked();
  await expect(planner.revenueGoal).toHaveValue('9,900,000');

  await planner.goalFromRevenue.check();
  await expect(planner.revenueGoal).toHaveValue('12,000,000');
  // 12,000,000 ÷ 1,100,000 = 10.909… customers needed: from 10 up, the whole number, 11.
  await expect(planner.newCustomers).toHaveValue('11');
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '11', 10.909090909090908);
  await planner.expectSaved('12,000,000');

  await planner.goalFromNewCustomers.check();
  await expect(planner.newCustomers).toHaveValue('9');
  await expect(planner.revenueGoal).toHaveValue('9,900,000');
  await planner.reload();
  await expect(planner.newCustomers).toHaveValue('9');
  await planner.goalFromRevenue.check();
  await expect(planner.revenueGoal).toHaveValue('12,000,000');
});

// Fails if: choosing a goal never typed empties it (an error, targets gone) instead of starting
// from the figure shown for it.
test('choosing a goal never typed starts from its worked-out figure', async ({ planner }) => {
  await planner.goalFromNewCustomers.check();
  // 10,000,000 ÷ 1,100,000 = 9.0909… customers, shown rounded up to two decimals: 9.1 (never
  // 9.09, which is below the need).
  await expect(planner.newCustomers).toHaveValue('9.1');
  await planner.expectNoFieldError(planner.newCustomers);
  // The goal is now the 9.1 shown.
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '9.1', 9.1);
});

test.describe('stages', () => {
  // Fails if: the example's stages, rates or stage buttons (names, disabled states) are wrong.
  test('the example funnel lists six stages with their rates and buttons', async ({ planner }) => {
    await planner.expectStages(EXAMPLE_STAGES);
    const rates = ['1.5', '20', '20', '40', '50'];
    for (const [index, rate] of rates.entries()) {
      await expect(planner.rate(EXAMPLE_STAGES[index], EXAMPLE_STAGES[index + 1])).toHaveValue(rate);
    }
    await expect(planner.stagesSection.getByLabel(/^Customers to /)).toHaveCount(0);

    await expect(planner.moveUpButton('Visits')).toBeDisabled();
    await expect(planner.moveDownButton('Visits')).toBeEnabled();
    await expect(planner.moveDownButton('Customers')).toBeDisabled();
    await expect(planner.moveUpButton('Customers')).toBeEnabled();
    for (const stage of EXAMPLE_STAGES) {
      await expect(planner.removeButton(stage)).toBeEnabled();
      await expect(planner.removeButton(stage)).toHaveText('Remove');
    }
    await expect(planner.moveUpButton('Leads')).toHaveText('Up');
    await expect(planner.moveDownButton('Leads')).toHaveText('Down');
  });

  // Fails if: the new stage lands elsewhere than above the last, changes a target, or does not get focus.
  test('add stage inserts "New stage" above the last stage, at 100 %, and focuses its name', async ({ planner }) => {
    await planner.addStageButton.click();
    await planner.expectStages([...EXAMPLE_STAGES.slice(0, 5), 'New stage', 'Customers']);
    await expect(planner.stageName(6)).toBeFocused();
    await expect(planner.rate('Opportunities', 'New stage')).toHaveValue('50');
    await expect(planner.rate('New stage', 'Customers')).toHaveValue('100');
    expect(await planner.rowHeaders(planner.targetsTable)).toEqual([
      ...EXAMPLE_STAGES.slice(0, 5),
      'New stage',
      'Customers',
    ]);
    // A 100 % stage passes everything through: New stage = Customers, Visits unchanged.
    // 9.0909… rounded up to two decimals = 9.1; 18.18 rounded up to the whole number = 19.
    await planner.expectCell(planner.targetsTable, 'New stage', 'Per year', '9.1', 100 / 11);
    await planner.expectCell(planner.targetsTable, 'Opportunities', 'Per year', '19', 200 / 11);
    await expect(await planner.cell(planner.targetsTable, 'Visits', 'Per year')).toHaveText('75,758');

    await planner.addStageButton.click();
    await planner.expectStages([
      ...EXAMPLE_STAGES.slice(0, 5),
      'New stage',
      'New stage 2',
      'Customers',
    ]);
    await expect(planner.stageName(7)).toBeFocused();
  });

  // Fails if: a funnel can grow past 10 stages, or the page does not say why "Add stage" stopped working.
  test('a funnel stops at 10 stages and says so', async ({ planner }) => {
    const limitHint = planner.text('A funnel has at most 10 stages.');
    await expect(limitHint).toBeHidden();
    for (let count = 7; count <= 10; count++) {
      await planner.addStageButton.click();
      await expect(planner.stageItems).toHaveCount(count);
    }
    await expect(planner.addStageButton).toBeDisabled();
    await expect(limitHint).toBeVisible();
    await expect(planner.addStageButton).toHaveAccessibleDescription(
      'A funnel has at most 10 stages.',
    );
    await planner.expectStages([
      ...EXAMPLE_STAGES.slice(0, 5),
      'New stage',
      'New stage 2',
      'New stage 3',
      'New stage 4',
      'Customers',
    ]);
    const visitsPerYear = 10_000_000 / 1_100_000 / 0.5 / 0.4 / 0.2 / 0.2 / 0.015;
    await planner.expectCell(planner.targetsTable, 'Visits', 'Per year', '75,758', visitsPerYear);

    // Removing one makes room again, and focus lands on the button that works again.
    await planner.removeButton('New stage 4').click();
    await expect(planner.addStageButton).toBeEnabled();
    await expect(planner.addStageButton).toBeFocused();
    await expect(limitHint).toBeHidden();
  });

  // Fails if: removing a stage does not recompute the targets, or keyboard focus is lost.
  test('remove takes the stage out of the funnel and focuses "Add stage"', async ({ planner }) => {
    await planner.removeButton('Leads').click();
    await planner.expectStages(['Visits', 'MQLs', 'SQLs', 'Opportunities', 'Customers']);
    await expect(planner.addStageButton).toBeFocused();
    // Visits keep their 1.5 % into the next stage, now MQLs: 227.27 MQLs / 0.015 = 15,151.5.
    await expect(planner.rate('Visits', 'MQLs')).toHaveValue('1.5');
    await planner.expectCell(
      planner.targetsTable,
      'Visits',
      'Per year',
      '15,152',
      10_000_000 / 1_100_000 / 0.5 / 0.4 / 0.2 / 0.015,
    );
    expect(await planner.rowHeaders(planner.targetsTable)).not.toContain('Leads');
  });

  // Fails if: a funnel can shrink below 2 stages, or the two stages left do not make a plan.
  test('a funnel keeps at least 2 stages', async ({ planner }) => {
    for (const stage of ['Leads', 'MQLs', 'SQLs', 'Opportunities']) {
      await planner.removeButton(stage).click();
      await expect(planner.addStageButton).toBeFocused();
    }
    await planner.expectStages(['Visits', 'Customers']);
    await expect(planner.removeButton('Visits')).toBeDisabled();
    await expect(planner.removeButton('Customers')).toBeDisabled();
    // 9.0909 customers / 1.5 % = 606.06 visits a year → 607.
    await planner.expectCell(
      planner.targetsTable,
      'Visits',
      'Per year',
      '607',
      10_000_000 / 1_100_000 / 0.015,
    );
  });

  // Fails if: moving a stage does not reorder the funnel, loses its rate, or loses keyboard focus.
  test('move up and down reorder the stages and keep focus on the moved stage', async ({ planner }) => {
    await planner.moveDownButton('Leads').click();
    await planner.expectStages(['Visits', 'MQLs', 'Leads', 'SQLs', 'Opportunities', 'Customers']);
    await expect(planner.moveDownButton('Leads')).toBeFocused();
    // Each stage keeps its own rate to whatever is now below it.
    await expect(planner.rate('Visits', 'MQLs')).toHaveValue('1.5');
    await expect(planner.rate('MQLs', 'Leads')).toHaveValue('20');
    await expect(planner.rate('Leads', 'SQLs')).toHaveValue('20');
    expect(await planner.rowHeaders(planner.targetsTable)).toEqual([
      'Visits',
      'MQLs',
      'Leads',
      'SQLs',
      'Opportunities',
      'Customers',
    ]);

    await planner.moveUpButton('Leads').click();
    await expect(planner.moveUpButton('Leads')).toBeFocused();
    await planner.moveUpButton('Leads').click();
    await planner.expectStages(['Leads', 'Visits', 'MQLs', 'SQLs', 'Opportunities', 'Customers']);
    // Leads is now first, so "Up" is disabled and focus moves to "Down".
    await expect(planner.moveUpButton('Leads')).toBeDisabled();
    await expect(planner.moveDownButton('Leads')).toBeFocused();
    // The forward check follows the new top stage.
    await expect(planner.currentVolume('Leads')).toBeVisible();
  });

  // Fails if: after moving a stage to the bottom, keyboard focus is lost on a disabled button.
  test('moving a stage to the bottom moves focus to its up button', async ({ planner }) => {
    await planner.moveDownButton('Opportunities').click();
    await planner.expectStages(['Visits', 'Leads', 'MQLs', 'SQLs', 'Customers', 'Opportunities']);
    await expect(planner.moveDownButton('Opportunities')).toBeDisabled();
    await expect(planner.moveUpButton('Opportunities')).toBeFocused();
  });

  // Fails if: a renamed stage keeps its old name in a label, button, table row or note.
  test('renaming a stage renames it everywhere', async ({ planner }) => {
    await planner.type(planner.stageName(1), 'Sessions');
    await expect(planner.rate('Sessions', 'Leads')).toHaveValue('1.5');
    await expect(planner.moveDownButton('Sessions')).toBeVisible();
    await expect(planner.removeButton('Sessions')).toBeVisible();
    await expect(planner.currentVolume('Sessions')).toBeVisible();
    await planner.expectCell(
      planner.targetsTable,
      'Sessions',
      'Per year',
      '75,758',
      10_000_000 / 1_100_000 / 0.5 / 0.4 / 0.2 / 0.2 / 0.015,
    );

    await planner.type(planner.stageName(6), 'Deals');
    await expect(planner.rate('Opportunities', 'Deals')).toHaveValue('50');
    await expect(
      planner.text(
        'Counts are rounded up: from 10 to the whole number you must reach, below 10 to two decimals. The goal needs 9.09 Deals a year, so the plan aims for 9.1.',
      ),
    ).toBeVisible();
    expect(await planner.rowHeaders(planner.targetsTable)).toEqual([
      'Sessions',
      'Leads',
      'MQLs',
      'SQLs',
      'Opportunities',
      'Deals',
    ]);
  });
});

test.describe('results', () => {
  // Fails if: "Show exact values" does not switch the cells to 2-decimal values and back.
  test('show exact values switches the cells to 2 decimals and back', async ({ planner }) => {
    const table = planner.targetsTable;
    await planner.showExactValues.check();
    await expect(planner.showExactValues).toBeChecked();
    await expect(await planner.cell(table, 'Customers', 'Per year')).toHaveText('9.09');
    await expect(await planner.cell(table, 'Customers', 'Per month')).toHaveText('0.76');
    await expect(await planner.cell(table, 'Opportunities', 'Per year')).toHaveText('18.18');
    await expect(await planner.cell(table, 'Visits', 'Per year')).toHaveText('75,757.58');
    await expect(await planner.cell(table, 'Visits', 'Per month')).toHaveText('6,313.13');
    await expect(await planner.cell(table, 'Visits', 'Per quarter')).toHaveText('18,939.39');
    // The exact number behind a cell does not change with the display.
    await planner.expectCell(table, 'Customers', 'Per month', '0.76', 100 / 11 / 12);

    await planner.showExactValues.uncheck();
    // Rounded up again: 9.0909 → 9.1 (below 10, two decimals); 6,313.13 → 6,314.
    await expect(await planner.cell(table, 'Customers', 'Per year')).toHaveText('9.1');
    await expect(await planner.cell(table, 'Visits', 'Per month')).toHaveText('6,314');
  });

  // Fails if: "How this is calculated" is open at first or does not show the plan's own numbers step by step.
  test('how this is calculated lists each step with the plan numbers', async ({ planner }) => {
    const firstStep =
      'Customers per year = revenue goal ÷ average revenue per new customer = $10,000,000 ÷ $1,100,000 = 9.09';
    await expect(planner.text(firstStep)).toBeHidden();
    await planner.howSummary.click();
    await expect(planner.text(firstStep)).toBeVisible();
    await expect(planner.howSteps()).toHaveText([
      firstStep,
      'Opportunities per year = Customers per year ÷ Opportunities to Customers rate = 9.09 ÷ 50% = 18.18',
      'SQLs per year = Opportunities per year ÷ SQLs to Opportunities rate = 18.18 ÷ 40% = 45.45',
      'MQLs per year = SQLs per year ÷ MQLs to SQLs rate = 45.45 ÷ 20% = 227.27',
      'Leads per year = MQLs per year ÷ Leads to MQLs rate = 227.27 ÷ 20% = 1,136.36',
      'Visits per year = Leads per year ÷ Visits to Leads rate = 1,136.36 ÷ 1.5% = 75,757.58',
    ]);

    // The steps follow the plan: with a goal of 9 customers the first step says so.
    await planner.type(planner.newCustomers, '9');
    await expect(planner.howSteps().first()).toHaveText(
      'Customers per year = your goal of new customers per year = 9',
    );
    await expect(planner.howSteps().last()).toHaveText(
      'Visits per year = Leads per year ÷ Visits to Leads rate = 1,125 ÷ 1.5% = 75,000',
    );

    await planner.howSummary.click();
    await expect(planner.howSteps().first()).toBeHidden();
  });
});
