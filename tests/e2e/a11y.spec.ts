import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import {
  AREAS,
  CHANNELS_PAGE,
  MESSAGES,
  NEWER_SCHEMA_VERSION,
  PERIODS,
  examplePlan,
  planKey,
  record,
  type PlannerPage,
} from './pages/planner';
import type { Page } from '@playwright/test';

/** The areas that show the targets' table (the Annual plan shows its targets in its objectives,
 * the Forecast month by month in its schedule). */
const WITH_TARGETS = AREAS.filter((area) => area !== 'Annual plan' && area !== 'Forecast' && area !== 'Sales team');

// Accessibility: no axe (WCAG 2.2 AA) violations in the page's main states, a phone-width (320 px)
// layout that never scrolls sideways, and a page that works from the keyboard alone. The app has
// five areas, each a page of its own (Plan, Annual plan, Forecast, Channels and KPIs, Results):
// what holds for "the page" is checked on each, moving between them through the "Areas"
// navigation.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe and fails with one readable line per offending element. The failure is soft, so the
 * rest of the test (other states, layout checks) still runs and reports.
 */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const readable = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ` +
        `${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    ),
  );
  expect.soft(readable, 'axe violations').toEqual([]);
}

/** The page does not scroll sideways at the current width. */
async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `page width at a ${width} px viewport`).toBeLessThanOrEqual(width);
}

/** Shows errors in three fields at once. */
async function makeMistakes(planner: PlannerPage): Promise<void> {
  await planner.type(planner.revenueGoal, 'abc');
  await planner.type(planner.rate('Visits', 'Leads'), '150');
  await planner.type(planner.stageName(3), '');
  await planner.expectFieldError(planner.revenueGoal, MESSAGES.notANumber);
  await expect(planner.problemsIntro).toBeVisible();
}

test.describe('axe', () => {
  test.beforeEach(async ({ planner }) => {
    await planner.goto();
  });

  // Fails if: either area as it first opens has a WCAG A/AA problem (contrast, labels, landmarks…).
  test('each area as it opens has no violations', async ({ page, planner }) => {
    for (const area of AREAS) {
      await planner.openArea(area);
      await expectNoAxeViolations(page);
    }
  });

  // Fails if: error messages, invalid fields or the problems list break WCAG A/AA (contrast, size,
  // labels), in the Plan area or in the Channels and KPIs area's targets.
  test('the page with errors shown has no violations', async ({ page, planner }) => {
    await makeMistakes(planner);
    await expectNoAxeViolations(page);
    await planner.openArea('Channels and KPIs');
    await expect(planner.problemsIntro).toBeVisible();
    await expectNoAxeViolations(page);
  });

  // Fails if: the forward check's yields table and gap sentence break WCAG A/AA.
  test('the page with the forward check filled in has no violations', async ({ page, planner }) => {
    await planner.type(planner.currentVolume('Visits'), '6000');
    await expect(planner.yieldsTable('Visits')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  // Fails if: the open "How this is calculated" section or the exact values break WCAG A/AA, in
  // either area.
  test('the page with "How this is calculated" open has no violations', async ({ page, planner }) => {
    for (const area of WITH_TARGETS) {
      await planner.openArea(area);
      await planner.howSummary.click();
      await expect(planner.howSteps().first()).toBeVisible();
      await planner.showExactValues.check();
      await expectNoAxeViolations(page);
    }
  });

  // Fails if: the storage notice breaks WCAG A/AA (e.g. its colours lack contrast), in either area.
  test('the page with a storage notice has no violations', async ({ page, planner }) => {
    const failSaving = () =>
      page.evaluate(() => {
        Storage.prototype.setItem = function setItem(): void {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
    await failSaving();
    await planner.type(planner.planName, 'Full storage');
    await expect(planner.storageNotice).toContainText('Your latest change could not be saved');
    await expectNoAxeViolations(page);

    await planner.goto(CHANNELS_PAGE);
    await failSaving();
    await planner.type(planner.budget, '20,000');
    await expect(planner.storageNotice).toContainText('Your latest change could not be saved');
    await expectNoAxeViolations(page);
  });
});

test.describe('axe, plans and sharing', () => {
  // Fails if: the plan list, "Recently deleted", the status line with Undo, the share link or a
  // failed import break WCAG A/AA.
  test('the library, the bin, a share link and an import report have no violations', async ({ page, planner }) => {
    await planner.goto();
    await planner.newPlanButton.click();
    await planner.type(planner.planName, 'Second plan');
    await planner.duplicatePlanButton.click();
    await planner.deletePlanButton.click();
    await expect(planner.undoButton).toBeVisible();
    await planner.openBin();
    await planner.createShareLinkButton.click();
    await expect(planner.shareLink).toBeVisible();
    await planner.importText('broken.json', '{"app":"funnel-planner","schema_version":2,"plans":[{}]}');
    await expect(planner.importReport).toBeVisible();
    await expectNoAxeViolations(page);

    // The Channels and KPIs area's plan list and bin.
    await planner.openArea('Channels and KPIs');
    await planner.openBin();
    await expect(planner.restoreButton('Second plan (copy)')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  // Fails if: the shared-plan banner, the damaged-data notice, the newer-version notice or the
  // import clash question break WCAG A/AA.
  test('notices about shared, damaged and newer plans and an import clash have no violations', async ({ page, planner }) => {
    const plan = record('pclash-1', examplePlan({ name: 'Clashing' }));
    await planner.seed({
      [planKey('pclash-1')]: JSON.stringify(plan),
      [planKey('pbroken-1')]: '{"schema_version":2,',
      [planKey('pnewer-1')]: JSON.stringify({ ...plan, id: 'pnewer-1', schema_version: NEWER_SCHEMA_VERSION }),
    });
    await planner.goto();
    await expect(planner.unreadableNotice).toBeVisible();
    await expect(planner.newerNotice).toBeVisible();
    await planner.importText('clash.json', JSON.stringify({ ...plan, plan: { ...plan.plan, name: 'Clashing too' } }));
    await expect(planner.importClash).toBeVisible();
    await planner.createShareLinkButton.click();
    const link = await planner.shareLink.inputValue();
    await planner.page.goto(link);
    await expect(planner.sharedBanner).toBeVisible();
    await expectNoAxeViolations(page);

    // The same notices in the Channels and KPIs area.
    await planner.openArea('Channels and KPIs');
    await expect(planner.sharedBanner).toBeVisible();
    await expect(planner.unreadableNotice).toBeVisible();
    await expect(planner.newerNotice).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

/**
 * Fills the marketing side: spend, volumes and revenue for three channels, a share, an own rate,
 * a budget, the KPI inputs; opens "Each channel's own conversion rates" and "How the KPIs are
 * calculated", so the ranking, the suggestion and every KPI show figures.
 */
async function fillMarketing(planner: PlannerPage): Promise<void> {
  await planner.fillChannel('Paid search', { share: '40', spend: '12,000', volumes: { Leads: '300' } });
  await planner.fillChannel('Events and trade shows', {
    spend: '20,000',
    volumes: { Opportunities: '10', Customers: '2' },
    revenue: '30,000',
  });
  await planner.fillChannel('Email', { spend: '5,000', volumes: { Customers: '5' }, revenue: '40,000' });
  await planner.type(planner.budget, '20,000');
  await planner.type(planner.grossMargin, '60');
  await planner.type(planner.lifetimeYears, '3');
  await planner.type(planner.customersAtStart, '200');
  await planner.type(planner.customersAtEnd, '230');
  await planner.type(planner.customersNew, '50');
  await planner.openChannelRates();
  await planner.type(planner.channelRate('Paid search', 'Visits', 'Leads'), '3');
  await planner.openHowKpis();
  await expect(planner.suggestion.first()).toContainText('Move $4,000');
}

test.describe('axe, budget and channels', () => {
  test.beforeEach(async ({ planner }) => {
    await planner.goto(CHANNELS_PAGE);
  });

  // Fails if: the channels, their own rates, targets by channel, budget needed, KPIs, their
  // calculation or the ranking break WCAG A/AA once filled in.
  test('the marketing sections filled in, with their details open, have no violations', async ({ page, planner }) => {
    await fillMarketing(planner);
    await expectNoAxeViolations(page);
  });

  // Fails if: errors in the channels table, shares over 100% or bad KPI inputs break WCAG A/AA.
  test('the marketing sections with errors shown have no violations', async ({ page, planner }) => {
    await planner.type(planner.channelSpend('Email'), 'abc');
    await planner.type(planner.channelShare('Paid search'), '70');
    await planner.type(planner.channelShare('Email'), '60');
    await planner.type(planner.grossMargin, '200');
    await planner.openChannelRates();
    await planner.type(planner.channelRate('Email', 'Visits', 'Leads'), '0');
    await expect(planner.text("The channels' shares add up to more than 100%. Lower some of them.")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  // Fails if: a plan with no channels (saved before channels existed) breaks WCAG A/AA.
  test('a plan with no channels has no violations', async ({ page, planner }) => {
    for (let count = 6; count >= 1; count--) {
      await planner.channelRows.first().getByRole('button').click();
      await expect(planner.channelRows).toHaveCount(count - 1);
    }
    await expectNoAxeViolations(page);
  });
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test.beforeEach(async ({ planner }) => {
    await planner.goto();
  });

  // Fails if: on a small phone either area has WCAG A/AA problems or scrolls sideways.
  test('the page has no violations and does not scroll sideways', async ({ page, planner }) => {
    for (const area of AREAS) {
      await planner.openArea(area);
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page, 320);
    }
  });

  // Fails if: on a small phone a target is cut off or cannot be scrolled into view, in either area.
  test('every target can be read', async ({ page, planner }) => {
    for (const area of WITH_TARGETS) {
      await planner.openArea(area);
      const table = planner.targetsTable;
      await table.scrollIntoViewIfNeeded();
      await expect(table).toBeVisible();
      for (const stage of await planner.rowHeaders(table)) {
        for (const period of PERIODS) {
          const cell = await planner.cell(table, stage, period);
          await cell.scrollIntoViewIfNeeded();
          await expect(cell, `${area}: ${stage} / ${period}`).toBeInViewport();
          const clipped = await cell.evaluate((element) => element.scrollWidth > element.clientWidth);
          expect(clipped, `${area}: ${stage} / ${period} text is cut off`).toBe(false);
        }
      }
      await expectNoSidewaysScroll(page, 320);
    }
  });

  // Fails if: on a small phone an input does not fit the screen. The wide data tables of inputs
  // (channels, their rates) may scroll on their own, as WCAG 1.4.10 allows for data tables: their
  // inputs must then scroll fully into view inside the table without moving the page sideways.
  test('every field fits the screen', async ({ page, planner }) => {
    for (const area of AREAS) {
      await planner.openArea(area);
      // One pass inside the page: the Results grid alone has over a hundred fields, and a round
      // trip per field made this test slow enough to time out on a busy machine.
      const misfits = await page.getByRole('textbox').evaluateAll((fields, width) => {
        const found: string[] = [];
        fields.forEach((field, index) => {
          const name = `text field ${index + 1} (${field.getAttribute('aria-label') ?? field.id})`;
          const inScrollingTable = field.closest('table') !== null
            && field.closest('.table-wrap, [role="region"][tabindex="0"]') !== null;
          if (inScrollingTable) field.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          const box = field.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) found.push(`${name} is not laid out`);
          if (box.left < 0) found.push(`${name} left edge at ${box.left}`);
          if (box.right > width) found.push(`${name} right edge at ${box.right}`);
        });
        return { checked: fields.length, found };
      }, 320);
      // The Sales team page has the fewest: two roles of four fields, and the attrition.
      expect(misfits.checked, `text fields in ${area}`).toBeGreaterThanOrEqual(area === 'Sales team' ? 9 : 11);
      expect(misfits.found, `${area}: fields outside the screen`).toEqual([]);
      await expectNoSidewaysScroll(page, 320);
    }
  });

  // Fails if: a busy page (errors, forward check, calculation, 10 stages) is wider than a small phone.
  test('busy states do not scroll sideways either', async ({ page, planner }) => {
    await planner.type(planner.currentVolume('Visits'), '1,000,000,000');
    await expect(planner.yieldsTable('Visits')).toBeVisible();
    await planner.howSummary.click();
    await planner.showExactValues.check();
    for (let count = 7; count <= 10; count++) {
      await planner.addStageButton.click();
      await expect(planner.stageItems).toHaveCount(count);
    }
    await expect(planner.text('A funnel has at most 10 stages.')).toBeVisible();
    await expectNoSidewaysScroll(page, 320);
    await expectNoAxeViolations(page);

    await makeMistakes(planner);
    await expectNoSidewaysScroll(page, 320);
    await expectNoAxeViolations(page);

    // The Channels and KPIs area with the same plan: 10 stages and the problems list.
    await planner.openArea('Channels and KPIs');
    await expect(planner.problemsIntro).toBeVisible();
    await expectNoSidewaysScroll(page, 320);
    await expectNoAxeViolations(page);
  });

  // Fails if: on a small phone the filled-in marketing sections, their details open, make the
  // page scroll sideways or break WCAG A/AA.
  test('the marketing sections filled in do not scroll sideways', async ({ page, planner }) => {
    await planner.openArea('Channels and KPIs');
    await fillMarketing(planner);
    await expectNoSidewaysScroll(page, 320);
    await expectNoAxeViolations(page);
  });

  // Fails if: on a small phone, scrolling a wide table sideways takes the row names out of view,
  // so the figures can no longer be told apart.
  test('tables that scroll sideways keep the row names in view', async ({ page, planner }) => {
    await planner.openArea('Channels and KPIs');
    await planner.fillChannel('Email', { spend: '5,000', volumes: { Visits: '2,000', Customers: '5' }, revenue: '40,000' });
    await planner.openChannelRates();
    for (const caption of ['Spend and results by channel', 'Conversion rates by channel (%)', 'Targets by channel, per month', 'KPIs by channel']) {
      const region = page.getByRole('region', { name: caption, exact: true });
      const name = region.getByRole('rowheader').first();
      await name.evaluate((cell) => cell.scrollIntoView({ block: 'center', inline: 'start' }));
      const scrolled = await region.evaluate((element) => {
        element.scrollLeft = element.scrollWidth;
        return element.scrollLeft;
      });
      expect(scrolled, `${caption} scrolls sideways at 320 px`).toBeGreaterThan(0);
      const regionBox = await region.boundingBox();
      const box = await name.boundingBox();
      expect(box, `${caption}: first row name laid out`).not.toBeNull();
      // The name cell stays at the region's left edge, wholly inside it.
      expect(Math.abs(box!.x - regionBox!.x), `${caption}: row name left edge after scrolling`).toBeLessThanOrEqual(1);
      expect(box!.x + box!.width, `${caption}: row name right edge`).toBeLessThanOrEqual(regionBox!.x + regionBox!.width);
      // And nothing is drawn over it: the element at its centre is the name cell or inside it.
      const onTop = await name.evaluate((cell) => {
        const rect = cell.getBoundingClientRect();
        const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        return hit !== null && cell.contains(hit);
      });
      expect(onTop, `${caption}: row name is on top of the scrolled cells`).toBe(true);
    }
    await expectNoSidewaysScroll(page, 320);
  });
});

test.describe('keyboard', () => {
  test.beforeEach(async ({ planner }) => {
    await planner.goto();
  });

  // Fails if: Tab skips the goal fields or visits them out of their visual order.
  test('Tab reaches the plan name first, then the goal fields in order', async ({ page, planner }) => {
    const expectedOrder = [
      planner.planName,
      planner.revenueGoal,
      planner.newCustomers,
      planner.averageRevenue,
      planner.stageName(1),
      planner.rate('Visits', 'Leads'),
    ];
    const reached: number[] = [];
    for (let press = 0; press < 40 && reached.length < expectedOrder.length; press++) {
      await page.keyboard.press('Tab');
      for (const [index, field] of expectedOrder.entries()) {
        if (await field.evaluate((element) => element === document.activeElement)) {
          reached.push(index);
        }
      }
    }
    expect(reached, 'order in which Tab reached the fields').toEqual([0, 1, 2, 3, 4, 5]);
  });

  // Fails if: the stage buttons do not work with Enter and Space, or keyboard focus is lost after using them.
  test('stage buttons work with Enter and Space and keep focus', async ({ page, planner }) => {
    await planner.moveDownButton('Leads').focus();
    await page.keyboard.press('Enter');
    await planner.expectStages(['Visits', 'MQLs', 'Leads', 'SQLs', 'Opportunities', 'Customers']);
    await expect(planner.moveDownButton('Leads')).toBeFocused();

    await page.keyboard.press('Space');
    await planner.expectStages(['Visits', 'MQLs', 'SQLs', 'Leads', 'Opportunities', 'Customers']);
    await expect(planner.moveDownButton('Leads')).toBeFocused();

    await planner.moveUpButton('Leads').focus();
    await page.keyboard.press('Space');
    await planner.expectStages(['Visits', 'MQLs', 'Leads', 'SQLs', 'Opportunities', 'Customers']);
    await expect(planner.moveUpButton('Leads')).toBeFocused();

    await planner.removeButton('Leads').focus();
    await page.keyboard.press('Enter');
    await planner.expectStages(['Visits', 'MQLs', 'SQLs', 'Opportunities', 'Customers']);
    await expect(planner.addStageButton).toBeFocused();

    await page.keyboard.press('Space');
    await planner.expectStages(['Visits', 'MQLs', 'SQLs', 'Opportunities', 'New stage', 'Customers']);
    await expect(planner.stageName(5)).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Trials');
    await expect(planner.rate('Trials', 'Customers')).toHaveValue('100');
    expect(await planner.rowHeaders(planner.targetsTable)).toContain('Trials');
  });

  // Fails if: "How this is calculated" and "Show exact values" cannot be used from the keyboard.
  test('the calculation and exact values open from the keyboard', async ({ page, planner }) => {
    await planner.howSummary.focus();
    await page.keyboard.press('Enter');
    await expect(planner.howSteps().first()).toBeVisible();
    await planner.showExactValues.focus();
    await page.keyboard.press('Space');
    await expect(planner.showExactValues).toBeChecked();
    await expect(await planner.cell(planner.targetsTable, 'Customers', 'Per year')).toHaveText('9.09');
  });

  // Fails if: a problem in the list above the targets cannot be followed to its field by keyboard.
  test('a problem button takes keyboard focus to its field', async ({ page, planner }) => {
    await planner.type(planner.averageRevenue, '0');
    await planner.problem('Average revenue per new customer', MESSAGES.notPositive).focus();
    await page.keyboard.press('Enter');
    await expect(planner.averageRevenue).toBeFocused();
  });
});
