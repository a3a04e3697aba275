import { test, expect } from './fixtures';
import { CHANNELS_PAGE, EXAMPLE_STAGES, MESSAGES, USUAL_CHANNELS } from './pages/planner';

// Budget and channels: the channels a plan is marketed through, each with its share of the
// customers goal, what it spent and brought, and its own conversion rates; the targets each
// channel must reach and the budget those targets need.
//
// The worked example plan: a revenue goal of 10,000,000 at 1,100,000 per new customer is
// 10,000,000 ÷ 1,100,000 = 9.0909… new customers a year, with the rates Visits→Leads 1.5%,
// Leads→MQLs 20%, MQLs→SQLs 20%, SQLs→Opportunities 40%, Opportunities→Customers 50%.
//
// All of this is in the Channels and KPIs area (`channels.html`); a test that changes the goal goes
// to the Plan area and back through the "Areas" navigation, as a person does.

/** The example's new customers a year. */
const CUSTOMERS_PER_YEAR = 10_000_000 / 1_100_000;

test.beforeEach(async ({ planner }) => {
  await planner.goto(CHANNELS_PAGE);
});

// Fails if: a new plan does not start with the six usual channels, or adding, renaming and
// removing a channel does not reach every table that lists the channels.
test('add, rename and remove a channel; every channel table follows', async ({ planner }) => {
  await planner.expectChannels(USUAL_CHANNELS);
  for (const channel of USUAL_CHANNELS) {
    await expect(planner.channelSpend(channel)).toHaveValue('');
    await expect(planner.channelShare(channel)).toHaveValue('');
    for (const stage of EXAMPLE_STAGES) await expect(planner.channelVolume(channel, stage)).toHaveValue('');
    await expect(planner.channelRevenue(channel)).toHaveValue('');
  }
  await expect(
    planner.text('No shares typed: each channel gets an even part of the customers goal (16.67% each).'),
  ).toBeVisible();

  await planner.addChannelButton.click();
  await planner.expectChannels([...USUAL_CHANNELS, 'New channel']);
  await planner.type(planner.channelName(7), 'Podcasts');
  await expect(planner.channelSpend('Podcasts')).toBeVisible();
  await expect(
    planner.text('No shares typed: each channel gets an even part of the customers goal (14.29% each).'),
  ).toBeVisible();
  await expect(planner.channelTargetsTable().getByRole('columnheader', { name: 'Podcasts', exact: true })).toBeVisible();
  await expect(planner.row(planner.budgetTable, 'Podcasts')).toBeVisible();
  // The KPIs list only the channels with figures: Podcasts from its first one.
  await expect(planner.kpiTable).toHaveCount(0);
  await planner.fillChannel('Podcasts', { spend: '1,000' });
  await expect(planner.kpiTable.getByRole('columnheader', { name: 'Podcasts', exact: true })).toBeVisible();

  await planner.removeChannelButton('Paid social').click();
  await planner.expectChannels(['Organic search and blog', 'Paid search', 'Email', 'Events and trade shows', 'Referrals', 'Podcasts']);
  for (const table of [planner.channelTargetsTable(), planner.kpiTable]) {
    await expect(table.getByRole('columnheader', { name: 'Paid social', exact: true })).toHaveCount(0);
  }
  await expect(planner.row(planner.budgetTable, 'Paid social')).toHaveCount(0);
  await planner.expectSaved('Podcasts');
  const saved = await planner.storedRecord(await planner.openPlanId());
  expect(saved!.plan.marketing!.channels.map((channel) => channel.name)).toEqual([
    'Organic search and blog', 'Paid search', 'Email', 'Events and trade shows', 'Referrals', 'Podcasts',
  ]);
});

// Fails if: adding channels twice gives two alike "New channel" (an error the person did not
// make) instead of numbering them as stages are.
test('channels added one after another are numbered: New channel, New channel 2', async ({ planner }) => {
  await planner.addChannelButton.click();
  await planner.addChannelButton.click();
  await planner.expectChannels([...USUAL_CHANNELS, 'New channel', 'New channel 2']);
  for (const position of [7, 8]) await planner.expectNoFieldError(planner.channelName(position));
  await expect(planner.text('Another channel already has this name.')).toHaveCount(0);
});

// Fails if: more than 12 channels can be added, or the disabled button does not say why.
test('a plan has at most 12 channels', async ({ planner }) => {
  for (let count = 7; count <= 12; count++) {
    await planner.addChannelButton.click();
    await expect(planner.channelRows).toHaveCount(count);
  }
  await expect(planner.addChannelButton).toBeDisabled();
  await expect(planner.text('A plan has at most 12 channels.')).toBeVisible();
  await expect(planner.addChannelButton).toHaveAccessibleDescription('A plan has at most 12 channels.');

  await planner.removeChannelButton('Referrals').click();
  await expect(planner.channelRows).toHaveCount(11);
  await expect(planner.addChannelButton).toBeEnabled();
  await expect(planner.text('A plan has at most 12 channels.')).toBeHidden();
});

// Fails if: the line under the table misreports the typed shares, or shares over 100% are not
// refused with the message that says what to do.
test('typed shares split what is left evenly; over 100% is an error', async ({ planner }) => {
  await planner.type(planner.channelShare('Paid search'), '40');
  await expect(
    planner.text('Typed shares add up to 40%. Channels left empty share the remaining 60% evenly.'),
  ).toBeVisible();
  // The other five share 60%: 12% each.
  const targets = planner.channelTargetsTable();
  await planner.expectCellText(targets, 'Share of the goal', 'Paid search', '40%');
  await planner.expectCellText(targets, 'Share of the goal', 'Email', '12%');
  await planner.expectCellText(targets, 'Share of the goal', 'All channels', '100%');

  await planner.type(planner.channelShare('Email'), '70');
  await expect(
    planner.text("The channels' shares add up to more than 100%. Lower some of them."),
  ).toBeVisible();
  await planner.type(planner.channelShare('Email'), '60');
  await expect(
    planner.text("The channels' shares add up to more than 100%. Lower some of them."),
  ).toBeHidden();
  await expect(planner.channelsSection.getByText(/^Typed shares add up to 100%\./)).toBeVisible();
  await planner.expectCellText(targets, 'Share of the goal', 'Referrals', '0%');
});

// Fails if: six shares of 16.67% (a sixth, rounded to two decimals: 100.02% in all) are refused
// as over 100%, or split more than the goal; or 101% is let through.
test('shares rounded to two decimals may add up to just over 100%', async ({ planner }) => {
  const over = "The channels' shares add up to more than 100%. Lower some of them.";
  for (const channel of USUAL_CHANNELS) await planner.type(planner.channelShare(channel), '16.67');
  await expect(planner.channelsSection.getByText(/^Typed shares add up to 100\.02%\./)).toBeVisible();
  await expect(planner.text(over)).toHaveCount(0);
  // Each 16.67% is scaled by 1 ÷ 1.0002 to exactly a sixth: 9.0909 ÷ 6 = 1.5152 customers a
  // year each (below 10, rounded up to two decimals: 1.52), and all channels together exactly
  // the goal, 9.0909 → 9.1 (9.10, trailing zero trimmed).
  const year = planner.channelTargetsTable('per year');
  await planner.channelTargetsPeriod.selectOption({ label: 'per year' });
  await planner.expectCellText(year, 'Share of the goal', 'Email', '16.67%');
  await planner.expectCellText(year, 'Share of the goal', 'All channels', '100%');
  await planner.expectCell(year, 'Customers', 'Email', '1.52', CUSTOMERS_PER_YEAR / 6);
  await planner.expectCell(year, 'Customers', 'All channels', '9.1', CUSTOMERS_PER_YEAR);
  await expect(planner.channelTargetsSection.getByText(/has no channel\.$/)).toHaveCount(0);

  // 17.67 + 5 × 16.67 = 101.02%: over, beyond any rounding.
  await planner.type(planner.channelShare('Referrals'), '17.67');
  await expect(planner.text(over)).toBeVisible();
  await expect(planner.channelTargetsTable('per year')).toHaveCount(0);
});

// Fails if: a channel's volume larger than the stage before it (5 customers from 2
// opportunities) passes silently, or the win rate shows 250% instead of saying why not.
test('a stage with more than the stage before it is flagged at the field', async ({ planner }) => {
  const message = 'More than the stage before it in this channel. A stage cannot have more than the one above it: check both figures.';
  await planner.fillChannel('Email', { spend: '1,000', volumes: { Opportunities: '2', Customers: '5' } });
  const customers = planner.channelVolume('Email', 'Customers');
  await planner.expectFieldError(customers, message);
  await planner.expectNoFieldError(planner.channelVolume('Email', 'Opportunities'));
  await planner.expectCellText(planner.kpiTable, 'Opportunity-to-win ratio', 'Email', '— (more Customers than Opportunities)');
  // The figures are kept: CAC 1,000 ÷ 5 = 200.
  await planner.expectCell(planner.kpiTable, 'Customer acquisition cost (CAC)', 'Email', '$200', 200);

  // 2 customers of 2 opportunities is possible: 100%.
  await planner.type(customers, '2');
  await planner.expectNoFieldError(customers);
  await planner.expectCell(planner.kpiTable, 'Opportunity-to-win ratio', 'Email', '100%', 1);
  await planner.expectNoBrokenNumbers();
});

// Fails if: a bad figure in the channels table is not explained under its cell, with the
// app's usual wording, or a fixed figure keeps its error.
test('bad channel figures are explained under their cells', async ({ planner }) => {
  const cases = [
    [planner.channelSpend('Paid search'), 'abc', MESSAGES.notANumber],
    [planner.channelSpend('Email'), '-5', MESSAGES.negative],
    [planner.channelVolume('Email', 'Leads'), '-1', MESSAGES.negative],
    [planner.channelRevenue('Referrals'), '1,2,3', MESSAGES.notANumber],
    [planner.channelShare('Paid social'), '150', 'Enter a percent from 0 to 100.'],
    [planner.budget, 'lots', MESSAGES.notANumber],
  ] as const;
  for (const [field, text, message] of cases) {
    await planner.type(field, text);
    await planner.expectFieldError(field, message);
  }
  await planner.openChannelRates();
  const rate = planner.channelRate('Paid search', 'Visits', 'Leads');
  await expect(rate).toHaveAttribute('placeholder', '1.5');
  await planner.type(rate, '0');
  await planner.expectFieldError(rate, MESSAGES.rate);
  await planner.type(rate, '101');
  await planner.expectFieldError(rate, MESSAGES.rate);

  await planner.type(rate, '3');
  await expect(rate).toHaveAttribute('aria-invalid', 'false');
  await planner.type(planner.channelSpend('Email'), '5,000');
  await expect(planner.channelSpend('Email')).toHaveAttribute('aria-invalid', 'false');
  await planner.expectNoBrokenNumbers();
});

// Fails if: a channel's targets are not its share of the customers goal worked up the funnel at
// its own rates (the plan's where it has none), or the period select does not rescale them.
test('targets by channel: 40% to Paid search with its own Visits→Leads rate of 3%', async ({ planner }) => {
  await planner.type(planner.channelShare('Paid search'), '40');
  await planner.openChannelRates();
  await planner.type(planner.channelRate('Paid search', 'Visits', 'Leads'), '3');

  // Paid search: 9.0909… × 40% = 3.6364 customers a year; ÷ 50% = 7.2727 opportunities;
  // ÷ 40% = 18.182 SQLs; ÷ 20% = 90.909 MQLs; ÷ 20% = 454.55 leads; ÷ 3% (its own rate)
  // = 15,151.5 visits. Revenue: 3.6364 × 1,100,000 = 4,000,000 a year.
  // Each of the five others: 60% ÷ 5 = 12%: 1.0909 customers a year … ÷ 1.5% = 9,090.9 visits.
  const paid = CUSTOMERS_PER_YEAR * 0.4;
  const other = CUSTOMERS_PER_YEAR * 0.12;
  const paidYear = {
    Customers: paid,
    Opportunities: paid / 0.5,
    SQLs: paid / 0.5 / 0.4,
    MQLs: paid / 0.5 / 0.4 / 0.2,
    Leads: paid / 0.5 / 0.4 / 0.2 / 0.2,
    Visits: paid / 0.5 / 0.4 / 0.2 / 0.2 / 0.03,
  };
  const otherVisitsYear = other / 0.5 / 0.4 / 0.2 / 0.2 / 0.015;

  const month = planner.channelTargetsTable('per month');
  await expect(planner.channelTargetsPeriod).toHaveValue(/month/);
  // Per month, rounded up: from 10 to the whole number to reach (1,262.63 → 1,263; 37.88 → 38),
  // below 10 to two decimals (7.5758 → 7.58; 1.5152 → 1.52), below 1 to two significant digits
  // (0.60606 → 0.61; 0.30303 → 0.31). Revenue, in dollars, likewise: 4,000,000 ÷ 12 = 333,333.33
  // → $333,334.
  await planner.expectCell(month, 'Visits', 'Paid search', '1,263', paidYear.Visits / 12);
  await planner.expectCell(month, 'Leads', 'Paid search', '38', paidYear.Leads / 12);
  await planner.expectCell(month, 'MQLs', 'Paid search', '7.58', paidYear.MQLs / 12);
  await planner.expectCell(month, 'SQLs', 'Paid search', '1.52', paidYear.SQLs / 12);
  await planner.expectCell(month, 'Opportunities', 'Paid search', '0.61', paidYear.Opportunities / 12);
  await planner.expectCell(month, 'Customers', 'Paid search', '0.31', paidYear.Customers / 12);
  await planner.expectCell(month, 'Revenue', 'Paid search', '$333,334', 4_000_000 / 12);
  // Email keeps the plan's 1.5%: 9,090.9 visits a year, 757.6 a month → 758.
  await planner.expectCell(month, 'Visits', 'Email', '758', otherVisitsYear / 12);
  await planner.expectCell(month, 'Revenue', 'Email', '$100,000', (other * 1_100_000) / 12);
  // All channels: the sum of the unrounded figures, rounded up once: 1,262.6 + 5 × 757.6 = 5,050.5.
  // Customers 9.0909 ÷ 12 = 0.75758 → 0.76; revenue 10,000,000 ÷ 12 = 833,333.33 → 833,334.
  await planner.expectCell(month, 'Visits', 'All channels', '5,051', (paidYear.Visits + 5 * otherVisitsYear) / 12);
  await planner.expectCell(month, 'Customers', 'All channels', '0.76', CUSTOMERS_PER_YEAR / 12);
  await planner.expectCell(month, 'Revenue', 'All channels', '$833,334', 10_000_000 / 12);

  await planner.channelTargetsPeriod.selectOption({ label: 'per year' });
  const year = planner.channelTargetsTable('per year');
  await planner.expectCell(year, 'Visits', 'Paid search', '15,152', paidYear.Visits);
  await planner.expectCell(year, 'Leads', 'Paid search', '455', paidYear.Leads);
  // Customers 3.6364 → 3.64 and 9.0909 → 9.1 (rounded up to two decimals below 10).
  await planner.expectCell(year, 'Customers', 'Paid search', '3.64', paidYear.Customers);
  await planner.expectCell(year, 'Revenue', 'Paid search', '$4,000,000', 4_000_000);
  await planner.expectCell(year, 'Customers', 'All channels', '9.1', CUSTOMERS_PER_YEAR);

  await planner.channelTargetsPeriod.selectOption({ label: 'per quarter' });
  const quarter = planner.channelTargetsTable('per quarter');
  await planner.expectCell(quarter, 'Visits', 'Paid search', '3,788', paidYear.Visits / 4);
  await planner.expectCell(quarter, 'Visits', 'Email', '2,273', otherVisitsYear / 4);
});

// Fails if: a channel with no own rate typed does not convert at the rate its own volumes give
// between two adjacent stages (customers ÷ opportunities), a rate typed for it does not win over
// that, volumes that give no rate (more customers than opportunities) do not leave the plan's
// rate, or the budget needed does not follow the targets.
test('targets by channel: a channel converts at the rate its own volumes give', async ({ planner }) => {
  // Email takes the whole goal (the five others 0%), spent 1,000 for 50 leads (20 per lead),
  // 4 opportunities and 1 customer: Opportunities→Customers 1 ÷ 4 = 25% (the plan's is 50%).
  // Leads and Opportunities are not adjacent, so the other rates are the plan's.
  await planner.fillChannel('Email', { share: '100', spend: '1,000', volumes: { Leads: '50', Opportunities: '4', Customers: '1' } });
  await planner.channelTargetsPeriod.selectOption({ label: 'per year' });
  const year = planner.channelTargetsTable('per year');
  const budget = planner.budgetTable;
  // 9.0909 customers a year ÷ 25% = 36.36 opportunities → 37; ÷ 40% = 90.91 SQLs; ÷ 20%
  // = 454.55 MQLs; ÷ 20% = 2,272.73 leads → 2,273; ÷ 1.5% = 151,515.15 visits → 151,516.
  // Budget: 2,272.73 leads × $20 = $45,454.55 a year → $45,455.
  const byVolumes = CUSTOMERS_PER_YEAR / 0.25;
  await planner.expectCell(year, 'Opportunities', 'Email', '37', byVolumes);
  await planner.expectCell(year, 'Leads', 'Email', '2,273', byVolumes / 0.4 / 0.2 / 0.2);
  await planner.expectCell(year, 'Visits', 'Email', '151,516', byVolumes / 0.4 / 0.2 / 0.2 / 0.015);
  await planner.expectCellText(budget, 'Email', 'Cost used', '$20 per Leads');
  await planner.expectCell(budget, 'Email', 'Per year', '$45,455', (byVolumes / 0.4 / 0.2 / 0.2) * 20);
  await planner.expectCell(budget, 'Total needed', 'Per year', '$45,455', (byVolumes / 0.4 / 0.2 / 0.2) * 20);

  // A rate typed for Email wins over its volumes: 50% gives 9.0909 ÷ 50% = 18.18 opportunities
  // → 19; 1,136.36 leads → 1,137; × $20 = $22,727.27 → $22,728.
  const atHalf = CUSTOMERS_PER_YEAR / 0.5;
  await planner.openChannelRates();
  const rate = planner.channelRate('Email', 'Opportunities', 'Customers');
  await planner.type(rate, '50');
  await planner.expectCell(year, 'Opportunities', 'Email', '19', atHalf);
  await planner.expectCell(year, 'Leads', 'Email', '1,137', atHalf / 0.4 / 0.2 / 0.2);
  await planner.expectCell(budget, 'Email', 'Per year', '$22,728', (atHalf / 0.4 / 0.2 / 0.2) * 20);

  // No rate typed, and 5 customers from 4 opportunities (more below than above, flagged): no rate
  // from the volumes, so the plan's 50%: the same figures as the 50% typed.
  await planner.type(rate, '');
  await planner.type(planner.channelVolume('Email', 'Customers'), '5');
  await planner.expectCell(year, 'Opportunities', 'Email', '19', atHalf);
  await planner.expectCell(budget, 'Email', 'Per year', '$22,728', (atHalf / 0.4 / 0.2 / 0.2) * 20);
  await planner.expectNoBrokenNumbers();
});

// Fails if: the targets by channel or the budget needed stay on screen (stale or broken) while the
// plan above cannot be worked out.
test('targets by channel wait for a valid plan', async ({ planner }) => {
  await planner.openArea('Plan');
  await planner.type(planner.revenueGoal, 'abc');
  await planner.openArea('Channels and KPIs');
  for (const section of [planner.channelTargetsSection, planner.budgetSection]) {
    await expect(section.getByText('Fix the plan above to see the targets by channel.', { exact: true })).toBeVisible();
  }
  await expect(planner.channelTargetsTable()).toHaveCount(0);
  await expect(planner.budgetTable).toHaveCount(0);
  await planner.expectNoBrokenNumbers();
  await planner.openArea('Plan');
  await planner.type(planner.revenueGoal, '10,000,000');
  await planner.openArea('Channels and KPIs');
  await expect(planner.channelTargetsTable()).toBeVisible();
  await expect(planner.budgetTable).toBeVisible();
});

// Fails if: the budget needed is not each channel's target at its first known stage × its cost
// there, or the budget set is not compared with it per month, quarter and year.
test('budget needed: each channel at its current cost, compared with the budget', async ({ planner }) => {
  // Paid search spent 6,000 for 2,000 visits: 3 per visit. With 40% of the goal and its own
  // Visits→Leads rate of 3% it must bring 15,151.5 visits a year: 45,454.5 a year,
  // 11,363.6 a quarter, 3,787.9 a month.
  await planner.fillChannel('Paid search', { share: '40', spend: '6,000', volumes: { Visits: '2,000' } });
  await planner.openChannelRates();
  await planner.type(planner.channelRate('Paid search', 'Visits', 'Leads'), '3');
  // Email spent 1,000 and knows only its customers, 4: 250 per customer. Its target is
  // 9.0909 × 12% = 1.0909 customers a year: 272.7 a year.
  await planner.fillChannel('Email', { spend: '1,000', volumes: { Customers: '4' } });

  const paidNeed = ((CUSTOMERS_PER_YEAR * 0.4) / 0.5 / 0.4 / 0.2 / 0.2 / 0.03) * 3;
  const emailNeed = CUSTOMERS_PER_YEAR * 0.12 * 250;
  const budget = planner.budgetTable;
  await planner.expectCellText(budget, 'Paid search', 'Cost used', '$3 per Visits');
  await planner.expectCellText(budget, 'Email', 'Cost used', '$250 per Customers');
  await planner.expectCellText(budget, 'Referrals', 'Cost used', '— (no spend)');
  await planner.expectCell(budget, 'Paid search', 'Per year', '$45,455', paidNeed);
  await planner.expectCell(budget, 'Paid search', 'Per quarter', '$11,364', paidNeed / 4);
  await planner.expectCell(budget, 'Paid search', 'Per month', '$3,788', paidNeed / 12);
  await planner.expectCell(budget, 'Email', 'Per year', '$273', emailNeed);
  const total = paidNeed + emailNeed;
  // 45,454.5 + 272.7 = 45,727.3, a need: rounded up, never shown below it.
  await planner.expectCell(budget, 'Total needed', 'Per year', '$45,728', total);
  await expect(planner.text('Type a marketing budget above to compare it with the need.')).toBeVisible();
  await expect(
    planner.text('Channels not counted in the total, because they need both a spend and a volume: 4 of 6.'),
  ).toBeVisible();

  // 3,000 each month is 36,000 a year: 9,727.3 short.
  await planner.type(planner.budget, '3,000');
  await planner.budgetPeriod('Each month').check();
  await planner.expectCell(budget, 'Budget set', 'Per year', '$36,000', 36_000);
  await planner.expectCell(budget, 'Budget set', 'Per month', '$3,000', 3_000);
  const gap = await planner.readCell(budget, 'Budget minus need', 'Per year');
  expect(gap.value, 'budget minus need per year').toBeCloseTo(36_000 - total, 6);
  await expect(planner.text('The budget falls short of the need by $9,727 a year.')).toBeVisible();

  // 60,000 for the whole year covers it with 14,272.7 to spare.
  await planner.type(planner.budget, '60,000');
  await planner.budgetPeriod('The whole year').check();
  await planner.expectCell(budget, 'Budget minus need', 'Per year', '$14,273', 60_000 - total);
  await expect(planner.text('The budget covers the need, with $14,273 a year to spare.')).toBeVisible();
});

// Fails if: the targets section says part of the goal has no channel when the shares are fine or
// over 100%, or misstates what is left when they are under.
test('the targets say how much of the goal has no channel only when shares fall short', async ({ planner }) => {
  const unassigned = planner.channelTargetsSection.getByText(/has no channel\.$/);
  for (const channel of ['Organic search and blog', 'Paid search', 'Paid social', 'Email', 'Events and trade shows']) {
    await planner.type(planner.channelShare(channel), '15');
  }
  await planner.type(planner.channelShare('Referrals'), '15');
  // 6 × 15% = 90%: 10% of 9.09 customers a year = 0.91 a year has no channel.
  await expect(unassigned).toHaveText(/^The shares add up to 90%: 10% of the customers goal \(0\.91 a year\) has no channel\.$/);
  await planner.type(planner.channelShare('Referrals'), '35');
  await expect(planner.text("The channels' shares add up to more than 100%. Lower some of them.")).toBeVisible();
  await expect(unassigned).toHaveCount(0);
  // 110% would split more than the goal: neither the targets nor the budget are split.
  const over = 'The shares above add up to more than 100%, so nothing is split until they are lowered.';
  await expect(planner.channelTargetsSection.getByText(over, { exact: true })).toBeVisible();
  await expect(planner.channelTargetsSection.getByRole('table')).toHaveCount(0);
  await expect(planner.budgetSection.getByText(over, { exact: true })).toBeVisible();
});

// Fails if: two channels may share a name silently (their cells would then read alike to a
// screen reader and their columns could not be told apart), the channel being typed into is not
// the one flagged (both are: the page cannot know which one is wrong), or the message does not
// go once the name is changed.
test('a channel name used twice is flagged on both channels', async ({ planner }) => {
  // Renaming the second channel (Paid search) to the third's name flags the one typed into too.
  const second = planner.channelName(2);
  const third = planner.channelName(3);
  await planner.type(second, ' paid SOCIAL ');
  await planner.expectFieldError(second, 'Another channel already has this name.');
  await planner.expectFieldError(third, 'Another channel already has this name.');
  await planner.type(second, 'Paid search (EMEA)');
  await expect(second).toHaveAttribute('aria-invalid', 'false');
  await expect(third).toHaveAttribute('aria-invalid', 'false');
  await expect(planner.text('Another channel already has this name.')).toHaveCount(0);
});
