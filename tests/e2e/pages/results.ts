// Part of the page object (see planner.ts): one file per part of the page, each class adding its
// part to the one before, so a spec still works with one `PlannerPage`.
import { type Locator, type Page } from '@playwright/test';
import { PlanFormPage } from './plan-form';

/** "Your targets" (with its problems list and "How this is calculated") and the forward check. */
export class ResultsPage extends PlanFormPage {
  readonly resultsSection: Locator;
  readonly forwardSection: Locator;
  readonly targetsTable: Locator;
  readonly showExactValues: Locator;
  readonly howSummary: Locator;
  readonly howDetails: Locator;

  constructor(page: Page) {
    super(page);
    this.resultsSection = page.getByRole('region', { name: 'Your targets', exact: true });
    this.forwardSection = page.getByRole('region', { name: 'Check your current volume', exact: true });
    this.targetsTable = page.getByRole('table', { name: 'Funnel targets', exact: true });
    this.showExactValues = page.getByRole('checkbox', { name: 'Show exact values', exact: true });
    this.howSummary = this.resultsSection.getByText('How this is calculated', { exact: true });
    this.howDetails = this.resultsSection
      .getByRole('group')
      .filter({ has: page.getByText('How this is calculated', { exact: true }) });
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

  /** The steps of "How this is calculated", in order. */
  howSteps(): Locator {
    return this.howDetails.getByRole('listitem');
  }
}
