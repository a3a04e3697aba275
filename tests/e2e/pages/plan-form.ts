// Part of the page object (see planner.ts): one file per part of the page, each class adding its
// part to the one before, so a spec still works with one `PlannerPage`.
import { expect, type Locator, type Page } from '@playwright/test';
import { BasePage } from './base';

/** "Your goal" and "Funnel stages". */
export class PlanFormPage extends BasePage {
  readonly goalSection: Locator;
  readonly stagesSection: Locator;
  readonly revenueGoal: Locator;
  readonly newCustomers: Locator;
  readonly averageRevenue: Locator;
  /** "Plan from": the goal that counts. */
  readonly goalFromRevenue: Locator;
  readonly goalFromNewCustomers: Locator;
  readonly stageItems: Locator;
  readonly addStageButton: Locator;

  constructor(page: Page) {
    super(page);
    this.goalSection = page.getByRole('region', { name: 'Your goal', exact: true });
    this.stagesSection = page.getByRole('region', { name: 'Funnel stages', exact: true });
    this.revenueGoal = page.getByLabel('Revenue goal', { exact: true });
    this.newCustomers = page.getByLabel('New customers per year', { exact: true });
    this.averageRevenue = page.getByLabel('Average revenue per new customer', { exact: true });
    this.goalFromRevenue = page.getByRole('radio', { name: 'the revenue goal', exact: true });
    this.goalFromNewCustomers = page.getByRole('radio', { name: 'new customers per year', exact: true });
    this.stageItems = this.stagesSection.getByRole('list').first().getByRole('listitem');
    this.addStageButton = page.getByRole('button', { name: 'Add stage', exact: true });
  }

  // ---- Stages ---------------------------------------------------------------------------------

  /** The name input of the stage at 1-based `position`. */
  stageName(position: number): Locator {
    return this.page.getByLabel(`Stage ${position} name`, { exact: true });
  }

  /** The rate input from stage `from` into stage `to`. */
  rate(from: string, to: string): Locator {
    return this.page.getByLabel(`${from} to ${to} rate`, { exact: true });
  }

  moveUpButton(stage: string): Locator {
    return this.page.getByRole('button', { name: `Move ${stage} up`, exact: true });
  }

  moveDownButton(stage: string): Locator {
    return this.page.getByRole('button', { name: `Move ${stage} down`, exact: true });
  }

  removeButton(stage: string): Locator {
    return this.page.getByRole('button', { name: `Remove ${stage}`, exact: true });
  }

  /** The stage names as shown in the stage inputs, top to bottom. */
  async stageNames(): Promise<string[]> {
    const count = await this.stageItems.count();
    const names: string[] = [];
    for (let position = 1; position <= count; position++) {
      names.push(await this.stageName(position).inputValue());
    }
    return names;
  }

  /** Waits until the stage list shows exactly `names`, top to bottom. */
  async expectStages(names: string[]): Promise<void> {
    await expect(this.stageItems).toHaveCount(names.length);
    for (const [index, name] of names.entries()) {
      await expect(this.stageName(index + 1)).toHaveValue(name);
    }
  }
}
