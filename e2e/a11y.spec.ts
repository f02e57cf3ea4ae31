/**
 * Accessibility: axe-core on every view (no serious or critical violations), one h1, and the
 * keyboard paths the views promise. Screenshots of every view at 1440 px come from explorer.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { VIEW_TABS } from '../src/app/viewLabels';

test('axe finds no serious or critical violations on any view, and the page has one h1', async ({ page, explorer, trained }) => {
  expect(trained.training.status).toBe('done');
  await expect(page.locator('h1')).toHaveCount(1);
  const report: string[] = [];
  for (const [label, id] of VIEW_TABS) {
    await explorer.tab(label).click();
    await expect(explorer.view(id)).toBeVisible();
    await page.waitForTimeout(300);
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      report.push(`${id}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
    }
  }
  expect(report, report.join('\n')).toEqual([]);
});
