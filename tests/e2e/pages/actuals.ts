// Part of the page object (see planner.ts): one file per part of the page, each class adding its
// part to the one before, so a spec still works with one `PlannerPage`.
import { expect, type Locator } from '@playwright/test';
import { MarketingPage } from './marketing';

/** A row of "Each stage against its targets, year to date", as a person reads it. */
export type StandingRow = {
  targetToDate: string;
  actualToDate: string;
  pace: string;
  yearTarget: string;
  reached: string;
  stillNeeded: string;
  neededPerMonth: string;
  projected: string;
};

/** The standing table's columns after "Stage", in order, keyed as in `StandingRow`. */
export const STANDING_COLUMNS: Record<keyof StandingRow, string> = {
  targetToDate: 'Target to date',
  actualToDate: 'Actual to date',
  pace: 'Pace',
  yearTarget: 'Target for the year',
  reached: 'Reached',
  stillNeeded: 'Still needed',
  neededPerMonth: 'Needed per month',
  projected: 'Projected for the year',
};

/**
 * The Results area (`results.html`): "Actual results" (the plan year, whose results, the grid
 * of months × stages, spend and revenue, its errors and paste notes), "Where the year stands",
 * "Where the funnel leaks", "Month by month", "Conversion achieved" and "Quarter by quarter"
 * with its focus areas. (Named "actuals" because results.ts is "Your targets".)
 */
export class ActualsPage extends MarketingPage {
  // ---- Actual results -------------------------------------------------------------------------

  get actualsSection(): Locator {
    return this.page.getByRole('region', { name: 'Actual results', exact: true });
  }

  /** "Plan year starts in" (an `<input type="month">`, value "YYYY-MM"). */
  get planYear(): Locator {
    return this.page.getByLabel('Plan year starts in', { exact: true });
  }

  /** Sets the plan year's first month, e.g. "2027-04", as the month picker would. */
  async setPlanYear(month: string): Promise<void> {
    await this.planYear.fill(month);
    await expect(this.planYear).toHaveValue(month);
  }

  /** "Results of": the whole plan's results or one channel's (shown when the plan has channels). */
  get resultsOf(): Locator {
    return this.page.getByRole('combobox', { name: 'Results of', exact: true });
  }

  /** Shows the whole plan's results (`null`) or `channel`'s in the grid. */
  async showResultsOf(channel: string | null): Promise<void> {
    await this.resultsOf.selectOption({ label: channel ?? 'The whole plan' });
  }

  /** "Results by month": a row per month, a column per stage, then Spend and Revenue. */
  get grid(): Locator {
    return this.page.getByRole('table', { name: 'Results by month', exact: true });
  }

  /** The scrolling region the grid sits in. */
  get gridRegion(): Locator {
    return this.page.getByRole('region', { name: 'Results by month', exact: true });
  }

  /** The grid's month labels, top to bottom ("January 2027" …). */
  async gridMonths(): Promise<string[]> {
    return this.rowHeaders(this.grid);
  }

  /**
   * The grid's input for `row` (a stage, "Spend" or "Revenue") in `month` ("March 2027"), named
   * "Leads in March 2027".
   */
  result(row: string, month: string): Locator {
    return this.grid.getByRole('textbox', { name: `${row} in ${month}`, exact: true });
  }

  /** A whole-plan cell that shows the channels' sum (read-only), "… , sum of the channels". */
  summedResult(row: string, month: string): Locator {
    return this.grid.getByRole('textbox', { name: `${row} in ${month}, sum of the channels`, exact: true });
  }

  /** Types `text` into the cell of `row` in `month`, key by key. */
  async typeResult(row: string, month: string, text: string): Promise<void> {
    await this.type(this.result(row, month), text);
  }

  /** Types several results: `{ 'January 2027': { Leads: '80', … }, … }`. */
  async typeResults(results: Record<string, Record<string, string>>): Promise<void> {
    for (const [month, rows] of Object.entries(results)) {
      for (const [row, text] of Object.entries(rows)) await this.typeResult(row, month, text);
    }
  }

  /**
   * Pastes `text` (as a spreadsheet copies it: cells split by tabs, lines by newlines) into
   * `cell`, as Ctrl+V would: a `paste` event whose clipboard data carries it as text/plain. (The
   * real clipboard needs permissions and a focused window; the event is what the page reads.)
   */
  async paste(cell: Locator, text: string): Promise<void> {
    await cell.focus();
    await cell.evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      element.dispatchEvent(event);
    }, text);
  }

  /** The note after a paste: "Pasted N results." and what was refused. */
  get pasteNote(): Locator {
    return this.actualsSection.getByRole('status').getByText(/^Pasted \d+ results?\./);
  }

  /** The list of results that cannot be read, shown under the grid. */
  get resultErrors(): Locator {
    return this.actualsSection
      .locator('#results-errors')
      .filter({ hasText: 'Some results cannot be read.' });
  }

  /** The button in the results' error list for `cell` ("Leads in April 2027") with `message`. */
  resultError(cell: string, message: string): Locator {
    return this.resultErrors.getByRole('button', { name: `${cell}: ${message}`, exact: true });
  }

  // ---- Where the year stands ------------------------------------------------------------------

  get standingSection(): Locator {
    return this.page.getByRole('region', { name: 'Where the year stands', exact: true });
  }

  get standingTable(): Locator {
    return this.page.getByRole('table', {
      name: 'Each stage against its targets, year to date',
      exact: true,
    });
  }

  /** The funnel chart of the results to date against the target to date. */
  get funnelChart(): Locator {
    return this.page.getByRole('img', {
      name: 'Results to date against the target to date, by stage',
      exact: true,
    });
  }

  /** Every shown text of the standing table's row `stage` (a stage, "Revenue" or "Spend"). */
  async readStanding(stage: string): Promise<StandingRow> {
    const row = {} as StandingRow;
    for (const [key, column] of Object.entries(STANDING_COLUMNS) as [keyof StandingRow, string][]) {
      row[key] = (await (await this.cell(this.standingTable, stage, column)).innerText()).trim();
    }
    return row;
  }

  /** Checks every shown text of the standing table's row `stage`. */
  async expectStanding(stage: string, expected: StandingRow): Promise<void> {
    for (const [key, column] of Object.entries(STANDING_COLUMNS) as [keyof StandingRow, string][]) {
      await expect(await this.cell(this.standingTable, stage, column), `${stage} / ${column}`).toHaveText(expected[key]);
    }
  }

  // ---- Where the funnel leaks -----------------------------------------------------------------

  get leaksSection(): Locator {
    return this.page.getByRole('region', { name: 'Where the funnel leaks', exact: true });
  }

  /** The leaks, the largest loss first. */
  get leaks(): Locator {
    return this.leaksSection.getByRole('list').first().locator(':scope > li');
  }

  /** The point each leak is about ("Volume of Visits", "Leads → MQLs"), in ranked order. */
  async leakNames(): Promise<string[]> {
    // Each leak starts "<point>: <what it loses or wins>".
    // textContent: the panel may be off screen, where `content-visibility` leaves no innerText.
    return (await this.leaks.locator(':scope > p:first-child').allTextContents()).map((text) => text.split(': ')[0].trim());
  }

  /** The "What to fix first:" advice of each leak that has one. */
  get leakAdvice(): Locator {
    return this.leaksSection.getByText(/^What to fix first:/);
  }

  // ---- What it would take ----------------------------------------------------------------------

  get takeSection(): Locator {
    return this.page.getByRole('region', { name: 'What it would take', exact: true });
  }

  get takeTable(): Locator {
    return this.page.getByRole('table', { name: 'What each lever alone would take', exact: true });
  }

  /** Checks the row of `lever` in "What it would take": every shown text, left to right. */
  async expectLever(lever: string, texts: [needed: string, now: string, change: string, mark: string]): Promise<void> {
    await expect(this.row(this.takeTable, lever).getByRole('cell'), lever).toHaveText(texts);
  }

  // ---- Month by month, conversion, quarters ---------------------------------------------------

  get monthSection(): Locator {
    return this.page.getByRole('region', { name: 'Month by month', exact: true });
  }

  /** "Show": which series "Month by month" shows. */
  get monthSeries(): Locator {
    return this.page.getByRole('combobox', { name: 'Show', exact: true });
  }

  /** "<name>: target and result by month". */
  monthTable(name: string): Locator {
    return this.page.getByRole('table', { name: `${name}: target and result by month`, exact: true });
  }

  get conversionTable(): Locator {
    return this.page.getByRole('table', {
      name: 'Rate from each stage into the next, planned and achieved',
      exact: true,
    });
  }

  get quartersSection(): Locator {
    return this.page.getByRole('region', { name: 'Quarter by quarter', exact: true });
  }

  get quartersTable(): Locator {
    return this.page.getByRole('table', { name: "Each quarter's target, result and share reached", exact: true });
  }

  /** The focus areas of quarter `quarter` (1–4), in a group named "Q1: April 2027 – June 2027". */
  quarterGroup(name: string): Locator {
    return this.quartersSection.getByRole('group', { name, exact: true });
  }

  /** "Focus 1 for Q1" … "Focus 2 for Q4". */
  focus(number: 1 | 2, quarter: 1 | 2 | 3 | 4): Locator {
    return this.page.getByRole('textbox', { name: `Focus ${number} for Q${quarter}`, exact: true });
  }

  /** Opens every closed disclosure shown on the page ("How this is calculated" and the like). */
  async openAllDetails(): Promise<void> {
    const summaries = this.page.locator('details:not([open]) > summary:visible');
    for (let guard = 0; guard < 50 && (await summaries.count()) > 0; guard++) {
      await summaries.first().click();
    }
    await expect(summaries).toHaveCount(0);
  }
}
