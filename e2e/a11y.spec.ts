/**
 * Accessibility: axe-core on every view (no serious or critical violations), one h1, and the
 * keyboard paths the views promise. Screenshots of every view at 1440 px come from explorer.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, snapshot, test } from './fixtures';
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
      report.push(
        `${id}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`,
      );
    }
  }
  expect(report, report.join('\n')).toEqual([]);
});

test('every chart has an accessible name and a "Show as table" alternative', async ({ explorer, trained }) => {
  expect(trained.training.status).toBe('done');
  let charts = 0;
  for (const [label, id] of VIEW_TABS) {
    await explorer.tab(label).click();
    await expect(explorer.view(id)).toBeVisible();
    for (const figure of await explorer.view(id).locator('figure.rl-chart').all()) {
      charts++;
      expect((await figure.getAttribute('aria-label'))?.length, `${id}: a chart without a name`).toBeGreaterThan(5);
      // No unnamed tab stops inside the drawing (recharts' focusable "application" layer is off).
      await expect(figure.locator('svg [tabindex], svg[tabindex]')).toHaveCount(0);
      const toggle = figure.locator('[data-chart-table-toggle]');
      await expect(toggle).toHaveText('Show as table');
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await expect(figure.locator('[data-chart-table] table')).toBeVisible();
      await toggle.click();
    }
  }
  // Train: inertia + loss; profiles: heatmap; routing: shares + operating point; curves: deferral.
  expect(charts).toBeGreaterThanOrEqual(6);
});

test('the prompt list is one tab stop moved with the arrow keys, and γ and λ keep their case', async ({ page, explorer, trained }) => {
  expect(trained.routing).not.toBeNull();
  await explorer.tab('Routing').click();
  const list = page.getByTestId('prompt-listbox');
  await expect(list).toHaveAttribute('role', 'listbox');
  await expect(list).toHaveAttribute('tabindex', '0');
  // No option is a tab stop of its own.
  await expect(list.locator('[tabindex]')).toHaveCount(0);
  const options = list.getByRole('option');
  expect(await options.count()).toBeGreaterThan(5);
  await page.getByRole('searchbox', { name: 'Filter test prompts' }).focus();
  await page.keyboard.press('Tab');
  await expect(list).toBeFocused();
  await page.keyboard.press('Home');
  const first = Number(await options.nth(0).getAttribute('data-row'));
  expect((await snapshot(page)).routing!.selectedRow).toBe(first);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = Number(await options.nth(2).getAttribute('data-row'));
  expect((await snapshot(page)).routing!.selectedRow).toBe(third);
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(list).toHaveAttribute('aria-activedescendant', (await options.nth(2).getAttribute('id'))!);
  await page.keyboard.press('ArrowUp');
  expect((await snapshot(page)).routing!.selectedRow).toBe(Number(await options.nth(1).getAttribute('data-row')));
  // One more Tab leaves the list (it was a single stop).
  await page.keyboard.press('Tab');
  await expect(list).not.toBeFocused();

  // Rendered text (innerText applies text-transform) keeps the lower-case Greek letters.
  const headers = await page
    .getByTestId('explain-table')
    .locator('thead th')
    .evaluateAll((ths) => ths.map((th) => (th as HTMLElement).innerText));
  expect(headers).toContain('Error γ');
  expect(headers).toContain('λ·c');
  const slider = await page.locator('.rl-slider__label').evaluate((el) => (el as HTMLElement).innerText);
  expect(slider).toContain('λ');
});
