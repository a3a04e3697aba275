// Part of the page object (see planner.ts): one file per part of the page, each class adding its
// part to the one before, so a spec still works with one `PlannerPage`.
import { expect, type Locator, type Page } from '@playwright/test';
import { downloadText } from './base';
import { NOTICES, PLAN_PREFIX, planKey, type PlanRecord, type StorageSnapshot } from './data';
import { ResultsPage } from './results';

/** "Your plans", "Keep and share", the notices, shared plans, other tabs and what is stored. */
export class LibraryPage extends ResultsPage {
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

  constructor(page: Page) {
    super(page);
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
      .filter({ hasText: /in the same fields you changed here|was deleted in another tab/ });
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

  /**
   * Opens the plan named `name` from the list and waits until the page shows it (in the Plan
   * area, the editor's name; in any area, the tab's title).
   */
  async openPlan(name: string): Promise<void> {
    await this.planButton(name).click();
    await expect(this.planButton(name)).toHaveAttribute('aria-current', 'true');
    if (this.area() === 'Plan') await expect(this.planName).toHaveValue(name);
    if (name.trim() !== '') await expect(this.page).toHaveTitle(`${name.trim()} – Funnel Planner`);
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

  /**
   * The id of the open plan, from the address (`#plan=<id>`). The page writes it there in a task
   * of its own after the change that opened the plan, so a shared plan just saved may still show
   * `#share=` for a moment: this waits for the address to name a plan.
   */
  async openPlanId(): Promise<string> {
    await expect(this.page, 'the address names the open plan').toHaveURL(/#plan=[A-Za-z0-9_-]+$/);
    const match = /#plan=([A-Za-z0-9_-]+)$/.exec(this.page.url());
    expect(match, `the address ${this.page.url()} names the open plan`).not.toBeNull();
    return match![1];
  }

  /** Waits until the open plan's saved text contains `text`. */
  async expectSaved(text: string): Promise<void> {
    const key = planKey(await this.openPlanId());
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

  // ---- Files ----------------------------------------------------------------------------------

  /** Runs `action` (a click) and returns the file it downloads: its suggested name and text. */
  async download(action: () => Promise<void>): Promise<{ name: string; text: string; hasByteOrderMark: boolean }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    // A CSV file starts with a UTF-8 byte-order mark (for spreadsheets); the text is what follows.
    const raw = await downloadText(download);
    const hasByteOrderMark = raw.startsWith('\uFEFF');
    return { name: download.suggestedFilename(), text: hasByteOrderMark ? raw.slice(1) : raw, hasByteOrderMark };
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
