// The targets table as a reader finds it, on a page or inside the embed's frame (the page object
// in pages/ works on one page; these specs also read a frame or a second site).
import type { FrameLocator, Locator, Page } from '@playwright/test';

/** The cell of the targets table in `scope` for `stage` and column `period`. */
export function targetCell(scope: FrameLocator | Page, stage: string, period: 'Per month' | 'Per quarter' | 'Per year'): Locator {
  const table = scope.getByRole('table', { name: /Funnel targets/ });
  return table
    .getByRole('row')
    .filter({ has: scope.getByRole('rowheader', { name: stage, exact: true }) })
    .getByRole('cell')
    .nth(['Per month', 'Per quarter', 'Per year'].indexOf(period));
}
