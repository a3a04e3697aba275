import { expect, type Download, type Locator, type Page } from '@playwright/test';

// ---- Storage layout (version 3; keys kept from version 2) ----------------------------------

/** Each plan is saved under this prefix and its id (the prefix did not change in version 3). */
export const PLAN_PREFIX = 'funnel-planner/v2/plan/';
/** Text that could not be read is moved under this prefix. */
export const UNREADABLE_PREFIX = 'funnel-planner/v2/unreadable/';
/** Version 1 kept its one plan here; it is migrated on load and removed. */
export const V1_PLAN_KEY = 'funnel-planner/v1/plan';
/** Where version 1 kept the text of a save it could not read (carried over on load). */
export const V1_KEPT_ASIDE_KEY = 'funnel-planner/v1/plan-unreadable';
/** Where a damaged version 1 save is kept. */
export const V1_UNREADABLE_KEY = `${UNREADABLE_PREFIX}v1-plan`;

/** The schema version this build writes. */
export const SCHEMA_VERSION = 3;
/** A schema version no build has written yet ("a newer version of Funnel Planner"). */
export const NEWER_SCHEMA_VERSION = SCHEMA_VERSION + 1;

/** The key of the plan `id`. */
export function planKey(id: string): string {
  return `${PLAN_PREFIX}${id}`;
}

/** Where the damaged text of plan `id` is kept. */
export function unreadableKey(id: string): string {
  return `${UNREADABLE_PREFIX}plan-${id}`;
}

/** Everything in localStorage, key → value. */
export type StorageSnapshot = Record<string, string>;

/** What a channel brought at one stage (saved only when one of the two is typed). */
export type ChannelStageBody = { stage: number; volume: string; rate: string };

/** One marketing channel, as saved (numbers as the text typed). */
export type ChannelBody = {
  id: number;
  name: string;
  share: string;
  spend: string;
  revenue: string;
  stages: ChannelStageBody[];
};

/** The marketing side of a plan (version 3). */
export type MarketingBody = {
  budget: string;
  budget_period: 'year' | 'month';
  channels: ChannelBody[];
  customers_at_start: string;
  customers_at_end: string;
  customers_new: string;
  gross_margin: string;
  lifetime: 'years' | 'churn';
  lifetime_years: string;
  churn: string;
  rank_by: string;
  move_percent: string;
};

/** The body of a saved plan (every number as the text typed); `marketing` only from version 3. */
export type PlanBody = {
  name: string;
  goal: 'revenue' | 'new_customers';
  revenue_goal: string;
  new_customers_goal: string;
  average_revenue_per_customer: string;
  stages: { id: number; name: string; rate_to_next: string }[];
  current_top_per_month: string;
  marketing?: MarketingBody;
};

/** A saved plan record: version 3 as written now, version 2 as tests seed older saves. */
export type PlanRecord = {
  schema_version: 2 | 3;
  id: string;
  modified: number;
  deleted?: number;
  plan: PlanBody;
};

/** An export file. */
export type ExportFile = {
  app: 'funnel-planner';
  schema_version: 2 | 3;
  exported: number;
  plans: PlanRecord[];
};

/** The worked example's body, as version 2 saved it (no marketing side). */
export function examplePlan(overrides: Partial<PlanBody> = {}): PlanBody {
  return {
    name: 'My marketing plan',
    goal: 'revenue',
    revenue_goal: '10,000,000',
    new_customers_goal: '',
    average_revenue_per_customer: '1,100,000',
    stages: [
      { id: 1, name: 'Visits', rate_to_next: '1.5' },
      { id: 2, name: 'Leads', rate_to_next: '20' },
      { id: 3, name: 'MQLs', rate_to_next: '20' },
      { id: 4, name: 'SQLs', rate_to_next: '40' },
      { id: 5, name: 'Opportunities', rate_to_next: '50' },
      { id: 6, name: 'Customers', rate_to_next: '' },
    ],
    current_top_per_month: '',
    ...overrides,
  };
}

/** The usual channels a new plan starts with, in order. */
export const USUAL_CHANNELS = [
  'Organic search and blog',
  'Paid search',
  'Paid social',
  'Email',
  'Events and trade shows',
  'Referrals',
];

/** An empty channel `name` with `id`, as saved. */
export function channel(id: number, name: string, overrides: Partial<ChannelBody> = {}): ChannelBody {
  return { id, name, share: '', spend: '', revenue: '', stages: [], ...overrides };
}

/**
 * A marketing side as saved: by default the empty one a version 1 or 2 plan is read with (no
 * channels, budget per year, lifetime in years, ranked by CAC, 20% to move).
 */
export function marketing(overrides: Partial<MarketingBody> = {}): MarketingBody {
  return {
    budget: '',
    budget_period: 'year',
    channels: [],
    customers_at_start: '',
    customers_at_end: '',
    customers_new: '',
    gross_margin: '',
    lifetime: 'years',
    lifetime_years: '',
    churn: '',
    rank_by: 'cac',
    move_percent: '20',
    ...overrides,
  };
}

/** The marketing side of a new plan: the six usual channels, every figure empty. */
export function usualMarketing(overrides: Partial<MarketingBody> = {}): MarketingBody {
  return marketing({
    channels: USUAL_CHANNELS.map((name, index) => channel(index + 1, name)),
    ...overrides,
  });
}

/** A version 3 record of `plan` (with its `marketing`) under `id`. */
export function recordV3(id: string, plan: PlanBody, modified = 1_795_000_000_000): PlanRecord {
  return { schema_version: 3, id, modified, plan: { marketing: marketing(), ...plan } };
}

/** A version 2 record of `plan` under `id`, as a test would seed it. */
export function record(id: string, plan: PlanBody, modified = 1_795_000_000_000): PlanRecord {
  return { schema_version: 2, id, modified, plan };
}

/** The notices and status lines about plans, storage, other tabs, sharing and import, as worded. */
export const NOTICES = {
  unavailable: 'This browser is not letting the page save',
  saveFailed: 'Your latest change could not be saved',
  unreadableHeading: 'Some saved data could not be read',
  unreadableKept:
    'A saved plan was damaged and could not be opened; your other plans are fine. Its text is kept in this browser so nothing is lost',
  unreadableLeftInPlace:
    'A saved plan was damaged and could not be opened; your other plans are fine. The browser\'s storage is full, so its text is left untouched where it was.',
  newer: (count: number) => `Plans saved by a newer version of Funnel Planner: ${count}. They are left untouched`,
  updatedFromOtherTab: 'This plan was updated with changes made in another tab.',
  conflictChanged: (copy: string) =>
    `This plan was changed in another tab in the same places you changed it here. Your version stays on screen and is saved as “${copy}” until you choose.`,
  conflictDeleted:
    'This plan was deleted in another tab. Your version stays on screen; anything you type is saved as a copy until you choose.',
  sharedViewing:
    'You are viewing a shared plan. It is not saved in this browser unless you save a copy.',
  shareDamaged:
    'This share link is damaged or incomplete, so it cannot be opened. Nothing was changed. Ask for the link again.',
  importNothingChanged: 'Nothing was imported and your plans are unchanged.',
  importTooLarge: 'The file is larger than 1 MB, so it was not read.',
  nothingNewToImport: 'Nothing new to import: every plan in the file is already here, unchanged.',
} as const;

/** Any storage notice, for checking that none is shown. */
export const ANY_STORAGE_NOTICE = new RegExp(
  [NOTICES.unavailable, NOTICES.saveFailed, 'newer version of Funnel Planner'].join('|'),
);

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

  /** The storage notice: a status line offering "Export all plans". */
  readonly storageNotice: Locator;
  /** Every status line of the page (storage, last action, link copied). */
  readonly statuses: Locator;
  /** The damaged-data notice. */
  readonly unreadableNotice: Locator;
  /** The notice about plans saved by a newer version. */
  readonly newerNotice: Locator;

  // "Your plans"
  readonly librarySection: Locator;
  /** The plan buttons in the list (not the bin). */
  readonly planButtons: Locator;
  /** The list button of the plan open in the editor. */
  readonly openPlanButton: Locator;
  readonly newPlanButton: Locator;
  readonly duplicatePlanButton: Locator;
  readonly deletePlanButton: Locator;
  readonly undoButton: Locator;
  /** The "Recently deleted (N)" disclosure. */
  readonly binSummary: Locator;
  readonly bin: Locator;

  // "Keep and share"
  readonly keepSection: Locator;
  readonly exportPlanButton: Locator;
  readonly exportAllButton: Locator;
  readonly importFile: Locator;
  readonly createShareLinkButton: Locator;
  readonly shareLink: Locator;
  readonly copyLinkButton: Locator;
  readonly downloadCsvButton: Locator;
  readonly printButton: Locator;
  /** The report of a failed import. */
  readonly importReport: Locator;
  /** The choice for an imported plan that is already here. */
  readonly importClash: Locator;
  readonly replaceMineButton: Locator;
  readonly keepBothImportButton: Locator;

  // Shared plans and other tabs
  readonly sharedBanner: Locator;
  readonly saveSharedCopyButton: Locator;
  readonly closeSharedButton: Locator;
  readonly conflictAlert: Locator;
  /** "Plan from": the goal that counts. */
  readonly goalFromRevenue: Locator;
  readonly goalFromNewCustomers: Locator;

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

    this.statuses = page.getByRole('status');
    this.storageNotice = page
      .getByRole('status')
      .filter({ has: page.getByRole('button', { name: 'Export all plans', exact: true }) });
    this.unreadableNotice = page.getByRole('region', { name: NOTICES.unreadableHeading, exact: true });
    this.newerNotice = page.getByRole('region', { name: /^Plans saved by a newer version of Funnel Planner: \d+\./ });

    this.librarySection = page.getByRole('region', { name: 'Your plans', exact: true });
    this.planButtons = this.librarySection.getByRole('list').first().getByRole('button');
    this.openPlanButton = this.librarySection.locator('button[aria-current="true"]');
    this.newPlanButton = this.librarySection.getByRole('button', { name: 'New plan', exact: true });
    this.duplicatePlanButton = page.getByRole('button', { name: 'Duplicate plan', exact: true });
    this.deletePlanButton = page.getByRole('button', { name: 'Delete plan', exact: true });
    this.undoButton = page.getByRole('status').getByRole('button', { name: 'Undo', exact: true });
    this.binSummary = this.librarySection.getByText(/^Recently deleted \(\d+\)$/);
    this.bin = this.librarySection
      .getByRole('group')
      .filter({ has: page.getByText(/^Recently deleted \(\d+\)$/) });

    this.keepSection = page.getByRole('region', { name: 'Keep and share', exact: true });
    this.exportPlanButton = this.keepSection.getByRole('button', { name: 'Export this plan', exact: true });
    this.exportAllButton = this.keepSection.getByRole('button', { name: 'Export all plans', exact: true });
    this.importFile = page.getByLabel('Import plans from a file', { exact: true });
    this.createShareLinkButton = page.getByRole('button', { name: 'Create share link', exact: true });
    this.shareLink = page.getByRole('textbox', { name: 'Link to this plan', exact: true });
    this.copyLinkButton = page.getByRole('button', { name: 'Copy link', exact: true });
    this.downloadCsvButton = page.getByRole('button', { name: 'Download plan (CSV)', exact: true });
    this.printButton = page.getByRole('button', { name: 'Print', exact: true });
    this.importReport = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: /^Could not import “/ }) });
    this.importClash = page
      .getByRole('group')
      .filter({ hasText: /from the file is a version of/ });
    this.replaceMineButton = this.importClash.getByRole('button', { name: 'Replace mine', exact: true });
    this.keepBothImportButton = this.importClash.getByRole('button', { name: 'Keep both', exact: true });

    this.sharedBanner = page.getByRole('region', { name: NOTICES.sharedViewing, exact: true });
    this.saveSharedCopyButton = page.getByRole('button', { name: 'Save a copy', exact: true });
    this.closeSharedButton = page.getByRole('button', { name: 'Close shared plan', exact: true });
    this.conflictAlert = page
      .getByRole('alert')
      .filter({ hasText: /in the same places you changed it here|was deleted in another tab/ });
    this.goalFromRevenue = page.getByRole('radio', { name: 'the revenue goal', exact: true });
    this.goalFromNewCustomers = page.getByRole('radio', { name: 'new customers per year', exact: true });
  }

  // ---- Loading -------------------------------------------------------------------------------

  /** Opens the page (or `url`, e.g. a share link) and waits until the app has rendered it. */
  async goto(url = '/'): Promise<void> {
    await this.page.goto(url);
    await this.waitUntilReady();
  }

  /** Reloads the page and waits until the app has rendered it again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
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

  // ---- Your plans -----------------------------------------------------------------------------

  /** The list button of the plan named `name` (not the bin). */
  planButton(name: string): Locator {
    return this.librarySection
      .getByRole('list')
      .first()
      .getByRole('button', { name, exact: true });
  }

  /** The list entry (name and "Changed …") of the plan named `name`. */
  planItem(name: string): Locator {
    return this.librarySection
      .getByRole('list')
      .first()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  /** The names in the plan list, top to bottom. */
  async planNames(): Promise<string[]> {
    return (await this.planButtons.allInnerTexts()).map((text) => text.trim());
  }

  /** Waits until the plan list shows exactly `names`, in any order. */
  async expectPlans(names: string[]): Promise<void> {
    await expect
      .poll(async () => (await this.planNames()).sort(), { message: 'plans in the list' })
      .toEqual([...names].sort());
  }

  /** Opens the plan named `name` from the list and waits until the editor shows it. */
  async openPlan(name: string): Promise<void> {
    await this.planButton(name).click();
    await expect(this.planButton(name)).toHaveAttribute('aria-current', 'true');
    await expect(this.planName).toHaveValue(name);
  }

  /** Opens "Recently deleted" if it is closed. */
  async openBin(): Promise<void> {
    await expect(this.binSummary).toBeVisible();
    if ((await this.bin.getAttribute('open')) === null) await this.binSummary.click();
  }

  restoreButton(name: string): Locator {
    return this.librarySection.getByRole('button', { name: `Restore ${name}`, exact: true });
  }

  deleteForeverButton(name: string): Locator {
    return this.librarySection.getByRole('button', { name: `Delete forever: ${name}`, exact: true });
  }

  /** A status line reading exactly `text` (with "Undo" after a delete). */
  status(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  // ---- Storage --------------------------------------------------------------------------------

  /**
   * Lets {@link holdStorageEvents} work in this tab: call before the page loads. The app's
   * `storage` listeners then pass through a gate that can hold events back.
   */
  async canHoldStorageEvents(): Promise<void> {
    await this.page.addInitScript(() => {
      const w = window as unknown as { e2eHeld: (() => void)[]; e2eHolding: boolean };
      w.e2eHeld = [];
      w.e2eHolding = false;
      const add = window.addEventListener.bind(window);
      window.addEventListener = ((type: string, listener: EventListener, options?: boolean | AddEventListenerOptions) => {
        if (type !== 'storage') return add(type, listener, options);
        const gated = (event: Event) => {
          if (w.e2eHolding) w.e2eHeld.push(() => listener(event));
          else listener(event);
        };
        return add(type, gated, options);
      }) as typeof window.addEventListener;
    });
  }

  /**
   * Holds back the `storage` events this tab hears (another tab's saves), as if they were still
   * on their way, until {@link releaseStorageEvents}: what this tab types meanwhile races the
   * other tab's save. Needs {@link canHoldStorageEvents} before the page loaded.
   */
  async holdStorageEvents(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as { e2eHolding: boolean }).e2eHolding = true;
    });
  }

  /** Delivers the held `storage` events, in order, and lets later ones through. */
  async releaseStorageEvents(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { e2eHeld: (() => void)[]; e2eHolding: boolean };
      w.e2eHolding = false;
      for (const deliver of w.e2eHeld.splice(0)) deliver();
    });
  }

  /** The raw text under `key` in localStorage, or null. */
  async storedText(key: string): Promise<string | null> {
    return this.page.evaluate((k) => window.localStorage.getItem(k), key);
  }

  /** Everything in localStorage. */
  async storage(): Promise<StorageSnapshot> {
    return this.page.evaluate(() => {
      const all: Record<string, string> = {};
      for (let index = 0; index < window.localStorage.length; index++) {
        const key = window.localStorage.key(index)!;
        all[key] = window.localStorage.getItem(key)!;
      }
      return all;
    });
  }

  /** The keys of saved plans (deleted ones included). */
  async planKeys(): Promise<string[]> {
    return Object.keys(await this.storage())
      .filter((key) => key.startsWith(PLAN_PREFIX))
      .sort();
  }

  /** Every saved plan record, parsed. */
  async storedRecords(): Promise<PlanRecord[]> {
    const all = await this.storage();
    return Object.entries(all)
      .filter(([key]) => key.startsWith(PLAN_PREFIX))
      .map(([, value]) => JSON.parse(value) as PlanRecord);
  }

  /** The saved record of plan `id`, parsed, or null. */
  async storedRecord(id: string): Promise<PlanRecord | null> {
    const text = await this.storedText(planKey(id));
    return text === null ? null : (JSON.parse(text) as PlanRecord);
  }

  /** The id of the open plan, from the address (`#plan=<id>`). */
  openPlanId(): string {
    const match = /#plan=([A-Za-z0-9_-]+)$/.exec(this.page.url());
    expect(match, `the address ${this.page.url()} names the open plan`).not.toBeNull();
    return match![1];
  }

  /** Waits until the open plan's saved text contains `text`. */
  async expectSaved(text: string): Promise<void> {
    const key = planKey(this.openPlanId());
    await expect
      .poll(() => this.storedText(key), { message: `saved plan contains ${text}` })
      .toContain(text);
  }

  /**
   * Seeds localStorage with `entries` before the app first loads in this tab. Runs once per tab
   * (a sessionStorage marker), so a reload sees what the app made of them.
   */
  async seed(entries: StorageSnapshot): Promise<void> {
    await this.page.addInitScript((values) => {
      if (window.sessionStorage.getItem('e2e-seeded') !== null) return;
      for (const [key, value] of Object.entries(values)) window.localStorage.setItem(key, value);
      window.sessionStorage.setItem('e2e-seeded', '1');
    }, entries);
  }

  // ---- Budget and channels --------------------------------------------------------------------

  get channelsSection(): Locator {
    return this.page.getByRole('region', { name: 'Budget and channels', exact: true });
  }

  get budget(): Locator {
    return this.page.getByRole('textbox', { name: 'Marketing budget', exact: true });
  }

  /** The "The budget is for" choice: "The whole year" or "Each month". */
  budgetPeriod(choice: 'The whole year' | 'Each month'): Locator {
    return this.page
      .getByRole('group', { name: 'The budget is for', exact: true })
      .getByRole('radio', { name: choice, exact: true });
  }

  get channelsTable(): Locator {
    return this.page.getByRole('table', { name: 'Spend and results by channel', exact: true });
  }

  /** One row per channel in "Spend and results by channel". */
  get channelRows(): Locator {
    return this.bodyRows(this.channelsTable);
  }

  get addChannelButton(): Locator {
    return this.page.getByRole('button', { name: 'Add channel', exact: true });
  }

  get addUsualChannelsButton(): Locator {
    return this.page.getByRole('button', { name: 'Add the usual channels', exact: true });
  }

  /** The name input of the channel at 1-based `position`. */
  channelName(position: number): Locator {
    return this.page.getByRole('textbox', { name: `Channel ${position} name`, exact: true });
  }

  channelShare(channel: string): Locator {
    return this.page.getByRole('textbox', { name: `${channel} share of customers goal`, exact: true });
  }

  channelSpend(channel: string): Locator {
    return this.page.getByRole('textbox', { name: `${channel} spend`, exact: true });
  }

  /** What `channel` brought at `stage` (its volume there). */
  channelVolume(channel: string, stage: string): Locator {
    return this.page.getByRole('textbox', { name: `${channel} ${stage}`, exact: true });
  }

  channelRevenue(channel: string): Locator {
    return this.page.getByRole('textbox', { name: `${channel} revenue`, exact: true });
  }

  removeChannelButton(channel: string): Locator {
    return this.page.getByRole('button', { name: `Remove ${channel}`, exact: true });
  }

  /** Waits until the channels table lists exactly `names`, top to bottom. */
  async expectChannels(names: string[]): Promise<void> {
    await expect(this.channelRows).toHaveCount(names.length);
    for (const [index, name] of names.entries()) {
      await expect(this.channelName(index + 1)).toHaveValue(name);
    }
  }

  /** Types what `channel` spent and brought; only the figures given are typed. */
  async fillChannel(
    channel: string,
    figures: { share?: string; spend?: string; revenue?: string; volumes?: Record<string, string> },
  ): Promise<void> {
    if (figures.share !== undefined) await this.type(this.channelShare(channel), figures.share);
    if (figures.spend !== undefined) await this.type(this.channelSpend(channel), figures.spend);
    for (const [stage, volume] of Object.entries(figures.volumes ?? {})) {
      await this.type(this.channelVolume(channel, stage), volume);
    }
    if (figures.revenue !== undefined) await this.type(this.channelRevenue(channel), figures.revenue);
  }

  /** The "Each channel's own conversion rates" disclosure. */
  get channelRatesSummary(): Locator {
    return this.channelsSection.getByText("Each channel's own conversion rates", { exact: true });
  }

  get channelRatesTable(): Locator {
    return this.page.getByRole('table', { name: 'Conversion rates by channel (%)', exact: true });
  }

  /** Opens "Each channel's own conversion rates" if it is closed. */
  async openChannelRates(): Promise<void> {
    if (!(await this.channelRatesTable.isVisible())) await this.channelRatesSummary.click();
    await expect(this.channelRatesTable).toBeVisible();
  }

  /** `channel`'s own rate from stage `from` into stage `to`. */
  channelRate(channel: string, from: string, to: string): Locator {
    return this.page.getByRole('textbox', { name: `${channel}: ${from} to ${to} rate`, exact: true });
  }

  // ---- Targets by channel and budget needed ---------------------------------------------------

  get channelTargetsSection(): Locator {
    return this.page.getByRole('region', { name: 'Targets by channel', exact: true });
  }

  /** The "Show targets" select: per month, per quarter or per year. */
  get channelTargetsPeriod(): Locator {
    return this.page.getByRole('combobox', { name: 'Show targets', exact: true });
  }

  channelTargetsTable(period: 'per month' | 'per quarter' | 'per year' = 'per month'): Locator {
    return this.page.getByRole('table', { name: `Targets by channel, ${period}`, exact: true });
  }

  get budgetSection(): Locator {
    return this.page.getByRole('region', { name: 'Budget needed', exact: true });
  }

  get budgetTable(): Locator {
    return this.page.getByRole('table', { name: 'Budget needed to reach the targets', exact: true });
  }

  // ---- Marketing KPIs -------------------------------------------------------------------------

  get kpiSection(): Locator {
    return this.page.getByRole('region', { name: 'Marketing KPIs', exact: true });
  }

  get grossMargin(): Locator {
    return this.page.getByRole('textbox', { name: 'Gross margin', exact: true });
  }

  /** The "Customer lifetime given as" choice. */
  lifetimeAs(choice: 'Years' | 'Churn per year'): Locator {
    return this.page
      .getByRole('group', { name: 'Customer lifetime given as', exact: true })
      .getByRole('radio', { name: choice, exact: true });
  }

  get lifetimeYears(): Locator {
    return this.page.getByRole('textbox', { name: 'Expected customer lifetime (years)', exact: true });
  }

  get churn(): Locator {
    return this.page.getByRole('textbox', { name: 'Customers lost per year (churn)', exact: true });
  }

  get customersAtStart(): Locator {
    return this.page.getByRole('textbox', { name: 'Customers at the start of the period', exact: true });
  }

  get customersAtEnd(): Locator {
    return this.page.getByRole('textbox', { name: 'Customers at the end of the period', exact: true });
  }

  get customersNew(): Locator {
    return this.page.getByRole('textbox', { name: 'New customers won during the period', exact: true });
  }

  /** The value shown for a plan-wide KPI, the definition after its term. */
  planKpi(term: 'Customer lifetime value (LTV)' | 'Customer retention rate'): Locator {
    return this.kpiSection
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${escapeRegExp(term)}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  get kpiTable(): Locator {
    return this.page.getByRole('table', { name: 'KPIs by channel', exact: true });
  }

  /** "How the KPIs are calculated". */
  get howKpiSummary(): Locator {
    return this.kpiSection.getByText('How the KPIs are calculated', { exact: true });
  }

  get explainFor(): Locator {
    return this.page.getByRole('combobox', { name: 'Explain the figures of', exact: true });
  }

  /** The steps of "How the KPIs are calculated". */
  howKpiSteps(): Locator {
    return this.kpiSection
      .getByRole('group')
      .filter({ has: this.page.getByText('How the KPIs are calculated', { exact: true }) })
      .getByRole('listitem');
  }

  /** Opens "How the KPIs are calculated" if it is closed. */
  async openHowKpis(): Promise<void> {
    if (!(await this.explainFor.isVisible())) await this.howKpiSummary.click();
    await expect(this.explainFor).toBeVisible();
  }

  // ---- Which channels earn their money --------------------------------------------------------

  get compareSection(): Locator {
    return this.page.getByRole('region', { name: 'Which channels earn their money', exact: true });
  }

  get rankBy(): Locator {
    return this.page.getByRole('combobox', { name: 'Rank channels by', exact: true });
  }

  rankTable(metric: string): Locator {
    return this.page.getByRole('table', { name: `Channels ranked by ${metric}`, exact: true });
  }

  get movePercent(): Locator {
    return this.page.getByRole('textbox', { name: "Share of the worst channel's spend to move", exact: true });
  }

  /** The suggestion under the ranking: the move, its projection and its assumption. */
  get suggestion(): Locator {
    return this.compareSection.getByRole('listitem');
  }

  /** Checks the text of a cell that shows a figure as text only (or "— (why)"). */
  async expectCellText(table: Locator, row: string, column: string, text: string): Promise<void> {
    await expect(await this.cell(table, row, column), `${row} / ${column}`).toHaveText(text);
  }

  // ---- Files ----------------------------------------------------------------------------------

  /** Runs `action` (a click) and returns the file it downloads: its suggested name and text. */
  async download(action: () => Promise<void>): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    return { name: download.suggestedFilename(), text: await downloadText(download) };
  }

  /** Chooses a file to import, as a person would with the file picker. */
  async importText(name: string, text: string | Buffer, mimeType = 'application/json'): Promise<void> {
    await this.importFile.setInputFiles({
      name,
      mimeType,
      buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
    });
  }
}

/** The text of a finished download. */
export async function downloadText(download: Download): Promise<string> {
  const failure = await download.failure();
  expect(failure, `download of ${download.suggestedFilename()}`).toBeNull();
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
