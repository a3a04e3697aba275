// Part of the page object (see planner.ts): one file per part of the page, each class adding its
// part to the one before, so a spec still works with one `PlannerPage`.
import { expect, type Locator } from '@playwright/test';
import { escapeRegExp } from './base';
import { LibraryPage } from './library';

/** "Budget and channels", targets by channel, budget needed, marketing KPIs and the ranking. */
export class MarketingPage extends LibraryPage {
  // ---- Budget and channels --------------------------------------------------------------------

  get channelsSection(): Locator {
    return this.page.getByRole('region', { name: 'Budget and channels', exact: true });
  }

  get budget(): Locator {
    return this.page.getByRole('textbox', { name: 'Marketing budget', exact: true });
  }

  /** The "The budget is for" choice: "The whole year" or "Each month". */
  budgetPeriod(choice: 'The whole year' | 'Each month'): Locator {
    return this.page
      .getByRole('group', { name: 'The budget is for', exact: true })
      .getByRole('radio', { name: choice, exact: true });
  }

  get channelsTable(): Locator {
    return this.page.getByRole('table', { name: 'Spend and results by channel', exact: true });
  }

  /** One row per channel in "Spend and results by channel". */
  get channelRows(): Locator {
    return this.bodyRows(this.channelsTable);
  }

  get addChannelButton(): Locator {
    return this.page.getByRole('button', { name: 'Add channel', exact: true });
  }

  get addUsualChannelsButton(): Locator {
    return this.page.getByRole('button', { name: 'Add the usual channels', exact: true });
  }

  /** The name input of the channel at 1-based `position`. */
  channelName(position: number): Locator {
    return this.page.getByRole('textbox', { name: `Channel ${position} name`, exact: true });
  }

  channelShare(channel: string): Locator {
    return this.page.getByRole('textbox', { name: `${channel} share of customers goal`, exact: true });
  }

  channelSpend(channel: string): Locator {
    return this.page.getByRole('textbox', { name: `${channel} spend`, exact: true });
  }

  /** What `channel` brought at `stage` (its volume there). */
  channelVolume(channel: string, stage: string): Locator {
    return this.page.getByRole('textbox', { name: `${channel} ${stage}`, exact: true });
  }

  channelRevenue(channel: string): Locator {
    return this.page.getByRole('textbox', { name: `${channel} revenue`, exact: true });
  }

  removeChannelButton(channel: string): Locator {
    return this.page.getByRole('button', { name: `Remove ${channel}`, exact: true });
  }

  /** Waits until the channels table lists exactly `names`, top to bottom. */
  async expectChannels(names: string[]): Promise<void> {
    await expect(this.channelRows).toHaveCount(names.length);
    for (const [index, name] of names.entries()) {
      await expect(this.channelName(index + 1)).toHaveValue(name);
    }
  }

  /** Types what `channel` spent and brought; only the figures given are typed. */
  async fillChannel(
    channel: string,
    figures: { share?: string; spend?: string; revenue?: string; volumes?: Record<string, string> },
  ): Promise<void> {
    if (figures.share !== undefined) await this.type(this.channelShare(channel), figures.share);
    if (figures.spend !== undefined) await this.type(this.channelSpend(channel), figures.spend);
    for (const [stage, volume] of Object.entries(figures.volumes ?? {})) {
      await this.type(this.channelVolume(channel, stage), volume);
    }
    if (figures.revenue !== undefined) await this.type(this.channelRevenue(channel), figures.revenue);
  }

  /** The "Each channel's own conversion rates" disclosure. */
  get channelRatesSummary(): Locator {
    return this.channelsSection.getByText("Each channel's own conversion rates", { exact: true });
  }

  get channelRatesTable(): Locator {
    return this.page.getByRole('table', { name: 'Conversion rates by channel (%)', exact: true });
  }

  /** Opens "Each channel's own conversion rates" if it is closed. */
  async openChannelRates(): Promise<void> {
    if (!(await this.channelRatesTable.isVisible())) await this.channelRatesSummary.click();
    await expect(this.channelRatesTable).toBeVisible();
  }

  /** `channel`'s own rate from stage `from` into stage `to`. */
  channelRate(channel: string, from: string, to: string): Locator {
    return this.page.getByRole('textbox', { name: `${channel}: ${from} to ${to} rate`, exact: true });
  }

  // ---- Targets by channel and budget needed ---------------------------------------------------

  get channelTargetsSection(): Locator {
    return this.page.getByRole('region', { name: 'Targets by channel', exact: true });
  }

  /** The "Show targets" select: per month, per quarter or per year. */
  get channelTargetsPeriod(): Locator {
    return this.page.getByRole('combobox', { name: 'Show targets', exact: true });
  }

  channelTargetsTable(period: 'per month' | 'per quarter' | 'per year' = 'per month'): Locator {
    return this.page.getByRole('table', { name: `Targets by channel, ${period}`, exact: true });
  }

  get budgetSection(): Locator {
    return this.page.getByRole('region', { name: 'Budget needed', exact: true });
  }

  get budgetTable(): Locator {
    return this.page.getByRole('table', { name: 'Budget needed to reach the targets', exact: true });
  }

  // ---- Marketing KPIs -------------------------------------------------------------------------

  get kpiSection(): Locator {
    return this.page.getByRole('region', { name: 'Marketing KPIs', exact: true });
  }

  get grossMargin(): Locator {
    return this.page.getByRole('textbox', { name: 'Gross margin', exact: true });
  }

  /** The "Customer lifetime given as" choice. */
  lifetimeAs(choice: 'Years' | 'Churn per year'): Locator {
    return this.page
      .getByRole('group', { name: 'Customer lifetime given as', exact: true })
      .getByRole('radio', { name: choice, exact: true });
  }

  get lifetimeYears(): Locator {
    return this.page.getByRole('textbox', { name: 'Expected customer lifetime (years)', exact: true });
  }

  get churn(): Locator {
    return this.page.getByRole('textbox', { name: 'Customers lost per year (churn)', exact: true });
  }

  get customersAtStart(): Locator {
    return this.page.getByRole('textbox', { name: 'Customers at the start of the period', exact: true });
  }

  get customersAtEnd(): Locator {
    return this.page.getByRole('textbox', { name: 'Customers at the end of the period', exact: true });
  }

  get customersNew(): Locator {
    return this.page.getByRole('textbox', { name: 'New customers won during the period', exact: true });
  }

  /** The value shown for a plan-wide KPI, the definition after its term. */
  planKpi(term: 'Customer lifetime value (LTV)' | 'Customer retention rate'): Locator {
    return this.kpiSection
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${escapeRegExp(term)}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  get kpiTable(): Locator {
    return this.page.getByRole('table', { name: 'KPIs by channel', exact: true });
  }

  /** "How the KPIs are calculated". */
  get howKpiSummary(): Locator {
    return this.kpiSection.getByText('How the KPIs are calculated', { exact: true });
  }

  get explainFor(): Locator {
    return this.page.getByRole('combobox', { name: 'Explain the figures of', exact: true });
  }

  /** The steps of "How the KPIs are calculated". */
  howKpiSteps(): Locator {
    return this.kpiSection
      .getByRole('group')
      .filter({ has: this.page.getByText('How the KPIs are calculated', { exact: true }) })
      .getByRole('listitem');
  }

  /** Opens "How the KPIs are calculated" if it is closed. */
  async openHowKpis(): Promise<void> {
    if (!(await this.explainFor.isVisible())) await this.howKpiSummary.click();
    await expect(this.explainFor).toBeVisible();
  }

  // ---- Which channels earn their money --------------------------------------------------------

  get compareSection(): Locator {
    return this.page.getByRole('region', { name: 'Which channels earn their money', exact: true });
  }

  get rankBy(): Locator {
    return this.page.getByRole('combobox', { name: 'Rank channels by', exact: true });
  }

  rankTable(metric: string): Locator {
    return this.page.getByRole('table', { name: `Channels ranked by ${metric}`, exact: true });
  }

  get movePercent(): Locator {
    return this.page.getByRole('textbox', { name: "Share of the worst channel's spend to move", exact: true });
  }

  /** The suggestion under the ranking: the move, its projection and its assumption. */
  get suggestion(): Locator {
    return this.compareSection.getByRole('listitem');
  }
}
