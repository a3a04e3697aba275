// The page object of the end-to-end tests: Funnel Planner as a person sees it, found by visible
// labels and roles. Each area of the page has its own file, each class adding its area to the
// one before; `PlannerPage` is all of them:
//   base.ts       loading, typing, tables, field errors, the whole page
//   plan-form.ts  "Your goal" and "Funnel stages"
//   results.ts    "Your targets" and the forward check
//   library.ts    "Your plans", "Keep and share", notices, shared plans, tabs, storage, files
//   marketing.ts  channels, targets by channel, budget needed, KPIs, the ranking
// What the tests know of the app's data (storage layout, stored-plan builders, exact texts) is in
// data.ts and re-exported here, so specs import everything from this file.
import { MarketingPage } from './marketing';

export * from './data';
export { downloadText, escapeRegExp } from './base';

/** The whole page. */
export class PlannerPage extends MarketingPage {}
