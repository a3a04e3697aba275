import { test, expect } from './fixtures';
import { CHANNELS_PAGE, examplePlan, record, type PlannerPage } from './pages/planner';

// Names are text, never markup: a plan or stage named like an HTML tag shows literally wherever it
// appears (list, status line, tab title, targets, import and share, in both areas), and no
// element is created from it. The fixture fails the test on any dialog, so `alert(1)` running would fail it too.

const PAYLOAD = '<img src=x onerror=alert(1)>';
const TITLE_PAYLOAD = '</title><img src=y onerror=alert(2)>';

/** No element was made from a name, and nothing was fetched for its `src`. */
async function expectNoInjection(planner: PlannerPage, requests: string[]): Promise<void> {
  expect(await planner.page.locator('img').count(), 'no <img> element').toBe(0);
  expect(await planner.page.locator('[onerror]').count(), 'no element with an onerror handler').toBe(0);
  expect(requests.filter((url) => /\/[xy]$/.test(new URL(url).pathname)), 'no request for the img src').toEqual([]);
}

function recordRequests(planner: PlannerPage): string[] {
  const requests: string[] = [];
  planner.page.context().on('request', (request) => requests.push(request.url()));
  return requests;
}

// Fails if: a plan name is parsed as HTML in the list, the status line after delete or the tab
// title (an <img> appears, a request for its src goes out, or its onerror runs).
test('a plan named like an HTML tag shows literally in the list, status and title', async ({ planner, page }) => {
  const requests = recordRequests(planner);
  await planner.goto();
  await planner.type(planner.planName, PAYLOAD);
  await expect(planner.planButton(PAYLOAD)).toHaveText(PAYLOAD);
  await expect(page).toHaveTitle(`${PAYLOAD} – Funnel Planner`);
  await planner.duplicatePlanButton.click();
  await expect(planner.planButton(`${PAYLOAD} (copy)`)).toBeVisible();
  await planner.deletePlanButton.click();
  await expect(planner.status(`Deleted “${PAYLOAD} (copy)”.`)).toBeVisible();
  await planner.openBin();
  await expect(planner.restoreButton(`${PAYLOAD} (copy)`)).toBeVisible();
  await expect(planner.bin.getByText(`${PAYLOAD} (copy)`, { exact: true })).toBeVisible();

  await planner.type(planner.planName, TITLE_PAYLOAD);
  await expect(page).toHaveTitle(`${TITLE_PAYLOAD} – Funnel Planner`);
  await expect(planner.planButton(TITLE_PAYLOAD)).toBeVisible();
  await planner.reload();
  await expect(planner.planButton(TITLE_PAYLOAD)).toBeVisible();
  await expect(page).toHaveTitle(`${TITLE_PAYLOAD} – Funnel Planner`);
  await expectNoInjection(planner, requests);
  // The Channels and KPIs area lists and titles it the same way.
  await planner.openArea('Channels and KPIs');
  await expect(planner.planButton(TITLE_PAYLOAD)).toHaveAttribute('aria-current', 'true');
  await expect(page).toHaveTitle(`${TITLE_PAYLOAD} – Funnel Planner`);
  await expectNoInjection(planner, requests);
});

// Fails if: a stage name is parsed as HTML in the stage list, the targets table, the rate labels
// or "How this is calculated".
test('a stage named like an HTML tag shows literally everywhere it appears', async ({ planner }) => {
  const requests = recordRequests(planner);
  await planner.goto();
  await planner.type(planner.stageName(2), PAYLOAD);
  await expect(planner.rate('Visits', PAYLOAD)).toHaveValue('1.5');
  await expect(planner.rate(PAYLOAD, 'MQLs')).toHaveValue('20');
  await expect(planner.row(planner.targetsTable, PAYLOAD)).toBeVisible();
  await expect(planner.moveUpButton(PAYLOAD)).toBeVisible();
  await planner.howSummary.click();
  await expect(planner.howSteps().filter({ hasText: PAYLOAD }).first()).toBeVisible();
  await planner.type(planner.currentVolume('Visits'), '6000');
  await expect(planner.yieldsTable('Visits')).toBeVisible();
  await expect(planner.row(planner.yieldsTable('Visits'), PAYLOAD)).toBeVisible();
  await expectNoInjection(planner, requests);
});

// Fails if: a plan name arriving in an imported file is parsed as HTML (list, clash question).
test('a plan name from an imported file shows literally', async ({ planner }) => {
  const requests = recordRequests(planner);
  await planner.goto();
  const imported = record('pxss-1', examplePlan({ name: PAYLOAD }));
  await planner.importText('names.json', JSON.stringify(imported));
  await expect(planner.planButton(PAYLOAD)).toBeVisible();
  // The same id with other content asks, quoting both names literally.
  await planner.importText('names.json', JSON.stringify({ ...imported, plan: { ...imported.plan, name: TITLE_PAYLOAD } }));
  await expect(planner.importClash).toContainText(`“${TITLE_PAYLOAD}” from the file is a version of “${PAYLOAD}”`);
  await planner.keepBothImportButton.click();
  await expect(planner.planButton(`${TITLE_PAYLOAD} (copy)`)).toBeVisible();
  // A problem report quotes the file name literally.
  await planner.importText(`${PAYLOAD}.json`, '{');
  await expect(planner.importReport.getByRole('heading')).toHaveText(`Could not import “${PAYLOAD}.json”`);
  await expectNoInjection(planner, requests);
});

// Fails if: a plan name arriving in a share link is parsed as HTML (editor, title, status after saving).
test('a plan name from a share link shows literally', async ({ planner, openTab }) => {
  const requests = recordRequests(planner);
  await planner.goto();
  await planner.type(planner.planName, PAYLOAD);
  await planner.type(planner.stageName(1), TITLE_PAYLOAD);
  await planner.createShareLinkButton.click();
  const link = await planner.shareLink.inputValue();

  const tab = await openTab();
  await tab.goto(link);
  await expect(tab.sharedBanner).toBeVisible();
  await expect(tab.planName).toHaveValue(PAYLOAD);
  await expect(tab.page).toHaveTitle(`${PAYLOAD} – Funnel Planner`);
  await expect(tab.row(tab.targetsTable, TITLE_PAYLOAD)).toBeVisible();
  // The shared plan goes to the Channels and KPIs area in its link and back, literally.
  await tab.openArea('Channels and KPIs');
  await expect(tab.page).toHaveTitle(`${PAYLOAD} – Funnel Planner`);
  await expect(tab.row(tab.targetsTable, TITLE_PAYLOAD)).toBeVisible();
  await expectNoInjection(tab, requests);
  await tab.openArea('Plan');
  await expect(tab.planName).toHaveValue(PAYLOAD);
  await tab.saveSharedCopyButton.click();
  await expect(tab.status(`Saved “${PAYLOAD}” to your plans.`)).toBeVisible();
  await expectNoInjection(tab, requests);
  await expectNoInjection(planner, requests);
});

// Fails if: a channel name is parsed as HTML in the channel tables, the KPI explanation or the
// reallocation suggestion.
test('a channel named like an HTML tag shows literally everywhere it appears', async ({ planner }) => {
  const requests = recordRequests(planner);
  await planner.goto(CHANNELS_PAGE);
  await planner.type(planner.channelName(4), PAYLOAD);
  await planner.fillChannel(PAYLOAD, { spend: '5,000', volumes: { Customers: '5' }, revenue: '40,000' });
  await planner.fillChannel('Events and trade shows', { spend: '20,000', volumes: { Customers: '2' } });
  for (const table of [planner.channelTargetsTable(), planner.kpiTable]) {
    await expect(table.getByRole('columnheader', { name: PAYLOAD, exact: true })).toBeVisible();
  }
  await expect(planner.row(planner.budgetTable, PAYLOAD)).toBeVisible();
  await expect(planner.suggestion.first()).toHaveText(`Move $4,000 (20% of Events and trade shows's spend) to ${PAYLOAD}.`);
  await planner.openHowKpis();
  await planner.explainFor.selectOption({ label: PAYLOAD });
  await planner.reload();
  await expect(planner.channelName(4)).toHaveValue(PAYLOAD);
  await expectNoInjection(planner, requests);
});
