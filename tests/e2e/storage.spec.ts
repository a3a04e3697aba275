import { test, expect } from './fixtures';
import { EXAMPLE_STAGES, MESSAGES, PLAN_KEY, UNREADABLE_KEY, type PlannerPage } from './pages/planner';

// Saving: the plan, exactly as typed, survives a reload; and when the browser's storage is blocked,
// full, damaged or written by a newer version, the page says so, keeps working and loses nothing.
// The shared fixture also fails each of these tests on any console error: a storage failure must be
// handled, not logged.

const UNAVAILABLE = 'This browser is not letting the page save';
const SAVE_FAILED = 'Your latest change could not be saved';
const UNREADABLE = 'Your saved plan could not be read';
const NEWER = 'Your saved plan was made by a newer version of Funnel Planner';
const ANY_NOTICE = new RegExp([UNAVAILABLE, SAVE_FAILED, UNREADABLE, NEWER].join('|'));

/** Waits until the autosaved plan contains `text`. */
async function expectSaved(planner: PlannerPage, text: string): Promise<void> {
  await expect.poll(() => planner.storedText(), { message: `saved plan contains ${text}` }).toContain(text);
}

/** The page still plans: a goal of 9 customers gives 6,250 visits a month. */
async function expectStillWorks(planner: PlannerPage): Promise<void> {
  await planner.type(planner.newCustomers, '9');
  await expect(planner.revenueGoal).toHaveValue('9,900,000');
  await planner.expectCell(planner.targetsTable, 'Visits', 'Per month', '6,250', 6250);
}

/** Puts `text` under the plan key before the app loads, only if nothing is saved there yet. */
async function seedSavedPlan(planner: PlannerPage, text: string): Promise<void> {
  await planner.page.addInitScript(
    ([key, value]) => {
      if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, value);
    },
    [PLAN_KEY, text] as const,
  );
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
  await expectSaved(planner, '6000');

  await planner.reload();
  await expect(planner.planName).toHaveValue('Q3 push');
  await expect(planner.revenueGoal).toHaveValue('12,000,000 abc');
  await planner.expectFieldError(planner.revenueGoal, MESSAGES.notANumber);
  await planner.expectStages(stages);
  await expect(planner.rate('Signups', 'MQLs')).toHaveValue('25');
  await expect(planner.rate('Visits', 'Signups')).toHaveValue('1.5');
  await expect(planner.currentVolume('Visits')).toHaveValue('6000');
  await expect(planner.storageNotice).not.toContainText(ANY_NOTICE);
});

// Fails if: a plan worked from new customers comes back after a reload as a revenue plan.
test('a reload keeps a customers goal and its worked-out revenue', async ({ planner }) => {
  await planner.goto();
  await planner.type(planner.newCustomers, '9');
  await planner.type(planner.currentVolume('Visits'), '7000');
  await expectSaved(planner, '7000');

  await planner.reload();
  await expect(planner.newCustomers).toHaveValue('9');
  await expect(planner.revenueGoal).toHaveValue('9,900,000');
  await planner.expectCell(planner.targetsTable, 'Visits', 'Per month', '6,250', 6250);
  await expect(
    planner.text('Your current Visits meet the goal, with 750 a month to spare.'),
  ).toBeVisible();
});

// Fails if: with storage blocked the page breaks, logs an error, or does not say the plan will not be kept.
test('blocked storage: the page works and says the plan will not be kept', async ({ planner }) => {
  await planner.page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await planner.goto();
  await expect(planner.storageNotice).toContainText(UNAVAILABLE);
  await expect(planner.storageNotice).toBeVisible();
  await expect(planner.planName).toHaveValue('My marketing plan');
  await expectStillWorks(planner);
  await planner.addStageButton.click();
  await expect(planner.stageItems).toHaveCount(7);
  await expect(planner.storageNotice).toContainText(UNAVAILABLE);

  // Nothing was kept: a reload starts from the example again, still saying why.
  await planner.reload();
  await expect(planner.storageNotice).toContainText(UNAVAILABLE);
  await expect(planner.revenueGoal).toHaveValue('10,000,000');
  await planner.expectStages(EXAMPLE_STAGES);
});

// Fails if: when storage is full the page breaks or stays silent, or the failed save damages what was saved before.
test('full storage: the page says the change was not saved and keeps the earlier save', async ({ planner }) => {
  await planner.goto();
  await planner.type(planner.planName, 'Saved before');
  await expectSaved(planner, 'Saved before');
  const savedBefore = await planner.storedText();
  await expect(planner.storageNotice).not.toContainText(ANY_NOTICE);

  await planner.page.evaluate(() => {
    Storage.prototype.setItem = function setItem(): void {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await planner.type(planner.planName, 'Not saved');
  await expect(planner.storageNotice).toContainText(SAVE_FAILED);
  await expect(planner.storageNotice).toBeVisible();
  await expectStillWorks(planner);
  expect(await planner.storedText()).toBe(savedBefore);

  await planner.reload();
  await expect(planner.planName).toHaveValue('Saved before');
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
  await expect(planner.storageNotice).toContainText(SAVE_FAILED);
  await expectStillWorks(planner);
});

for (const [what, corrupt] of [
  ['cut-off JSON', '{"schema_version":1,"plan":{"name":"Half a pl'],
  ['text that is not JSON', 'definitely not a plan'],
  ['JSON of the wrong shape', '{"schema_version":1,"plan":{"name":42,"stages":"none"}}'],
] as const) {
  // Fails if: a damaged save breaks the page, is thrown away, or is replaced without a word.
  test(`a damaged save (${what}) starts from the example and keeps the text`, async ({ planner }) => {
    await seedSavedPlan(planner, corrupt);
    await planner.goto();
    await expect(planner.storageNotice).toContainText(UNREADABLE);
    await expect(planner.storageNotice).toBeVisible();
    await expect(planner.planName).toHaveValue('My marketing plan');
    await planner.expectStages(EXAMPLE_STAGES);
    await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '10', 100 / 11);
    expect(await planner.storedText(UNREADABLE_KEY)).toBe(corrupt);

    // The page keeps working and saving; the kept text survives.
    await planner.type(planner.planName, 'Fresh start');
    await expectSaved(planner, 'Fresh start');
    await planner.reload();
    await expect(planner.planName).toHaveValue('Fresh start');
    await expect(planner.storageNotice).not.toContainText(UNREADABLE);
    expect(await planner.storedText(UNREADABLE_KEY)).toBe(corrupt);
  });
}

// Fails if: a damaged save is lost (overwritten by the example) when storage is also full.
test('a damaged save in full storage is not overwritten', async ({ planner }) => {
  const corrupt = '{"schema_version":1,"plan":{"name":"Half a pl';
  await seedSavedPlan(planner, corrupt);
  // Init scripts run in the order they were added: the seed is written, then storage fills up.
  await planner.page.addInitScript(() => {
    Storage.prototype.setItem = function setItem(): void {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await planner.goto();
  await expect(planner.storageNotice).toContainText(UNREADABLE);
  await expect(planner.planName).toHaveValue('My marketing plan');
  await planner.type(planner.planName, 'Edited');
  await expectStillWorks(planner);
  const kept = [await planner.storedText(), await planner.storedText(UNREADABLE_KEY)];
  expect(kept, 'the damaged text is still in storage').toContain(corrupt);
});

// Fails if: a newer version's saved plan is overwritten (lost), or the page does not say why nothing is saved.
test('a save from a newer version is left untouched', async ({ planner }) => {
  const future = JSON.stringify({
    schema_version: 99,
    plan: { name: 'From the future', stages: [{ name: 'Everything' }] },
  });
  await seedSavedPlan(planner, future);
  await planner.goto();
  await expect(planner.storageNotice).toContainText(NEWER);
  await expect(planner.storageNotice).toBeVisible();
  await expect(planner.planName).toHaveValue('My marketing plan');

  await planner.type(planner.planName, 'Edited here');
  await expectStillWorks(planner);
  await planner.addStageButton.click();
  await expect(planner.stageItems).toHaveCount(7);
  expect(await planner.storedText()).toBe(future);

  await planner.reload();
  expect(await planner.storedText()).toBe(future);
  await expect(planner.storageNotice).toContainText(NEWER);
  await expect(planner.planName).toHaveValue('My marketing plan');
});
