// The page object of the end-to-end tests: Funnel Planner as a person sees it, found by visible
// labels and roles. Each part of the page has its own file, each class adding its part to the
// one before; `PlannerPage` is all of them. The app has six areas, each a page of its own (Plan
// at `./`, Annual plan at `review.html`, Forecast at `forecast.html`, Sales team at `team.html`,
// Channels and KPIs at
// `channels.html`, Results at `results.html`): one `PlannerPage` follows the tab from one to
// another (`openArea`), and each locator finds its part only in the area that shows it.
//   base.ts       loading, the areas and their navigation, typing, tables, field errors, the page
//   plan-form.ts  "Your goal" and "Funnel stages"
//   results.ts    "Your targets" and the forward check
//   library.ts    "Your plans", "Keep and share", notices, shared plans, tabs, storage, files
//   marketing.ts  channels, targets by channel, budget needed, KPIs, the ranking
//   actuals.ts    the Results area: results by month, where the year stands, leaks, quarters
//   annual.ts     the Annual plan area: last year, the year's goal and its chain, rates against
//                 last year and typical ranges, SMART objectives, owners and the roadmap
//   forecast.ts   the Forecast area: when each stage must happen, the odds of reaching the goal,
//                 which rates matter most and scenarios side by side
//   team.ts       the Sales team area: what each role handles, and the heads, hires and cost
// What the tests know of the app's data (storage layout, stored-plan builders, exact texts) is in
// data.ts and re-exported here, so specs import everything from this file.
import { TeamPage } from './team';

export * from './data';
export { AREAS, CHANNELS_PAGE, FORECAST_PAGE, RESULTS_PAGE, REVIEW_PAGE, TEAM_PAGE, areaOf, downloadText, escapeRegExp, type Area } from './base';
export { STANDING_COLUMNS, type StandingRow } from './actuals';
export { OWNER_COLUMNS, type ExistingKind, type ExistingPart, type GoalMode, type OwnerRow } from './annual';
export { type ComparisonCell, type Phasing } from './forecast';

/** The whole app, in whichever area the tab shows. */
export class PlannerPage extends TeamPage {}
