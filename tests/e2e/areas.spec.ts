import { test, expect } from './fixtures';
import {
  AREAS,
  CHANNELS_PAGE,
  areaOf,
  PERIODS,
  channel,
  examplePlan,
  marketing,
  planKey,
  recordV3,
  type Cell,
  type PlannerPage,
} from './pages/planner';

// The areas of the app, in the navigation's order: Plan (`./`: goal, stages, targets, forward
// check, keep and share), Annual plan (`review.html`: the plan library, last year,
// the year's goal, rates against last year, SMART objectives and the roadmap), Forecast
// (`forecast.html`: the plan library, when each stage must happen, the odds of reaching the goal,
// which rates matter most and scenarios side by side), Channels and KPIs
// (`channels.html`: the plan library, the targets, channels, budget and KPIs) and Results
// (`results.html`: the plan library, the targets, the results by month), each a page of its own,
// reached through the header's "Areas" navigation. Whichever way a person
// moves between them (a link, the back button, a reload, the plan list), the same plan stays open;
// a shared plan that is not in the library travels in the link as typed, edits included.

/** Customers a year of a revenue goal at the example's 1,100,000 per new customer. */
const PER_CUSTOMER = 1_100_000;

/**
 * Two saved plans. "Older plan" (4,400,000: 4 customers a year, channel Trade press) was changed
 * before "Newer plan" (the example's 10,000,000, channels Webinars and Podcasts), so a page that
 * forgot which plan was open would show "Newer plan" instead.
 */
async function seedTwoPlans(planner: PlannerPage): Promise<void> {
  const older = recordV3(
    'pareas-older',
    {
      ...examplePlan({ name: 'Older plan', revenue_goal: '4,400,000' }),
      marketing: marketing({ channels: [channel(1, 'Trade press', { spend: '9,000' })] }),
    },
    1_795_000_000_000,
  );
  const newer = recordV3(
    'pareas-newer',
    {
      ...examplePlan({ name: 'Newer plan' }),
      marketing: marketing({ channels: [channel(1, 'Webinars'), channel(2, 'Podcasts')] }),
    },
    1_795_000_100_000,
  );
  await planner.seed({
    [planKey('pareas-older')]: JSON.stringify(older),
    [planKey('pareas-newer')]: JSON.stringify(newer),
  });
}

/** Every cell of "Funnel targets" (stage and period → shown text and unrounded value). */
async function readTargets(planner: PlannerPage): Promise<Record<string, Cell>> {
  const table = planner.targetsTable;
  await expect(table).toBeVisible();
  const cells: Record<string, Cell> = {};
  for (const stage of await planner.rowHeaders(table)) {
    for (const period of PERIODS) cells[`${stage} / ${period}`] = await planner.readCell(table, stage, period);
  }
  return cells;
}

/** Checks that the tab shows `name` as the open plan: the plan list, the title and the address. */
async function expectOpenPlan(planner: PlannerPage, name: string, id: string): Promise<void> {
  await expect(planner.openPlanButton).toHaveText(name);
  await expect(planner.page).toHaveTitle(`${name} – Funnel Planner`);
  expect(await planner.openPlanId()).toBe(id);
  if (planner.area() === 'Plan') await expect(planner.planName).toHaveValue(name);
}

// Fails if: the navigation does not offer every area by name, in order, on every page; the area
// shown is not marked `aria-current="page"` (or another one is); or a link does not carry the open
// plan (`#plan=<id>`), also after switching plans.
test('the Areas navigation lists every area and marks the current one', async ({ planner }) => {
  await seedTwoPlans(planner);
  await planner.goto('/#plan=pareas-older');
  for (const area of AREAS) {
    await planner.openArea(area);
    await expect(planner.areaNav.getByRole('link')).toHaveText(AREAS);
    await expect(planner.currentAreaLink).toHaveCount(1);
    await expect(planner.currentAreaLink).toHaveText(area);
    for (const other of AREAS.filter((a) => a !== area)) {
      await expect(planner.areaLink(other)).not.toHaveAttribute('aria-current');
    }
    await expect(planner.areaLink('Plan')).toHaveAttribute('href', './#plan=pareas-older');
    await expect(planner.areaLink('Annual plan')).toHaveAttribute('href', 'review.html#plan=pareas-older');
    await expect(planner.areaLink('Forecast')).toHaveAttribute('href', 'forecast.html#plan=pareas-older');
    await expect(planner.areaLink('Channels and KPIs')).toHaveAttribute('href', 'channels.html#plan=pareas-older');
    await expect(planner.areaLink('Results')).toHaveAttribute('href', 'results.html#plan=pareas-older');
  }
  // Opening another plan from the list changes where the links lead.
  await planner.openPlan('Newer plan');
  await expect(planner.areaLink('Plan')).toHaveAttribute('href', './#plan=pareas-newer');
  await expect(planner.areaLink('Annual plan')).toHaveAttribute('href', 'review.html#plan=pareas-newer');
  await expect(planner.areaLink('Forecast')).toHaveAttribute('href', 'forecast.html#plan=pareas-newer');
  await expect(planner.areaLink('Channels and KPIs')).toHaveAttribute('href', 'channels.html#plan=pareas-newer');
  await expect(planner.areaLink('Results')).toHaveAttribute('href', 'results.html#plan=pareas-newer');
});

// Fails if: following the link to Channels and KPIs opens another plan than the one open in Plan
// (the most recent one, or a new one), its targets differ from the ones the Plan area showed, or
// the back button, a reload of channels.html or the link back to Plan loses the plan or the area.
test('moving between the areas keeps the open plan, with back button and reload', async ({ page, planner }) => {
  await seedTwoPlans(planner);
  await planner.goto();
  await planner.openPlan('Older plan');
  const id = await planner.openPlanId();
  expect(id).toBe('pareas-older');
  const targets = await readTargets(planner);
  // 4,400,000 ÷ 1,100,000 = 4 customers a year.
  expect(targets['Customers / Per year'].value).toBeCloseTo(4_400_000 / PER_CUSTOMER, 9);

  await planner.openArea('Channels and KPIs');
  await expect(page).toHaveURL(/\/channels\.html#plan=pareas-older$/);
  await expect(planner.currentAreaLink).toHaveText('Channels and KPIs');
  await expectOpenPlan(planner, 'Older plan', id);
  await expect(planner.resultsSection).toBeVisible();
  expect(await readTargets(planner)).toEqual(targets);
  await planner.expectChannels(['Trade press']);

  // The browser's back button returns to Plan, with the plan still open.
  await page.goBack();
  await planner.waitUntilReady();
  expect(planner.area()).toBe('Plan');
  await expect(planner.currentAreaLink).toHaveText('Plan');
  await expectOpenPlan(planner, 'Older plan', id);
  expect(await readTargets(planner)).toEqual(targets);

  // Forward again, then a reload of channels.html stays in Channels and KPIs with the same plan.
  await page.goForward();
  await planner.waitUntilReady();
  expect(planner.area()).toBe('Channels and KPIs');
  await planner.reload();
  expect(planner.area()).toBe('Channels and KPIs');
  await expect(planner.currentAreaLink).toHaveText('Channels and KPIs');
  await expectOpenPlan(planner, 'Older plan', id);
  expect(await readTargets(planner)).toEqual(targets);

  // The link back to Plan.
  await planner.openArea('Plan');
  await expectOpenPlan(planner, 'Older plan', id);
  await expect(planner.revenueGoal).toHaveValue('4,400,000');
});

// Fails if: an edit made in one area is not what the other area shows (the goal typed in Plan
// is not in Channels and KPIs' targets, or a channel typed there is not kept for Plan's CSV).
test('what is typed in one area is there in the other', async ({ planner }) => {
  await planner.goto();
  await planner.type(planner.revenueGoal, '2,200,000');
  await planner.openArea('Channels and KPIs');
  // 2,200,000 ÷ 1,100,000 = 2 customers a year.
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '2', 2);
  await planner.fillChannel('Email', { spend: '4,000', volumes: { Customers: '2' } });
  await planner.expectCell(planner.kpiTable, 'Customer acquisition cost (CAC)', 'Email', '$2,000', 2_000);
  await planner.openArea('Plan');
  await expect(planner.revenueGoal).toHaveValue('2,200,000');
  const csv = await planner.download(() => planner.downloadCsvButton.click());
  // Email's CAC, 4,000 ÷ 2 = 2,000, among the CSV's KPIs (Cost per Visits … Opportunities empty).
  const kpis = csv.text.split('\r\n\r\n').find((section) => section.startsWith('Marketing KPIs\r\n'));
  expect(kpis?.split('\r\n')).toContain('Email,,,,,,2000,,,,,');
  await planner.openArea('Channels and KPIs');
  await expect(planner.channelSpend('Email')).toHaveValue('4,000');
});

// Fails if: opening another plan from the list on channels.html does not show that plan's
// channels and targets there, does not change the address, or the Plan area then shows another.
test('switching plans in the list on channels.html', async ({ page, planner }) => {
  await seedTwoPlans(planner);
  await planner.goto(`${CHANNELS_PAGE}#plan=pareas-older`);
  await expectOpenPlan(planner, 'Older plan', 'pareas-older');
  await planner.expectChannels(['Trade press']);
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '4', 4);

  await planner.openPlan('Newer plan');
  await expectOpenPlan(planner, 'Newer plan', 'pareas-newer');
  await expect(page).toHaveURL(/\/channels\.html#plan=pareas-newer$/);
  await planner.expectChannels(['Webinars', 'Podcasts']);
  // 10,000,000 ÷ 1,100,000 = 9.0909… customers a year, below 10 rounded up to two decimals.
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '9.1', 10_000_000 / PER_CUSTOMER);

  await planner.openArea('Plan');
  await expectOpenPlan(planner, 'Newer plan', 'pareas-newer');
  await expect(planner.revenueGoal).toHaveValue('10,000,000');
});

// Fails if: a shared plan (not in the library) loses what was typed into it on the way to
// Channels and KPIs or back, stops being shown as shared, or is saved without "Save a copy".
test('a shared plan edited in Plan keeps the edit in Channels and KPIs, and back', async ({ planner, openTab }) => {
  await planner.goto();
  await planner.type(planner.planName, 'Shared Q4');
  await planner.createShareLinkButton.click();
  const link = await planner.shareLink.inputValue();

  const tab = await openTab();
  await tab.goto(link);
  await expect(tab.sharedBanner).toBeVisible();
  const before = await tab.storage();
  await tab.type(tab.planName, 'Shared Q4, edited');
  await tab.type(tab.revenueGoal, '8,800,000');
  // The link to Channels and KPIs carries the plan as typed, not the link it came from.
  await expect(tab.areaLink('Channels and KPIs')).toHaveAttribute('href', /^channels\.html#share=/);

  await tab.openArea('Channels and KPIs');
  await expect(tab.page).toHaveURL(/\/channels\.html#share=/);
  await expect(tab.sharedBanner).toBeVisible();
  await expect(tab.openPlanButton).toHaveCount(0);
  await expect(tab.page).toHaveTitle('Shared Q4, edited – Funnel Planner');
  // 8,800,000 ÷ 1,100,000 = 8 customers a year.
  await tab.expectCell(tab.targetsTable, 'Customers', 'Per year', '8', 8);
  await tab.fillChannel('Email', { spend: '1,500' });

  await tab.openArea('Plan');
  await expect(tab.sharedBanner).toBeVisible();
  await expect(tab.planName).toHaveValue('Shared Q4, edited');
  await expect(tab.revenueGoal).toHaveValue('8,800,000');
  await tab.openArea('Channels and KPIs');
  await expect(tab.channelSpend('Email')).toHaveValue('1,500');
  expect(await tab.storage(), 'a shared plan is not saved on the way').toEqual(before);
});

// Fails if: the Plan area shows any panel of the Channels and KPIs, Results, Annual plan or
// Forecast areas, or Channels and KPIs shows the goal form, the stages, the forward check, "Keep
// and share", the results or the forecast; Results shows the goal form or the channels; Annual
// plan or Forecast shows the goal form, the channels, the results, the targets' table or the
// other's panels, or lacks its own panels; or any lacks the plan list (and, but for Annual plan
// and Forecast, the targets).
test('each area shows its own panels only', async ({ planner }) => {
  await planner.goto();
  await expect(planner.librarySection).toBeVisible();
  await expect(planner.goalSection).toBeVisible();
  await expect(planner.stagesSection).toBeVisible();
  await expect(planner.resultsSection).toBeVisible();
  await expect(planner.targetsTable).toBeVisible();
  await expect(planner.forwardSection).toBeVisible();
  await expect(planner.keepSection).toBeVisible();
  for (const section of [
    planner.channelsSection,
    planner.channelTargetsSection,
    planner.budgetSection,
    planner.kpiSection,
    planner.compareSection,
    planner.actualsSection,
    planner.lastYearSection,
    planner.ratesCheckSection,
    planner.objectivesSection,
    planner.forecastIntro,
    planner.timingSection,
    planner.oddsSection,
    planner.sensitivitySection,
    planner.scenariosSection,
  ]) {
    await expect(section).toHaveCount(0);
  }

  await planner.openArea('Annual plan');
  await expect(planner.librarySection).toBeVisible();
  // Its objectives show the targets per stage; the targets' table stays on the other pages.
  await expect(planner.resultsSection).toHaveCount(0);
  for (const section of [
    planner.annualHeading,
    planner.lastYearSection,
    planner.annualGoalSection,
    planner.ratesCheckSection,
    planner.objectivesSection,
    planner.roadmapSection,
  ]) {
    await expect(section).toBeVisible();
  }
  for (const absent of [
    planner.goalSection,
    planner.stagesSection,
    planner.revenueGoal,
    planner.forwardSection,
    planner.keepSection,
    planner.channelsSection,
    planner.budgetSection,
    planner.kpiSection,
    planner.actualsSection,
    planner.timingSection,
    planner.scenariosSection,
  ]) {
    await expect(absent).toHaveCount(0);
  }

  await planner.openArea('Forecast');
  await expect(planner.librarySection).toBeVisible();
  await expect(planner.resultsSection).toHaveCount(0);
  for (const section of [
    planner.forecastIntro,
    planner.timingSection,
    planner.oddsSection,
    planner.sensitivitySection,
    planner.scenariosSection,
  ]) {
    await expect(section).toBeVisible();
  }
  for (const absent of [
    planner.goalSection,
    planner.stagesSection,
    planner.revenueGoal,
    planner.forwardSection,
    planner.keepSection,
    planner.channelsSection,
    planner.budgetSection,
    planner.kpiSection,
    planner.actualsSection,
    planner.lastYearSection,
    planner.objectivesSection,
  ]) {
    await expect(absent).toHaveCount(0);
  }

  await planner.openArea('Channels and KPIs');
  await expect(planner.librarySection).toBeVisible();
  await expect(planner.resultsSection).toBeVisible();
  await expect(planner.targetsTable).toBeVisible();
  for (const section of [
    planner.channelsSection,
    planner.channelTargetsSection,
    planner.budgetSection,
    planner.kpiSection,
    planner.compareSection,
  ]) {
    await expect(section).toBeVisible();
  }
  for (const absent of [
    planner.goalSection,
    planner.stagesSection,
    planner.planName,
    planner.revenueGoal,
    planner.forwardSection,
    planner.keepSection,
    planner.downloadCsvButton,
    planner.printButton,
    planner.exportPlanButton,
    planner.actualsSection,
    planner.lastYearSection,
    planner.objectivesSection,
    planner.timingSection,
    planner.scenariosSection,
  ]) {
    await expect(absent).toHaveCount(0);
  }

  await planner.openArea('Results');
  await expect(planner.librarySection).toBeVisible();
  await expect(planner.resultsSection).toBeVisible();
  await expect(planner.targetsTable).toBeVisible();
  for (const section of [planner.actualsSection, planner.standingSection, planner.leaksSection, planner.quartersSection]) {
    await expect(section).toBeVisible();
  }
  for (const absent of [
    planner.goalSection,
    planner.stagesSection,
    planner.forwardSection,
    planner.keepSection,
    planner.channelsSection,
    planner.budgetSection,
    planner.kpiSection,
    planner.compareSection,
    planner.lastYearSection,
    planner.objectivesSection,
    planner.timingSection,
    planner.scenariosSection,
  ]) {
    await expect(absent).toHaveCount(0);
  }
});

// Fails if: the area links cannot be reached with Tab from the top of every page, or Enter on
// one does not go to that area with the plan open.
test('Tab reaches the area links, and Enter follows them', async ({ page, planner }) => {
  await seedTwoPlans(planner);
  await planner.goto('/#plan=pareas-older');
  for (const [from, to] of [
    ['Plan', 'Annual plan'],
    ['Annual plan', 'Forecast'],
    ['Forecast', 'Sales team'],
    ['Sales team', 'Channels and KPIs'],
    ['Channels and KPIs', 'Results'],
    ['Results', 'Plan'],
  ] as const) {
    expect(planner.area()).toBe(from);
    const reached: string[] = [];
    for (let press = 0; press < AREAS.length + 2 && reached.length < AREAS.length; press++) {
      await page.keyboard.press('Tab');
      for (const area of AREAS) {
        if (await planner.areaLink(area).evaluate((element) => element === document.activeElement)) reached.push(area);
      }
    }
    expect(reached, `area links reached by Tab in ${from}`).toEqual(AREAS);
    await planner.areaLink(to).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => areaOf(url.pathname) === to);
    await planner.waitUntilReady();
    await expect(planner.currentAreaLink).toHaveText(to);
    await expectOpenPlan(planner, 'Older plan', 'pareas-older');
  }
});

// Fails if: a problem listed above the targets in the Channels and KPIs area (whose fields are in
// the Plan area) does nothing when followed, instead of taking the person to its field, with the
// same plan open, as it does in the Plan area.
test('a problem listed in the Channels and KPIs area leads to its field', async ({ page, planner }) => {
  await planner.goto();
  const id = await planner.openPlanId();
  await planner.type(planner.revenueGoal, 'abc');
  await planner.openArea('Channels and KPIs');
  const problem = planner.problem('Revenue goal', 'Enter digits only, like 1,250,000 or 12.5.');
  await expect(problem).toBeVisible();
  await problem.click();
  await expect(page).toHaveURL(/\/(index\.html)?#plan=[A-Za-z0-9_-]+$/);
  await planner.waitUntilReady();
  expect(await planner.openPlanId()).toBe(id);
  await expect(planner.revenueGoal).toBeFocused();
});
