import { test, expect } from './fixtures';
import { JAN, RESULTS_PAGE, THREE_MONTHS, expectClose, type PlannerPage } from './pages/planner';

// "What it would take" on the Results page, for the app's first plan, the worked example:
// 10,000,000 a year at 1,100,000 per new customer, rates 1.5 / 20 / 20 / 40 / 50 %. No annual
// plan is set, so the typical ranges are those for all industries and nothing is known of last
// year. Every figure below is worked by hand in the comment beside it.

// THREE_MONTHS (pages/data.ts): totals Visits 19,500 (6,500 a month), Leads 270, MQLs 60, SQLs
// 12, Opportunities 5, Customers 2, Revenue 2,200,000 (1,100,000 per new customer). Rates
// achieved: 270 ÷ 19,500 = 1.3846 %, 60 ÷ 270 = 22.22 %, 12 ÷ 60 = 20 %, 5 ÷ 12 = 41.67 %,
// 2 ÷ 5 = 40 %.

async function openResults(planner: PlannerPage): Promise<void> {
  await planner.goto(RESULTS_PAGE);
  await planner.setPlanYear('2027-01');
}

// Fails if: the panel does not start from the results' run rate (6,500 visits a month, the rates
// and revenue per customer achieved), the months left or the gap are counted otherwise, a lever's
// figure differs from the hand calculation or is rounded below what it needs, a lever is marked
// against the wrong range, or "How this is calculated" does not show this plan's arithmetic.
test('with three months of results, each lever alone and what it would take', async ({ planner }) => {
  await openResults(planner);
  const section = planner.takeSection;
  await expect(section).toContainText(
    'Enter the Visits of each month with results, or before any result the Visits you reach a month now in the forward check on the Plan page, to see what it would take to reach the goal.',
  );
  // A result without the top stage's: nothing to start from yet.
  await planner.typeResult('Customers', JAN, '1');
  await expect(section).toContainText('Enter the Visits of each month with results, or before any result the Visits you reach a month now in the forward check on the Plan page, to see what it would take to reach the goal.');
  await planner.typeResults(THREE_MONTHS);
  await planner.expectSaved('"7,000"');

  // As it stands: 6,500 × 1.3846 % × 22.22 % × 20 % × 41.67 % × 40 % = 2/3 of a customer a month
  // × 1,100,000 = 733,333.33. Still needed: 10,000,000 − 2,200,000 = 7,800,000 over the 9 months
  // left = 866,666.67 a month (rounded up: 866,667). Short: (866,666.67 − 733,333.33) × 9 =
  // 1,200,000. Each lever alone × 866,666.67 ÷ 733,333.33 = 13/11 = 1.181818.
  await expect(section).toContainText(
    'From the results entered (months with Visits results: 3), the plan brings $733,333 a month as it stands; each month still without a Revenue result (9) needs $866,667. ' +
      'At this pace the year ends $1,200,000 short of the goal. Each lever alone, the others as they are, would close the gap at:',
  );
  const table = planner.takeTable;
  await expect(table.getByRole('columnheader')).toHaveText(['Lever', 'It would take', 'Now', 'Change', 'How realistic']);
  expect(await planner.rowHeaders(table)).toEqual([
    'Volume of Visits',
    'Visits → Leads',
    'Leads → MQLs',
    'MQLs → SQLs',
    'SQLs → Opportunities',
    'Opportunities → Customers',
    'Revenue per new customer',
    'Every rate, by the same factor',
  ]);
  // Visits: 6,500 × 13/11 = 7,681.82 → 7,682; +18.1818 % → rounded up, 18.19 %.
  await planner.expectLever('Volume of Visits', ['7,682', '6,500', '+18.19%', 'Nothing to compare with']);
  // 1.3846 % × 13/11 = 1.6364 % → 1.64 %, within 1.3–2.4 % (all industries).
  await planner.expectLever('Visits → Leads', ['1.64%', '1.38%', '+18.19%', 'Within or below the typical range']);
  // 22.22 % × 13/11 = 26.2626 % → 26.27 %, within 9.7–35.6 %.
  await planner.expectLever('Leads → MQLs', ['26.27%', '22.22%', '+18.19%', 'Within or below the typical range']);
  // 20 % × 13/11 = 23.6364 % → 23.64 %, within 13–36 %.
  await planner.expectLever('MQLs → SQLs', ['23.64%', '20%', '+18.19%', 'Within or below the typical range']);
  // 41.67 % × 13/11 = 49.2424 % → 49.25 %; no public report gives this step a range.
  await planner.expectLever('SQLs → Opportunities', ['49.25%', '41.67%', '+18.19%', 'Nothing to compare with']);
  // 40 % × 13/11 = 47.2727 % → 47.28 %, beyond 15–20 %.
  await planner.expectLever('Opportunities → Customers', [
    '47.28%',
    '40%',
    '+18.19%',
    'Unlikely: beyond the typical range',
  ]);
  // 1,100,000 × 13/11 = 1,300,000.
  await planner.expectLever('Revenue per new customer', ['$1,300,000', '$1,100,000', '+18.19%', 'Nothing to compare with']);
  // (13/11)^(1/5) = 1.033975 → × 1.034 (rounded up at 4 decimals: 1.0340); +3.3975 % → 3.4 %.
  // The close rate at 40 % × 1.034 = 41.36 % is still beyond 20 %.
  await planner.expectLever('Every rate, by the same factor', [
    '× 1.034',
    '× 1',
    '+3.4%',
    'Unlikely: beyond the typical range',
  ]);

  await section.getByText('How this is calculated', { exact: true }).click();
  await expect(section.getByRole('group')).toContainText(
    'Each month left needs $866,667; as it stands the plan brings 6,500 × 1.38% × 22.22% × 20% × 41.67% × 40% × $1,100,000 = $733,333 a month. ' +
      'A lever alone closes the gap when it is multiplied by what is needed ÷ what the plan brings = 1.1819, the others as they are',
  );

  // The panel as a CSV file: its heading, its sentences, then its table in full precision.
  const file = await planner.download(() =>
    section.getByRole('button', { name: 'Download what it would take (CSV)', exact: true }).click(),
  );
  expect(file.name).toBe('My-marketing-plan-what-it-would-take.csv');
  const lines = file.text.split('\r\n');
  expect(lines[0]).toBe('What it would take');
  expect(lines[1]).toMatch(/^"From the results entered \(months with Visits results: 3\), the plan brings \$733,333 a month/);
  // A field with a comma is quoted.
  expect(lines[2]).toBe('"At this pace the year ends $1,200,000 short of the goal. Each lever alone, the others as they are, would close the gap at:"');
  expect(lines[4]).toBe('What each lever alone would take');
  expect(lines[5]).toBe('Lever,It would take,Now,Change,How realistic');
  // Visits: 6,500 × 13/11 = 7,681.818… unrounded; now 6,500; change 18.1818… %.
  const visits = lines[6].split(',');
  expect(visits[0]).toBe('Volume of Visits');
  expectClose(Number(visits[1]), (6_500 * 13) / 11, 'Visits it would take');
  expect(visits[2]).toBe('6500');
  expectClose(Number(visits[3]), (100 * 2) / 11, 'change, %');
  expect(visits[4]).toBe('Nothing to compare with');
});

// Fails if: before any result the panel does not start from the volume typed in the Plan page's
// forward check at the plan's rates, or a plan ahead of its goal is not told by how much.
test("before any result it starts from the forward check's volume, and says when the plan is ahead", async ({ planner }) => {
  await planner.goto();
  const current = planner.currentVolume('Visits');
  await planner.type(current, '6,000');
  await planner.expectSaved('"6,000"');
  await planner.openArea('Results');
  // 6,000 × 0.00012 = 0.72 new customers × 1,100,000 = 792,000 a month; the goal needs
  // 10,000,000 ÷ 12 = 833,333.33 (rounded up: 833,334): short by 12 × 41,333.33 = 496,000.
  const section = planner.takeSection;
  await expect(section).toContainText(
    "From the 6,000 Visits a month typed in the forward check, at the plan's rates, the plan brings $792,000 a month; each month needs $833,334. " +
      'At this pace the year ends $496,000 short of the goal.',
  );
  // Visits: 833,333.33 ÷ 132 = 6,313.13 → 6,314; +5.2189 % → 5.22 %. The close rate: 50 % ×
  // 1.0521886 = 52.61 %.
  await planner.expectLever('Volume of Visits', ['6,314', '6,000', '+5.22%', 'Nothing to compare with']);
  await planner.expectLever('Opportunities → Customers', [
    '52.61%',
    '50%',
    '+5.22%',
    'Unlikely: beyond the typical range',
  ]);

  // 7,000 visits: 7,000 × 132 = 924,000 a month, 924,000 ÷ 833,333.33 − 1 = 10.88 % ahead.
  await planner.openArea('Plan');
  await planner.type(planner.currentVolume('Visits'), '7,000');
  await planner.expectSaved('"7,000"');
  await planner.openArea('Results');
  await expect(section).toContainText('That is 10.88% more than the goal needs: no lever has to move.');
  await expect(planner.takeTable).toHaveCount(0);
  // Its arithmetic says what the plan brings, and nothing of levers.
  const how = section.getByRole('group');
  await section.getByText('How this is calculated', { exact: true }).click();
  await expect(how).toContainText(
    'Each month left needs $833,334; as it stands the plan brings 7,000 × 1.5% × 20% × 20% × 40% × 50% × $1,100,000 = $924,000 a month.',
  );
  await expect(how).not.toContainText('A lever alone');
});
