// What the end-to-end tests know of the app's data: the storage layout, builders of stored plans,
// and the exact texts of notices and messages. No page here; the page object is in planner.ts.
import { expect } from '@playwright/test';

// ---- Storage layout (version 7; keys kept from version 2) ----------------------------------

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
export const SCHEMA_VERSION = 8;
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

/**
 * The tracking side of a plan (version 5): the plan year's first month (`"2027-04"`, or `null`
 * while not set), the results entered, one entry per row that has any (12 months, each the text
 * typed or `null`), and two focus areas per quarter.
 */
export type TrackingBody = {
  start: string | null;
  results: { row: string; channel?: number; months: (string | null)[] }[];
  focus: [string, string][];
};

/** The tracking side of a plan with nothing tracked, as saved (and as older plans are read). */
export function emptyTracking(): TrackingBody {
  return { start: null, results: [], focus: [['', ''], ['', ''], ['', ''], ['', '']] };
}

/**
 * The body of a saved plan (every number as the text typed); `marketing` only from version 3,
 * `currency` and `typed_in` (the language its numbers are typed in) from version 4, `tracking`
 * from version 5, `annual` (the Annual plan page's own JSON text, "" when none) from version 6,
 * `forecast` (the Forecast page's own JSON text, "" when none) from version 7.
 */
export type PlanBody = {
  name: string;
  goal: 'revenue' | 'new_customers';
  revenue_goal: string;
  new_customers_goal: string;
  average_revenue_per_customer: string;
  stages: { id: number; name: string; rate_to_next: string }[];
  current_top_per_month: string;
  marketing?: MarketingBody;
  currency?: string;
  typed_in?: 'en' | 'id' | 'pl' | 'fr';
  tracking?: TrackingBody;
  annual?: string;
  forecast?: string;
};

/** A saved plan record: version 7 as written now, versions 2 and 3 as tests seed older saves. */
export type PlanRecord = {
  schema_version: 2 | 3 | 4 | 5 | 6 | 7;
  id: string;
  modified: number;
  deleted?: number;
  plan: PlanBody;
};

/** An export file. */
export type ExportFile = {
  app: 'funnel-planner';
  schema_version: 2 | 3 | 4 | 5 | 6 | 7;
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
  conflictChanged: (fields: string, copy: string) =>
    `This plan was changed in another tab in the same fields you changed here: ${fields}. Everything else either tab changed is kept. Until you choose, your version stays on screen and is saved as “${copy}”.`,
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

// ---- Results typed on the Results page (the plan year set to start in January 2027) --------

export const JAN = 'January 2027';
export const FEB = 'February 2027';
export const MAR = 'March 2027';
export const APR = 'April 2027';

/**
 * Three months of results for the worked example's stages. Totals: Visits 19,500, Leads 270,
 * MQLs 60, SQLs 12, Opportunities 5, Customers 2, Revenue 2,200,000.
 */
export const THREE_MONTHS: Record<string, Record<string, string>> = {
  [JAN]: { Visits: '6,000', Leads: '80', MQLs: '20', SQLs: '4', Opportunities: '2', Customers: '1', Revenue: '1,100,000' },
  [FEB]: { Visits: '6,500', Leads: '90', MQLs: '18', SQLs: '5', Opportunities: '1', Customers: '0', Revenue: '0' },
  [MAR]: { Visits: '7,000', Leads: '100', MQLs: '22', SQLs: '3', Opportunities: '2', Customers: '1', Revenue: '1,100,000' },
};
