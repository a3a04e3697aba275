// Part of the page object (see planner.ts): one file per part of the page, each class adding its
// part to the one before, so a spec still works with one `PlannerPage`.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { MESSAGES, expectClose, type Cell } from './data';

/**
 * The texts of `elements` as a person reads them once scrolled to them: `innerText`, with the
 * panels around them that skip layout off screen (`content-visibility: auto`, which leaves no
 * `innerText`) laid out for the reading, as `pageText` does for the whole page.
 */
export async function shownTexts(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((found) => {
    const skipped = new Set<HTMLElement>();
    for (const element of found) {
      for (let at: HTMLElement | null = element as HTMLElement; at; at = at.parentElement) {
        if (getComputedStyle(at).contentVisibility === 'auto') skipped.add(at);
      }
    }
    for (const element of skipped) element.style.contentVisibility = 'visible';
    const texts = found.map((element) => (element as HTMLElement).innerText.trim());
    for (const element of skipped) element.style.contentVisibility = '';
    return texts;
  });
}

/**
 * The page's text as a person reads it once scrolled to it: `document.body.innerText`, with every
 * panel that `content-visibility: auto` skips while off screen (the Results page's panels) laid
 * out for the reading. A skipped panel's text is not in `innerText`, so a check of the whole page
 * would otherwise miss it.
 */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skipped = Array.from(document.querySelectorAll<HTMLElement>('body *')).filter(
      (element) => getComputedStyle(element).contentVisibility === 'auto',
    );
    for (const element of skipped) element.style.contentVisibility = 'visible';
    const text = document.body?.innerText ?? '';
    for (const element of skipped) element.style.contentVisibility = '';
    return text;
  });
}

/**
 * An area of the app: a page of its own, reached by its link in the header's "Areas" navigation.
 * "Plan" (`./`): the goal, stages, targets, forward check and "Keep and share". "Annual plan"
 * (`review.html`): the plan library, the targets, last year's review, the year's goal and its
 * chain, rates against last year and typical ranges, SMART objectives and the quarterly roadmap.
 * "Forecast" (`forecast.html`): the plan library, when each stage must happen month by month, the
 * odds of reaching the goal, which rates matter most and scenarios side by side.
 * "Sales team" (`team.html`): the plan library, what each sales role handles, and the heads,
 * hires and cost month by month.
 * "Channels and KPIs" (`channels.html`): the plan library, the targets, and budget, channels and
 * KPIs. "Results" (`results.html`): the plan library, the targets, the results entered month by
 * month and where the year stands against the targets.
 */
export type Area = 'Plan' | 'Annual plan' | 'Forecast' | 'Sales team' | 'Channels and KPIs' | 'Results';

/** Every area, in the navigation's order. */
export const AREAS: Area[] = ['Plan', 'Annual plan', 'Forecast', 'Sales team', 'Channels and KPIs', 'Results'];

/** The address of the Channels and KPIs area's page (the Plan area is the app's folder). */
export const CHANNELS_PAGE = '/channels.html';

/** The address of the Results area's page. */
export const RESULTS_PAGE = '/results.html';

/** The address of the Annual plan area's page. */
export const REVIEW_PAGE = '/review.html';

/** The address of the Forecast area's page. */
export const FORECAST_PAGE = '/forecast.html';

/** The address of the Sales team area's page. */
export const TEAM_PAGE = '/team.html';

/**
 * The area an address's path shows: `review.html`, `forecast.html`, `channels.html`,
 * `results.html`, anything else Plan.
 */
export function areaOf(pathname: string): Area {
  if (pathname.endsWith(REVIEW_PAGE)) return 'Annual plan';
  if (pathname.endsWith(FORECAST_PAGE)) return 'Forecast';
  if (pathname.endsWith(TEAM_PAGE)) return 'Sales team';
  if (pathname.endsWith(CHANNELS_PAGE)) return 'Channels and KPIs';
  if (pathname.endsWith(RESULTS_PAGE)) return 'Results';
  return 'Plan';
}

/** What every area shares: loading, areas, typing, tables, field errors and the whole page. */
export class BasePage {
  readonly heading: Locator;
  readonly planName: Locator;
  /** The header's navigation between the areas. */
  readonly areaNav: Locator;
  /** The link of the area shown (the one marked `aria-current="page"`). */
  readonly currentAreaLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Funnel Planner', exact: true });
    this.planName = page.getByLabel('Plan name', { exact: true });
    this.areaNav = page.getByRole('navigation', { name: 'Areas', exact: true });
    this.currentAreaLink = this.areaNav.locator('a[aria-current="page"]');
  }

  // ---- Loading -------------------------------------------------------------------------------

  /**
   * Opens the page (or `url`: a share link, `REVIEW_PAGE` for the Annual plan area,
   * `FORECAST_PAGE` for the Forecast area, `CHANNELS_PAGE` for the Channels and KPIs area or
   * `RESULTS_PAGE` for the Results area) and waits until the app has rendered it.
   */
  async goto(url = '/'): Promise<void> {
    await this.page.goto(url);
    await this.waitUntilReady();
  }

  /** Reloads the page and waits until the app has rendered it again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  /**
   * The area the address shows: `review.html` is Annual plan, `forecast.html` Forecast,
   * `channels.html` Channels and KPIs, `results.html` Results, anything else Plan.
   */
  area(): Area {
    return areaOf(new URL(this.page.url()).pathname);
  }

  /** Waits until the app has rendered the area the address names. */
  async waitUntilReady(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.areaNav).toBeVisible();
    const area = this.area();
    if (area === 'Plan') {
      await expect(this.planName).toBeVisible();
    } else if (area === 'Results') {
      await expect(this.page.getByRole('heading', { level: 2, name: 'Actual results', exact: true })).toBeVisible();
    } else if (area === 'Annual plan') {
      await expect(this.page.getByRole('region', { name: 'Last year', exact: true })).toBeVisible();
    } else if (area === 'Forecast') {
      await expect(this.page.getByRole('region', { name: 'Forecast', exact: true })).toBeVisible();
    } else if (area === 'Sales team') {
      await expect(this.page.getByRole('region', { name: 'The sales team the plan needs', exact: true })).toBeVisible();
    } else {
      await expect(this.page.getByRole('region', { name: 'Budget and channels', exact: true })).toBeVisible();
    }
    // The page builds what its first screen does not need in slices after mounting, each a
    // zero-delay timer set at mount; one set now runs after them.
    await this.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }

  // ---- Areas ----------------------------------------------------------------------------------

  /** The link to `area` in the header's "Areas" navigation. */
  areaLink(area: Area): Locator {
    return this.areaNav.getByRole('link', { name: area, exact: true });
  }

  /**
   * Goes to `area` as a person does, by clicking its link in the "Areas" navigation, and waits
   * until that page has loaded and rendered. The link carries the open plan.
   */
  async openArea(area: Area): Promise<void> {
    if (this.area() === area) return;
    await this.areaLink(area).click();
    await this.page.waitForURL((url) => areaOf(url.pathname) === area);
    await this.waitUntilReady();
  }

  // ---- Typing ---------------------------------------------------------------------------------

  /** Replaces the text of `field` by typing it key by key, as a person would. */
  async type(field: Locator, text: string): Promise<void> {
    await field.click();
    await field.press('ControlOrMeta+a');
    if (text === '') {
      await field.press('Backspace');
    } else {
      await field.pressSequentially(text);
    }
    await expect(field).toHaveValue(text);
  }

  // ---- Tables ---------------------------------------------------------------------------------

  /** The row of `table` whose row header is `stage`. */
  row(table: Locator, stage: string): Locator {
    return table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: stage, exact: true }) });
  }

  /** The body rows of `table` (rows with a row header). */
  bodyRows(table: Locator): Locator {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
  }

  /** The row headers of `table`, top to bottom. */
  async rowHeaders(table: Locator): Promise<string[]> {
    return shownTexts(table.getByRole('rowheader'));
  }

  /** The cell of `table` in the row headed `stage` and the column headed `column`. */
  async cell(table: Locator, stage: string, column: string): Promise<Locator> {
    await expect(table).toBeVisible();
    const headers = await shownTexts(table.getByRole('columnheader'));
    const index = headers.indexOf(column);
    expect(index, `column "${column}" among ${JSON.stringify(headers)}`).toBeGreaterThan(0);
    // The first column holds the row headers, so data cells are numbered from the second column.
    return this.row(table, stage).getByRole('cell').nth(index - 1);
  }

  /** The shown text and the unrounded `data-value` of a cell. */
  async readCell(table: Locator, stage: string, column: string): Promise<Cell> {
    const cell = await this.cell(table, stage, column);
    await expect(cell).toBeVisible();
    const [text] = await shownTexts(cell);
    const raw = await cell.getAttribute('data-value');
    expect(raw, `data-value of ${stage} / ${column}`).toMatch(/^-?\d+(\.\d+)?$/);
    return { text, value: Number(raw) };
  }

  /**
   * Checks one cell: the text a person sees, exactly, and the unrounded number within a relative
   * 1e-9. Waits for the text first, so it can follow a change just typed.
   */
  async expectCell(
    table: Locator,
    stage: string,
    column: string,
    text: string,
    value: number,
  ): Promise<void> {
    const cell = await this.cell(table, stage, column);
    await expect(cell, `${stage} / ${column}`).toHaveText(text);
    const { value: actual } = await this.readCell(table, stage, column);
    expectClose(actual, value, `data-value of ${stage} / ${column}`);
  }

  /** Checks the text of a cell that shows a figure as text only (or "— (why)"). */
  async expectCellText(table: Locator, row: string, column: string, text: string): Promise<void> {
    await expect(await this.cell(table, row, column), `${row} / ${column}`).toHaveText(text);
  }

  /** A visible sentence anywhere on the page, matched exactly. */
  text(sentence: string): Locator {
    return this.page.getByText(sentence, { exact: true });
  }

  // ---- Field errors ---------------------------------------------------------------------------

  /**
   * Checks that `field` is marked invalid and that one of the elements its `aria-describedby`
   * names is visible and reads exactly `message`.
   */
  async expectFieldError(field: Locator, message: string): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const described = await Promise.all(
      ids.map(async (id) => {
        const element = this.page.locator(`[id="${id}"]`);
        return {
          visible: await element.isVisible(),
          text: (await element.innerText().catch(() => '')).trim(),
        };
      }),
    );
    expect(
      described.filter((d) => d.visible).map((d) => d.text),
      `visible descriptions of the field (aria-describedby="${ids.join(' ')}")`,
    ).toContain(message);
  }

  /** Checks that `field` is not marked invalid and says no error. */
  async expectNoFieldError(field: Locator): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(field).not.toHaveAccessibleDescription(
      new RegExp(Object.values(MESSAGES).map(escapeRegExp).join('|')),
    );
  }

  // ---- Whole page -----------------------------------------------------------------------------

  /**
   * The visible text of the page never shows a broken number: no NaN, Infinity, undefined or
   * negative count.
   */
  async expectNoBrokenNumbers(): Promise<void> {
    const body = await pageText(this.page);
    expect(body, 'page text').not.toMatch(/NaN|Infinity|undefined|null/);
    expect(body, 'page text shows no negative number').not.toMatch(/(^|[^\w])[-−]\s?\d/m);
  }
}

/** The text of a finished download. */
export async function downloadText(download: Download): Promise<string> {
  const failure = await download.failure();
  expect(failure, `download of ${download.suggestedFilename()}`).toBeNull();
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
