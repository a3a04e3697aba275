import { test, expect } from './fixtures';
import { t, type Lang } from './lib/catalogue';
import { REVIEW_PAGE, type PlannerPage } from './pages/planner';

// One plan, one truth: the pages agree on a figure, and no figure rests silently on a value the
// person never typed. The marketer's flow of the issue, in euros: last year → a growth goal →
// existing customers → the plan's goal. Every test starts from the app's first plan, the worked
// example (10,000,000 at 1,100,000 per new customer, rates 1.5 / 20 / 20 / 40 / 50 %).

/** Last year as the marketer typed it: each stage's total for the year. */
const LAST_YEAR: Record<string, string> = {
  Visits: '120,000',
  Leads: '2,400',
  MQLs: '720',
  SQLs: '216',
  Opportunities: '86',
  Customers: '21',
};

/** Counts money in euros (the Plan page's Currency), then opens the Annual plan and types last
 * year, a +20 % goal, 70 % of last year's revenue retained and 300,000 of upsell. */
async function marketersYear(planner: PlannerPage): Promise<void> {
  await planner.goto('/');
  await planner.type(planner.page.getByRole('combobox', { name: 'Currency', exact: true }), 'EUR');
  await planner.openArea('Annual plan');
  await planner.typeLastYearTotals(LAST_YEAR);
  await planner.type(planner.lastYearSpend, '420,000');
  await planner.type(planner.lastYearRevenue, '6,300,000');
  await planner.type(planner.lastYearNewRevenue, '1,890,000');
  await planner.chooseGoalMode("Growth over last year's revenue");
  await planner.type(planner.growth, '20');
  await planner.typeExisting('Retained revenue', '70', '% of last year');
  await planner.typeExisting('Upsell', '300,000', 'an amount');
}

// Hand calculation:
//   goal                6,300,000 × 1.2 = 7,560,000
//   existing customers  70 % × 6,300,000 = 4,410,000 retained + 300,000 upsell = 4,710,000
//   from new customers  7,560,000 − 4,710,000 = 2,850,000
//   per new customer    last year's 1,890,000 ÷ 21 = 90,000 (the plan's 1,100,000 is the worked
//                       example's, which the marketer never typed)
//   new customers       2,850,000 ÷ 90,000 = 31.666… → 32 shown (from 10 up, the whole number to
//                       reach), never 2,850,000 ÷ 1,100,000 = 2.59
//   on the Plan page    customers a year 31.67 → 32; Opportunities 31.67 ÷ 50 % = 63.33 → 64;
//                       Visits 31.67 ÷ (0.5 × 0.4 × 0.2 × 0.2 × 0.015) = 263,888.9 → 263,889
// Fails if: the chain divides by the example's average revenue per new customer instead of last
// year's, does not say whose figure it used, "Use … as the plan's goal" leaves the plan's average
// at the example's (so the Plan page asks for 2.59 customers), the confirmation does not name
// both figures, or Undo does not put both back.
test("the annual plan's chain uses last year's revenue per new customer, and the Plan page follows it", async ({ planner }) => {
  await marketersYear(planner);
  await expect(planner.chainSteps).toHaveText([
    'Goal: €7,560,000',
    'From existing customers: €4,710,000 (retained €4,410,000, upsell €300,000, cross-sell €0)',
    'From new customers: €2,850,000',
    "Revenue per new customer: €90,000, last year's: revenue from new customers ÷ new customers = €1,890,000 ÷ 21",
    'New customers needed in the year: 32',
  ]);
  await expect(planner.useAsPlanGoalButton).toHaveText(
    "Use €2,850,000 from new customers as the plan's goal, at €90,000 per new customer",
  );

  await planner.useAsPlanGoalButton.click();
  await expect(planner.planGoalSet).toHaveText(
    "The plan's goal is set from the chain: €2,850,000 from new customers, at €90,000 per new customer. Undo",
  );
  await expect(planner.chainIsPlanGoal).toBeVisible();
  // The chain now reads the plan's own average, which says the same.
  await expect(planner.chainSteps.nth(3)).toHaveText(
    "Revenue per new customer: €90,000, the plan's average revenue per new customer",
  );
  await planner.expectSaved('"average_revenue_per_customer":"90,000"');

  // Undo puts back both the goal and the example's average.
  await planner.undoPlanGoal.click();
  await planner.expectSaved('"average_revenue_per_customer":"1,100,000"');
  await planner.expectSaved('"revenue_goal":"10,000,000"');
  await expect(planner.useAsPlanGoalButton).toBeVisible();

  // Set again, and the Plan page turns the goal into the same 31.67 customers.
  await planner.useAsPlanGoalButton.click();
  await expect(planner.chainIsPlanGoal).toBeVisible();
  await planner.openArea('Plan');
  await expect(planner.revenueGoal).toHaveValue('2,850,000');
  await expect(planner.averageRevenue).toHaveValue('90,000');
  await planner.expectCell(planner.targetsTable, 'Customers', 'Per year', '32', 2_850_000 / 90_000);
  await planner.expectCell(planner.targetsTable, 'Visits', 'Per year', '263,889', 2_850_000 / 90_000 / 0.00012);
});

// Fails if: with nothing of last year's to use, the chain divides by the example's figure without
// saying that it is the example's.
test("with no revenue per customer of last year, the chain says it uses the example's figure", async ({ planner }) => {
  await planner.goto(REVIEW_PAGE);
  await planner.chooseGoalMode('Revenue for the year');
  await planner.type(planner.annualRevenueGoal, '2,200,000');
  // 2,200,000 ÷ 1,100,000 = 2 new customers.
  await expect(planner.chainSteps).toHaveText([
    'Goal: $2,200,000',
    'From existing customers: $0 (retained $0, upsell $0, cross-sell $0)',
    'From new customers: $2,200,000',
    "Revenue per new customer: $1,100,000, the worked example's figure, not yours: type your average revenue per new customer on the Plan page, or last year's new customers and their revenue above",
    'New customers needed in the year: 2',
  ]);
});

// ---- What leaves the page ---------------------------------------------------------------------

// Every object URL a download is made from is recorded with when it was created and revoked.
declare global {
  interface Window {
    revokedAfterMs: number[];
  }
}

// Fails if: a download's object URL is revoked right after the click (the browser may not have
// read it yet on a busy machine: the file then comes out named "download", without its name), or
// a download started while the page is busy loses its name.
test('every download keeps its name, even on a busy page', async ({ page, planner }) => {
  await page.addInitScript(() => {
    window.revokedAfterMs = [];
    const created = new Map<string, number>();
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = create(object);
      created.set(url, performance.now());
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      window.revokedAfterMs.push(performance.now() - (created.get(url) ?? 0));
      revoke(url);
    };
  });
  await planner.goto('/');
  // Each download is started while the page's main thread is busy for 1.5 s, in slices of 40 ms.
  const busy = () =>
    page.evaluate(() => {
      const end = performance.now() + 1_500;
      const spin = (): void => {
        const slice = performance.now() + 40;
        while (performance.now() < slice) {
          // busy
        }
        if (performance.now() < end) setTimeout(spin, 0);
      };
      spin();
    });
  const names: string[] = [];
  for (const button of [planner.exportPlanButton, planner.exportAllButton, planner.downloadCsvButton]) {
    await busy();
    names.push((await planner.download(() => button.click())).name);
  }
  expect(names).toEqual([
    'My-marketing-plan.funnel-plans.json',
    expect.stringMatching(/^funnel-plans-\d{4}-\d{2}-\d{2}\.funnel-plans\.json$/),
    'My-marketing-plan.csv',
  ]);
  // No URL was revoked within a second of being made.
  const early = await page.evaluate(() => window.revokedAfterMs.filter((ms) => ms < 1_000));
  expect(early, 'object URLs revoked within a second').toEqual([]);
});

// ---- Layout that holds ------------------------------------------------------------------------

/** The focused element's description and whether it shows a focus ring: an outline at least 2 px
 * wide that is not "none", or a box shadow. */
async function focusedRing(page: import('@playwright/test').Page): Promise<{ what: string; ringed: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { what: 'body', ringed: true };
    const style = getComputedStyle(element);
    const ringed =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    const name = element.getAttribute('aria-label') ?? element.id ?? '';
    return { what: `${element.tagName.toLowerCase()}#${name} "${(element.textContent ?? '').trim().slice(0, 30)}"`, ringed };
  });
}

// Fails if: a control met on the keyboard's way from the top of the Results page to "Plan year
// starts in", that field included, shows no focus ring when it has focus.
test('every control up to "Plan year starts in" shows a focus ring from the keyboard', async ({ page, planner }) => {
  await planner.goto('/results.html');
  const unringed: string[] = [];
  for (let step = 0; step < 120; step += 1) {
    await page.keyboard.press('Tab');
    const { what, ringed } = await focusedRing(page);
    if (!ringed) unringed.push(what);
    if (await page.evaluate(() => document.activeElement?.id === 'plan-year')) break;
  }
  await expect(page.locator('#plan-year')).toBeFocused();
  expect(unringed, 'controls without a focus ring').toEqual([]);
  // Clicked into, the field (its month or its year) shows the ring too.
  await page.getByRole('heading', { name: 'Actual results', exact: true }).click();
  await page.getByLabel('Plan year starts in', { exact: true }).click();
  expect((await focusedRing(page)).ringed, 'a ring on "Plan year starts in" when clicked').toBe(true);
});

// Fails if: the blog embed has no level-1 heading (a screen reader's first landmark in the frame)
// or offers its readers a "Plan name" field (they keep nothing, so a name has no use there).
test('the embed has a level-1 heading and asks its readers for no plan name', async ({ page }) => {
  await page.goto('/embed.html');
  await expect(page.getByLabel('Revenue goal', { exact: true })).toBeVisible();
  await expect(page.locator('[data-frame]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Funnel Planner');
  await expect(page.getByRole('textbox', { name: 'Plan name' })).toHaveCount(0);
});

// Fails if: a 3,000-character stage or channel name makes any page of the app wider than the
// window (the "Rank channels by" select once made the Channels page 28,600 px wide).
test('a very long stage or channel name widens no page', async ({ page, planner }) => {
  const long = 'x'.repeat(3_000);
  await planner.goto('/');
  await planner.stageName(2).fill(long);
  await expect(planner.stageName(2)).toHaveValue(long);
  await planner.openArea('Channels and KPIs');
  await planner.channelName(1).fill(long);
  await expect(planner.channelName(1)).toHaveValue(long);
  const width = await page.evaluate(() => window.innerWidth);
  for (const area of ['Channels and KPIs', 'Plan', 'Annual plan', 'Forecast', 'Sales team', 'Results'] as const) {
    await planner.openArea(area);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `width of ${area}` })
      .toBeLessThanOrEqual(width);
  }
});

// ---- Every message true -----------------------------------------------------------------------

// Fails if: an empty Currency field asks for a number ("Enter a number.") instead of a code.
test('an empty Currency asks for a currency code', async ({ planner }) => {
  await planner.goto('/');
  const currency = planner.page.getByRole('combobox', { name: 'Currency', exact: true });
  await planner.type(currency, '');
  await planner.expectFieldError(currency, 'Enter a three-letter currency code, such as EUR.');
  await expect(currency).not.toHaveAccessibleDescription(/Enter a number/);
});

// Fails if: the seed's message names the general limit of a number field (1,000,000,000,000,000)
// instead of its own (2^32 − 1 = 4,294,967,295), or suggests an example it refuses (12.5); the
// days' message names that general limit instead of 3,650 days; or "Change every rate by" refuses
// 0 and 100 with "a percent from 0 to 100", which both of them are.
test("the Forecast page's messages state each field's real limit and an example it accepts", async ({ planner }) => {
  await planner.goto('/forecast.html');
  await planner.type(planner.seedField, '4,294,967,296');
  await planner.expectFieldError(planner.seedField, 'Enter a whole number from 0 to 4,294,967,295, such as 42.');
  await planner.type(planner.seedField, 'abc');
  await planner.expectFieldError(planner.seedField, 'Enter a whole number from 0 to 4,294,967,295, such as 42.');
  await planner.type(planner.seedField, '42');
  await planner.expectNoFieldError(planner.seedField);

  await planner.type(planner.days('Visits', 'Leads'), '3,651');
  await planner.expectFieldError(planner.days('Visits', 'Leads'), 'Enter a number of days from 0 to 3,650, such as 30.');
  await planner.type(planner.days('Visits', 'Leads'), '3,650');
  await planner.expectNoFieldError(planner.days('Visits', 'Leads'));

  for (const wrong of ['0', '100']) {
    await planner.type(planner.scenarioPercent, wrong);
    await planner.expectFieldError(planner.scenarioPercent, 'Enter a percent above 0 and below 100, such as 20.');
  }
});

// ---- Numbers as a person reads them -----------------------------------------------------------

// Hand calculation, last year's rates: 2,400 ÷ 120,000 = 2 %; 720 ÷ 2,400 = 30 %; 216 ÷ 720 =
// 30 %; 86 ÷ 216 = 39.8148…% → 39.81; 21 ÷ 86 = 24.4186…% → 24.42.
// Fails if: "Use last year's rates in the plan" writes a rate with float noise or more than two
// decimals into a field (39.81481481481482), or does not say that it rounded.
test("last year's rates are typed into the plan with at most two decimals, and the page says so", async ({ planner }) => {
  await planner.goto(REVIEW_PAGE);
  await planner.typeLastYearTotals(LAST_YEAR);
  await planner.useLastYearRatesButton.click();
  await expect(planner.lastYearRatesUsed).toContainText(
    "The plan's rates are now last year's, each rounded to at most 2 decimals.",
  );
  await planner.openArea('Plan');
  const stages = Object.keys(LAST_YEAR);
  const typed = ['2', '30', '30', '39.81', '24.42'];
  for (const [index, rate] of typed.entries()) {
    await expect(planner.rate(stages[index], stages[index + 1])).toHaveValue(rate);
  }
});

/** Reads CSV `text` as a spreadsheet set to a language does: rows on CRLF, cells on
 * `separator`, a quoted cell taken whole (its doubled quotes as one). */
function readAsSpreadsheet(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n').slice(0, -1)) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let index = 0; index < line.length; index += 1) {
      const char = line[index];
      if (quoted && char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = !quoted;
      } else if (char === separator && !quoted) {
        cells.push(cell);
        cell = '';
      } else {
        cell += char;
      }
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

// Fails if: a CSV downloaded in Polish, French or Indonesian has no UTF-8 byte-order mark (a
// spreadsheet then garbles "Étape" and "→"), separates its cells with commas, or writes a decimal
// with a point (1.5), which those spreadsheets read as text or as a date; on the Plan, Annual
// plan and Forecast pages alike.
test("every page's CSV opens in the spreadsheets of the page's language", async ({ page, planner }) => {
  for (const lang of ['pl', 'fr', 'id'] as Lang[]) {
    await page.goto(`/?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const plan = await planner.download(() =>
      page.getByRole('button', { name: t(lang, 'DownloadCsv'), exact: true }).click(),
    );
    expect(plan.hasByteOrderMark, `${lang}: byte-order mark`).toBe(true);
    const rows = readAsSpreadsheet(plan.text, ';');
    // The top stage's rate, 1.5 %, as the language writes it.
    const visits = rows.find((row) => row[0] === t(lang, 'ExampleStageVisits'));
    expect(visits?.[1], `${lang}: Visits → Leads rate`).toBe('1,5');
    // The goal, 10,000,000, with no thousands separator.
    expect(rows.some((row) => row[1] === '10000000'), `${lang}: the goal`).toBe(true);
    // No number written with a decimal point, and no line that is one comma-separated cell.
    expect(rows.flat().filter((cell) => /^-?\d+\.\d+$/.test(cell)), `${lang}: decimal points`).toEqual([]);
    expect(rows.filter((row) => row.length === 1 && row[0].includes(',')), `${lang}: comma rows`).toEqual([]);

    for (const [path, key] of [
      ['/review.html', 'DownloadAnnualCsv'],
      ['/forecast.html', 'DownloadForecastCsv'],
    ] as const) {
      await page.goto(`${path}?lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const file = await planner.download(() => page.getByRole('button', { name: t(lang, key), exact: true }).click());
      expect(file.hasByteOrderMark, `${lang} ${path}: byte-order mark`).toBe(true);
      expect(file.text, `${lang} ${path}: semicolons`).toContain(';');
      const cells = readAsSpreadsheet(file.text, ';').flat();
      expect(cells.filter((cell) => /^-?\d+\.\d+$/.test(cell)), `${lang} ${path}: decimal points`).toEqual([]);
    }
  }
});

// Fails if: the Annual plan's goal field says "Enter a number." before anything was typed in it
// (the chain under it already asks for the goal).
test("the annual goal shows no error before it is typed", async ({ planner }) => {
  await planner.goto(REVIEW_PAGE);
  for (const mode of ['Revenue for the year', "Growth over last year's revenue", 'New customers'] as const) {
    await planner.chooseGoalMode(mode);
    const field = planner.annualGoalSection.getByRole('textbox').first();
    await planner.expectNoFieldError(field);
  }
  await expect(planner.chain).toContainText('Type the goal to see how many new customers it needs.');
  // Typed and wrong, it says so.
  await planner.chooseGoalMode('Revenue for the year');
  await planner.type(planner.annualRevenueGoal, 'abc');
  await planner.expectFieldError(planner.annualRevenueGoal, 'Enter digits only, like 1,250,000 or 12.5.');
});

/** The words of every visible table header, row header and caption that the page breaks inside
 * themselves (one word over two line boxes), as "word in "header"". Words are split at spaces,
 * hyphens and slashes, where a break is fine. Panels that `content-visibility` skips off screen
 * are laid out first. */
async function wordsBrokenInHeaders(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => {
    const skipped = Array.from(document.querySelectorAll<HTMLElement>('body *')).filter(
      (element) => getComputedStyle(element).contentVisibility === 'auto',
    );
    for (const element of skipped) element.style.contentVisibility = 'visible';
    const broken: string[] = [];
    for (const header of Array.from(document.querySelectorAll<HTMLElement>('th, caption'))) {
      if (header.closest('.visually-hidden, [hidden], details:not([open])')) continue;
      if (header.getBoundingClientRect().width < 2) continue;
      const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s\-–—/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          const lines = new Set(
            Array.from(range.getClientRects())
              .filter((rect) => rect.width > 0)
              .map((rect) => Math.round(rect.top)),
          );
          if (lines.size > 1) broken.push(`${match[0]} in "${(header.textContent ?? '').trim().slice(0, 40)}"`);
        }
      }
    }
    for (const element of skipped) element.style.contentVisibility = '';
    return broken;
  });
}

// Fails if: a table header or row header (a stage's name in "Where the year stands", "Headroom",
// the targets …) breaks a word inside itself ("Opport/unities", "Visit/s", "Przy/chód") at 1,280
// or 320 px, in any of the four languages, on any page.
test('no header breaks a word inside itself, at 1,280 and 320 px, in every language', async ({ page, planner }) => {
  test.setTimeout(240_000);
  // A month of results, so that "Where the year stands" and the leaks have rows.
  await planner.goto('/results.html');
  await planner.setPlanYear('2027-01');
  await planner.typeResult('Visits', 'January 2027', '6,000');
  await planner.typeResult('Leads', 'January 2027', '80');
  const found: string[] = [];
  for (const lang of ['en', 'id', 'pl', 'fr'] as Lang[]) {
    for (const path of ['/', '/review.html', '/forecast.html', '/channels.html', '/results.html']) {
      for (const width of [1_280, 320]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${path}?lang=${lang}`);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('table').first()).toBeAttached();
        for (const word of await wordsBrokenInHeaders(page)) found.push(`${lang} ${path} at ${width} px: ${word}`);
      }
    }
  }
  expect(found).toEqual([]);
});

// ---- The plan year ----------------------------------------------------------------------------

// Fails if: a plan made from October on starts its year in January of the current year (three
// of its months already over) instead of the coming January, or one made before October does not
// start in January of this year.
test('a plan made from October on is for next year', async ({ page, planner }) => {
  await page.clock.setFixedTime(new Date('2026-10-15T12:00:00'));
  await planner.goto('/results.html');
  await expect(planner.planYear).toHaveValue('2027-01');
  await page.clock.setFixedTime(new Date('2026-09-15T12:00:00'));
  await planner.reload();
  await expect(planner.planYear).toHaveValue('2026-01');
});

// Fails if: a month of the Forecast's schedule that is already over on today's date is asked for
// as if it were still ahead, instead of saying it is past and to make it up later.
test("the forecast's schedule marks the months already past", async ({ page, planner }) => {
  await page.clock.setFixedTime(new Date('2027-03-10T12:00:00'));
  await planner.goto('/results.html');
  await planner.setPlanYear('2027-01');
  await planner.openArea('Forecast');
  await planner.type(planner.days('Visits', 'Leads'), '30.4375');
  const months = await planner.scheduleTable.getByRole('rowheader').allInnerTexts();
  // Visits start a month early, in December 2026: December, January and February are over on
  // 10 March 2027; March is this month.
  expect(months.slice(0, 4).map((month) => month.trim())).toEqual([
    'December 2026 (already past: make it up later)',
    'January 2027 (already past: make it up later)',
    'February 2027 (already past: make it up later)',
    'March 2027',
  ]);
});

// Fails if: the plan year can be set only on the Results page, or setting it on the Annual plan
// or the Forecast page does not move that page's months and every other page's with it.
test('the plan year is set wherever months appear, and every page follows it', async ({ page, planner }) => {
  await page.clock.setFixedTime(new Date('2026-06-10T12:00:00'));
  await planner.goto('/forecast.html');
  await expect(planner.planYear).toHaveValue('2026-01');
  await planner.setPlanYear('2027-04');
  await expect(planner.scheduleTable.getByRole('rowheader').first()).toHaveText('April 2027');
  await planner.openArea('Annual plan');
  await expect(planner.planYear).toHaveValue('2027-04');
  await expect(page.getByText('The plan year runs from April 2027 to March 2028: deadlines are months of it.', { exact: true })).toBeVisible();
  await planner.setPlanYear('2027-07');
  await expect(page.getByText('The plan year runs from July 2027 to June 2028: deadlines are months of it.', { exact: true })).toBeVisible();
  await planner.openArea('Results');
  await expect(planner.planYear).toHaveValue('2027-07');
  await planner.openArea('Forecast');
  await expect(planner.scheduleTable.getByRole('rowheader').first()).toHaveText('July 2027');
});

// ---- Nothing lost between pages ---------------------------------------------------------------

// Fails if: with storage blocked, going to another page of the app loses what was typed (the
// next page opens the example again), or the notice does not say the plan is carried.
test('with storage blocked, the open plan goes along to the next page', async ({ planner }) => {
  await planner.page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await planner.goto('/');
  await expect(planner.storageNotice).toContainText('Moving to another page of the app carries the open plan in the address');
  await planner.type(planner.planName, 'Typed in a blocked browser');
  await planner.type(planner.revenueGoal, '2,200,000');
  await planner.openArea('Channels and KPIs');
  await planner.openArea('Plan');
  await expect(planner.planName).toHaveValue('Typed in a blocked browser');
  await expect(planner.revenueGoal).toHaveValue('2,200,000');
});

// Fails if: with storage full, going to another page drops the change that could not be saved.
test('with storage full, the unsaved change goes along to the next page', async ({ planner }) => {
  await planner.goto('/');
  await planner.type(planner.planName, 'Before storage filled');
  await planner.expectSaved('Before storage filled');
  await planner.page.evaluate(() => {
    Storage.prototype.setItem = function setItem(): void {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await planner.type(planner.revenueGoal, '3,300,000');
  await expect(planner.storageNotice).toContainText('Moving to another page of the app carries the open plan, this change included');
  await planner.openArea('Annual plan');
  await planner.openArea('Plan');
  await expect(planner.revenueGoal).toHaveValue('3,300,000');
});

// ---- Print keeps what the screen shows --------------------------------------------------------

/** Prints the page to PDF as Chromium does and returns its text, read back by pdftotext. */
async function printedText(page: import('@playwright/test').Page): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const file = join(mkdtempSync(join(tmpdir(), 'printed-')), 'page.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

// Fails if: the printed Annual plan leaves blank what its selects show on screen (an objective's
// "By", "Group" and "Focus quarter", a part of revenue typed "as % of last year"), so "70" prints
// without its unit.
test('the printed Annual plan shows every chosen option and unit the screen shows', async ({ page, planner }) => {
  await planner.goto('/results.html');
  await planner.setPlanYear('2027-01');
  await planner.openArea('Annual plan');
  await planner.type(planner.lastYearSpend, '420,000');
  await planner.typeExisting('Retained revenue', '70', '% of last year');
  await planner.draftObjectivesButton.click();
  await expect(planner.objectiveField('Leads, Q1', 'By').locator('option:checked')).toHaveText('March 2027');
  const chosen = async (label: string) =>
    (await planner.objectiveField('Leads, Q1', label).locator('option:checked').innerText()).trim();
  const shown = { by: await chosen('By'), group: await chosen('Group'), quarter: await chosen('Focus quarter') };
  const printed = await printedText(page);
  const times = (text: string) => printed.split(text).length - 1;
  expect(printed).toContain('420,000');
  // "70" with its unit: the kind chosen for retained revenue prints.
  expect(printed).toContain('70');
  expect(printed).toContain('% of last year');
  // Six of the objectives drafted are Q1's, each by March 2027: the roadmap names each once, and each
  // objective's own "By" prints its choice too (6 + 6); "Q1" prints in each of their headings
  // and "Focus quarter" fields, and as the roadmap's quarter (6 + 6 + 1).
  expect(times(shown.by), `"${shown.by}" printed`).toBeGreaterThanOrEqual(12);
  expect(times(shown.quarter), `"${shown.quarter}" printed`).toBeGreaterThanOrEqual(13);
  // Each objective's group prints (the Leads objective's among them); an option chosen by none
  // prints nowhere.
  expect(printed).toContain(shown.group);
  expect(printed).not.toContain('Activity');
});

// Fails if: a page's printout writes a typed number otherwise than the page writes numbers
// ("2500000" where the page reads 2,500,000), or leaves out a value the screen shows (the plan
// year's first month, a choice), on any page with fields.
test('every page prints its typed numbers as the page writes numbers, and every chosen value', async ({ page, planner }) => {
  await planner.goto('/');
  await planner.type(planner.revenueGoal, '2500000');
  await planner.type(planner.averageRevenue, '12500.5');
  let printed = await printedText(page);
  expect(printed).toContain('2,500,000');
  expect(printed).toContain('12,500.5');
  expect(printed).not.toContain('2500000');

  await planner.openArea('Channels and KPIs');
  await planner.type(planner.budget, '420000');
  await planner.type(planner.channelSpend('Paid search'), '12000');
  printed = await printedText(page);
  expect(printed).toContain('420,000');
  expect(printed).toContain('12,000');
  expect(printed).not.toMatch(/\b420000\b|\b12000\b/);
  expect(printed).toContain('The whole year');

  await planner.openArea('Results');
  await planner.setPlanYear('2027-01');
  printed = await printedText(page);
  expect(printed).toContain('Plan year starts in January 2027');

  await planner.openArea('Forecast');
  await planner.type(planner.days('Visits', 'Leads'), '30');
  printed = await printedText(page);
  expect(printed).toContain('Plan year starts in January 2027');
  expect(printed).toContain('Evenly');
});

// Fails if: last year's revenue from new customers above last year's revenue in all is taken as
// it is (a revenue per new customer larger than the business) instead of being pointed out.
test("last year's new customers' revenue above the whole is pointed out at its field", async ({ planner }) => {
  await planner.goto(REVIEW_PAGE);
  await planner.type(planner.lastYearRevenue, '6,300,000');
  await planner.type(planner.lastYearNewRevenue, '7,000,000');
  await planner.expectFieldError(
    planner.lastYearNewRevenue,
    "More than last year's revenue in all, of which it is a part. Check both figures.",
  );
  await planner.type(planner.lastYearNewRevenue, '1,890,000');
  await planner.expectNoFieldError(planner.lastYearNewRevenue);
});

// Fails if: a recurring-revenue goal that needs 2.4 new customers sets 3 as the plan's goal (a
// count below 10 keeps two decimals, rounded up, everywhere in the app).
test('the chain sets a count below 10 as the plan goal with its decimals', async ({ planner }) => {
  await planner.goto(REVIEW_PAGE);
  await planner.chooseGoalMode('Monthly recurring revenue (MRR) by year end');
  // No churn, nothing today: 1,200 of MRR at 500 per customer = 2.4 customers, 0.2 a month.
  await planner.type(planner.annualGoalSection.getByRole('textbox', { name: 'MRR to reach by the end of the year', exact: true }), '1,200');
  await planner.type(planner.annualGoalSection.getByRole('textbox', { name: 'MRR per new customer', exact: true }), '500');
  await expect(planner.useAsPlanGoalButton).toHaveText("Use 2.4 new customers as the plan's goal");
  await planner.useAsPlanGoalButton.click();
  await planner.expectSaved('"new_customers_goal":"2.4"');
});

// ---- Links that name a plan -------------------------------------------------------------------

// Fails if: an address that names a plan this browser does not have, or a misspelled fragment,
// opens another plan without a word.
test('a link to a plan that is not here, or a misspelled one, says so and which plan opened', async ({ planner }) => {
  await planner.goto('/');
  await planner.type(planner.planName, 'Q3 push');
  await planner.expectSaved('Q3 push');
  // Each on another page, so that each is a page load of its own (not a change of fragment).
  for (const [page, fragment] of [
    ['/channels.html', 'plan=p-not-here-1'],
    ['/results.html', 'plann=whatever'],
  ]) {
    await planner.goto(`${page}#${fragment}`);
    await expect(planner.status(`The address (#${fragment}) names no plan in this browser`)).toContainText(
      '“Q3 push” is open instead.',
    );
  }
  // The plan's own link says nothing of the kind.
  await planner.goto(`/forecast.html#plan=${await planner.openPlanId()}`);
  await expect(planner.status("names no plan in this browser")).toHaveCount(0);
});

// ---- A section that cannot show its figures says which field stops it ------------------------

// Fails if: on the Forecast page a field with a problem makes a section claim something false
// ("Give at least one rate … a range" although ranges are typed), vanish with its footnote left
// under a missing table, or go blank without a word; instead of naming that field with a link.
test('a Forecast section stopped by a field names it, with a link to it', async ({ planner }) => {
  await planner.goto('/forecast.html');
  // A range typed, then the seed broken: the odds name the seed, not a missing range.
  await planner.typeRange('Leads', 'MQLs', '15', '25');
  await planner.type(planner.seedField, 'abc');
  const odds = planner.oddsSection;
  await expect(odds.getByText('Give at least one rate or the average revenue a range')).toHaveCount(0);
  await expect(odds.getByText('Nothing to show here until this field is corrected:')).toBeVisible();
  await odds.getByRole('button', { name: 'Seed', exact: true }).click();
  await expect(planner.seedField).toBeFocused();
  await planner.type(planner.seedField, '42');
  // A low end above the plan's 20 %: that field is named.
  await planner.type(planner.rangeLow('Leads', 'MQLs'), '25');
  await expect(odds.getByRole('button', { name: 'Lowest rate, Leads → MQLs', exact: true })).toBeVisible();
  // A lowest rate of 0 %: refused at the field (no rate is 0), and named.
  await planner.type(planner.rangeLow('Leads', 'MQLs'), '0');
  await planner.expectFieldError(planner.rangeLow('Leads', 'MQLs'), 'Enter a rate greater than 0 and at most 100.');
  await expect(odds.getByRole('button', { name: 'Lowest rate, Leads → MQLs', exact: true })).toBeVisible();

  // A negative day count: the schedule names the field, and no note stays under a missing table.
  await planner.type(planner.days('Visits', 'Leads'), '-5');
  const timing = planner.timingSection;
  await expect(planner.scheduleTable).toHaveCount(0);
  await expect(planner.scheduleNote).toHaveCount(0);
  await timing.getByRole('button', { name: 'Days from Visits to Leads', exact: true }).click();
  await expect(planner.days('Visits', 'Leads')).toBeFocused();
});

// Fails if: "Achievable" passes one stage and fails another at the same growth over last year
// (Visits +51 % failed it while Leads +51 % passed).
test('"Achievable" applies one rule to every stage', async ({ planner }) => {
  await planner.goto('/results.html');
  await planner.setPlanYear('2027-01');
  await planner.openArea('Annual plan');
  // Last year 24,000 visits and 384 leads: 2,000 and 32 a month. +51 %: 3,020 and 48.32 → 49.
  await planner.typeLastYearTotals({ Visits: '24,000', Leads: '384' });
  await planner.draftObjectivesButton.click();
  await planner.type(planner.objectiveField('Visits, Q1', 'Target'), '3,020');
  await planner.type(planner.objectiveField('Leads, Q1', 'Target'), '49');
  for (const stage of ['Visits, Q1', 'Leads, Q1']) {
    await expect(planner.smartCheck(stage)).toContainText([/^✗ Achievable/]);
  }
  // +50 % (3,000 and 48) is within reach for both.
  await planner.type(planner.objectiveField('Visits, Q1', 'Target'), '3,000');
  await planner.type(planner.objectiveField('Leads, Q1', 'Target'), '48');
  for (const stage of ['Visits, Q1', 'Leads, Q1']) {
    await expect(planner.smartCheck(stage)).toContainText(['✓ Achievable']);
  }
});

// Fails if: the annual plan's CSV writes an objective's deadline, or its months, as a bare number
// ("3") instead of the month it is ("2027-03").
test("the annual plan's CSV writes deadlines and months as months", async ({ page, planner }) => {
  await planner.goto('/results.html');
  await planner.setPlanYear('2027-01');
  await planner.openArea('Annual plan');
  await planner.draftObjectivesButton.click();
  const file = await planner.download(() =>
    page.getByRole('button', { name: 'Download the annual plan (CSV)', exact: true }).click(),
  );
  const rows = readAsSpreadsheet(file.text, ',');
  const heading = rows.find((row) => row[0] === 'Metric');
  expect(heading?.slice(8, 11)).toEqual(['2027-01', '2027-02', '2027-03']);
  const visits = rows.find((row) => row[0] === 'Visits' && row.length > 8);
  // Metric, owner, group, unit, baseline, target, by, focus quarter: by March 2027.
  expect(visits?.[6]).toBe('2027-03');
});

// ---- Names in the page's language ------------------------------------------------------------

// Fails if: a stage or channel name the app gave keeps the language the plan was made in on a
// page in another language ("Coût par Visits", "brakuje 11 (Customers)"), or a name the person
// typed is translated.
test("the app's stage and channel names follow the page's language until renamed", async ({ page, planner }) => {
  await planner.goto('/');
  await planner.type(planner.stageName(2), 'Demo requests');
  await planner.openArea('Channels and KPIs');
  await planner.type(planner.channelName(2), 'Webinars');
  await planner.expectSaved('Webinars');

  await page.goto('/channels.html?lang=fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const channel = (n: number) => page.getByRole('textbox', { name: `Nom du canal ${n}`, exact: true });
  await expect(channel(1)).toHaveValue('SEO et blog');
  await expect(channel(2)).toHaveValue('Webinars');
  await expect(channel(3)).toHaveValue('Réseaux sociaux payants');
  await expect(page.getByRole('columnheader', { name: 'Visites', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Demo requests', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Visits', exact: true })).toHaveCount(0);

  await page.goto('/?lang=pl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  const stage = (n: number) => page.getByRole('textbox', { name: `Nazwa etapu ${n}`, exact: true });
  await expect(stage(1)).toHaveValue('Odwiedziny');
  await expect(stage(2)).toHaveValue('Demo requests');
  await expect(stage(6)).toHaveValue('Klienci');
  await expect(page.getByRole('rowheader', { name: 'Klienci', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Customers', exact: true })).toHaveCount(0);

  // The plan keeps the names as given: back in English they are the English ones.
  await page.goto('/?lang=en');
  await expect(planner.stageName(1)).toHaveValue('Visits');
  await expect(planner.stageName(2)).toHaveValue('Demo requests');
});

// ---- A link's values ---------------------------------------------------------------------------

// Fails if: the blog embed's link gives a value it cannot use (a goal that is not a number, a
// funnel whose rates do not fit its stages) and the calculator silently shows the worked
// example's instead of saying which values it replaced.
test("the embed says which of its link's values it replaced with the example's", async ({ page }) => {
  await page.goto('/embed.html?goal=ten-million&average=50000&stage=Visits&stage=Sales');
  await expect(page.getByText("This calculator's link has values it cannot use (goal, stage, rate): the worked example's are shown in their place.", { exact: true })).toBeVisible();
  // What could be used is: the average revenue.
  await expect(page.getByLabel('Average revenue per new customer', { exact: true })).toHaveValue('50,000');
  await page.goto('/embed.html?goal=2500000');
  // By role: while the embed mounts, its frame's <main> and its own (hidden until ready) are
  // both in the page, and only the one a person sees has the role.
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByText("This calculator's link has values it cannot use", { exact: false })).toBeHidden();
});

// Fails if: a link from the embed ("Open in Funnel Planner") with a value the app cannot use
// opens as a shared plan with the worked example's value in its place, without a word.
test("a shared plan from the embed's link says which values it replaced", async ({ page, planner }) => {
  await planner.goto('/#open?goal=ten-million&average=50000');
  await expect(page.getByText(/shared plan/i).first()).toBeVisible();
  await expect(page.getByText("This calculator's link has values it cannot use (goal): the worked example's are shown in their place.", { exact: true })).toBeVisible();
  await expect(planner.averageRevenue).toHaveValue('50,000');
  await expect(planner.revenueGoal).toHaveValue('10,000,000');
});
