import { test, expect } from './fixtures';
import {
  ANY_STORAGE_NOTICE,
  EXAMPLE_STAGES,
  MESSAGES,
  NOTICES,
  PLAN_PREFIX,
  UNREADABLE_PREFIX,
  V1_KEPT_ASIDE_KEY,
  V1_PLAN_KEY,
  V1_UNREADABLE_KEY,
  examplePlan,
  planKey,
  record,
  unreadableKey,
  SCHEMA_VERSION,
  NEWER_SCHEMA_VERSION,
  channel,
  emptyTracking,
  marketing,
  type ExportFile,
  type PlannerPage,
} from './pages/planner';

// Saving: each plan, exactly as typed, survives a reload; and when the browser's storage is
// blocked, full, damaged, written by version 1 or by a newer version, the page says so, keeps
// working and loses nothing. The shared fixture also fails each of these tests on any console
// error: a storage failure must be handled, not logged.

/** The page still plans: a goal of 9 customers gives 6,250 visits a month. */
async function expectStillWorks(planner: PlannerPage): Promise<void> {
  await planner.type(planner.newCustomers, '9');
  await expect(planner.revenueGoal).toHaveValue('9,900,000');
  await planner.expectCell(planner.targetsTable, 'Visits', 'Per month', '6,250', 6250);
}

/** No storage notice is shown. */
async function expectNoStorageNotice(planner: PlannerPage): Promise<void> {
  await expect(planner.statuses.filter({ hasText: ANY_STORAGE_NOTICE })).toHaveCount(0);
  await expect(planner.storageNotice).toHaveCount(0);
}

/** From now on, every write to storage fails as a full disk does. */
async function fillStorage(planner: PlannerPage): Promise<void> {
  await planner.page.evaluate(() => {
    Storage.prototype.setItem = function setItem(): void {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

// Fails if: a reload loses something typed: name, a not-yet-valid goal, stage edits, a rate or the volume.
test('a reload brings back the plan exactly as typed, mistakes included', async ({ planner }) => {
  await planner.goto();
  await planner.type(planner.planName, 'Q3 push');
  await planner.type(planner.revenueGoal, '12,000,000 abc');
  await planner.type(planner.stageName(2), 'Signups');
  await planner.type(planner.rate('Signups', 'MQLs'), '25');
  await planner.addStageButton.click();
  await planner.moveUpButton('Customers').click();
  await planner.type(planner.currentVolume('Visits'), '6000');
  const stages = ['Visits', 'Signups', 'MQLs', 'SQLs', 'Opportunities', 'Customers', 'New stage'];
  await planner.expectStages(stages);
  await planner.expectSaved('6000');

  await planner.reload();
  await expect(planner.planName).toHaveValue('Q3 push');
  await expect(planner.revenueGoal).toHaveValue('12,000,000 abc');
  await planner.expectFieldError(planner.revenueGoal, MESSAGES.notANumber);
  await planner.expectStages(stages);
  await expect(planner.rate('Signups', 'MQLs')).toHaveValue('25');
  await expect(planner.rate('Visits', 'Signups')).toHaveValue('1.5');
  await expect(planner.currentVolume('Visits')).toHaveValue('6000');
  await expectNoStorageNotice(planner);

  // One key holds the plan, with every field as typed (numbers as text), in the English page's
  // currency and number format.
  expect(await planner.planKeys()).toEqual([planKey(await planner.openPlanId())]);
  const saved = await planner.storedRecord(await planner.openPlanId());
  expect(saved).toMatchObject({ schema_version: SCHEMA_VERSION, id: await planner.openPlanId() });
  expect(saved!.deleted).toBeUndefined();
  expect(saved!.plan).toMatchObject({
    name: 'Q3 push',
    goal: 'revenue',
    revenue_goal: '12,000,000 abc',
    current_top_per_month: '6000',
    currency: 'USD',
    typed_in: 'en',
  });
  expect(saved!.plan.stages.map((stage) => stage.name)).toEqual(stages);
  expect(saved!.plan.stages[1].rate_to_next).toBe('25');
});

// Fails if: a plan worked from new customers comes back after a reload as a revenue plan.
test('a reload keeps a customers goal and its worked-out revenue', async ({ planner }) => {
  await planner.goto();
  await planner.type(planner.newCustomers, '9');
  await planner.type(planner.currentVolume('Visits'), '7000');
  await planner.expectSaved('7000');

  await planner.reload();
  await expect(planner.newCustomers).toHaveValue('9');
  await expect(planner.revenueGoal).toHaveValue('9,900,000');
  await planner.expectCell(planner.targetsTable, 'Visits', 'Per month', '6,250', 6250);
  await expect(
    planner.text('Your current Visits meet the goal, with 750 a month to spare.'),
  ).toBeVisible();
  expect((await planner.storedRecord(await planner.openPlanId()))!.plan.goal).toBe('new_customers');
});

// Fails if: with storage blocked the page breaks, logs an error, does not say the plan will not be
// kept, or "Export all plans" in the notice does not hand over what was typed.
test('blocked storage: the page works in memory, says so, and exports what was typed', async ({ planner }) => {
  await planner.page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await planner.goto();
  await expect(planner.storageNotice).toContainText(NOTICES.unavailable);
  await expect(planner.storageNotice).toBeVisible();
  await expect(planner.planName).toHaveValue('My marketing plan');
  await expectStillWorks(planner);
  await planner.addStageButton.click();
  await expect(planner.stageItems).toHaveCount(7);
  await planner.type(planner.planName, 'Only in memory');
  await planner.type(planner.stageName(2), 'Signups');
  await expect(planner.planButton('Only in memory')).toBeVisible();
  await expect(planner.storageNotice).toContainText(NOTICES.unavailable);

  // The notice's own button exports every plan, as typed.
  const file = await planner.download(() =>
    planner.storageNotice.getByRole('button', { name: 'Export all plans', exact: true }).click(),
  );
  expect(file.name).toMatch(/^funnel-plans-\d{4}-\d{2}-\d{2}\.funnel-plans\.json$/);
  const exported = JSON.parse(file.text) as ExportFile;
  expect(exported).toMatchObject({ app: 'funnel-planner', schema_version: SCHEMA_VERSION });
  expect(exported.plans).toHaveLength(1);
  expect(exported.plans[0].plan).toMatchObject({
    name: 'Only in memory',
    goal: 'new_customers',
    new_customers_goal: '9',
  });
  expect(exported.plans[0].plan.stages.map((stage) => stage.name)).toEqual([
    'Visits', 'Signups', 'MQLs', 'SQLs', 'Opportunities', 'New stage', 'Customers',
  ]);

  // Nothing was kept: a reload starts from the example again, still saying why.
  await planner.reload();
  await expect(planner.storageNotice).toContainText(NOTICES.unavailable);
  await expect(planner.revenueGoal).toHaveValue('10,000,000');
  await planner.expectStages(EXAMPLE_STAGES);
});

// Fails if: when storage is full the page breaks or stays silent, or the failed save damages what
// was saved before (the plan's value or any other key, ours or another app's).
test('full storage: the page says the change was not saved and keeps the earlier save', async ({ planner }) => {
  const other = record('pother-1', examplePlan({ name: 'Other plan', revenue_goal: '3,000,000' }));
  await planner.seed({ [planKey('pother-1')]: JSON.stringify(other), 'another-app/setting': 'dark' });
  await planner.goto();
  await expect(planner.planName).toHaveValue('Other plan');
  await planner.newPlanButton.click();
  await expect(planner.planName).toHaveValue('New plan');
  await planner.type(planner.averageRevenue, '1,100,000');
  await planner.type(planner.planName, 'Saved before');
  await planner.expectSaved('Saved before');
  const id = await planner.openPlanId();
  const before = await planner.storage();
  expect(Object.keys(before).sort()).toEqual([planKey(id), planKey('pother-1'), 'another-app/setting'].sort());
  await expectNoStorageNotice(planner);

  await fillStorage(planner);
  await planner.type(planner.planName, 'Not saved');
  await expect(planner.storageNotice).toContainText(NOTICES.saveFailed);
  await expect(planner.storageNotice).toBeVisible();
  await expectStillWorks(planner);
  // What was typed is still on screen.
  await expect(planner.planName).toHaveValue('Not saved');
  await expect(planner.newCustomers).toHaveValue('9');
  expect(await planner.storage()).toEqual(before);

  // The notice says to export to keep the change: its "Export all plans" must hold the change.
  const file = await planner.download(() =>
    planner.storageNotice.getByRole('button', { name: 'Export all plans', exact: true }).click(),
  );
  const exported = JSON.parse(file.text) as ExportFile;
  expect(exported.plans.map((plan) => plan.plan.name).sort()).toEqual(['Not saved', 'Other plan']);
  expect(exported.plans.find((plan) => plan.id === id)!.plan).toMatchObject({
    name: 'Not saved',
    goal: 'new_customers',
    new_customers_goal: '9',
  });

  await planner.reload();
  expect(await planner.openPlanId()).toBe(id);
  await expect(planner.planName).toHaveValue('Saved before');
  // As saved before storage filled up: a new plan, its goal not typed yet.
  await expect(planner.revenueGoal).toHaveValue('');
  await expect(planner.newCustomers).toHaveValue('');
  await planner.expectPlans(['Other plan', 'Saved before']);
  expect(await planner.storage()).toEqual(before);
  await expectNoStorageNotice(planner);
});

// Fails if: full storage from the first moment breaks the page or logs an error.
test('full storage from the start: the page works and says so', async ({ planner }) => {
  await planner.page.addInitScript(() => {
    Storage.prototype.setItem = function setItem(): void {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await planner.goto();
  await planner.type(planner.planName, 'Cannot be saved');
  await expect(planner.storageNotice).toContainText(NOTICES.saveFailed);
  await expectStillWorks(planner);
  await expect(planner.planName).toHaveValue('Cannot be saved');
});

test.describe('damaged saves (version 2)', () => {
  const valid = record('pvalid-1', examplePlan({ name: 'Still fine', revenue_goal: '7,700,000' }));
  const stages = examplePlan().stages;

  for (const [what, corrupt] of [
    ['cut-off JSON', JSON.stringify(record('pbad-1', examplePlan())).slice(0, 80)],
    [
      'wrong types',
      JSON.stringify({ ...record('pbad-1', examplePlan()), plan: { ...examplePlan(), stages: 'Visits, Leads' } }),
    ],
    [
      'an unknown field',
      JSON.stringify({ ...record('pbad-1', examplePlan()), plan: { ...examplePlan(), colour: 'red', stages } }),
    ],
  ] as const) {
    // Fails if: a damaged plan stops the valid one from loading, is thrown away or changed, is
    // not announced, or "Download the damaged data" hands back anything but its exact text.
    test(`${what}: the valid plan loads and the text is kept byte for byte`, async ({ planner }) => {
      await planner.seed({ [planKey('pvalid-1')]: JSON.stringify(valid), [planKey('pbad-1')]: corrupt });
      await planner.goto();

      await expect(planner.planName).toHaveValue('Still fine');
      await expect(planner.revenueGoal).toHaveValue('7,700,000');
      await planner.expectPlans(['Still fine']);
      await expect(planner.unreadableNotice).toBeVisible();
      await expect(planner.unreadableNotice).toContainText(NOTICES.unreadableKept);

      const stored = await planner.storage();
      expect(stored[unreadableKey('pbad-1')], 'kept byte for byte').toBe(corrupt);
      expect(stored[planKey('pbad-1')], 'moved out of the plan key').toBeUndefined();
      expect(stored[planKey('pvalid-1')], 'the valid plan untouched').toBe(JSON.stringify(valid));

      const file = await planner.download(() =>
        planner.unreadableNotice
          .getByRole('button', { name: 'Download the damaged data', exact: true })
          .click(),
      );
      expect(file.name).toMatch(/\.txt$/);
      expect(file.text).toBe(corrupt);

      // Editing and reloading keeps both the plan and the kept text; the notice stays until the
      // person deletes the damaged data.
      await planner.type(planner.planName, 'Still fine, edited');
      await planner.expectSaved('Still fine, edited');
      await planner.reload();
      await expect(planner.planName).toHaveValue('Still fine, edited');
      await expect(planner.unreadableNotice).toBeVisible();
      expect(await planner.storedText(unreadableKey('pbad-1'))).toBe(corrupt);

      await planner.unreadableNotice
        .getByRole('button', { name: 'Delete the damaged data', exact: true })
        .click();
      await expect(planner.unreadableNotice).toHaveCount(0);
      expect(await planner.storedText(unreadableKey('pbad-1'))).toBeNull();
      await planner.reload();
      await expect(planner.unreadableNotice).toHaveCount(0);
      await expect(planner.planName).toHaveValue('Still fine, edited');
    });
  }
});

// Fails if: a version 1 save is lost or changed on the way to the current version, is left behind
// under the old key, is migrated into more than one plan, gains invented channels or a currency
// of its own, or is not counted in the page's currency.
test('a version 1 save migrates to one current-version plan with every typed value', async ({ planner }) => {
  const v1Plan = examplePlan({
    name: 'From version one',
    goal: 'new_customers',
    revenue_goal: '',
    new_customers_goal: '12',
    average_revenue_per_customer: '850,000',
    stages: [
      { id: 1, name: 'Visits', rate_to_next: '2,5' },
      { id: 2, name: 'Trials', rate_to_next: '12.5' },
      { id: 7, name: 'Paying', rate_to_next: '' },
    ],
    current_top_per_month: '8,000',
  });
  const v1Text = JSON.stringify({ schema_version: 1, plan: v1Plan });
  // Version 1 also kept aside the text of a save it could not read; that must be carried over.
  const v1KeptAside = '{"schema_version":1,"plan":{"name":"Once damag';
  await planner.seed({ [V1_PLAN_KEY]: v1Text, [V1_KEPT_ASIDE_KEY]: v1KeptAside });
  await planner.goto();

  await expect(planner.planName).toHaveValue('From version one');
  await expect(planner.newCustomers).toHaveValue('12');
  await expect(planner.averageRevenue).toHaveValue('850,000');
  // It had no currency: the English page counts it in US dollars.
  await expect(planner.page.getByRole('combobox', { name: 'Currency', exact: true })).toHaveValue('USD');
  await planner.expectStages(['Visits', 'Trials', 'Paying']);
  await expect(planner.rate('Visits', 'Trials')).toHaveValue('2,5');
  await expect(planner.rate('Trials', 'Paying')).toHaveValue('12.5');
  await expect(planner.currentVolume('Visits')).toHaveValue('8,000');
  await planner.expectPlans(['From version one']);
  await expectNoStorageNotice(planner);
  await expect(planner.unreadableNotice).toBeVisible();

  const stored = await planner.storage();
  expect(stored[V1_PLAN_KEY], 'the version 1 key is removed').toBeUndefined();
  expect(stored[V1_KEPT_ASIDE_KEY]).toBeUndefined();
  expect(stored[`${UNREADABLE_PREFIX}v1-plan-unreadable`], 'kept-aside text carried over').toBe(v1KeptAside);
  const keys = Object.keys(stored).filter((key) => key.startsWith(PLAN_PREFIX));
  expect(keys, 'one plan key').toEqual([planKey(await planner.openPlanId())]);
  expect(Object.keys(stored)).toHaveLength(2);
  const migrated = JSON.parse(stored[keys[0]]);
  expect(migrated).toMatchObject({ schema_version: SCHEMA_VERSION, id: await planner.openPlanId() });
  // Written as version 7, with an empty marketing side (version 1 knew no channels), typed in
  // English and with no currency (the page counts it in its language's currency until it is
  // edited, as it does any plan saved before plans had one), and nothing tracked.
  expect(migrated.plan).toEqual({
    ...v1Plan,
    marketing: marketing(),
    currency: '',
    typed_in: 'en',
    tracking: emptyTracking(),
    annual: '',
    forecast: '',
  });
  await planner.openArea('Channels and KPIs');
  await expect(planner.addUsualChannelsButton).toBeVisible();
  await expect(planner.channelRows).toHaveCount(0);

  // A reload neither migrates again nor loses it.
  await planner.reload();
  await planner.expectPlans(['From version one']);
  expect(await planner.planKeys()).toEqual(keys);
});

// Fails if: a version 1 save is removed before its version 2 copy is safely written (storage full).
test('a version 1 save in full storage stays where it is and still opens', async ({ planner }) => {
  const v1Text = JSON.stringify({ schema_version: 1, plan: examplePlan({ name: 'Old but gold', revenue_goal: '8,000,000' }) });
  await planner.seed({ [V1_PLAN_KEY]: v1Text });
  await planner.page.addInitScript(() => {
    Storage.prototype.setItem = function setItem(): void {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await planner.goto();
  await expect(planner.planName).toHaveValue('Old but gold');
  await expect(planner.revenueGoal).toHaveValue('8,000,000');
  await expect(planner.storageNotice).toContainText(NOTICES.saveFailed);
  expect(await planner.storage()).toEqual({ [V1_PLAN_KEY]: v1Text });
  await planner.type(planner.planName, 'Old but edited');
  expect(await planner.storage()).toEqual({ [V1_PLAN_KEY]: v1Text });
});

for (const [what, corrupt] of [
  ['cut-off JSON', '{"schema_version":1,"plan":{"name":"Half a pl'],
  ['text that is not JSON', 'definitely not a plan'],
  ['JSON of the wrong shape', '{"schema_version":1,"plan":{"name":42,"stages":"none"}}'],
] as const) {
  // Fails if: a damaged version 1 save breaks the page, is thrown away, or is replaced without a word.
  test(`a damaged version 1 save (${what}) starts from the example and keeps the text`, async ({ planner }) => {
    await planner.seed({ [V1_PLAN_KEY]: corrupt });
    await planner.goto();
    await expect(planner.unreadableNotice).toBeVisible();
    await expect(planner.unreadableNotice).toContainText(NOTICES.unreadableKept);
    await expect(planner.planName).toHaveValue('My marketing plan');
    await planner.expectStages(EXAMPLE_STAGES);
    // The example's 9.0909… customers, rounded up to two decimals below 10 → 9.1.
    await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '9.1', 100 / 11);
    expect(await planner.storedText(V1_UNREADABLE_KEY)).toBe(corrupt);
    expect(await planner.storedText(V1_PLAN_KEY)).toBeNull();

    // The page keeps working and saving; the kept text survives.
    await planner.type(planner.planName, 'Fresh start');
    await planner.expectSaved('Fresh start');
    await planner.reload();
    await expect(planner.planName).toHaveValue('Fresh start');
    expect(await planner.storedText(V1_UNREADABLE_KEY)).toBe(corrupt);
    const file = await planner.download(() =>
      planner.unreadableNotice
        .getByRole('button', { name: 'Download the damaged data', exact: true })
        .click(),
    );
    expect(file.text).toBe(corrupt);
  });
}

// Fails if: a damaged save is lost (overwritten by the example) when storage is also full.
test('a damaged save in full storage is not overwritten', async ({ planner }) => {
  const corrupt = '{"schema_version":1,"plan":{"name":"Half a pl';
  const corruptV2 = '{"schema_version":2,"id":"pbad-2","modified":1,"plan":{"name":"Half';
  await planner.seed({ [V1_PLAN_KEY]: corrupt, [planKey('pbad-2')]: corruptV2 });
  // Init scripts run in the order they were added: the seed is written, then storage fills up.
  await planner.page.addInitScript(() => {
    Storage.prototype.setItem = function setItem(): void {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await planner.goto();
  await expect(planner.unreadableNotice).toBeVisible();
  await expect(planner.unreadableNotice.getByText(NOTICES.unreadableLeftInPlace, { exact: true })).toHaveCount(2);
  await expect(planner.planName).toHaveValue('My marketing plan');
  await planner.type(planner.planName, 'Edited');
  await expectStillWorks(planner);
  await expect(planner.storageNotice).toContainText(NOTICES.saveFailed);
  // Both texts are exactly where they were; nothing else was written.
  expect(await planner.storage()).toEqual({ [V1_PLAN_KEY]: corrupt, [planKey('pbad-2')]: corruptV2 });
});

// Fails if: a plan key written by a newer version (schema 6) is changed, moved or removed by
// loading or editing, or the page does not say it left it alone.
test('a plan saved by a newer version (schema 6) is left byte for byte untouched', async ({ planner }) => {
  const future = JSON.stringify({
    schema_version: NEWER_SCHEMA_VERSION,
    id: 'pfuture-1',
    modified: 1_900_000_000_000,
    plan: { name: 'From the future', stages: [{ name: 'Everything', weight: 3 }] },
    colour: 'teal',
  });
  await planner.seed({ [planKey('pfuture-1')]: future });
  await planner.goto();
  await expect(planner.newerNotice).toBeVisible();
  await expect(planner.newerNotice).toContainText(NOTICES.newer(1));
  await expect(planner.planName).toHaveValue('My marketing plan');
  await planner.expectPlans(['My marketing plan']);
  await expect(planner.unreadableNotice).toHaveCount(0);

  await planner.type(planner.planName, 'Edited here');
  await expectStillWorks(planner);
  await planner.addStageButton.click();
  await expect(planner.stageItems).toHaveCount(7);
  await planner.newPlanButton.click();
  await planner.duplicatePlanButton.click();
  await planner.expectSaved('New plan (copy)');
  expect(await planner.storedText(planKey('pfuture-1'))).toBe(future);
  expect(
    Object.keys(await planner.storage()).filter((key) => key.startsWith(UNREADABLE_PREFIX)),
  ).toEqual([]);

  await planner.reload();
  expect(await planner.storedText(planKey('pfuture-1'))).toBe(future);
  await expect(planner.newerNotice).toContainText(NOTICES.newer(1));
  await planner.expectPlans(['Edited here', 'New plan', 'New plan (copy)']);
});

// Fails if: the readable part of a newer version's plan cannot be worked on as a copy, or making
// the copy touches the original.
test('a plan from a newer version can be worked on as a copy, leaving the original alone', async ({ planner }) => {
  // The parts this version knows (the marketing side and the currency too) carry over; unknown
  // fields do not.
  const futureMarketing = marketing({
    budget: '90,000',
    channels: [channel(1, 'Trade press', { spend: '7,500', stages: [{ stage: 6, volume: '3', rate: '' }] })],
  });
  const readable = JSON.stringify({
    schema_version: NEWER_SCHEMA_VERSION,
    id: 'pfuture-2',
    modified: 1_900_000_000_000,
    synced: 'laptop',
    plan: {
      ...examplePlan({ name: 'Future plan', revenue_goal: '6,600,000' }),
      marketing: { ...futureMarketing, tone: 'bold' },
      currency: 'EUR',
      typed_in: 'en',
      seasonality: [1, 2, 3],
    },
  });
  const unreadable = JSON.stringify({ schema_version: NEWER_SCHEMA_VERSION, id: 'pfuture-3', modified: 1, plan: { name: 'Odd' } });
  await planner.seed({ [planKey('pfuture-2')]: readable, [planKey('pfuture-3')]: unreadable });
  await planner.goto();
  await expect(planner.newerNotice).toContainText(NOTICES.newer(2));
  const copyButtons = planner.newerNotice.getByRole('button');
  await expect(copyButtons).toHaveText(['Work on a copy of “Future plan”']);

  await copyButtons.click();
  await expect(planner.planName).toHaveValue('Future plan (copy)');
  await expect(planner.revenueGoal).toHaveValue('6,600,000');
  await planner.expectSaved('Future plan (copy)');
  const copy = await planner.storedRecord(await planner.openPlanId());
  expect(copy!.plan).toEqual({
    ...examplePlan({ name: 'Future plan (copy)', revenue_goal: '6,600,000' }),
    marketing: futureMarketing,
    currency: 'EUR',
    typed_in: 'en',
    tracking: emptyTracking(),
    annual: '',
    forecast: '',
  });
  await planner.openArea('Channels and KPIs');
  await expect(planner.channelName(1)).toHaveValue('Trade press');
  await expect(planner.channelSpend('Trade press')).toHaveValue('7,500');
  expect(await planner.storedText(planKey('pfuture-2'))).toBe(readable);
  expect(await planner.storedText(planKey('pfuture-3'))).toBe(unreadable);
  await planner.openArea('Plan');
  await planner.reload();
  await expect(planner.planName).toHaveValue('Future plan (copy)');
  expect(await planner.storedText(planKey('pfuture-2'))).toBe(readable);
});

// Fails if: a version 1 save from a newer version (schema 99) is overwritten, moved or removed.
test('a version 1 key holding a newer schema is left untouched', async ({ planner }) => {
  const future = JSON.stringify({
    schema_version: 99,
    plan: { name: 'From the future', stages: [{ name: 'Everything' }] },
  });
  await planner.seed({ [V1_PLAN_KEY]: future });
  await planner.goto();
  await expect(planner.newerNotice).toContainText(NOTICES.newer(1));
  await expect(planner.planName).toHaveValue('My marketing plan');

  await planner.type(planner.planName, 'Edited here');
  await expectStillWorks(planner);
  expect(await planner.storedText(V1_PLAN_KEY)).toBe(future);

  await planner.reload();
  expect(await planner.storedText(V1_PLAN_KEY)).toBe(future);
  await expect(planner.newerNotice).toContainText(NOTICES.newer(1));
  await expect(planner.planName).toHaveValue('Edited here');
  expect(Object.keys(await planner.storage()).filter((key) => key.startsWith(PLAN_PREFIX))).toHaveLength(1);
});

// Fails if: plans deleted more than 30 days ago are kept (or ones deleted less long ago are lost).
test('deleted plans are kept for 30 days, then removed for good', async ({ planner }) => {
  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const old = { ...record('pold-1', examplePlan({ name: 'Deleted long ago' })), deleted: now - 31 * day };
  const recent = { ...record('precent-1', examplePlan({ name: 'Deleted lately' })), deleted: now - 29 * day };
  const live = record('plive-1', examplePlan({ name: 'Alive' }));
  await planner.seed({
    [planKey('pold-1')]: JSON.stringify(old),
    [planKey('precent-1')]: JSON.stringify(recent),
    [planKey('plive-1')]: JSON.stringify(live),
  });
  await planner.goto();
  await planner.expectPlans(['Alive']);
  await expect(planner.binSummary).toHaveText('Recently deleted (1)');
  await planner.openBin();
  await expect(planner.restoreButton('Deleted lately')).toBeVisible();
  await expect(planner.restoreButton('Deleted long ago')).toHaveCount(0);
  expect(await planner.storedText(planKey('pold-1'))).toBeNull();
  expect(await planner.storedText(planKey('precent-1'))).toBe(JSON.stringify(recent));
});
