// Part of the page object (see planner.ts): one file per part of the page, each class adding its
// part to the one before, so a spec still works with one `PlannerPage`.
import { expect, type Locator } from '@playwright/test';
import { ActualsPage } from './actuals';
import { escapeRegExp } from './base';

/** The goal's modes, as "Goal counted as" lists them. */
export type GoalMode =
  | 'Revenue for the year'
  | "Growth over last year's revenue"
  | 'New customers'
  | 'Monthly recurring revenue (MRR) by year end'
  | 'Annual recurring revenue (ARR) by year end';

/** The parts of existing customers' revenue, as their fields are labelled. */
export type ExistingPart = 'Retained revenue' | 'Upsell' | 'Cross-sell';

/** How a part of existing customers' revenue is typed. */
export type ExistingKind = 'an amount' | '% of last year';

/** A row of "Objectives by owner", as a person reads it. */
export type OwnerRow = { objectives: string; onPace: string; behind: string; noFigures: string };

/** The owners table's columns after "Owner", in order, keyed as in `OwnerRow`. */
export const OWNER_COLUMNS: Record<keyof OwnerRow, string> = {
  objectives: 'Objectives',
  onPace: 'On pace',
  behind: 'Behind',
  noFigures: 'No figures yet',
};

/**
 * The Annual plan area (`review.html`): the "Annual plan" introduction, "Last year" (each stage's
 * total with the rate to the next stage and the cost per stage, spend and revenue, CAC, revenue
 * per new customer, "Use last year's rates in the plan"), "The year's goal" (its mode, existing
 * customers' revenue and the chain to the customers needed, "Use … as the plan's goal"), "Rates
 * against last year and typical ranges", "SMART objectives", "Objectives by owner" and the
 * "Quarterly roadmap". A figure with its arithmetic is read as its lines (`lines`), the figure
 * first: the arithmetic is a line of its own under it.
 */
export class AnnualPage extends ActualsPage {
  // ---- Introduction ---------------------------------------------------------------------------

  /** The page's "Annual plan" heading. */
  get annualHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: 'Annual plan', exact: true });
  }

  // ---- Last year ------------------------------------------------------------------------------

  get lastYearSection(): Locator {
    return this.page.getByRole('region', { name: 'Last year', exact: true });
  }

  /** "Last year by stage": a row per stage; Total last year, Rate to the next stage, Cost per stage. */
  get lastYearTable(): Locator {
    return this.page.getByRole('table', { name: 'Last year by stage', exact: true });
  }

  /** The input "<stage> last year" of the table. */
  lastYearTotal(stage: string): Locator {
    return this.page.getByRole('textbox', { name: `${stage} last year`, exact: true });
  }

  get lastYearSpend(): Locator {
    return this.page.getByRole('textbox', { name: 'Marketing spend last year', exact: true });
  }

  get lastYearRevenue(): Locator {
    return this.page.getByRole('textbox', { name: 'Revenue last year', exact: true });
  }

  get lastYearNewRevenue(): Locator {
    return this.page.getByRole('textbox', { name: "Revenue from last year's new customers", exact: true });
  }

  /** Types last year's totals: `{ Visits: '80,000', … }`. */
  async typeLastYearTotals(totals: Record<string, string>): Promise<void> {
    for (const [stage, text] of Object.entries(totals)) await this.type(this.lastYearTotal(stage), text);
  }

  /**
   * The lines a person reads in `element` (its figure, then its arithmetic), trimmed, empty ones
   * left out.
   */
  async lines(element: Locator): Promise<string[]> {
    return (await element.innerText())
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '');
  }

  /** Waits until `element` reads `expected`, line by line. */
  async expectLines(element: Locator, expected: string[], what: string): Promise<void> {
    await expect.poll(() => this.lines(element), { message: what }).toEqual(expected);
  }

  /** Checks the "Rate to the next stage" cell of `stage`: its figure and its arithmetic. */
  async expectLastYearRate(stage: string, expected: string[]): Promise<void> {
    await this.expectLines(await this.cell(this.lastYearTable, stage, 'Rate to the next stage'), expected, `${stage}: rate to the next stage`);
  }

  /** Checks the "Cost per stage" cell of `stage`: its figure and its arithmetic. */
  async expectLastYearCost(stage: string, expected: string[]): Promise<void> {
    await this.expectLines(await this.cell(this.lastYearTable, stage, 'Cost per stage'), expected, `${stage}: cost per stage`);
  }

  /**
   * The value shown for the figure `term` of the Last year panel ("Customer acquisition cost last
   * year", "Revenue per new customer last year"): its figure and arithmetic, read with `lines`.
   */
  lastYearFigure(term: string): Locator {
    return this.lastYearSection
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${escapeRegExp(term)}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  get useLastYearRatesButton(): Locator {
    return this.page.getByRole('button', { name: "Use last year's rates in the plan", exact: true });
  }

  /** The status shown once last year's rates are in the plan, with its "Undo". */
  get lastYearRatesUsed(): Locator {
    return this.lastYearSection.getByRole('status').filter({ hasText: /The plan's rates are now last year's[.,]/ });
  }

  /** "Undo" of "Use last year's rates in the plan". */
  get undoLastYearRates(): Locator {
    return this.lastYearRatesUsed.getByRole('button', { name: 'Undo', exact: true });
  }

  // ---- The year's goal ------------------------------------------------------------------------

  get annualGoalSection(): Locator {
    return this.page.getByRole('region', { name: "The year's goal", exact: true });
  }

  /** "Goal counted as". */
  get goalMode(): Locator {
    return this.page.getByRole('combobox', { name: 'Goal counted as', exact: true });
  }

  async chooseGoalMode(mode: GoalMode): Promise<void> {
    await this.goalMode.selectOption({ label: mode });
    await expect(this.goalMode.locator('option:checked')).toHaveText(mode);
  }

  /** "Growth over last year (%)". */
  get growth(): Locator {
    return this.page.getByRole('textbox', { name: 'Growth over last year (%)', exact: true });
  }

  /** "Revenue goal for the year". */
  get annualRevenueGoal(): Locator {
    return this.page.getByRole('textbox', { name: 'Revenue goal for the year', exact: true });
  }

  /** The fieldset "Revenue from existing customers". */
  get existingGroup(): Locator {
    return this.page.getByRole('group', { name: 'Revenue from existing customers', exact: true });
  }

  /** The input of one part of existing customers' revenue. */
  existing(part: ExistingPart): Locator {
    return this.existingGroup.getByRole('textbox', { name: part, exact: true });
  }

  /** "<part> typed as": an amount, or a percent of last year. */
  existingKind(part: ExistingPart): Locator {
    return this.existingGroup.getByRole('combobox', { name: `${part} typed as`, exact: true });
  }

  /** Types one part of existing customers' revenue and says how it is typed. */
  async typeExisting(part: ExistingPart, text: string, kind: ExistingKind): Promise<void> {
    await this.existingKind(part).selectOption({ label: kind });
    await expect(this.existingKind(part).locator('option:checked')).toHaveText(kind);
    await this.type(this.existing(part), text);
  }

  /** "From the goal to the customers needed": the chain and its "Use … as the plan's goal". */
  get chain(): Locator {
    return this.page.getByRole('group', { name: 'From the goal to the customers needed', exact: true });
  }

  /** The chain's steps, top to bottom ("Goal: $11,000,000" …). */
  get chainSteps(): Locator {
    return this.chain.getByRole('list').getByRole('listitem');
  }

  /** "Use … as the plan's goal" (its figure varies). */
  get useAsPlanGoalButton(): Locator {
    return this.chain.getByRole('button', { name: /^Use .* as the plan's goal(, at .* per new customer)?$/ });
  }

  /** "This is the plan's goal." */
  get chainIsPlanGoal(): Locator {
    return this.chain.getByText("This is the plan's goal.", { exact: true });
  }

  /** The status shown once the chain set the plan's goal, with its "Undo". */
  get planGoalSet(): Locator {
    return this.chain.getByRole('status').filter({ hasText: /The plan's goal is set from the chain[.:]/ });
  }

  /** "Undo" of "Use … as the plan's goal". */
  get undoPlanGoal(): Locator {
    return this.planGoalSet.getByRole('button', { name: 'Undo', exact: true });
  }

  // ---- Rates against last year and typical ranges ---------------------------------------------

  get ratesCheckSection(): Locator {
    return this.page.getByRole('region', { name: 'Rates against last year and typical ranges', exact: true });
  }

  /** "Industry for the typical ranges". */
  get industry(): Locator {
    return this.page.getByRole('combobox', { name: 'Industry for the typical ranges', exact: true });
  }

  /** "Planned rates, last year and typical ranges": Step, Planned, Last year, Typical range, Note. */
  get ratesCheckTable(): Locator {
    return this.page.getByRole('table', { name: 'Planned rates, last year and typical ranges', exact: true });
  }

  /** The rates check's cell of the step "<from> → <to>" in `column`. */
  async rateCheckCell(from: string, to: string, column: string): Promise<Locator> {
    return this.cell(this.ratesCheckTable, `${from} → ${to}`, column);
  }

  // ---- SMART objectives -----------------------------------------------------------------------

  get objectivesSection(): Locator {
    return this.page.getByRole('region', { name: 'SMART objectives', exact: true });
  }

  get draftObjectivesButton(): Locator {
    return this.page.getByRole('button', { name: 'Draft objectives from the plan', exact: true });
  }

  get addObjectiveButton(): Locator {
    return this.page.getByRole('button', { name: 'Add an objective', exact: true });
  }

  /** Every objective, in order (each a list item named by its heading). */
  get objectives(): Locator {
    return this.objectivesSection.getByRole('list').first().locator(':scope > li');
  }

  /** The objectives' headings (their metrics, "New objective" while unnamed), in order. */
  get objectiveHeadings(): Locator {
    return this.objectives.getByRole('heading', { level: 3 });
  }

  /** The objective headed `metric`. */
  objective(metric: string): Locator {
    return this.objectivesSection.getByRole('listitem', { name: metric, exact: true });
  }

  /** The field labelled `label` of the objective headed `metric` ("Owner", "Target", …). */
  objectiveField(metric: string, label: string): Locator {
    return this.objective(metric).getByLabel(label, { exact: true });
  }

  /** The SMART check of the objective headed `metric`: one line per letter. */
  smartCheck(metric: string): Locator {
    return this.objective(metric).getByRole('list', { name: 'SMART check', exact: true }).getByRole('listitem');
  }

  /** The progress line of the objective headed `metric`. */
  progress(metric: string): Locator {
    return this.objective(metric).locator('p.progress');
  }

  /** "Remove the objective <metric>". */
  removeObjectiveButton(metric: string): Locator {
    return this.page.getByRole('button', { name: `Remove the objective ${metric}`, exact: true });
  }

  /** Opens "Values month by month" of the objective headed `metric` (a metric of one's own). */
  async openValues(metric: string): Promise<void> {
    const details = this.objective(metric).locator('details');
    if ((await details.getAttribute('open')) === null) {
      await details.getByText('Values month by month', { exact: true }).click();
    }
    await expect(details).toHaveAttribute('open', '');
  }

  /** The value input of `month` ("January 2027") of the objective headed `metric`. */
  objectiveValue(metric: string, month: string): Locator {
    return this.objective(metric).getByRole('textbox', { name: month, exact: true });
  }

  // ---- What is saved --------------------------------------------------------------------------

  /** The annual plan's text saved in the open plan (a JSON text of its own; "" when none). */
  async storedAnnual(): Promise<string> {
    const record = await this.storedRecord(await this.openPlanId());
    return (record?.plan as { annual?: string } | undefined)?.annual ?? '';
  }

  /** Waits until the open plan's saved annual plan text contains `text` (e.g. `"owner":"Ana"`). */
  async expectAnnualSaved(text: string): Promise<void> {
    await expect.poll(() => this.storedAnnual(), { message: `saved annual plan contains ${text}` }).toContain(text);
  }

  // ---- Objectives by owner, quarterly roadmap -------------------------------------------------

  get ownersSection(): Locator {
    return this.page.getByRole('region', { name: 'Objectives by owner', exact: true });
  }

  get ownersTable(): Locator {
    return this.page.getByRole('table', { name: 'Objectives by owner', exact: true });
  }

  /** Checks every row of the owners table, in order: owner → its counts. */
  async expectOwners(rows: Record<string, OwnerRow>): Promise<void> {
    await expect(this.ownersTable.getByRole('rowheader')).toHaveText(Object.keys(rows));
    for (const [owner, row] of Object.entries(rows)) {
      for (const [key, column] of Object.entries(OWNER_COLUMNS) as [keyof OwnerRow, string][]) {
        await this.expectCellText(this.ownersTable, owner, column, row[key]);
      }
    }
  }

  get roadmapSection(): Locator {
    return this.page.getByRole('region', { name: 'Quarterly roadmap', exact: true });
  }

  /** The quarter `name` ("Q1") of the roadmap: its focus line and its objectives. */
  roadmapQuarter(name: string): Locator {
    return this.roadmapSection
      .locator('div')
      .filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) })
      .last();
  }

  /** The objectives listed under quarter `name` of the roadmap. */
  roadmapItems(name: string): Locator {
    return this.roadmapQuarter(name).getByRole('listitem');
  }
}
