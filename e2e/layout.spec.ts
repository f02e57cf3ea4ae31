import { expect, screenshotView, test } from './fixtures';
import { VIEW_TABS } from '../src/app/viewLabels';

const VIEWS = VIEW_TABS;

test('at 1024 px wide every view fits the window (no sideways scrolling) and has no panel error', async ({ page, explorer, trained }) => {
  expect(trained.training.status).toBe('done');
  await page.setViewportSize({ width: 1024, height: 768 });
  for (const [label, id] of VIEWS) {
    await explorer.tab(label).click();
    await expect(explorer.view(id)).toBeVisible();
    await page.waitForTimeout(300);
    await expect(explorer.view(id).locator('.rl-panel__error')).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${id} overflows sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    await screenshotView(page, `narrow-${id}`);
  }
});
