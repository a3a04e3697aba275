import { test, expect } from './fixtures';
import { planKey, type PlannerPage } from './pages/planner';

// "Your plans": several named plans, each saved under its own key. New, rename, duplicate,
// switch, delete with Undo, the bin of recently deleted plans (restore, delete forever), and all
// of it surviving a reload.

/** "Changed 23 Nov 2026, 14:05" or the like: a date of this year and a time. */
const CHANGED = new RegExp(`^Changed .*${new Date().getFullYear()}.*\\d{1,2}:\\d{2}`);

/** Each listed plan shows when it last changed. */
async function expectChangedTimes(planner: PlannerPage, names: string[]): Promise<void> {
  for (const name of names) {
    await expect(planner.planItem(name).getByText(/^Changed /), `"Changed …" of ${name}`).toHaveText(CHANGED);
  }
}

/** The open plan is `name`: marked in the list, shown in the editor, named in the address. */
async function expectOpen(planner: PlannerPage, name: string): Promise<void> {
  await expect(planner.openPlanButton).toHaveCount(1);
  await expect(planner.openPlanButton).toHaveAccessibleName(name);
  await expect(planner.planButton(name)).toHaveAttribute('aria-current', 'true');
  await expect(planner.planName).toHaveValue(name);
  await expect(planner.page).toHaveURL(/#plan=[A-Za-z0-9_-]+$/);
}

test.beforeEach(async ({ planner }) => {
  await planner.goto();
});

// Fails if: a new plan, a renamed plan or a duplicate is missing from the list, shares its values
// with another plan, is saved under the wrong key, or does not survive a reload.
test('new, rename, duplicate and switch: each plan keeps its own values', async ({ planner, page }) => {
  await expect(planner.librarySection.getByRole('heading', { level: 2 })).toHaveText('Your plans');
  await planner.expectPlans(['My marketing plan']);
  await expectOpen(planner, 'My marketing plan');
  const exampleId = await planner.openPlanId();

  // New plan: the standard funnel, named "New plan", opened with its name ready to type.
  await planner.newPlanButton.click();
  await expectOpen(planner, 'New plan');
  await expect(planner.planName).toBeFocused();
  await planner.expectPlans(['My marketing plan', 'New plan']);
  const newId = await planner.openPlanId();
  expect(newId).not.toBe(exampleId);
  await expect(planner.planButton('My marketing plan')).not.toHaveAttribute('aria-current', 'true');

  // Rename: the list follows the name as it is typed.
  await planner.type(planner.planName, 'Q1 launch');
  await expect(planner.planButton('Q1 launch')).toBeVisible();
  await planner.expectPlans(['My marketing plan', 'Q1 launch']);
  await expect(page).toHaveTitle('Q1 launch – Funnel Planner');
  // A new plan starts without a goal or average revenue (the example's are placeholders).
  await expect(planner.revenueGoal).toHaveValue('');
  await planner.type(planner.revenueGoal, '12,000,000');
  await planner.type(planner.averageRevenue, '1,100,000');
  await planner.type(planner.stageName(2), 'Signups');
  await planner.expectSaved('12,000,000');

  // Duplicate: "Q1 launch (copy)", opened, with the same values, saved under a new key.
  await planner.duplicatePlanButton.click();
  await expectOpen(planner, 'Q1 launch (copy)');
  await expect(planner.revenueGoal).toHaveValue('12,000,000');
  await expect(planner.stageName(2)).toHaveValue('Signups');
  const copyId = await planner.openPlanId();
  expect(new Set([exampleId, newId, copyId]).size).toBe(3);
  await planner.type(planner.revenueGoal, '20,000,000');
  await planner.type(planner.stageName(2), 'Trials');
  await planner.expectSaved('20,000,000');
  await planner.expectPlans(['My marketing plan', 'Q1 launch', 'Q1 launch (copy)']);
  await expectChangedTimes(planner, ['My marketing plan', 'Q1 launch', 'Q1 launch (copy)']);

  // A second duplicate of the same plan gets the next free name.
  await planner.openPlan('Q1 launch');
  await planner.duplicatePlanButton.click();
  await expectOpen(planner, 'Q1 launch (copy 2)');

  // Switch: each plan shows its own values, and its targets follow.
  await planner.openPlan('Q1 launch');
  await expect(page).toHaveTitle('Q1 launch – Funnel Planner');
  await expect(planner.revenueGoal).toHaveValue('12,000,000');
  await expect(planner.stageName(2)).toHaveValue('Signups');
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '11', 12_000_000 / 1_100_000);
  await planner.openPlan('Q1 launch (copy)');
  await expect(page).toHaveTitle('Q1 launch (copy) – Funnel Planner');
  await expect(planner.revenueGoal).toHaveValue('20,000,000');
  await expect(planner.stageName(2)).toHaveValue('Trials');
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '19', 20_000_000 / 1_100_000);
  await planner.openPlan('My marketing plan');
  await expect(planner.revenueGoal).toHaveValue('10,000,000');
  await expect(planner.stageName(2)).toHaveValue('Leads');

  // Storage: one key per plan, each with its own values.
  expect(await planner.planKeys()).toHaveLength(4);
  expect((await planner.storedRecord(newId))!.plan).toMatchObject({ name: 'Q1 launch', revenue_goal: '12,000,000' });
  expect((await planner.storedRecord(copyId))!.plan).toMatchObject({ name: 'Q1 launch (copy)', revenue_goal: '20,000,000' });
  expect((await planner.storedRecord(exampleId))!.plan).toMatchObject({ name: 'My marketing plan', revenue_goal: '10,000,000' });

  // Reload: every plan is back, the open one stays open.
  await planner.openPlan('Q1 launch (copy)');
  await planner.reload();
  await planner.expectPlans(['My marketing plan', 'Q1 launch', 'Q1 launch (copy)', 'Q1 launch (copy 2)']);
  await expectOpen(planner, 'Q1 launch (copy)');
  await expect(planner.revenueGoal).toHaveValue('20,000,000');
  await expect(planner.stageName(2)).toHaveValue('Trials');
  await expectChangedTimes(planner, ['My marketing plan', 'Q1 launch', 'Q1 launch (copy)', 'Q1 launch (copy 2)']);
  await planner.openPlan('Q1 launch');
  await expect(planner.revenueGoal).toHaveValue('12,000,000');
});

// Fails if: the list is not ordered by the latest change, newest first.
test('the list shows the most recently changed plan first', async ({ planner }) => {
  await planner.newPlanButton.click();
  await planner.type(planner.planName, 'Second');
  await planner.newPlanButton.click();
  await planner.type(planner.planName, 'Third');
  await expect.poll(() => planner.planNames()).toEqual(['Third', 'Second', 'My marketing plan']);
  await planner.openPlan('My marketing plan');
  await planner.type(planner.revenueGoal, '11,000,000');
  await expect.poll(() => planner.planNames()).toEqual(['My marketing plan', 'Third', 'Second']);
  await planner.reload();
  await expect.poll(() => planner.planNames()).toEqual(['My marketing plan', 'Third', 'Second']);
});

// Fails if: deleting does not move the plan to "Recently deleted", Undo does not bring it back
// with its values (and focus to its name field), or the result does not survive a reload.
test('delete, then Undo brings the plan back', async ({ planner }) => {
  await planner.newPlanButton.click();
  await planner.type(planner.planName, 'Doomed');
  await planner.type(planner.revenueGoal, '3,300,000');
  await planner.expectSaved('3,300,000');
  const id = await planner.openPlanId();

  await planner.deletePlanButton.click();
  await expect(planner.status('Deleted “Doomed”.')).toBeVisible();
  await expect(planner.undoButton).toBeVisible();
  await planner.expectPlans(['My marketing plan']);
  await expectOpen(planner, 'My marketing plan');
  await expect(planner.binSummary).toHaveText('Recently deleted (1)');
  const deleted = await planner.storedRecord(id);
  expect(deleted!.deleted, 'kept in storage, marked deleted').toEqual(expect.any(Number));
  expect(deleted!.plan.revenue_goal).toBe('3,300,000');

  await planner.undoButton.click();
  await planner.expectPlans(['My marketing plan', 'Doomed']);
  await expectOpen(planner, 'Doomed');
  // The Undo button is gone; focus goes to the restored plan's name, not the page body.
  await expect(planner.planName).toBeFocused();
  await expect(planner.revenueGoal).toHaveValue('3,300,000');
  await expect(planner.binSummary).toBeHidden();
  await expect(planner.undoButton).toHaveCount(0);
  await expect.poll(async () => (await planner.storedRecord(id))!.deleted).toBeUndefined();

  await planner.reload();
  await planner.expectPlans(['My marketing plan', 'Doomed']);
  await expectOpen(planner, 'Doomed');
  await expect(planner.revenueGoal).toHaveValue('3,300,000');
  await expect(planner.binSummary).toBeHidden();
});

// Fails if: a deleted plan is not listed under "Recently deleted" after a reload, cannot be
// restored from there with its values, or "Delete forever" leaves it in storage.
test('recently deleted: restore, and delete forever', async ({ planner }) => {
  for (const name of ['Keep me', 'Lose me']) {
    await planner.newPlanButton.click();
    await planner.type(planner.planName, name);
  }
  await planner.type(planner.revenueGoal, '4,400,000');
  await planner.openPlan('Keep me');
  await planner.type(planner.revenueGoal, '5,500,000');
  await planner.expectSaved('5,500,000');
  const keepId = await planner.openPlanId();
  await planner.deletePlanButton.click();
  await expect(planner.status('Deleted “Keep me”.')).toBeVisible();
  await planner.openPlan('Lose me');
  const loseId = await planner.openPlanId();
  await planner.deletePlanButton.click();
  await expect(planner.status('Deleted “Lose me”.')).toBeVisible();
  await planner.expectPlans(['My marketing plan']);

  // Deleted plans survive a reload in the bin, each with its time of deletion.
  await planner.reload();
  await planner.expectPlans(['My marketing plan']);
  await expect(planner.binSummary).toHaveText('Recently deleted (2)');
  await planner.openBin();
  await expect(planner.bin.getByText('Deleted plans are kept for 30 days, then removed for good.')).toBeVisible();
  await expect(planner.bin.getByRole('listitem')).toHaveCount(2);
  await expect(planner.bin.getByRole('listitem').filter({ hasText: 'Keep me' })).toContainText(/Deleted .*\d{1,2}:\d{2}/);
  await expect(planner.restoreButton('Keep me')).toHaveText('Restore');

  // Restore: back in the list, open, with its values.
  await planner.restoreButton('Keep me').click();
  await expect(planner.status('Restored “Keep me”.')).toBeVisible();
  await planner.expectPlans(['My marketing plan', 'Keep me']);
  await expectOpen(planner, 'Keep me');
  await expect(planner.revenueGoal).toHaveValue('5,500,000');
  await expect(planner.binSummary).toHaveText('Recently deleted (1)');

  // Delete forever: gone from the bin and from storage.
  await planner.openBin();
  await expect(planner.deleteForeverButton('Lose me')).toHaveText('Delete forever');
  await planner.deleteForeverButton('Lose me').click();
  await expect(planner.binSummary).toBeHidden();
  expect(await planner.storedText(planKey(loseId))).toBeNull();
  expect((await planner.storedRecord(keepId))!.deleted).toBeUndefined();

  await planner.reload();
  await planner.expectPlans(['My marketing plan', 'Keep me']);
  await expect(planner.binSummary).toBeHidden();
  expect(await planner.planKeys()).toHaveLength(2);
  await planner.openPlan('Keep me');
  await expect(planner.revenueGoal).toHaveValue('5,500,000');
});

// Fails if: a plan with an empty name is listed or announced as nothing (an unlabelled button).
test('a plan without a name is listed as "Untitled plan"', async ({ planner, page }) => {
  await planner.newPlanButton.click();
  await planner.type(planner.planName, '');
  await expect(planner.planButton('Untitled plan')).toHaveAttribute('aria-current', 'true');
  await expect(page).toHaveTitle('Funnel Planner');
  await planner.deletePlanButton.click();
  await expect(planner.status('Deleted “Untitled plan”.')).toBeVisible();
  await planner.openBin();
  await expect(planner.restoreButton('Untitled plan')).toBeVisible();
});

// Fails if: deleting the last plan leaves the page without a plan to edit.
test('deleting the only plan opens a fresh example', async ({ planner }) => {
  await planner.type(planner.planName, 'Only one');
  await planner.deletePlanButton.click();
  await expect(planner.status('Deleted “Only one”.')).toBeVisible();
  await expectOpen(planner, 'My marketing plan');
  await planner.expectPlans(['My marketing plan']);
  await expect(planner.targetsTable).toBeVisible();
  await planner.undoButton.click();
  await planner.expectPlans(['My marketing plan', 'Only one']);
  await expectOpen(planner, 'Only one');
});
