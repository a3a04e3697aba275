import { expect, type Locator, type Page } from '@playwright/test';

/** The storage key the plan autosaves to. */
export const PLAN_KEY = 'funnel-planner/v1/plan';
/** Where the text of a saved plan that could not be read is kept. */
export const UNREADABLE_KEY = 'funnel-planner/v1/plan-unreadable';

/** The error messages a person can cause, exactly as the page words them. */
export const MESSAGES = {
  empty: 'Enter a number.',
  notANumber: 'Enter digits only, like 1,250,000 or 12.5.',
  notPositive: 'Enter a number greater than 0.',
  negative: 'Enter 0 or more.',
  rate: 'Enter a rate greater than 0 and at most 100.',
  stageNameEmpty: 'Enter a name for this stage.',
  stageNameDuplicate: 'Another stage already has this name.',
} as const;

/** The stages of the worked example, top to bottom. */
export const EXAMPLE_STAGES = ['Visits', 'Leads', 'MQLs', 'SQLs', 'Opportunities', 'Customers'];

export type Period = 'Per month' | 'Per quarter' | 'Per year';
export const PERIODS: Period[] = ['Per month', 'Per quarter', 'Per year'];

/** A table cell as a person sees it, with the unrounded number it carries. */
export type Cell = { text: string; value: number };

/** Relative tolerance for comparing unrounded numbers (the app's own rounding tolerance). */
export const RELATIVE_TOLERANCE = 1e-9;

/** Fails unless `actual` is within a relative 1e-9 of `expected`. */
export function expectClose(actual: number, expected: number, what: string): void {
  const allowed = RELATIVE_TOLERANCE * Math.max(Math.abs(expected), 1);
  expect(
    Math.abs(actual - expected),
    `${what}: expected ${expected}, got ${actual}`,
  ).toBeLessThanOrEqual(allowed);
}

/**
 * The Funnel Planner page. Everything is found the way a person (or a screen reader) finds it: by
 * role and accessible name. The only other hook is `data-value` on table cells, for exact numbers.
 */
export class PlannerPage {
  readonly heading: Locator;
  readonly goalSection: Locator;
  readonly stagesSection: Locator;
  readonly resultsSection: Locator;
  readonly forwardSection: Locator;

  readonly planName: Locator;
  readonly revenueGoal: Locator;
  readonly newCustomers: Locator;
  readonly averageRevenue: Locator;

  readonly stageItems: Locator;
  readonly addStageButton: Locator;

  readonly targetsTable: Locator;
  readonly showExactValues: Locator;
  readonly howSummary: Locator;
  readonly howDetails: Locator;

  readonly storageNotice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Funnel Planner', exact: true });
    this.goalSection = page.getByRole('region', { name: 'Your goal', exact: true });
    this.stagesSection = page.getByRole('region', { name: 'Funnel stages', exact: true });
    this.resultsSection = page.getByRole('region', { name: 'Your targets', exact: true });
    this.forwardSection = page.getByRole('region', { name: 'Check your current volume', exact: true });

    this.planName = page.getByLabel('Plan name', { exact: true });
    this.revenueGoal = page.getByLabel('Revenue goal', { exact: true });
    this.newCustomers = page.getByLabel('New customers per year', { exact: true });
    this.averageRevenue = page.getByLabel('Average revenue per new customer', { exact: true });

    this.stageItems = this.stagesSection.getByRole('list').first().getByRole('listitem');
    this.addStageButton = page.getByRole('button', { name: 'Add stage', exact: true });

    this.targetsTable = page.getByRole('table', { name: 'Funnel targets', exact: true });
    this.showExactValues = page.getByRole('checkbox', { name: 'Show exact values', exact: true });
    this.howSummary = this.resultsSection.getByText('How this is calculated', { exact: true });
    this.howDetails = this.resultsSection
      .getByRole('group')
      .filter({ has: page.getByText('How this is calculated', { exact: true }) });

    this.storageNotice = page.getByRole('status');
  }

  // ---- Loading -------------------------------------------------------------------------------

  /** Opens the page and waits until the app (WebAssembly) has rendered it. */
  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.waitUntilReady();
  }

  /** Reloads the page and waits until the app has rendered it again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  private async waitUntilReady(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.planName).toBeVisible();
  }

  // ---- Typing ---------------------------------------------------------------------------------

  /** Replaces the text of `field` by typing it key by key, as a person would. */
  async type(field: Locator, text: string): Promise<void> {
    await field.click();
    await field.press('ControlOrMeta+a');
    if (text === '') {
      await field.press('Backspace');
    } else {
      await field.pressSequentially(text);
    }
    await expect(field).toHaveValue(text);
  }

  // ---- Stages ---------------------------------------------------------------------------------

  /** The name input of the stage at 1-based `position`. */
  stageName(position: number): Locator {
    return this.page.getByLabel(`Stage ${position} name`, { exact: true });
  }

  /** The rate input from stage `from` into stage `to`. */
  rate(from: string, to: string): Locator {
    return this.page.getByLabel(`${from} to ${to} rate`, { exact: true });
  }

  moveUpButton(stage: string): Locator {
    return this.page.getByRole('button', { name: `Move ${stage} up`, exact: true });
  }

  moveDownButton(stage: string): Locator {
    return this.page.getByRole('button', { name: `Move ${stage} down`, exact: true });
  }

  removeButton(stage: string): Locator {
    return this.page.getByRole('button', { name: `Remove ${stage}`, exact: true });
  }

  /** The stage names as shown in the stage inputs, top to bottom. */
  async stageNames(): Promise<string[]> {
    const count = await this.stageItems.count();
    const names: string[] = [];
    for (let position = 1; position <= count; position++) {
      names.push(await this.stageName(position).inputValue());
    }
    return names;
  }

  /** Waits until the stage list shows exactly `names`, top to bottom. */
  async expectStages(names: string[]): Promise<void> {
    await expect(this.stageItems).toHaveCount(names.length);
    for (const [index, name] of names.entries()) {
      await expect(this.stageName(index + 1)).toHaveValue(name);
    }
  }

  // ---- Results --------------------------------------------------------------------------------

  /** The row of `table` whose row header is `stage`. */
  row(table: Locator, stage: string): Locator {
    return table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: stage, exact: true }) });
  }

  /** The body rows of `table` (rows with a row header). */
  bodyRows(table: Locator): Locator {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
  }

  /** The row headers of `table`, top to bottom. */
  async rowHeaders(table: Locator): Promise<string[]> {
    return (await table.getByRole('rowheader').allInnerTexts()).map((text) => text.trim());
  }

  /** The cell of `table` in the row headed `stage` and the column headed `column`. */
  async cell(table: Locator, stage: string, column: string): Promise<Locator> {
    await expect(table).toBeVisible();
    const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
    const index = headers.indexOf(column);
    expect(index, `column "${column}" among ${JSON.stringify(headers)}`).toBeGreaterThan(0);
    // The first column holds the row headers, so data cells are numbered from the second column.
    return this.row(table, stage).getByRole('cell').nth(index - 1);
  }

  /** The shown text and the unrounded `data-value` of a cell. */
  async readCell(table: Locator, stage: string, column: string): Promise<Cell> {
    const cell = await this.cell(table, stage, column);
    await expect(cell).toBeVisible();
    const text = (await cell.innerText()).trim();
    const raw = await cell.getAttribute('data-value');
    expect(raw, `data-value of ${stage} / ${column}`).toMatch(/^-?\d+(\.\d+)?$/);
    return { text, value: Number(raw) };
  }

  /**
   * Checks one cell: the text a person sees, exactly, and the unrounded number within a relative
   * 1e-9. Waits for the text first, so it can follow a change just typed.
   */
  async expectCell(
    table: Locator,
    stage: string,
    column: string,
    text: string,
    value: number,
  ): Promise<void> {
    const cell = await this.cell(table, stage, column);
    await expect(cell, `${stage} / ${column}`).toHaveText(text);
    const { value: actual } = await this.readCell(table, stage, column);
    expectClose(actual, value, `data-value of ${stage} / ${column}`);
  }

  /** The caption-named table of the forward check, e.g. "What your current Visits yield". */
  yieldsTable(top: string): Locator {
    return this.page.getByRole('table', { name: `What your current ${top} yield`, exact: true });
  }

  /** The forward check's input, whose label follows the top stage's name. */
  currentVolume(top: string): Locator {
    return this.page.getByLabel(`Current ${top} per month`, { exact: true });
  }

  /** The "fix these first" list above the targets. */
  get problemsIntro(): Locator {
    return this.resultsSection.getByText('Your targets will appear here once these are fixed:', {
      exact: true,
    });
  }

  /** The button in the problems list for `field` with `message`. */
  problem(field: string, message: string): Locator {
    return this.resultsSection.getByRole('button', { name: `${field}: ${message}`, exact: true });
  }

  /** Every button in the problems list, as their text reads. */
  problemButtons(): Locator {
    return this.resultsSection.getByRole('button');
  }

  /** A visible sentence anywhere on the page, matched exactly. */
  text(sentence: string): Locator {
    return this.page.getByText(sentence, { exact: true });
  }

  /** The steps of "How this is calculated", in order. */
  howSteps(): Locator {
    return this.howDetails.getByRole('listitem');
  }

  // ---- Field errors ---------------------------------------------------------------------------

  /**
   * Checks that `field` is marked invalid and that one of the elements its `aria-describedby`
   * names is visible and reads exactly `message`.
   */
  async expectFieldError(field: Locator, message: string): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const described = await Promise.all(
      ids.map(async (id) => {
        const element = this.page.locator(`[id="${id}"]`);
        return {
          visible: await element.isVisible(),
          text: (await element.innerText().catch(() => '')).trim(),
        };
      }),
    );
    expect(
      described.filter((d) => d.visible).map((d) => d.text),
      `visible descriptions of the field (aria-describedby="${ids.join(' ')}")`,
    ).toContain(message);
  }

  /** Checks that `field` is not marked invalid and says no error. */
  async expectNoFieldError(field: Locator): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(field).not.toHaveAccessibleDescription(
      new RegExp(Object.values(MESSAGES).map(escapeRegExp).join('|')),
    );
  }

  // ---- Whole page -----------------------------------------------------------------------------

  /**
   * The visible text of the page never shows a broken number: no NaN, Infinity, undefined or
   * negative count.
   */
  async expectNoBrokenNumbers(): Promise<void> {
    const body = await this.page.locator('body').innerText();
    expect(body, 'page text').not.toMatch(/NaN|Infinity|undefined|null/);
    expect(body, 'page text shows no negative number').not.toMatch(/(^|[^\w])[-−]\s?\d/m);
  }

  /** The saved plan's raw text in localStorage, or null. */
  async storedText(key: string = PLAN_KEY): Promise<string | null> {
    return this.page.evaluate((k) => window.localStorage.getItem(k), key);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
