// Part of the page object (see planner.ts): one file per part of the page, each class adding its
// part to the one before, so a spec still works with one `PlannerPage`.
import type { Locator } from '@playwright/test';
import { ForecastPage } from './forecast';

/**
 * The Sales team area (`team.html`): "The sales team the plan needs" introduction beside the plan
 * library, with "Download the sales team (CSV)" and "Print the sales team"; "What each role
 * handles" (sales development reps and account executives: what one handles a month, the ramp,
 * heads in place and cost per head; what an AE's capacity counts; the yearly attrition); and
 * "Heads, hires and cost month by month" (a sentence and a table per role, and how they are
 * calculated).
 */
export class TeamPage extends ForecastPage {
  /** The page's introduction, which holds its CSV and print buttons. */
  get teamIntro(): Locator {
    return this.page.getByRole('region', { name: 'The sales team the plan needs', exact: true });
  }

  get downloadTeamCsvButton(): Locator {
    return this.teamIntro.getByRole('button', { name: 'Download the sales team (CSV)', exact: true });
  }

  /** "What each role handles": every input of the team. */
  get teamRolesSection(): Locator {
    return this.page.getByRole('region', { name: 'What each role handles', exact: true });
  }

  /** A field of the team by its label ("SQLs one SDR handles a month", "SDRs: ramp, % of full
   * output each month", "Yearly attrition of the sales team" …). */
  teamField(label: string): Locator {
    return this.teamRolesSection.getByRole('textbox', { name: label, exact: true });
  }

  /** "Heads, hires and cost month by month": each role's sentence and table, "How this is
   * calculated", or what stops them. */
  get teamSection(): Locator {
    return this.page.getByRole('region', { name: 'Heads, hires and cost month by month', exact: true });
  }

  /** "<role> month by month" ("SDRs", "AEs"): a row per month (those before the plan year read
   * "<month> (before the plan year)"), the role's stage, heads needed at full output, heads on the
   * team, their output, hires starting and (with a cost per head) the cost. */
  teamTable(role: string): Locator {
    return this.teamSection.getByRole('table', { name: `${role} month by month`, exact: true });
  }
}
