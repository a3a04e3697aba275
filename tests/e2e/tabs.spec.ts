import { test, expect } from './fixtures';
import { NOTICES, planKey, type PlannerPage } from './pages/planner';

// Two tabs of the same browser share storage; each hears the other's saves (the `storage` event).
// The open plan merges the other tab's change field by field, so what each tab typed survives;
// only the same field changed differently in both (or the plan deleted there) asks the person,
// and meanwhile this tab's version is saved in a copy, so a reload loses nothing. The question is
// fixed in view wherever the person is typing.

type Tabs = { a: PlannerPage; b: PlannerPage; id: string };

/** Tab A names its plan "Shared plan"; tab B opens the same plan. */
async function twoTabs(planner: PlannerPage, openTab: () => Promise<PlannerPage>): Promise<Tabs> {
  await planner.canHoldStorageEvents();
  await planner.goto();
  await planner.type(planner.planName, 'Shared plan');
  await planner.expectSaved('Shared plan');
  const id = planner.openPlanId();
  await planner.planName.blur();
  const b = await openTab();
  await b.goto(`/#plan=${id}`);
  await expect(b.planName).toHaveValue('Shared plan');
  return { a: planner, b, id };
}

/** The copy that holds A's version while the question is open. */
const COPY = 'Shared plan (copy)';

/**
 * A and B change the revenue goal at once (A has not heard B's save yet): a real clash. B also
 * renames the plan. A's version goes to a copy, what A types next too, and the plan keeps B's.
 * Returns B's saved text.
 */
async function conflict({ a, b, id }: Tabs): Promise<string> {
  await a.holdStorageEvents();
  await b.type(b.planName, 'Renamed in B');
  await b.type(b.revenueGoal, '7,700,000');
  await b.expectSaved('7,700,000');
  await b.revenueGoal.blur();
  const theirs = (await b.storedText(planKey(id)))!;
  await a.type(a.revenueGoal, '5,500,000');
  await a.releaseStorageEvents();

  await expect(a.conflictAlert).toBeVisible();
  await expect(a.conflictAlert).toContainText(NOTICES.conflictChanged(COPY));
  await expect(a.conflictAlert.getByRole('button')).toHaveText([
    'Keep my version',
    "Use the other tab's version",
    'Keep both',
  ]);
  // A's version stays on screen; what A types now goes to the copy.
  await expect(a.planName).toHaveValue('Shared plan');
  await a.type(a.stageName(2), 'Signups');
  // The question is in view where A is typing, however far down the page.
  await a.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(a.conflictAlert).toBeInViewport();
  await a.stageName(2).focus();
  await expect(a.conflictAlert).toBeInViewport();

  expect(await a.storedText(planKey(id)), 'the plan keeps B\'s version').toBe(theirs);
  await expect
    .poll(async () => (await a.storedRecords()).find((saved) => saved.plan.name === COPY)?.plan)
    .toMatchObject({ revenue_goal: '5,500,000', stages: expect.arrayContaining([expect.objectContaining({ name: 'Signups' })]) });
  expect(await a.planKeys()).toHaveLength(2);
  return theirs;
}

// Fails if: a change saved in one tab does not show up in the other (screen and list), or a new
// plan made there is missing here.
test('a change saved in one tab shows up in the other', async ({ planner, openTab }) => {
  const { a, b, id } = await twoTabs(planner, openTab);
  await b.type(b.planName, 'Changed in B');
  await b.type(b.revenueGoal, '8,800,000');
  await b.expectSaved('8,800,000');

  await expect(a.planName).toHaveValue('Changed in B');
  await expect(a.revenueGoal).toHaveValue('8,800,000');
  await a.expectCell(a.targetsTable, 'Customers', 'Per year', '8', 8);
  await expect(a.status(NOTICES.updatedFromOtherTab)).toBeVisible();
  await a.expectPlans(['Changed in B']);
  await expect(a.conflictAlert).toHaveCount(0);

  await b.newPlanButton.click();
  await b.type(b.planName, 'Made in B');
  await a.expectPlans(['Changed in B', 'Made in B']);
  // A keeps its own plan open.
  expect(a.openPlanId()).toBe(id);
  await expect(a.planName).toHaveValue('Changed in B');

  // A's edits flow back to B the same way.
  await b.planName.blur();
  await a.openPlan('Made in B');
  await a.type(a.revenueGoal, '6,600,000');
  await a.planName.blur();
  await a.revenueGoal.blur();
  await expect(b.revenueGoal).toHaveValue('6,600,000');
  await expect(b.conflictAlert).toHaveCount(0);
});

// Fails if: "Keep my version" does not save this tab's version over the other's, on screen and in
// storage, or the other tab does not follow.
test('editing conflict: "Keep my version" saves this tab\'s version', async ({ planner, openTab }) => {
  const tabs = await twoTabs(planner, openTab);
  const { a, b, id } = tabs;
  await conflict(tabs);

  await a.conflictAlert.getByRole('button', { name: 'Keep my version', exact: true }).click();
  await expect(a.conflictAlert).toHaveCount(0);
  // The copy that held A's version meanwhile is gone.
  await expect(a.planName).toHaveValue('Shared plan');
  await expect(a.revenueGoal).toHaveValue('5,500,000');
  await expect
    .poll(async () => (await a.storedRecord(id))!.plan)
    .toMatchObject({ name: 'Shared plan', revenue_goal: '5,500,000', stages: expect.arrayContaining([expect.objectContaining({ name: 'Signups' })]) });
  await a.expectPlans(['Shared plan']);
  expect(await a.planKeys()).toEqual([planKey(id)]);
  // Saving resumes.
  await a.type(a.currentVolume('Visits'), '4,321');
  await a.expectSaved('4,321');
  // B was not editing, so it follows.
  await expect(b.planName).toHaveValue('Shared plan');
  await expect(b.revenueGoal).toHaveValue('5,500,000');
  await expect(b.conflictAlert).toHaveCount(0);
});

// Fails if: "Use the other tab's version" does not show the other tab's version, or saves this
// tab's discarded edits anywhere.
test('editing conflict: "Use the other tab\'s version" takes theirs and saves nothing of mine', async ({ planner, openTab }) => {
  const tabs = await twoTabs(planner, openTab);
  const { a, id } = tabs;
  const theirs = await conflict(tabs);

  await a.conflictAlert.getByRole('button', { name: "Use the other tab's version", exact: true }).click();
  await expect(a.conflictAlert).toHaveCount(0);
  await expect(a.planName).toHaveValue('Renamed in B');
  await expect(a.revenueGoal).toHaveValue('7,700,000');
  await expect(a.stageName(2)).toHaveValue('Leads');
  await a.expectPlans(['Renamed in B']);
  expect(await a.storedText(planKey(id))).toBe(theirs);
  expect(await a.planKeys()).toEqual([planKey(id)]);
  // Saving resumes.
  await a.type(a.currentVolume('Visits'), '4,321');
  await a.expectSaved('4,321');
  expect((await a.storedRecord(id))!.plan.name).toBe('Renamed in B');
});

// Fails if: "Keep both" loses either version: the other tab's must stay in the plan, this tab's
// must become a "(copy)" with its edits.
test('editing conflict: "Keep both" keeps theirs and adds mine as a copy', async ({ planner, openTab }) => {
  const tabs = await twoTabs(planner, openTab);
  const { a, b, id } = tabs;
  const theirs = await conflict(tabs);

  await a.conflictAlert.getByRole('button', { name: 'Keep both', exact: true }).click();
  await expect(a.conflictAlert).toHaveCount(0);
  await a.expectPlans(['Renamed in B', 'Shared plan (copy)']);
  await expect(a.planName).toHaveValue('Shared plan (copy)');
  await expect(a.revenueGoal).toHaveValue('5,500,000');
  await expect(a.stageName(2)).toHaveValue('Signups');
  const copyId = a.openPlanId();
  expect(copyId).not.toBe(id);
  expect(await a.storedText(planKey(id)), 'the other tab\'s version untouched').toBe(theirs);
  expect((await a.storedRecord(copyId))!.plan).toMatchObject({ name: 'Shared plan (copy)', revenue_goal: '5,500,000' });
  expect(await a.planKeys()).toHaveLength(2);

  await a.openPlan('Renamed in B');
  await expect(a.revenueGoal).toHaveValue('7,700,000');
  await b.expectPlans(['Renamed in B', 'Shared plan (copy)']);
});

// Fails if: leaving the plan while the question is open drops this tab's unsaved version.
test('editing conflict: opening another plan keeps this tab\'s version as a copy', async ({ planner, openTab }) => {
  const tabs = await twoTabs(planner, openTab);
  const { a, b, id } = tabs;
  const theirs = await conflict(tabs);

  await a.newPlanButton.click();
  await expect(a.conflictAlert).toHaveCount(0);
  await expect(a.planName).toHaveValue('New plan');
  await expect(a.status('Saved “Shared plan (copy)” to your plans.')).toBeVisible();
  await a.expectPlans(['Renamed in B', 'Shared plan (copy)', 'New plan']);
  expect(await a.storedText(planKey(id)), "the other tab's version untouched").toBe(theirs);
  const copy = (await a.storedRecords()).find((saved) => saved.plan.name === 'Shared plan (copy)');
  expect(copy?.plan).toMatchObject({ revenue_goal: '5,500,000' });
  expect(copy!.plan.stages[1].name).toBe('Signups');
  await a.openPlan('Shared plan (copy)');
  await expect(a.revenueGoal).toHaveValue('5,500,000');
  await b.expectPlans(['Renamed in B', 'Shared plan (copy)', 'New plan']);
});

// Fails if: a plan deleted in another tab while open here vanishes without a word, "Keep this
// plan" does not bring it back with this tab's version, or "Let it go" leaves it open.
test('the open plan deleted in another tab: "Keep this plan" or "Let it go"', async ({ planner, openTab }) => {
  await planner.goto();
  await planner.type(planner.planName, 'Stays');
  await planner.newPlanButton.click();
  await planner.type(planner.planName, 'Goes');
  await planner.expectSaved('Goes');
  const a = planner;
  const goesId = a.openPlanId();
  const b = await openTab();
  await b.goto(`/#plan=${goesId}`);
  await expect(b.planName).toHaveValue('Goes');

  await b.deletePlanButton.click();
  await expect(b.status('Deleted “Goes”.')).toBeVisible();
  await expect(a.conflictAlert).toBeVisible();
  await expect(a.conflictAlert).toContainText(NOTICES.conflictDeleted);
  await expect(a.conflictAlert.getByRole('button')).toHaveText(['Keep this plan', 'Let it go']);
  await expect(a.planName).toHaveValue('Goes');
  await a.type(a.revenueGoal, '7,000,000');
  expect((await a.storedRecord(goesId))!.deleted, 'still deleted before a choice').toEqual(expect.any(Number));
  // What A typed meanwhile is saved, in a copy.
  await a.expectPlans(['Stays', 'Goes (copy)']);
  await expect
    .poll(async () => (await a.storedRecords()).find((saved) => saved.plan.name === 'Goes (copy)')?.plan.revenue_goal)
    .toBe('7,000,000');

  await a.conflictAlert.getByRole('button', { name: 'Keep this plan', exact: true }).click();
  await expect(a.conflictAlert).toHaveCount(0);
  await expect.poll(async () => (await a.storedRecord(goesId))!.deleted).toBeUndefined();
  expect((await a.storedRecord(goesId))!.plan.revenue_goal).toBe('7,000,000');
  await a.expectPlans(['Stays', 'Goes']);
  await expect(a.planName).toHaveValue('Goes');
  await b.expectPlans(['Stays', 'Goes']);

  // Deleted again; this time A lets it go.
  await b.openPlan('Goes');
  await b.deletePlanButton.click();
  await expect(a.conflictAlert).toContainText(NOTICES.conflictDeleted);
  await a.conflictAlert.getByRole('button', { name: 'Let it go', exact: true }).click();
  await expect(a.conflictAlert).toHaveCount(0);
  await expect(a.planName).toHaveValue('Stays');
  await a.expectPlans(['Stays']);
  await expect(a.binSummary).toHaveText('Recently deleted (1)');
  expect((await a.storedRecord(goesId))!.deleted).toEqual(expect.any(Number));
  expect((await a.storedRecord(goesId))!.plan.revenue_goal).toBe('7,000,000');
});

// Fails if: the scenario of issue 10 loses what one tab typed: average revenue typed in B, rates
// in A (with its cursor in the form all along), the name in B; after a reload each tab shows all.
test('edits typed in turn in two tabs all survive a reload', async ({ planner, openTab }) => {
  const { a, b, id } = await twoTabs(planner, openTab);
  await a.rate('Visits', 'Leads').focus();
  await b.type(b.averageRevenue, '1,200,000');
  await b.expectSaved('1,200,000');
  await expect(a.averageRevenue).toHaveValue('1,200,000');
  await a.type(a.rate('Visits', 'Leads'), '2');
  await a.type(a.rate('SQLs', 'Opportunities'), '45');
  await a.expectSaved('"45"');
  await b.type(b.planName, 'Named in B');
  await b.expectSaved('Named in B');
  await expect(a.planName).toHaveValue('Named in B');

  for (const tab of [a, b]) {
    await tab.reload();
    await expect(tab.planName).toHaveValue('Named in B');
    await expect(tab.averageRevenue).toHaveValue('1,200,000');
    await expect(tab.rate('Visits', 'Leads')).toHaveValue('2');
    await expect(tab.rate('SQLs', 'Opportunities')).toHaveValue('45');
    await expect(tab.conflictAlert).toHaveCount(0);
  }
  expect(await a.planKeys()).toEqual([planKey(id)]);
});

// Fails if: typing in one tab before it has heard the other tab's save (a race) writes over the
// other tab's change, or asks although the two changed different fields.
test('changes racing from two tabs to different fields merge without a question', async ({ planner, openTab }) => {
  const { a, b, id } = await twoTabs(planner, openTab);
  await a.holdStorageEvents();
  await b.type(b.averageRevenue, '1,200,000');
  await b.expectSaved('1,200,000');
  await b.averageRevenue.blur();
  // A has not heard of it yet, and types a rate.
  await a.type(a.rate('Visits', 'Leads'), '2');
  await expect(a.averageRevenue, 'merged in when A saved').toHaveValue('1,200,000');
  await a.releaseStorageEvents();
  await expect(a.conflictAlert).toHaveCount(0);
  await expect
    .poll(async () => (await a.storedRecord(id))!.plan)
    .toMatchObject({ average_revenue_per_customer: '1,200,000', stages: expect.arrayContaining([expect.objectContaining({ rate_to_next: '2' })]) });
  // B follows the merged plan, and the late event changes nothing in A.
  await expect(b.rate('Visits', 'Leads')).toHaveValue('2');
  await expect(a.averageRevenue).toHaveValue('1,200,000');
  await expect(a.rate('Visits', 'Leads')).toHaveValue('2');
  await expect(b.conflictAlert).toHaveCount(0);
  expect(await a.planKeys()).toEqual([planKey(id)]);
});

// Fails if: a reload while the question is open loses this tab's version: it must be in the
// library as the copy, with everything typed after the clash.
test('editing conflict: a reload keeps this tab\'s version as the copy', async ({ planner, openTab }) => {
  const tabs = await twoTabs(planner, openTab);
  const { a } = tabs;
  await conflict(tabs);
  await a.reload();
  await a.expectPlans(['Renamed in B', COPY]);
  await a.openPlan(COPY);
  await expect(a.revenueGoal).toHaveValue('5,500,000');
  await expect(a.stageName(2)).toHaveValue('Signups');
});
