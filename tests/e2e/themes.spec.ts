import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { MESSAGES, NEWER_SCHEMA_VERSION, examplePlan, planKey, record, type PlannerPage } from './pages/planner';
import type { Page } from '@playwright/test';

// Themes and the system's display preferences (style/main.css). The page follows the system's
// light or dark preference; <html data-theme="light|dark"> overrides it (the embed's theme
// parameter). Both themes pass axe; forced colours (Windows contrast themes) keep every border
// and the focus ring; reduced motion leaves nothing moving. These tests check the CSS contract, so
// they set the attribute themselves rather than go through any entry's URL parameter.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The colour properties of a theme (style/main.css keeps every colour in one of these). */
const COLOURS = [
  '--ink', '--muted', '--line', '--paper', '--wash', '--accent', '--accent-ink', '--error',
  '--derived', '--notice', '--notice-line', '--conflict', '--field-line', '--placeholder',
  '--focus', '--disabled-ink', '--disabled-line', '--disabled-fill', '--disabled-fill-ink',
  '--shadow',
];

/** Text colours and every background each is drawn on: WCAG AA asks 4.5:1. */
const TEXT_PAIRS: [string, string[]][] = [
  ['--ink', ['--paper', '--wash', '--derived', '--notice', '--conflict']],
  ['--muted', ['--paper', '--wash', '--derived', '--notice', '--conflict']],
  ['--accent', ['--paper', '--wash', '--derived', '--notice', '--conflict']],
  ['--error', ['--paper', '--wash', '--derived', '--notice', '--conflict']],
  ['--accent-ink', ['--accent']],
  ['--placeholder', ['--paper', '--derived']],
];

/** Lines a person must see to find a control or where focus is: WCAG AA asks 3:1. */
const LINE_PAIRS: [string, string[]][] = [
  ['--field-line', ['--paper', '--wash', '--derived']],
  ['--focus', ['--paper', '--wash', '--derived', '--notice']],
];

/** Runs axe and fails (softly, so later checks still report) with one line per offending element. */
async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const readable = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ` +
        `${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    ),
  );
  expect.soft(readable, `axe violations ${label}`).toEqual([]);
}

/** Sets (or with `null` removes) the theme attribute on <html>, as the embed does. */
async function setTheme(page: Page, theme: 'light' | 'dark' | null): Promise<void> {
  await page.evaluate((value) => {
    if (value === null) document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', value);
  }, theme);
}

/** The colour the page is painted on: the first opaque background of <body> or <html>, as [r, g, b]. */
async function pageBackground(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    for (const element of [document.body, document.documentElement]) {
      const colour = getComputedStyle(element).backgroundColor;
      const parts = colour.match(/[\d.]+/g)?.map(Number) ?? [];
      if (parts.length === 3 || (parts.length === 4 && parts[3] > 0)) return parts.slice(0, 3);
    }
    return [255, 255, 255];
  });
}

/** WCAG relative luminance of an [r, g, b] colour (0 black … 1 white). */
function luminance([r, g, b]: number[]): number {
  const channel = (value: number): number => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: number[], b: number[]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Each colour property as written in the stylesheet, and as the colour it resolves to ([r, g, b]). */
async function themeColours(page: Page): Promise<{ written: Record<string, string>; rgb: Record<string, number[]> }> {
  return page.evaluate((names) => {
    const root = document.documentElement;
    const probe = document.createElement('span');
    probe.hidden = true;
    document.body.append(probe);
    const written: Record<string, string> = {};
    const rgb: Record<string, number[]> = {};
    for (const name of names) {
      written[name] = getComputedStyle(root).getPropertyValue(name).trim();
      probe.style.color = `var(${name})`;
      rgb[name] = (getComputedStyle(probe).color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    }
    probe.remove();
    written['color-scheme'] = getComputedStyle(root).colorScheme;
    return { written, rgb };
  }, COLOURS);
}

/** Shows errors in three fields at once and opens the forward check and the calculation. */
async function busyPage(planner: PlannerPage): Promise<void> {
  await planner.type(planner.currentVolume('Visits'), '6000');
  await expect(planner.yieldsTable('Visits')).toBeVisible();
  await planner.howSummary.click();
  await planner.showExactValues.check();
  await planner.type(planner.revenueGoal, 'abc');
  await planner.type(planner.rate('Visits', 'Leads'), '150');
  await planner.type(planner.stageName(3), '');
  await planner.expectFieldError(planner.revenueGoal, MESSAGES.notANumber);
  await expect(planner.problemsIntro).toBeVisible();
}

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  // Fails if: in the system's dark mode the page (the worked example as it opens) breaks WCAG
  // A/AA, e.g. text that kept a light-theme colour on the dark background.
  test('the page as it opens has no axe violations in dark mode', async ({ page, planner }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await planner.goto();
    await expect(planner.revenueGoal).toHaveValue('10,000,000');
    expect(luminance(await pageBackground(page)), 'background luminance').toBeLessThan(0.05);
    await expectNoAxeViolations(page, 'as it opens');
  });

  // Fails if: errors, the forward check, the calculation or the marketing side's figures break
  // WCAG A/AA in dark mode.
  test('errors, the forward check, the calculation and the marketing side pass axe in dark mode', async ({ page, planner }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await planner.goto();
    await busyPage(planner);
    await expectNoAxeViolations(page, 'Plan, with errors and details open');
    await planner.openArea('Channels and KPIs');
    await planner.fillChannel('Email', { spend: '5,000', volumes: { Customers: '5' }, revenue: '40,000' });
    await planner.type(planner.budget, '20,000');
    await planner.openHowKpis();
    await expectNoAxeViolations(page, 'Channels and KPIs, with figures, problems and details open');
  });

  // Fails if: the notices (damaged data, newer version, a shared plan) or the import report break
  // WCAG A/AA in dark mode.
  test('notices and an import report pass axe in dark mode', async ({ page, planner }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const plan = record('pdark-1', examplePlan({ name: 'Dark' }));
    await planner.seed({
      [planKey('pdark-1')]: JSON.stringify(plan),
      [planKey('pbroken-1')]: '{"schema_version":2,',
      [planKey('pnewer-1')]: JSON.stringify({ ...plan, id: 'pnewer-1', schema_version: NEWER_SCHEMA_VERSION }),
    });
    await planner.goto();
    await expect(planner.unreadableNotice).toBeVisible();
    await expect(planner.newerNotice).toBeVisible();
    await planner.importText('broken.json', '{"app":"funnel-planner","schema_version":2,"plans":[{}]}');
    await expect(planner.importReport).toBeVisible();
    await planner.createShareLinkButton.click();
    const link = await planner.shareLink.inputValue();
    await planner.page.goto(link);
    await expect(planner.sharedBanner).toBeVisible();
    await expectNoAxeViolations(page, 'with notices');
  });

  // Fails if: the storage notice (its yellow background in light mode) breaks WCAG A/AA in dark mode.
  test('the storage notice passes axe in dark mode', async ({ page, planner }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await planner.goto();
    await page.evaluate(() => {
      Storage.prototype.setItem = function setItem(): void {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await planner.type(planner.planName, 'Full storage');
    await expect(planner.storageNotice).toBeVisible();
    await expectNoAxeViolations(page, 'with the storage notice');
  });
});

test.describe('theme contract', () => {
  // Fails if: the light theme is not light, or the dark preference does not turn the page dark.
  test('the page is light by default and dark when the system prefers dark', async ({ page, planner }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await planner.goto();
    expect(luminance(await pageBackground(page)), 'light: background luminance').toBeGreaterThan(0.8);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light dark');

    await page.emulateMedia({ colorScheme: 'dark' });
    expect(luminance(await pageBackground(page)), 'dark: background luminance').toBeLessThan(0.05);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  });

  // Fails if: data-theme on <html> does not beat the system's preference either way, or setting
  // it back to auto (no attribute) does not follow the system again.
  test('data-theme on <html> wins over the system preference', async ({ page, planner }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await planner.goto();
    await setTheme(page, 'light');
    expect(luminance(await pageBackground(page)), 'data-theme=light, system dark').toBeGreaterThan(0.8);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');
    await setTheme(page, null);
    expect(luminance(await pageBackground(page)), 'no attribute, system dark').toBeLessThan(0.05);

    await page.emulateMedia({ colorScheme: 'light' });
    await setTheme(page, 'dark');
    expect(luminance(await pageBackground(page)), 'data-theme=dark, system light').toBeLessThan(0.05);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    await setTheme(page, null);
    expect(luminance(await pageBackground(page)), 'no attribute, system light').toBeGreaterThan(0.8);
  });

  // Fails if: the two copies of the dark values in the stylesheet (system preference and
  // data-theme="dark") drift apart, or a colour property is missing from a theme.
  test('the dark preference and data-theme="dark" give the same colours', async ({ page, planner }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await planner.goto();
    const bySystem = (await themeColours(page)).written;
    await page.emulateMedia({ colorScheme: 'light' });
    await setTheme(page, 'dark');
    const byAttribute = (await themeColours(page)).written;
    await setTheme(page, null);
    const light = (await themeColours(page)).written;
    for (const name of COLOURS) {
      expect(bySystem[name], `${name} is set in the dark theme`).not.toBe('');
      expect(light[name], `${name} is set in the light theme`).not.toBe('');
    }
    expect(byAttribute).toEqual(bySystem);
    expect(light).not.toEqual(bySystem);
  });

  // Fails if: a theme's text colour has less than 4.5:1 on a background it is drawn on, or a field
  // border or the focus ring less than 3:1 — including backgrounds axe never sees in these tests,
  // like the conflict-with-another-tab notice.
  for (const theme of ['light', 'dark'] as const) {
    test(`every ${theme} text and line colour has AA contrast on its backgrounds`, async ({ page, planner }) => {
      await planner.goto();
      await setTheme(page, theme);
      const { rgb } = await themeColours(page);
      for (const [pairs, minimum] of [[TEXT_PAIRS, 4.5], [LINE_PAIRS, 3]] as const) {
        for (const [fore, backs] of pairs) {
          for (const back of backs) {
            const ratio = contrast(rgb[fore], rgb[back]);
            expect.soft(ratio, `${theme}: ${fore} on ${back}`).toBeGreaterThanOrEqual(minimum);
          }
        }
      }
    });
  }

  // Fails if: printing from dark mode prints light text (meant for a dark screen) on white paper.
  test('printing uses the light colours, whatever the theme', async ({ page, planner }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await planner.goto();
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    for (const theme of [null, 'dark'] as const) {
      await setTheme(page, theme);
      const ink = await page.evaluate(() => (getComputedStyle(document.body).color.match(/[\d.]+/g) ?? []).map(Number));
      expect(luminance(ink), `printed text luminance, data-theme=${theme ?? 'none'}`).toBeLessThan(0.05);
      expect(luminance(await pageBackground(page)), `printed background, data-theme=${theme ?? 'none'}`).toBeGreaterThan(0.9);
    }
  });

  // Fails if: an accent set inline on <html> (the embed's accent parameter) does not win over the
  // theme's accent, in either theme.
  test('an inline accent on <html> wins in both themes', async ({ page, planner }) => {
    await planner.goto();
    await page.evaluate(() => document.documentElement.style.setProperty('--accent', '#7a1f8f'));
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      const fill = await planner.addStageButton.evaluate((button) => getComputedStyle(button).backgroundColor);
      expect(fill, `${theme}: the add-stage button's fill`).toBe('rgb(122, 31, 143)');
    }
  });
});

test.describe('forced colours', () => {
  // Fails if: in forced colours (a Windows contrast theme) the page breaks WCAG A/AA, loses the
  // focus ring or the sticky column's edge, or calculated fields look like typed ones.
  test('the page passes axe and keeps focus ring, borders and the derived-field mark', async ({ page, planner }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await planner.goto();
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await expectNoAxeViolations(page, 'in forced colours');

    // The worked example has a revenue goal, so "New customers per year" is calculated.
    const derived = page.locator('.field.is-derived input').first();
    await expect(derived).toBeVisible();
    expect(await derived.evaluate((input) => getComputedStyle(input).borderTopStyle), 'derived field border').toBe('dashed');

    await planner.revenueGoal.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await planner.revenueGoal.evaluate((input) => {
      const style = getComputedStyle(input);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style, 'focus ring').toBe('solid');
    expect(outline.width, 'focus ring width').toBeGreaterThanOrEqual(2);

    // The first column of a table that scrolls sideways is edged by a shadow otherwise.
    const sticky = page.locator('.table-wrap tbody th').first();
    expect(await sticky.evaluate((cell) => getComputedStyle(cell).borderRightStyle), 'sticky column edge').toBe('solid');
  });
});

test.describe('reduced motion', () => {
  /** Transition and animation durations above zero, over every element of the page. */
  async function moving(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const seconds = (list: string): number => Math.max(...list.split(',').map((value) => parseFloat(value) || 0));
      const found: string[] = [];
      for (const element of Array.from(document.querySelectorAll('*'))) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(element, pseudo);
          const name = `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().replace(/\s+/g, '.')}` : ''}${pseudo ?? ''}`;
          if (seconds(style.transitionDuration) > 0) found.push(`${name}: transition ${style.transitionDuration}`);
          if (style.animationName !== 'none' && seconds(style.animationDuration) > 0) found.push(`${name}: animation ${style.animationDuration}`);
        }
      }
      if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') found.push('html: smooth scrolling');
      return found;
    });
  }

  // Fails if: with reduced motion asked for, any element transitions, animates or scrolls
  // smoothly — also one that a later stylesheet rule would make move (shown by adding such a
  // rule and seeing it stopped; the same rule moves when no reduction is asked for).
  test('nothing moves when the system asks for reduced motion', async ({ page, planner }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await planner.goto();
    expect(await moving(page), 'moving elements as the page opens').toEqual([]);

    // A rule a later change might add, through the CSSOM (a <style> element would need the
    // content security policy to allow inline styles).
    await page.evaluate(() => {
      const sheet = Array.from(document.styleSheets).find((candidate) => candidate.href !== null) ?? document.styleSheets[0];
      sheet.insertRule('button, input, summary { transition: background-color .3s, outline-offset .2s; }', sheet.cssRules.length);
      sheet.insertRule('html { scroll-behavior: smooth; }', sheet.cssRules.length);
    });
    await planner.addStageButton.hover();
    await planner.revenueGoal.focus();
    expect(await moving(page), 'moving elements with a transition rule added').toEqual([]);
    expect(await page.evaluate(() => document.getAnimations().length), 'running animations').toBe(0);

    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const durations = await planner.addStageButton.evaluate((button) => getComputedStyle(button).transitionDuration);
    expect(durations, 'the added rule moves without the preference (the check can fail)').toContain('0.3s');
  });
});
