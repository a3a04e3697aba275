import { test, expect } from './fixtures';
import {
  NOTICES,
  SCHEMA_VERSION,
  emptyTracking,
  examplePlan,
  marketing,
  planKey,
  record,
  type ExportFile,
  type PlannerPage,
} from './pages/planner';

// "Keep and share": export this plan or all plans as JSON files that import again (in another
// browser too), import that reports every problem and changes nothing when it fails, and the
// choice when an imported plan is already here.

/** Names the example "Alpha" with its own values, adds "Beta", and returns their ids. */
async function twoPlans(planner: PlannerPage): Promise<{ alpha: string; beta: string }> {
  await planner.goto();
  await planner.type(planner.planName, 'Alpha');
  await planner.type(planner.revenueGoal, '2,200,000');
  await planner.type(planner.stageName(1), 'Impressions');
  await planner.type(planner.currentVolume('Impressions'), '9,000');
  await planner.expectSaved('9,000');
  const alpha = await planner.openPlanId();
  await planner.newPlanButton.click();
  await expect(planner.planName).toHaveValue('New plan');
  await planner.type(planner.planName, 'Beta');
  await planner.type(planner.newCustomers, '30');
  await planner.type(planner.rate('Visits', 'Leads'), '2.5');
  await planner.expectSaved('2.5');
  return { alpha, beta: await planner.openPlanId() };
}

/** An export file holding `plans`. */
function exportFile(plans: unknown[]): string {
  return JSON.stringify({ app: 'funnel-planner', schema_version: 2, exported: 1_795_100_000_000, plans }, null, 2);
}

/** The problems listed in the import report, as read. */
async function reportedProblems(planner: PlannerPage): Promise<string[]> {
  return (await planner.importReport.getByRole('listitem').allInnerTexts()).map((text) => text.trim());
}

// Fails if: an export file is not valid JSON of version 7, misses a plan, a typed value or its
// currency, or does not import again into another browser with every value.
test('export all plans and export this plan make files that import into another browser', async ({
  planner,
  openOtherBrowser,
}) => {
  const { alpha, beta } = await twoPlans(planner);

  const all = await planner.download(() => planner.exportAllButton.click());
  expect(all.name).toMatch(/^funnel-plans-\d{4}-\d{2}-\d{2}\.funnel-plans\.json$/);
  const allFile = JSON.parse(all.text) as ExportFile;
  expect(allFile).toMatchObject({ app: 'funnel-planner', schema_version: SCHEMA_VERSION, exported: expect.any(Number) });
  expect(allFile.plans.map((plan) => plan.id).sort()).toEqual([alpha, beta].sort());
  const stored = await planner.storedRecords();
  for (const plan of allFile.plans) {
    const saved = stored.find((other) => other.id === plan.id)!;
    expect(plan.plan, `exported ${plan.plan.name} as saved`).toEqual(saved.plan);
    expect(plan.plan, `${plan.plan.name} in the English page's currency`).toMatchObject({ currency: 'USD', typed_in: 'en' });
    expect(plan.schema_version).toBe(SCHEMA_VERSION);
  }

  const one = await planner.download(() => planner.exportPlanButton.click());
  expect(one.name).toBe('Beta.funnel-plans.json');
  const oneFile = JSON.parse(one.text) as ExportFile;
  expect(oneFile.plans).toHaveLength(1);
  expect(oneFile.plans[0]).toMatchObject({ id: beta, plan: { name: 'Beta', goal: 'new_customers', new_customers_goal: '30' } });

  // Another browser: "Export this plan" adds Beta; "Export all plans" then adds Alpha and skips
  // the identical Beta.
  const other = await openOtherBrowser();
  await other.goto();
  await other.importText(one.name, one.text);
  await expect(other.status('Imported 1 plan.')).toBeVisible();
  await other.expectPlans(['My marketing plan', 'Beta']);
  // The imported plan is opened, and the outcome (at the top of the page) is brought into view.
  await expect(other.planName).toHaveValue('Beta');
  await expect(other.status('Imported 1 plan.')).toBeInViewport();
  await expect(other.status('Imported 1 plan.').getByRole('paragraph')).toBeFocused();
  await other.importText(all.name, all.text);
  await expect(other.status('Imported 1 plan.')).toBeVisible();
  await other.expectPlans(['My marketing plan', 'Alpha', 'Beta']);
  await expect(other.importClash).toHaveCount(0);
  await expect(other.importReport).toHaveCount(0);

  await other.reload();
  await other.openPlan('Alpha');
  await expect(other.revenueGoal).toHaveValue('2,200,000');
  await expect(other.stageName(1)).toHaveValue('Impressions');
  await expect(other.currentVolume('Impressions')).toHaveValue('9,000');
  expect(await other.openPlanId()).toBe(alpha);
  await other.openPlan('Beta');
  await expect(other.newCustomers).toHaveValue('30');
  await expect(other.rate('Visits', 'Leads')).toHaveValue('2.5');
  expect((await other.storedRecord(beta))!.plan).toEqual(oneFile.plans[0].plan);
});

// Fails if: a file with several problems is partly imported, or the report misses a problem, its
// field or its reason, or names the place in the file's terms (plans[1].plan.goal) rather than
// the plan's number and name and the field's label on screen.
test('a file with several problems lists each one and changes nothing', async ({ planner }) => {
  await twoPlans(planner);
  const before = await planner.storage();

  const good = record('pgood-1', examplePlan({ name: 'Would be fine' }));
  const badStages = examplePlan().stages.map((stage) =>
    stage.id === 2 ? { ...stage, rate_to_next: 25 } : stage,
  );
  const { name: _name, ...withoutName } = examplePlan();
  const text = exportFile([
    good,
    { ...record('pbad-1', examplePlan()), plan: { ...examplePlan(), goal: 'profit', stages: badStages } },
    { ...record('pbad-2', examplePlan()), plan: { ...withoutName, colour: 'red' } },
    { ...record('pbad-3', examplePlan()), modified: 'yesterday' },
  ]);
  await planner.importText('broken.funnel-plans.json', text);

  await expect(planner.importReport).toBeVisible();
  await expect(planner.importReport.getByRole('heading')).toHaveText('Could not import “broken.funnel-plans.json”');
  await expect(planner.importReport).toContainText(NOTICES.importNothingChanged);
  await expect.poll(() => reportedProblems(planner).then((lines) => lines.sort())).toEqual(
    [
      'Plan 2 “My marketing plan”, Plan from: should be "revenue" or "new_customers"',
      'Plan 2 “My marketing plan”, Stage 2 rate: should be text in quotes',
      'Plan 3, colour: is not a field Funnel Planner knows',
      'Plan 3, Plan name: is missing',
      'Plan 4 “My marketing plan”, modified: should be a whole number',
    ].sort(),
  );
  expect(await planner.storage()).toEqual(before);
  await planner.expectPlans(['Alpha', 'Beta']);
  await expect(planner.planButton('Would be fine')).toHaveCount(0);
});

// Fails if: a file over 1 MB is read (or imported), or the page does not say why it was refused.
test('a file over 1 MB is refused unread', async ({ planner }) => {
  await twoPlans(planner);
  const before = await planner.storage();
  // Valid JSON up to the limit and beyond: only the size can make it fail.
  const padding = ' '.repeat(1_000_001 - exportFile([record('pbig-1', examplePlan({ name: 'Big' }))]).length);
  const big = Buffer.from(exportFile([record('pbig-1', examplePlan({ name: 'Big' }))]) + padding, 'utf8');
  expect(big.length).toBe(1_000_001);
  await planner.importText('huge.funnel-plans.json', big);

  await expect(planner.importReport).toBeVisible();
  await expect(planner.importReport.getByRole('heading')).toHaveText('Could not import “huge.funnel-plans.json”');
  await expect(planner.importReport.getByRole('listitem')).toHaveText([NOTICES.importTooLarge]);
  await expect(planner.importReport).toContainText(NOTICES.importNothingChanged);
  expect(await planner.storage()).toEqual(before);
  await planner.expectPlans(['Alpha', 'Beta']);

  // Exactly 1,000,000 bytes is within the limit.
  const fits = Buffer.from(exportFile([record('pbig-1', examplePlan({ name: 'Big' }))]) + padding.slice(1), 'utf8');
  expect(fits.length).toBe(1_000_000);
  await planner.importText('fits.funnel-plans.json', fits);
  await expect(planner.status('Imported 1 plan.')).toBeVisible();
  await expect(planner.importReport).toHaveCount(0);
  await planner.expectPlans(['Alpha', 'Beta', 'Big']);
});

// Fails if: a file that is not JSON (or not a Funnel Planner file) is imported, breaks the page, or
// the report does not say where reading stopped.
test('a file that is not JSON is refused with where reading stopped', async ({ planner }) => {
  await twoPlans(planner);
  const before = await planner.storage();

  await planner.importText('notes.txt', 'Dear diary,\nthis is not a plan.\n', 'text/plain');
  await expect(planner.importReport.getByRole('heading')).toHaveText('Could not import “notes.txt”');
  await expect(planner.importReport.getByRole('listitem')).toHaveText([
    'The file: is not valid JSON (reading stopped at line 1, column 1)',
  ]);
  await expect(planner.importReport).toContainText(NOTICES.importNothingChanged);

  await planner.importText('cut.json', '{\n  "app": "funnel-planner",\n  "plans": [\n');
  await expect(planner.importReport.getByRole('heading')).toHaveText('Could not import “cut.json”');
  await expect(planner.importReport.getByRole('listitem')).toHaveText([
    /^The file: is not valid JSON \(reading stopped at line [34], column \d+\)$/,
  ]);

  await planner.importText('other-app.json', '{"app":"spreadsheet","schema_version":2,"plans":[]}');
  await expect(planner.importReport.getByRole('heading')).toHaveText('Could not import “other-app.json”');
  await expect(planner.importReport.getByRole('listitem')).toContainText([
    'app: should be "funnel-planner": this is not a Funnel Planner file',
  ]);

  expect(await planner.storage()).toEqual(before);
  await planner.expectPlans(['Alpha', 'Beta']);
  await expect(planner.targetsTable).toBeVisible();
});

// Fails if: importing a changed version of a plan that is here replaces it without asking, "Replace
// mine" does not replace it (screen and storage), or "Keep both" does not add a "(copy)".
test('an imported plan that is already here: Replace mine, or Keep both', async ({ planner }) => {
  const { beta } = await twoPlans(planner);
  const exported = await planner.download(() => planner.exportPlanButton.click());

  // Change Beta here, then import the older file.
  await planner.type(planner.planName, 'Beta changed here');
  await planner.type(planner.newCustomers, '45');
  await planner.expectSaved('45');
  await planner.importText(exported.name, exported.text);
  await expect(planner.importClash).toBeVisible();
  await expect(planner.importClash).toContainText(
    '“Beta” from the file is a version of “Beta changed here”, which is already in your plans.',
  );
  // Nothing changes until the person chooses.
  expect((await planner.storedRecord(beta))!.plan).toMatchObject({ name: 'Beta changed here', new_customers_goal: '45' });

  await planner.replaceMineButton.click();
  await expect(planner.importClash).toHaveCount(0);
  await expect(planner.status('Imported 1 plan.')).toBeVisible();
  await expect(planner.planName).toHaveValue('Beta');
  await expect(planner.newCustomers).toHaveValue('30');
  await planner.expectPlans(['Alpha', 'Beta']);
  await expect.poll(async () => (await planner.storedRecord(beta))!.plan).toEqual(
    (JSON.parse(exported.text) as ExportFile).plans[0].plan,
  );

  // Again, this time keeping both.
  await planner.type(planner.planName, 'Beta mine');
  await planner.type(planner.newCustomers, '60');
  await planner.expectSaved('60');
  await planner.importText(exported.name, exported.text);
  await expect(planner.importClash).toContainText(
    '“Beta” from the file is a version of “Beta mine”, which is already in your plans.',
  );
  await planner.keepBothImportButton.click();
  await expect(planner.importClash).toHaveCount(0);
  await planner.expectPlans(['Alpha', 'Beta mine', 'Beta (copy)']);
  await expect(planner.planName).toHaveValue('Beta mine');
  await expect(planner.newCustomers).toHaveValue('60');
  expect((await planner.storedRecord(beta))!.plan).toMatchObject({ name: 'Beta mine', new_customers_goal: '60' });
  const records = await planner.storedRecords();
  expect(records).toHaveLength(3);
  const copy = records.find((saved) => saved.plan.name === 'Beta (copy)');
  expect(copy, 'the imported version, kept as a copy').toBeDefined();
  expect(copy!.id).not.toBe(beta);
  expect(copy!.plan).toEqual({ ...(JSON.parse(exported.text) as ExportFile).plans[0].plan, name: 'Beta (copy)' });

  await planner.reload();
  await planner.expectPlans(['Alpha', 'Beta mine', 'Beta (copy)']);
  await planner.openPlan('Beta (copy)');
  await expect(planner.newCustomers).toHaveValue('30');
});

// Fails if: re-importing plans that are already here, unchanged, adds duplicates or asks.
test('importing an identical file again adds nothing', async ({ planner }) => {
  await twoPlans(planner);
  const exported = await planner.download(() => planner.exportAllButton.click());
  const before = await planner.storage();

  await planner.importText(exported.name, exported.text);
  await expect(planner.status(NOTICES.nothingNewToImport)).toBeVisible();
  await expect(planner.importClash).toHaveCount(0);
  await expect(planner.importReport).toHaveCount(0);
  await planner.expectPlans(['Alpha', 'Beta']);
  expect(await planner.storage()).toEqual(before);
});

// Fails if: a single stored record (not an export file, here of version 2) cannot be imported,
// or is not saved again as a version 7 record with an empty marketing side, in the page's
// currency (a version 2 plan had none).
test('a single saved plan record imports too', async ({ planner }) => {
  await planner.goto();
  const single = record('psingle-1', examplePlan({ name: 'Single', revenue_goal: '1,234,567' }));
  await planner.importText('single.json', JSON.stringify(single));
  await expect(planner.status('Imported 1 plan.')).toBeVisible();
  await planner.expectPlans(['My marketing plan', 'Single']);
  const stored = await planner.storedRecord('psingle-1');
  expect(stored!.schema_version).toBe(SCHEMA_VERSION);
  expect(stored!.plan).toEqual({
    ...single.plan,
    marketing: marketing(),
    currency: 'USD',
    typed_in: 'en',
    tracking: emptyTracking(),
    annual: '',
    forecast: '',
  });
  expect(await planner.storedText(planKey('psingle-1'))).not.toBeNull();
});
