import { test, expect } from './fixtures';
import { CHANNELS_PAGE, type PlannerPage } from './pages/planner';

// Marketing KPIs and "Which channels earn their money": the KPIs each channel's spend, volumes and
// revenue give (and why one cannot be given), the customer value and retention of the plan, how
// each figure is calculated, the ranking of the channels and the linear suggestion to move spend
// from the worst channel to the best. Every expected figure is worked out by hand in a comment.
//
// The example plan's average revenue per new customer is 1,100,000 (used by LTV and payback).
// An English page's plan counts its money in US dollars: amounts of money read "$2,000".
// All of this is in the Channels and KPIs area (`channels.html`); a test that changes the stages
// goes to the Plan area and back through the "Areas" navigation, as a person does.

const CAC = 'Customer acquisition cost (CAC)';
const ROI = 'Marketing ROI';

test.beforeEach(async ({ planner }) => {
  await planner.goto(CHANNELS_PAGE);
});

/**
 * Paid search: spend 12,000 for 300 leads. Paid social: spend 20,000, 10 opportunities, 4
 * customers, revenue 50,000. Email: spend 5,500 for 70 visits. Gross margin 60%, lifetime 3 years.
 */
async function typeKpiExample(planner: PlannerPage): Promise<void> {
  await planner.fillChannel('Paid search', { spend: '12,000', volumes: { Leads: '300' } });
  await planner.fillChannel('Paid social', {
    spend: '20,000',
    volumes: { Opportunities: '10', Customers: '4' },
    revenue: '50,000',
  });
  await planner.fillChannel('Email', { spend: '5,500', volumes: { Visits: '70' } });
  await planner.type(planner.grossMargin, '60');
  await planner.type(planner.lifetimeYears, '3');
}

// Fails if: a KPI of a channel, of all channels, LTV or retention is computed or written wrongly.
test('KPIs by channel from spend, volumes and revenue', async ({ planner }) => {
  await typeKpiExample(planner);
  const kpis = planner.kpiTable;

  // Paid search: 12,000 ÷ 300 leads = 40 per lead.
  await planner.expectCell(kpis, 'Cost per Leads', 'Paid search', '$40', 40);
  // Email: 5,500 ÷ 70 visits = 78.5714…: under 100, so 2 decimals.
  await planner.expectCell(kpis, 'Cost per Visits', 'Email', '$78.57', 5_500 / 70);
  // Paid social: 20,000 ÷ 10 = 2,000 per opportunity; 20,000 ÷ 4 = 5,000 per customer.
  await planner.expectCell(kpis, 'Cost per Opportunities', 'Paid social', '$2,000', 2_000);
  await planner.expectCell(kpis, CAC, 'Paid social', '$5,000', 5_000);
  // ROI = (50,000 − 20,000) ÷ 20,000 = 1.5 = 150%; ROAS = 50,000 ÷ 20,000 = 2.5×.
  await planner.expectCell(kpis, ROI, 'Paid social', '150%', 1.5);
  await planner.expectCell(kpis, 'Return on ad spend (ROAS)', 'Paid social', '2.5×', 2.5);
  // 4 customers of 10 opportunities = 40%.
  await planner.expectCell(kpis, 'Opportunity-to-win ratio', 'Paid social', '40%', 0.4);
  // LTV = 1,100,000 × 60% × 3 years = 1,980,000; LTV:CAC = 1,980,000 ÷ 5,000 = 396×.
  await expect(planner.planKpi('Customer lifetime value (LTV)')).toHaveText('$1,980,000');
  await planner.expectCell(kpis, 'LTV:CAC', 'Paid social', '396×', 396);
  // Payback = 5,000 ÷ (1,100,000 ÷ 12 × 60%) = 5,000 ÷ 55,000 = 0.0909… months: below 1, so
  // kept to two significant digits, to the nearest: 0.091.
  await planner.expectCell(kpis, 'CAC payback (months)', 'Paid social', '0.091', 5_000 / 55_000);

  // All channels pairs each total with the spend of the channels that have that figure:
  // leads only from Paid search (40), customers only from Paid social (5,000).
  await planner.expectCell(kpis, 'Cost per Leads', 'All channels', '$40', 40);
  await planner.expectCell(kpis, CAC, 'All channels', '$5,000', 5_000);
  await planner.expectCell(kpis, ROI, 'All channels', '150%', 1.5);

  // Retention = (230 at the end − 50 new) ÷ 200 at the start = 90%.
  await expect(planner.planKpi('Customer retention rate')).toHaveText('— (no customers at the start)');
  await planner.type(planner.customersAtStart, '200');
  await planner.type(planner.customersAtEnd, '230');
  await planner.type(planner.customersNew, '50');
  await expect(planner.planKpi('Customer retention rate')).toHaveText('90%');

  // Lifetime from churn: 25% a year → 1 ÷ 25% = 4 years; LTV = 1,100,000 × 60% × 4 = 2,640,000.
  await planner.lifetimeAs('Churn per year').check();
  await expect(planner.lifetimeYears).toHaveCount(0);
  await planner.type(planner.churn, '25');
  await expect(planner.planKpi('Customer lifetime value (LTV)')).toHaveText('$2,640,000');
  await planner.expectCell(kpis, 'LTV:CAC', 'Paid social', '528×', 528);
  await planner.expectNoBrokenNumbers();
});

// Fails if: a KPI that cannot be computed shows a number, NaN or a bare dash instead of "—" with
// the reason in a few words.
test('a KPI that cannot be computed says why', async ({ planner }) => {
  const kpis = planner.kpiTable;
  // Only revenue typed for Organic search: no spend.
  await planner.fillChannel('Organic search and blog', { revenue: '500' });
  await planner.expectCellText(kpis, 'Cost per Leads', 'Organic search and blog', '— (no spend)');
  await planner.expectCellText(kpis, ROI, 'Organic search and blog', '— (no spend)');
  await planner.fillChannel('Organic search and blog', { spend: '100', revenue: '' });
  await planner.expectCellText(kpis, ROI, 'Organic search and blog', '— (no revenue)');
  await expect(planner.planKpi('Customer lifetime value (LTV)')).toHaveText('— (no gross margin)');

  // Referrals: a spend of 0 with revenue: ROI and ROAS would divide by 0.
  await planner.fillChannel('Referrals', { spend: '0', revenue: '1,000' });
  await planner.expectCellText(kpis, ROI, 'Referrals', '— (spend is 0)');
  await planner.expectCellText(kpis, 'Return on ad spend (ROAS)', 'Referrals', '— (spend is 0)');
  // Events: spend but 0 leads and no customers: 1,000 bought nothing at Leads.
  await planner.fillChannel('Events and trade shows', { spend: '1,000', volumes: { Leads: '0' } });
  await planner.expectCellText(kpis, 'Cost per Leads', 'Events and trade shows', '0 Leads for $1,000');
  await planner.expectCellText(kpis, CAC, 'Events and trade shows', '— (no Customers)');
  await planner.expectCellText(kpis, 'CAC payback (months)', 'Events and trade shows', '— (no CAC)');
  // Customers but no opportunities.
  await planner.fillChannel('Email', { spend: '500', volumes: { Customers: '2' } });
  await planner.expectCellText(kpis, 'Opportunity-to-win ratio', 'Email', '— (no Opportunities)');
  await planner.expectCellText(kpis, 'LTV:CAC', 'Email', '— (no lifetime value)');

  // More new customers than customers at the end cannot give a retention rate.
  await planner.type(planner.customersAtStart, '200');
  await planner.type(planner.customersAtEnd, '230');
  await planner.type(planner.customersNew, '300');
  await expect(planner.planKpi('Customer retention rate')).toHaveText('— (more new customers than at the end)');
  await planner.expectNoBrokenNumbers();
});

// Fails if: a fresh plan's KPI table is a wall of "— (no spend)" instead of one sentence saying
// what to type, or a channel with no figures gets a column.
test('KPIs list only the channels with figures', async ({ planner }) => {
  await expect(planner.kpiTable).toHaveCount(0);
  await expect(
    planner.kpiSection.getByText(
      "No channel has figures yet. Type a channel's spend and what it brought at each stage above (and its revenue for ROI and ROAS) to see its KPIs here.",
      { exact: true },
    ),
  ).toBeVisible();
  await planner.fillChannel('Email', { spend: '5,000', volumes: { Customers: '5' } });
  const headers = planner.kpiTable.getByRole('columnheader');
  await expect(headers).toHaveText(['KPI', 'Email', 'All channels']);
  await expect(planner.kpiSection.getByText(/^No channel has figures yet/)).toHaveCount(0);
  // A figure typed in one more channel brings its column, in the channels' order.
  await planner.fillChannel('Paid search', { volumes: { Leads: '10' } });
  await expect(headers).toHaveText(['KPI', 'Paid search', 'Email', 'All channels']);
});

// Fails if: with six channels filled in, the KPI table needs sideways scrolling on a 1,280 px
// screen.
test('six filled channels fit the KPI table at 1,280 px', async ({ page, planner }) => {
  test.slow(); // 24 fields typed key by key.
  await page.setViewportSize({ width: 1280, height: 800 });
  const figures: [string, string, string, string][] = [
    ['Organic search and blog', '12,000', '40', '30,000'],
    ['Paid search', '20,000', '0', ''],
    ['Paid social', '5,000', '5', '40,000'],
    ['Email', '10,000', '2', '20,000'],
    ['Events and trade shows', '25,000', '3', '60,000'],
    ['Referrals', '1,500', '4', '45,000'],
  ];
  for (const [channel, spend, customers, revenue] of figures) {
    await planner.fillChannel(channel, {
      spend,
      volumes: { Leads: '300', Customers: customers },
      revenue,
    });
  }
  await expect(planner.kpiTable.getByRole('columnheader')).toHaveCount(8);
  const region = page.getByRole('region', { name: 'KPIs by channel', exact: true });
  const { scrollWidth, clientWidth } = await region.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(scrollWidth, `KPI table ${scrollWidth} px in a ${clientWidth} px region`).toBeLessThanOrEqual(clientWidth);
});

// Fails if: bad KPI inputs are not explained under their fields.
test('bad KPI inputs are explained under their fields', async ({ planner }) => {
  await planner.type(planner.grossMargin, '120');
  await planner.expectFieldError(planner.grossMargin, 'Enter a percent from 0 to 100.');
  await planner.type(planner.customersAtStart, 'many');
  await planner.expectFieldError(planner.customersAtStart, 'Enter digits only, like 1,250,000 or 12.5.');
  await planner.type(planner.lifetimeYears, '-2');
  await expect(planner.lifetimeYears).toHaveAttribute('aria-invalid', 'true');
  await planner.type(planner.movePercent, '101');
  // Moving 0% or more than all of the spend means nothing: the share must be in (0, 100].
  await planner.expectFieldError(planner.movePercent, 'Enter a rate greater than 0 and at most 100.');
  await planner.expectNoBrokenNumbers();
});

// Fails if: "How the KPIs are calculated" does not show each formula with the numbers used, for
// all channels and for the channel chosen.
test('how the KPIs are calculated, for all channels or one', async ({ planner }) => {
  await typeKpiExample(planner);
  await planner.openHowKpis();
  await expect(planner.explainFor).toHaveValue('all');
  const steps = planner.howKpiSteps();
  await expect(steps).toContainText([
    'Cost per Visits = spend ÷ Visits = $5,500 ÷ 70 = $78.57',
    'Cost per Leads = spend ÷ Leads = $12,000 ÷ 300 = $40',
    'CAC = spend ÷ new Customers = $20,000 ÷ 4 = $5,000',
    'LTV = average revenue per customer per year × gross margin × lifetime in years = $1,100,000 × 60% × 3 = $1,980,000',
  ]);

  await planner.explainFor.selectOption({ label: 'Paid social' });
  // Payback 5,000 ÷ 55,000 = 0.0909… months: below 1, two significant digits, nearest: 0.091.
  await expect(steps).toHaveText([
    'Cost per Visits: no Visits',
    'Cost per Leads: no Leads',
    'Cost per MQLs: no MQLs',
    'Cost per SQLs: no SQLs',
    'Cost per Opportunities = spend ÷ Opportunities = $20,000 ÷ 10 = $2,000',
    'CAC = spend ÷ new Customers = $20,000 ÷ 4 = $5,000',
    'Marketing ROI = (revenue − spend) ÷ spend = ($50,000 − $20,000) ÷ $20,000 = 150%',
    'ROAS = revenue ÷ spend = $50,000 ÷ $20,000 = 2.5×',
    'Opportunity-to-win ratio = Customers ÷ Opportunities = 4 ÷ 10 = 40%',
    'LTV = average revenue per customer per year × gross margin × lifetime in years = $1,100,000 × 60% × 3 = $1,980,000',
    'LTV:CAC = LTV ÷ CAC = $1,980,000 ÷ $5,000 = 396×',
    'CAC payback = CAC ÷ (average revenue per customer per year ÷ 12 × gross margin) = $5,000 ÷ ($1,100,000 ÷ 12 × 60%) = 0.091 months',
    'Customer retention rate: no customers at the start',
  ]);

  await planner.lifetimeAs('Churn per year').check();
  await planner.type(planner.churn, '25');
  await expect(steps).toContainText(['Lifetime in years = 1 ÷ churn per year = 1 ÷ 25% = 4']);
});

/**
 * The worked example of the comparison: Events and trade shows spent 20,000 for 2 customers and
 * 30,000 revenue; Email spent 5,000 for 5 customers and 40,000 revenue.
 */
async function typeCompareExample(planner: PlannerPage): Promise<void> {
  await planner.fillChannel('Events and trade shows', {
    spend: '20,000',
    volumes: { Customers: '2' },
    revenue: '30,000',
  });
  await planner.fillChannel('Email', { spend: '5,000', volumes: { Customers: '5' }, revenue: '40,000' });
}

// Fails if: the ranking, the channels left out of it, the suggested move or its linear projection
// are wrong, or the share to move is not followed.
test('rank channels by CAC and move spend from the worst to the best', async ({ planner }) => {
  await typeCompareExample(planner);
  await expect(planner.rankBy).toHaveValue('cac');
  const ranked = planner.rankTable(CAC);
  // CAC: Email 5,000 ÷ 5 = 1,000 (best); Events 20,000 ÷ 2 = 10,000 (worst).
  await expect(planner.bodyRows(ranked).getByRole('rowheader')).toHaveText(['Email', 'Events and trade shows']);
  await planner.expectCellText(ranked, 'Email', 'Rank', '1');
  await planner.expectCellText(ranked, 'Email', CAC, '$1,000');
  await planner.expectCellText(ranked, 'Email', ROI, '700%');
  await planner.expectCellText(ranked, 'Events and trade shows', 'Rank', '2');
  await planner.expectCellText(ranked, 'Events and trade shows', CAC, '$10,000');
  await planner.expectCellText(ranked, 'Events and trade shows', ROI, '50%');
  await expect(
    planner.text(`Not ranked (no ${CAC}): Organic search and blog, Paid search, Paid social, Referrals`),
  ).toBeVisible();

  // Move 20% of 20,000 = 4,000. Customers per unit of spend: Email 5 ÷ 5,000 = 0.001, Events
  // 2 ÷ 20,000 = 0.0001 → 4,000 × 0.0009 = +3.6. Revenue per unit: 8 and 1.5 → 4,000 × 6.5 = +26,000.
  await expect(planner.movePercent).toHaveValue('20');
  await expect(planner.suggestion).toHaveText([
    "Move $4,000 (20% of Events and trade shows's spend) to Email.",
    'Linear projection for the same period: +3.6 Customers and +$26,000 in revenue.',
    /^Assumes each channel keeps winning customers and revenue per unit of spend at its current rate; per \$1,000 spent, Email wins 1 Customers and \$8,000 in revenue, Events and trade shows 0\.1 and \$1,500\./,
  ]);

  // Half of it: 10,000 → +9 customers (10,000 × 0.0009) and +65,000 (10,000 × 6.5).
  await planner.type(planner.movePercent, '50');
  await expect(planner.suggestion.first()).toHaveText("Move $10,000 (50% of Events and trade shows's spend) to Email.");
  await expect(planner.suggestion.nth(1)).toHaveText('Linear projection for the same period: +9 Customers and +$65,000 in revenue.');
  await planner.type(planner.movePercent, '');
  await expect(planner.suggestion).toHaveText(['Type the share of spend to move.']);
});

// Fails if: a channel that spent and won nothing is left out of the ranking ("Not ranked")
// instead of ranked last, or the suggestion takes spend from another channel.
test('a channel that spent and won nothing ranks last and gives up its spend', async ({ planner }) => {
  await planner.fillChannel('Paid search', { spend: '20,000', volumes: { Customers: '0' }, revenue: '0' });
  await planner.fillChannel('Paid social', { spend: '5,000', volumes: { Customers: '5' } });
  await planner.fillChannel('Email', { spend: '10,000', volumes: { Customers: '2' } });
  // CAC: Paid social 5,000 ÷ 5 = 1,000; Email 10,000 ÷ 2 = 5,000; Paid search 20,000 for 0.
  const ranked = planner.rankTable(CAC);
  await expect(planner.bodyRows(ranked).getByRole('rowheader')).toHaveText(['Paid social', 'Email', 'Paid search']);
  await planner.expectCellText(ranked, 'Paid search', 'Rank', '3');
  await planner.expectCellText(ranked, 'Paid search', CAC, '0 Customers for $20,000');
  // Revenue typed as 0: ROI (0 − 20,000) ÷ 20,000 = −100%.
  await expect(await planner.cell(ranked, 'Paid search', ROI)).toHaveText(/^[-−]100%$/);
  await expect(planner.text(`Not ranked (no ${CAC}): Organic search and blog, Events and trade shows, Referrals`)).toBeVisible();
  // 20% of 20,000 = 4,000 to Paid social at 5 per 5,000: 4,000 × (5 ÷ 5,000 − 0 ÷ 20,000) = +4.
  await expect(planner.suggestion.first()).toHaveText("Move $4,000 (20% of Paid search's spend) to Paid social.");
  await expect(planner.suggestion.nth(1)).toHaveText(/^Linear projection for the same period: \+4 Customers\./);
});

// Fails if: ranking by ROI or by a stage's cost orders the channels wrongly, or the choice is not
// saved with the plan.
test('rank by ROI or by a stage cost', async ({ planner }) => {
  await typeCompareExample(planner);
  // Paid search: spend 4,000, 2 customers (CAC 2,000), revenue 48,000: ROI (48,000 − 4,000) ÷
  // 4,000 = 1,100%, the best by ROI, second by CAC.
  await planner.fillChannel('Paid search', { spend: '4,000', volumes: { Customers: '2' }, revenue: '48,000' });
  await expect(planner.bodyRows(planner.rankTable(CAC)).getByRole('rowheader')).toHaveText([
    'Email', 'Paid search', 'Events and trade shows',
  ]);

  await planner.rankBy.selectOption({ label: ROI });
  const byRoi = planner.rankTable(ROI);
  await expect(planner.bodyRows(byRoi).getByRole('rowheader')).toHaveText([
    'Paid search', 'Email', 'Events and trade shows',
  ]);
  await planner.expectCellText(byRoi, 'Paid search', ROI, '1,100%');
  // Move 4,000 from Events to Paid search: customers 4,000 × (2 ÷ 4,000 − 2 ÷ 20,000) = +1.6;
  // revenue 4,000 × (12 − 1.5) = +42,000.
  await expect(planner.suggestion.first()).toHaveText("Move $4,000 (20% of Events and trade shows's spend) to Paid search.");
  await expect(planner.suggestion.nth(1)).toHaveText('Linear projection for the same period: +1.6 Customers and +$42,000 in revenue.');
  await planner.expectSaved('"rank_by":"roi"');

  // No channel has leads: nothing to rank by their cost.
  await planner.rankBy.selectOption({ label: 'Cost per Leads' });
  await expect(planner.text('No channel has a Cost per Leads yet: enter spend and volumes above.')).toBeVisible();
  await expect(planner.suggestion).toHaveText(['A suggestion needs at least two channels with a Cost per Leads.']);
  await planner.expectSaved('"rank_by":"stage:2"');
  await planner.reload();
  await expect(planner.rankBy).toHaveValue('stage-2');
});

// Fails if: a channel whose leads are cheaper than all channels' but whose opportunities are
// dearer is not pointed out.
test('cheap leads that rarely become opportunities are pointed out', async ({ planner }) => {
  // Paid social: 1,000 for 100 leads (10 each) but 1 opportunity (1,000 each) and 1 customer.
  // Email: 9,000 for 90 leads (100 each), 30 opportunities (300 each), 10 customers.
  // All channels: 10,000 ÷ 190 leads = 52.63; 10,000 ÷ 31 opportunities = 322.58.
  await planner.fillChannel('Paid social', { spend: '1,000', volumes: { Leads: '100', Opportunities: '1', Customers: '1' } });
  await planner.fillChannel('Email', { spend: '9,000', volumes: { Leads: '90', Opportunities: '30', Customers: '10' } });
  const ranked = planner.rankTable(CAC);
  // CAC: Email 900, Paid social 1,000.
  await expect(planner.bodyRows(ranked).getByRole('rowheader')).toHaveText(['Email', 'Paid social']);
  await planner.expectCellText(ranked, 'Paid social', 'Cost per Leads', '$10');
  await planner.expectCellText(ranked, 'Paid social', 'Cost per Opportunities', '$1,000');
  await planner.expectCellText(ranked, 'Paid social', 'Note', 'Cheap Leads, costly Opportunities');
  await planner.expectCellText(ranked, 'Email', 'Cost per Leads', '$100');
  await planner.expectCellText(ranked, 'Email', 'Note', '');
});

// Fails if: after the stage a ranking was by is removed, the select shows one metric while the
// ranking uses another (it falls back to CAC).
test('ranking by a removed stage falls back to CAC, and the select says so', async ({ planner }) => {
  await typeCompareExample(planner);
  await planner.rankBy.selectOption({ label: 'Cost per Leads' });
  await expect(planner.text('No channel has a Cost per Leads yet: enter spend and volumes above.')).toBeVisible();
  await planner.openArea('Plan');
  await planner.removeButton('Leads').click();
  await planner.expectStages(['Visits', 'MQLs', 'SQLs', 'Opportunities', 'Customers']);
  await planner.openArea('Channels and KPIs');
  await expect(planner.rankTable(CAC)).toBeVisible();
  await expect(planner.rankBy).toHaveValue('cac');
});
