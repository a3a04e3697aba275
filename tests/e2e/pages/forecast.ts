// Part of the page object (see planner.ts): one file per part of the page, each class adding its
// part to the one before, so a spec still works with one `PlannerPage`.
import { expect, type Locator } from '@playwright/test';
import { AnnualPage } from './annual';
import { shownTexts } from './base';

/** How the year's customers are spread over the months, as "Spread the year's customers over the
 * months" words its choices. */
export type Phasing = 'Evenly' | 'By weights per month';

/** A cell of "This plan and its scenarios" as a person reads it. */
export type ComparisonCell = {
  /** The figure shown ("1.2%", "231,195", "—"). */
  figure: string;
  /** Whether the cell says, to a screen reader, that this input differs from this plan's. */
  differs: boolean;
  /** The difference from this plan shown under an outcome ("+155,437", "same"), if any. */
  delta: string | null;
  /** The unrounded figure (`data-value`), if any. */
  value: number | null;
};

/**
 * The Forecast area (`forecast.html`): the "Forecast" introduction beside the plan library, then
 * "When it must happen" (the phasing of the year's customers over the months, the days from each
 * stage to the next and the schedule "What each stage must reach each month"), "The odds of
 * reaching the goal" (a low–high range around each rate and the average revenue, a seed, the
 * chance of reaching the goal, P10 / P50 / P90 and a histogram), "Which rates matter most"
 * (headroom to the top of each typical range or last year's rate, and a tornado over the ranges)
 * and "Scenarios side by side" ("Make scenarios" and the comparison of up to four plans). Every
 * "Pipeline coverage and velocity" (what each quarter needs open when it starts, and the plan's
 * sales velocity). Every
 * figure is rounded up as a need ("9.1", "6,314") or shown as a count ("6.06", "12").
 */
export class ForecastPage extends AnnualPage {
  // ---- Introduction ---------------------------------------------------------------------------

  /** The page's "Forecast" introduction. */
  get forecastIntro(): Locator {
    return this.page.getByRole('region', { name: 'Forecast', exact: true });
  }

  /** "Fix the plan's fields on the Plan page first: …", shown while the plan has a problem. */
  get forecastNeedsPlan(): Locator {
    return this.forecastIntro.getByRole('status');
  }

  // ---- When it must happen --------------------------------------------------------------------

  get timingSection(): Locator {
    return this.page.getByRole('region', { name: 'When it must happen', exact: true });
  }

  /** "Download the forecast (CSV)" in the page's introduction. */
  get downloadForecastCsvButton(): Locator {
    return this.page.getByRole('button', { name: 'Download the forecast (CSV)', exact: true });
  }


  /** The radio `phasing` of "Spread the year's customers over the months". */
  phasingOption(phasing: Phasing): Locator {
    return this.page
      .getByRole('group', { name: "Spread the year's customers over the months", exact: true })
      .getByRole('radio', { name: phasing, exact: true });
  }

  /** Chooses how the year's customers spread over the months. */
  async choosePhasing(phasing: Phasing): Promise<void> {
    await this.phasingOption(phasing).check();
    await expect(this.phasingOption(phasing)).toBeChecked();
  }

  /** The fieldset "Weight of each month" (shown with "By weights per month"). */
  get weightsGroup(): Locator {
    return this.page.getByRole('group', { name: 'Weight of each month', exact: true });
  }

  /** The weight of `month` ("January 2027"), labelled by the month. */
  weight(month: string): Locator {
    return this.weightsGroup.getByRole('textbox', { name: month, exact: true });
  }

  /** Every month's weight field, the plan year's first month first. */
  get weightFields(): Locator {
    return this.weightsGroup.getByRole('textbox');
  }

  /** "Give at least one month a weight above 0." */
  get weightsAllZero(): Locator {
    return this.weightsGroup.getByRole('alert').filter({ hasText: 'Give at least one month a weight above 0.' });
  }

  /** "Days from <from> to <to>". */
  days(from: string, to: string): Locator {
    return this.page.getByRole('textbox', { name: `Days from ${from} to ${to}`, exact: true });
  }

  /**
   * "What each stage must reach each month": Month, then a column per stage; a row per month
   * (those before the plan year read "<month> (before the plan year)") and "Total".
   */
  get scheduleTable(): Locator {
    return this.page.getByRole('table', { name: 'What each stage must reach each month', exact: true });
  }

  /** The note under the schedule (rounding, and the months before the plan year). */
  get scheduleNote(): Locator {
    return this.timingSection.getByText(/^Each figure is rounded up/);
  }

  // ---- Pipeline coverage and velocity --------------------------------------------------------

  get pipelineSection(): Locator {
    return this.page.getByRole('region', { name: 'Pipeline coverage and velocity', exact: true });
  }

  /** "What each quarter needs open when it starts (<n>× coverage)": a row per quarter
   * ("Q1, from January 2027"), its customers, their revenue, the opportunities open at its start
   * and what they are worth. */
  get coverageTable(): Locator {
    return this.pipelineSection.getByRole('table', { name: /^What each quarter needs open when it starts/ });
  }

  /** "Sales velocity, planned and achieved": its four parts, then the velocity per day and per
   * month; planned, and with results achieved and the change. */
  get velocityTable(): Locator {
    return this.pipelineSection.getByRole('table', { name: 'Sales velocity, planned and achieved', exact: true });
  }

  // ---- The odds of reaching the goal ----------------------------------------------------------

  get oddsSection(): Locator {
    return this.page.getByRole('region', { name: 'The odds of reaching the goal', exact: true });
  }

  /** "Lowest rate, <from> → <to>". */
  rangeLow(from: string, to: string): Locator {
    return this.page.getByRole('textbox', { name: `Lowest rate, ${from} → ${to}`, exact: true });
  }

  /** "Highest rate, <from> → <to>". */
  rangeHigh(from: string, to: string): Locator {
    return this.page.getByRole('textbox', { name: `Highest rate, ${from} → ${to}`, exact: true });
  }

  get revenueLow(): Locator {
    return this.page.getByRole('textbox', { name: 'Lowest average revenue per new customer', exact: true });
  }

  get revenueHigh(): Locator {
    return this.page.getByRole('textbox', { name: 'Highest average revenue per new customer', exact: true });
  }

  /** Types a rate's range: its low and high ends (percents, "" to leave an end empty). */
  async typeRange(from: string, to: string, low: string, high: string): Promise<void> {
    await this.type(this.rangeLow(from, to), low);
    await this.type(this.rangeHigh(from, to), high);
  }

  get seedField(): Locator {
    return this.page.getByRole('textbox', { name: 'Seed', exact: true });
  }

  get newSeedButton(): Locator {
    return this.page.getByRole('button', { name: 'New seed', exact: true });
  }

  /** "Give at least one rate or the average revenue a range to see the odds. …" */
  get oddsNeedsRange(): Locator {
    return this.oddsSection.getByText(/^Give at least one rate or the average revenue a range to see the odds\./);
  }

  /** The progress bar of a run ("Running 100,000 trials…"). */
  get oddsProgress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Running 100,000 trials…', exact: true });
  }

  /** The line "Chance of reaching the goal: <percent>", shown once a run is done. */
  get oddsHeadline(): Locator {
    return this.oddsSection.getByRole('paragraph').filter({ hasText: /^Chance of reaching the goal:/ });
  }

  /** The percent of "Chance of reaching the goal:" ("50.12%"). */
  get oddsChance(): Locator {
    return this.oddsHeadline.getByRole('strong');
  }

  /** "<trials> trials with seed <seed>: the same seed gives the same figures on every device." */
  get oddsAbout(): Locator {
    return this.oddsSection.getByText(/^[\d,]+ trials with seed \d+: the same seed gives the same figures on every device\.$/);
  }

  /** Waits until a run with `seed` is done and shown; returns its chance as a number (50.12). */
  async waitForOdds(seed: string): Promise<number> {
    await expect(this.oddsAbout).toHaveText(
      `100,000 trials with seed ${seed}: the same seed gives the same figures on every device.`,
    );
    await expect(this.oddsHeadline).toBeVisible();
    // As read once scrolled to: the panel may be off screen, where `content-visibility` leaves
    // no innerText (the pipeline panel above it pushed it down).
    const [shown = ''] = await shownTexts(this.oddsChance);
    expect(shown, 'chance of reaching the goal').toMatch(/^\d+(\.\d+)?%$/);
    return Number(shown.replace('%', ''));
  }

  /** "Customers and revenue over the simulated years": Figure, P10, P50, P90, Mean. */
  get percentilesTable(): Locator {
    return this.page.getByRole('table', { name: 'Customers and revenue over the simulated years', exact: true });
  }

  /** "Simulated years by new customers (goal: <goal>)": a row per bin; Trials, Share. */
  get histogramTable(): Locator {
    return this.page.getByRole('table', { name: /^Simulated years by new customers \(goal: .+\)$/ });
  }

  /** The histogram drawn (its figures are in `histogramTable`). */
  get histogramChart(): Locator {
    return this.page.getByRole('img', { name: /^Histogram of new customers over the simulated years;/ });
  }

  // ---- Which rates matter most ----------------------------------------------------------------

  get sensitivitySection(): Locator {
    return this.page.getByRole('region', { name: 'Which rates matter most', exact: true });
  }

  /** "Your funnel multiplies its rates, so 10 % better at any stage …" */
  get tenPercentNote(): Locator {
    return this.sensitivitySection.getByText(/^Your funnel multiplies its rates, so 10 % better at any stage/);
  }

  /**
   * "Customers and revenue gained per rate, largest first": Rate, Planned, Could reach, From,
   * More customers per year, More revenue per year, Cost of as many customers at today's CAC.
   */
  get headroomTable(): Locator {
    return this.page.getByRole('table', { name: 'Customers and revenue gained per rate, largest first', exact: true });
  }

  /**
   * "Swing of each input, widest first": Input, Range, Customers at low, Customers at high (and
   * Revenue at low, Revenue at high with an average revenue).
   */
  get tornadoTable(): Locator {
    return this.page.getByRole('table', { name: 'Swing of each input, widest first', exact: true });
  }

  /** The tornado drawn (its figures are in `tornadoTable`). */
  get tornadoChart(): Locator {
    return this.page.getByRole('img', { name: /^Tornado chart of new customers per year/ });
  }

  /** "Type ranges under The odds of reaching the goal to see …" */
  get tornadoNeedsRange(): Locator {
    return this.sensitivitySection.getByText(/^Type ranges under The odds of reaching the goal/);
  }

  // ---- Scenarios side by side -----------------------------------------------------------------

  get scenariosSection(): Locator {
    return this.page.getByRole('region', { name: 'Scenarios side by side', exact: true });
  }

  /** "Change every rate by" (%). */
  get scenarioPercent(): Locator {
    return this.page.getByRole('textbox', { name: 'Change every rate by', exact: true });
  }

  get makeScenariosButton(): Locator {
    return this.page.getByRole('button', { name: 'Make scenarios', exact: true });
  }

  /** The status line of "Make scenarios" (empty until scenarios are made). */
  get scenariosStatus(): Locator {
    return this.scenariosSection.getByRole('status');
  }

  /** The fieldset "Compare with": a checkbox per other plan of the library. */
  get compareWith(): Locator {
    return this.page.getByRole('group', { name: 'Compare with', exact: true });
  }

  /** The checkbox of the plan named `name` in "Compare with". */
  compareCheckbox(name: string): Locator {
    return this.compareWith.getByRole('checkbox', { name, exact: true });
  }

  /**
   * "This plan and its scenarios": Figure, then a column per plan (the open plan first); a row
   * per input (average revenue, each rate, the budget set) and per outcome (customers, revenue,
   * budget needed, each stage per year).
   */
  get comparisonTable(): Locator {
    return this.page.getByRole('table', { name: 'This plan and its scenarios', exact: true });
  }

  /** The plans compared, in their columns' order (the open plan first). */
  async comparedPlans(): Promise<string[]> {
    const headers = await shownTexts(this.comparisonTable.getByRole('columnheader'));
    return headers.slice(1);
  }

  /** A cell of "This plan and its scenarios": its figure, "(differs)", its difference, its value. */
  async comparisonCell(row: string, plan: string): Promise<ComparisonCell> {
    const cell = await this.cell(this.comparisonTable, row, plan);
    await expect(cell).toBeVisible();
    const differs = (await cell.getByText('(differs)', { exact: true }).count()) > 0;
    const parts = await cell.evaluate((element) => ({
      // The figure is the cell's own text, before the hidden "(differs)" and the difference.
      figure: Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim(),
      delta: element.querySelector('.delta')?.textContent?.trim() ?? null,
    }));
    const raw = await cell.getAttribute('data-value');
    return { ...parts, differs, value: raw === null || raw === '' ? null : Number(raw) };
  }

  // ---- What is saved --------------------------------------------------------------------------

  /** The forecast's text saved in the open plan (a JSON text of its own; "" when none). */
  async storedForecast(): Promise<string> {
    const record = await this.storedRecord(await this.openPlanId());
    return record?.plan.forecast ?? '';
  }

  /** Waits until the open plan's saved forecast text contains `text` (e.g. `"seed":"42"`). */
  async expectForecastSaved(text: string): Promise<void> {
    await expect.poll(() => this.storedForecast(), { message: `saved forecast contains ${text}` }).toContain(text);
  }
}
