import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { test } from './fixtures';
import { LANGS, OWN_NAMES, t, type Lang } from './lib/catalogue';

// Four languages, as their readers use them: labels found by the words each language shows (read
// from the app's catalogue), numbers typed and read in each language's own format. U+00A0 is the
// no-break space Polish groups with (and French puts before "%" and "€"), U+202F the narrow
// no-break space French groups with.
const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** The worked example's stage names in `lang`. */
function stages(lang: Lang): string[] {
  return [
    'ExampleStageVisits',
    'ExampleStageLeads',
    'ExampleStageMqls',
    'ExampleStageSqls',
    'ExampleStageOpportunities',
    'ExampleStageCustomers',
  ].map((key) => t(lang, key));
}

/** Opens `url` and waits until the page is drawn in `lang`. */
async function open(page: Page, url: string, lang: Lang): Promise<void> {
  await page.goto(url);
  await expectShownIn(page, lang);
}

async function expectShownIn(page: Page, lang: Lang): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('navigation', { name: t(lang, 'AreasLabel'), exact: true })).toBeVisible();
  await expect(page.getByLabel(t(lang, 'LanguageLabel'), { exact: true })).toBeVisible();
  // The header above may still be the page's HTML frame (in English it passes for the page): the
  // footer, the start-up's last slice, says the page itself is there.
  await expect(page.getByRole('contentinfo')).toContainText(t(lang, 'Footer'));
}

/** The field labelled `key`'s text in `lang`. */
function field(page: Page, lang: Lang, key: string, args: Record<string, string> = {}): Locator {
  return page.getByLabel(t(lang, key, args), { exact: true });
}

/** The Visits → Leads rate field in `lang`. */
function topRate(page: Page, lang: Lang): Locator {
  const [visits, leads] = stages(lang);
  return field(page, lang, 'RateLabel', { from: visits, to: leads });
}

/** Replaces a field's text by typing it, as a person would. */
async function type(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
  await expect(field).toHaveValue(text);
}

/** The targets table's cell for `stage` in column 0 (month), 1 (quarter) or 2 (year). */
function target(page: Page, lang: Lang, stage: string, column: 0 | 1 | 2): Locator {
  return page
    .getByRole('table', { name: t(lang, 'TargetsCaption'), exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: stage, exact: true }) })
    .getByRole('cell')
    .nth(column);
}

/** The worked example typed in each language, and the targets each shows. */
// Money: the revenue goal a year, a quarter (÷ 4) and a month (÷ 12 = 833,333.33, rounded up).
const EXAMPLES: Record<Lang, { goal: string; average: string; rate: string; visitsYear: string; visitsMonth: string; customersMonth: string; customersYear: string; money: [string, string, string] }> = {
  en: { goal: '10,000,000', average: '1,100,000', rate: '1.5', visitsYear: '75,758', visitsMonth: '6,314', customersMonth: '0.76', customersYear: '9.1', money: ['$10,000,000', '$2,500,000', '$833,334'] },
  id: { goal: '10.000.000', average: '1.100.000', rate: '1,5', visitsYear: '75.758', visitsMonth: '6.314', customersMonth: '0,76', customersYear: '9,1', money: [`Rp${NBSP}10.000.000`, `Rp${NBSP}2.500.000`, `Rp${NBSP}833.334`] },
  pl: { goal: '10 000 000', average: '1 100 000', rate: '1,5', visitsYear: `75${NBSP}758`, visitsMonth: '6314', customersMonth: '0,76', customersYear: '9,1', money: [`10${NBSP}000${NBSP}000${NBSP}zł`, `2${NBSP}500${NBSP}000${NBSP}zł`, `833${NBSP}334${NBSP}zł`] },
  fr: { goal: '10 000 000', average: '1 100 000', rate: '1,5', visitsYear: `75${NNBSP}758`, visitsMonth: `6${NNBSP}314`, customersMonth: '0,76', customersYear: '9,1', money: [`10${NNBSP}000${NNBSP}000${NBSP}€`, `2${NNBSP}500${NNBSP}000${NBSP}€`, `833${NNBSP}334${NBSP}€`] },
};

// Customers = 10,000,000 ÷ 1,100,000 = 9.0909…; Visits = 9.0909 ÷ 0.5 ÷ 0.4 ÷ 0.2 ÷ 0.2 ÷ 0.015
// = 75,757.58 a year (→ 75,758), 6,313.13 a month (→ 6,314); customers 0.7576 a month (→ 0.76).
const VISITS_PER_YEAR = 10_000_000 / 1_100_000 / 0.5 / 0.4 / 0.2 / 0.2 / 0.015;

for (const lang of LANGS) {
  // Fails if: a language reads typed numbers wrongly, or shows targets in another language's format.
  test(`the worked example typed in ${OWN_NAMES[lang]} shows its targets in that language's format`, async ({ page }) => {
    const example = EXAMPLES[lang];
    await open(page, `/?lang=${lang}`, lang);
    await page.getByRole('button', { name: t(lang, 'NewPlan'), exact: true }).click();
    const goal = field(page, lang, 'RevenueGoalLabel');
    await expect(goal).toHaveValue('');
    // The placeholder gives the example as this language types it.
    await expect(goal).toHaveAttribute('placeholder', t(lang, 'ForExample', { value: example.goal }));
    await type(goal, example.goal);
    await type(field(page, lang, 'AverageRevenueLabel'), example.average);
    await type(topRate(page, lang), example.rate);
    const [visits, , , , , customers] = stages(lang);
    await expect(target(page, lang, visits, 2)).toHaveText(example.visitsYear);
    await expect(target(page, lang, visits, 0)).toHaveText(example.visitsMonth);
    await expect(target(page, lang, customers, 0)).toHaveText(example.customersMonth);
    await expect(target(page, lang, customers, 2)).toHaveText(example.customersYear);
    // The unrounded figure a machine reads is the same in every language.
    const raw = Number(await target(page, lang, visits, 2).getAttribute('data-value'));
    expect(Math.abs(raw - VISITS_PER_YEAR) / VISITS_PER_YEAR).toBeLessThan(1e-9);
    // Money in the language's usual currency and format.
    const [year, quarter, month] = example.money;
    await expect(page.getByText(t(lang, 'RevenueSummary', { year, quarter, month }), { exact: true })).toBeVisible();
    // The document title and the language menu speak the language.
    await expect(page.getByLabel(t(lang, 'LanguageLabel'), { exact: true })).toHaveValue(lang);
  });

  // Fails if: a page has an accessibility violation in one of the languages.
  test(`axe finds nothing on any page in ${OWN_NAMES[lang]}`, async ({ page }) => {
    for (const url of [`/?lang=${lang}`, `/forecast.html?lang=${lang}`, `/team.html?lang=${lang}`, `/channels.html?lang=${lang}`, `/results.html?lang=${lang}`]) {
      await open(page, url, lang);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), url).toEqual([]);
    }
  });

  // Fails if: a language's longer words push a page wider than a 320 px phone.
  test(`at 320 px nothing scrolls sideways in ${OWN_NAMES[lang]}`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const url of [`/?lang=${lang}`, `/channels.html?lang=${lang}`, `/results.html?lang=${lang}`, `/embed.html?lang=${lang}`]) {
      await page.goto(url);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('table', { name: t(lang, 'TargetsCaption'), exact: true })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, url).toBeLessThanOrEqual(320);
    }
  });
}

// Fails if: a rate typed the English way is read as a number in Polish, or the message does not
// say how Polish writes numbers.
test('a number typed the wrong way for the language is refused with the expected form', async ({ page }) => {
  await open(page, '/?lang=pl', 'pl');
  const rate = topRate(page, 'pl');
  await type(rate, '1.5');
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(t('pl', 'ErrorNotANumber', { big: '1 250 000', small: '12,5' }), { exact: true })).toBeVisible();
  await type(rate, '1,5 %');
  await expect(rate).toHaveAttribute('aria-invalid', 'false');
  // "10,000" as an amount could be ten thousand or ten: asked, not guessed.
  const average = field(page, 'pl', 'AverageRevenueLabel');
  await type(average, '10,000');
  await expect(average).toHaveAttribute('aria-invalid', 'true');
});

// Fails if: choosing a language loses what was typed, changes a number, drops the focus, or is
// not remembered.
test('switching language keeps the plan, its numbers and the focus', async ({ page }) => {
  await open(page, '/', 'en');
  await type(field(page, 'en', 'RevenueGoalLabel'), '2,500,000.5');
  await type(topRate(page, 'en'), '2.5');
  const before = await target(page, 'en', 'Visits', 2).getAttribute('data-value');

  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Polski' });
  await expectShownIn(page, 'pl');
  const menu = page.getByLabel(t('pl', 'LanguageLabel'), { exact: true });
  await expect(menu).toBeFocused();
  await expect(field(page, 'pl', 'RevenueGoalLabel')).toHaveValue('2 500 000,5');
  // The example's stage names, never renamed, follow the language.
  await expect(field(page, 'pl', 'RateLabel', { from: stages('pl')[0], to: stages('pl')[1] })).toHaveValue('2,5');
  await expect(target(page, 'pl', stages('pl')[0], 2)).toHaveAttribute('data-value', before ?? '');

  // Remembered: a reload stays in Polish.
  await page.reload();
  await expectShownIn(page, 'pl');

  await page.getByLabel(t('pl', 'LanguageLabel'), { exact: true }).selectOption({ label: 'English' });
  await expectShownIn(page, 'en');
  await expect(page.getByLabel('Language', { exact: true })).toBeFocused();
  await expect(field(page, 'en', 'RevenueGoalLabel')).toHaveValue('2,500,000.5');
  await expect(target(page, 'en', 'Visits', 2)).toHaveAttribute('data-value', before ?? '');
});

// Fails if: a plan typed in Polish reads differently once exported, imported in French or opened
// from a share link in Indonesian.
test('a plan typed in Polish keeps its numbers through export, import in French and a link in Indonesian', async ({ page, openOtherBrowser }) => {
  await open(page, '/?lang=pl', 'pl');
  await type(field(page, 'pl', 'RevenueGoalLabel'), '2 500 000,5');
  await type(topRate(page, 'pl'), '2,5');
  await type(field(page, 'pl', 'CurrencyLabel'), 'EUR');
  const [visits] = stages('pl');
  const visitsPerYear = await target(page, 'pl', visits, 2).getAttribute('data-value');

  // Switch to English and back: the same text again.
  await page.getByLabel(t('pl', 'LanguageLabel'), { exact: true }).selectOption({ label: 'English' });
  await expectShownIn(page, 'en');
  await expect(field(page, 'en', 'RevenueGoalLabel')).toHaveValue('2,500,000.5');
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Polski' });
  await expectShownIn(page, 'pl');
  await expect(field(page, 'pl', 'RevenueGoalLabel')).toHaveValue('2 500 000,5');

  // Export.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t('pl', 'ExportPlan'), exact: true }).click(),
  ]);
  const exported = readFileSync(await download.path(), 'utf8');
  // Named after the plan, in its own words.
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${t('pl', 'ExamplePlanName').replace(/ /g, '-')}.*\\.json$`));

  // Share link.
  await page.getByRole('button', { name: t('pl', 'CreateShareLink'), exact: true }).click();
  const link = await page.getByLabel(t('pl', 'ShareLinkLabel'), { exact: true }).inputValue();

  // Imported in French in another browser.
  const other = await openOtherBrowser();
  await open(other.page, '/?lang=fr', 'fr');
  await other.page.getByLabel(t('fr', 'ImportLabel'), { exact: true }).setInputFiles({
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported, 'utf8'),
  });
  const name = t('pl', 'ExamplePlanName');
  await other.page.getByRole('button', { name, exact: true }).click();
  await expect(field(other.page, 'fr', 'RevenueGoalLabel')).toHaveValue('2 500 000,5');
  // The example's stage names, never renamed, are the French ones on a French page.
  await expect(field(other.page, 'fr', 'RateLabel', { from: stages('fr')[0], to: stages('fr')[1] })).toHaveValue('2,5');
  await expect(field(other.page, 'fr', 'CurrencyLabel')).toHaveValue('EUR');
  await expect(target(other.page, 'fr', stages('fr')[0], 2)).toHaveAttribute('data-value', visitsPerYear ?? '');

  // The share link opened in Indonesian.
  const url = new URL(link);
  await open(other.page, `${url.pathname}?lang=id${url.hash}`, 'id');
  await expect(field(other.page, 'id', 'RevenueGoalLabel')).toHaveValue('2.500.000,5');
  await expect(target(other.page, 'id', stages('id')[0], 2)).toHaveAttribute('data-value', visitsPerYear ?? '');
  // Euros, written the Indonesian way: 2,500,000.5 a year, ÷ 4 = 625,000.125 and ÷ 12 =
  // 208,333.375, each rounded up to the whole euro.
  await expect(
    other.page.getByText(t('id', 'RevenueSummary', { year: '€2.500.001', quarter: '€625.001', month: '€208.334' }), { exact: true }),
  ).toBeVisible();
});

// Fails if: the currency cannot be changed, or money keeps the old symbol.
test('a plan counts its money in the currency typed, shown the language\'s way', async ({ page }) => {
  await open(page, '/?lang=fr', 'fr');
  const currency = field(page, 'fr', 'CurrencyLabel');
  await expect(currency).toHaveValue('EUR');
  const summary = page.getByText(t('fr', 'RevenueSummary', { year: 'X', quarter: 'Y', month: 'Z' }).split('X')[0]);
  await expect(summary).toContainText(`10${NNBSP}000${NNBSP}000${NBSP}€`);
  await type(currency, 'gbp');
  await expect(summary).toContainText(new RegExp(`10${NNBSP}000${NNBSP}000${NBSP}£`));
  await type(currency, 'EURO');
  await expect(currency).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(t('fr', 'ErrorCurrencyCode'), { exact: true })).toBeVisible();
});

// Fails if: the embed ignores ?lang= or shows numbers in another language's format.
test('the embed speaks the language its link asks for', async ({ page }) => {
  await page.goto('/embed.html?lang=pl&currency=PLN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  const [visits] = stages('pl');
  await expect(target(page, 'pl', visits, 2)).toHaveText(`75${NBSP}758`);
  await expect(page.getByRole('link', { name: t('pl', 'OpenInApp'), exact: true })).toBeVisible();
  await expect(field(page, 'pl', 'RevenueGoalLabel')).toHaveValue('10 000 000');
});

// Fails if: a first visit ignores the browser's language.
test.describe('a first visit', () => {
  test.use({ locale: 'id-ID' });
  test('follows the browser\'s language when the planner speaks it', async ({ page }) => {
    await open(page, '/', 'id');
    await expect(field(page, 'id', 'RevenueGoalLabel')).toHaveValue('10.000.000');
    await expect(page).toHaveTitle(t('id', 'DocumentTitle', { plan: t('id', 'ExamplePlanName') }));
  });
});
