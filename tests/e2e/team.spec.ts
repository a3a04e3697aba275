import { test, expect } from './fixtures';
import { RESULTS_PAGE, expectClose } from './pages/planner';

// The Sales team page (`team.html`), for the app's first plan, the worked
// example: 10,000,000 a year at 1,100,000 per new customer, rates 1.5 / 20 / 20 / 40 / 50 %, so
// 9.0909 customers, 18.1818 opportunities and 45.4545 SQLs a year; evenly over the months and with
// no days typed on the Forecast page, 3.7879 SQLs, 1.5152 opportunities and 0.7576 customers a
// month. The plan year is next calendar year, Y: no month of it and not the December before it
// (this year's) is ever past when this runs. Every figure below
// is worked by hand in the comment beside it.

const Y = new Date().getFullYear() + 1;
const DECEMBER_BEFORE = `December ${Y - 1} (before the plan year)`;
const JANUARY = `January ${Y}`;
const DECEMBER = `December ${Y}`;

const SQLS_A_MONTH = 10_000_000 / 1_100_000 / 0.5 / 0.4 / 12;
const CUSTOMERS_A_MONTH = 10_000_000 / 1_100_000 / 12;

// Fails if: the heads needed are not the role's stage ÷ what one head handles, hires are not
// rounded up to whole people or do not start a ramp's length before the month that needs them
// (that month labelled as before the plan year), heads in place are not counted first, the cost
// is not heads × cost per head split between the plan year and the months before it, a wrong
// field is not named next to itself and by the section it stops, or the page's CSV leaves the
// team out.
test('the SDRs and AEs the plan needs, their hires a ramp ahead and their cost', async ({ planner }) => {
  await planner.goto(RESULTS_PAGE);
  await planner.setPlanYear(`${Y}-01`);
  await planner.openArea('Sales team');
  const section = planner.teamSection;
  const roles = planner.teamRolesSection;
  await expect(section).toContainText(
    'Type what one SDR or one AE handles a month to see the heads, the hires and the cost.',
  );

  // SDRs: 1 SQL a head a month, a one-month ramp at 50 %, 5,000 a head a month, nobody in place.
  // January of Y needs 3.7879 ÷ 1 = 3.79 heads: ⌈3.7879⌉ = 4 people start a month earlier, in
  // December of Y − 1, bringing 4 × 50 % = 2 heads' output then and 4 from January.
  await planner.teamField('SQLs one SDR handles a month').fill('1');
  await planner.teamField('SDRs: ramp, % of full output each month').fill('50');
  // The ramp's form is said under its field, and read with it.
  await expect(planner.teamField('SDRs: ramp, % of full output each month')).toHaveAccessibleDescription(
    'Such as 25; 50; 75. Empty when a new hire is fully productive at once.',
  );
  await planner.teamField('SDRs: cost of one head a month').fill('5,000');
  // 4 heads × 5,000 × 12 months = 240,000; December of Y − 1: 4 × 5,000 = 20,000.
  await expect(section).toContainText(
    `SDRs: heads needed at full output, at most 3.79 (${JANUARY}); in place: 0; to hire: 4. The first starts in December ${Y - 1}. ` +
      'They cost $240,000 over the plan year and $20,000 in the months before it.',
  );
  const sdrs = planner.teamTable('SDRs');
  await expect(sdrs.getByRole('columnheader')).toHaveText([
    'Month',
    'SQLs',
    'Heads needed at full output',
    'Heads on the team',
    'Their output, in full heads',
    'Hires starting',
    'Cost',
  ]);
  const rows = await planner.rowHeaders(sdrs);
  expect(rows[0]).toBe(DECEMBER_BEFORE);
  expect(rows[1]).toBe(JANUARY);
  expect(rows).toHaveLength(13);
  await planner.expectCell(sdrs, DECEMBER_BEFORE, 'Hires starting', '4', 4);
  await planner.expectCell(sdrs, DECEMBER_BEFORE, 'Their output, in full heads', '2', 2);
  await planner.expectCell(sdrs, DECEMBER_BEFORE, 'SQLs', '0', 0);
  await planner.expectCell(sdrs, JANUARY, 'SQLs', '3.79', SQLS_A_MONTH);
  await planner.expectCell(sdrs, JANUARY, 'Heads needed at full output', '3.79', SQLS_A_MONTH);
  await planner.expectCell(sdrs, JANUARY, 'Hires starting', '0', 0);
  await planner.expectCell(sdrs, DECEMBER, 'Heads on the team', '4', 4);
  await planner.expectCell(sdrs, DECEMBER, 'Cost', '$20,000', 20_000);

  // AEs counted by the customers they close: 0.5 a head a month, 1 in place, no ramp. January
  // of Y needs 0.7576 ÷ 0.5 = 1.52 heads; the 1 in place leaves 0.52 short: 1 hire, starting
  // that month as there is no ramp.
  await roles.getByRole('radio', { name: 'Customers closed a month' }).check();
  await planner.teamField('Customers one AE closes a month').fill('0.5');
  await planner.teamField('AEs already in place').fill('1');
  await expect(section).toContainText(
    `AEs: heads needed at full output, at most 1.52 (${JANUARY}); in place: 1; to hire: 1. The first starts in ${JANUARY}.`,
  );
  const aes = planner.teamTable('AEs');
  expect((await planner.rowHeaders(aes))[0]).toBe(JANUARY);
  await planner.expectCell(aes, JANUARY, 'Heads needed at full output', '1.52', CUSTOMERS_A_MONTH / 0.5);
  await planner.expectCell(aes, JANUARY, 'Heads on the team', '2', 2);
  // No cost per head typed for AEs: no cost column, no cost sentence.
  await expect(aes.getByRole('columnheader', { name: 'Cost' })).toHaveCount(0);
  await expect(section).not.toContainText(`The first starts in ${JANUARY}. They cost`);

  // "How this is calculated" shows this plan's arithmetic.
  await section.getByText('How this is calculated').click();
  await expect(section).toContainText(`SDRs: in ${JANUARY}, 3.79 SQLs ÷ 1 a head = 3.79 heads at full output.`);
  await expect(section).toContainText("A new hire's output during the ramp, month by month: 50% of full output, then all of it.");

  // A wrong field is said next to itself, and the section names it instead of its figures.
  await planner.teamField('Yearly attrition of the sales team').fill('100');
  await expect(roles).toContainText('Enter a yearly attrition from 0 to below 100 percent, such as 15.');
  await expect(section.getByRole('button', { name: 'Yearly attrition of the sales team' })).toBeVisible();
  await expect(sdrs).toHaveCount(0);
  await planner.teamField('Yearly attrition of the sales team').fill('');
  await planner.teamField('SDRs: ramp, % of full output each month').fill('25, 50');
  await expect(roles).toContainText(
    "Enter each ramp month's share of full output as a percent from 0 to 100, separated by semicolons, at most 24 months, such as 25; 50; 75.",
  );
  await planner.teamField('SDRs: ramp, % of full output each month').fill('50');
  await expect(sdrs).toBeVisible();

  // The page's CSV carries the team's inputs and both tables, figures in full precision.
  const file = await planner.download(() => planner.downloadTeamCsvButton.click());
  expect(file.name).toBe('My-marketing-plan-sales-team.csv');
  const lines = file.text.split('\r\n');
  expect(lines).toContain('What each role handles');
  expect(lines).toContain('What one AE\'s capacity counts,Customers closed a month');
  expect(lines).toContain('SQLs one SDR handles a month,1');
  // A label with a comma is quoted, as every CSV field with one is.
  expect(lines).toContain('"SDRs: ramp, % of full output each month",50');
  expect(lines).toContain('SDRs: cost of one head a month,5000');
  const at = lines.indexOf('SDRs month by month');
  expect(at).toBeGreaterThan(0);
  expect(lines[at + 1]).toBe(
    'Month,SQLs,Heads needed at full output,Heads on the team,"Their output, in full heads",Hires starting,Cost',
  );
  expect(lines[at + 2]).toBe(`${DECEMBER_BEFORE},0,0,4,2,4,20000`);
  const january = lines[at + 3].split(',');
  expect(january[0]).toBe(JANUARY);
  expectClose(Number(january[1]), SQLS_A_MONTH, 'CSV SQLs in January');
  expect(lines).toContain('AEs month by month');

  // A timing field of the Forecast page with a problem stops the figures, and the page says where.
  await planner.openArea('Forecast');
  await planner.days('Opportunities', 'Customers').fill('x');
  await planner.openArea('Sales team');
  await expect(planner.teamSection).toContainText(
    'The volumes are timed under When it must happen on the Forecast page, where a field has a problem: correct it there to see the team.',
  );
  await expect(planner.teamTable('SDRs')).toHaveCount(0);
});
