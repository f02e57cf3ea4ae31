import { expect, test } from './fixtures';
import { cancelAtOnce, shootPanel, trust } from './trustHelpers';

test('the onboarding simulator leaves an LLM out, adds it back from n labels in the worker, and reports the labels it needs', async ({
  page,
  explorer,
  trained,
}) => {
  await explorer.tab('Add an LLM').click();
  const model = 'mathwise-lite';
  await page.getByTestId('onboard-model').selectOption(model);
  await expect(page.getByTestId('onboard-labels')).toHaveValue('5, 10, 20, 50, all');
  await page.getByTestId('onboard-repeats').fill('3');
  await page.getByTestId('onboard-run').click();
  await expect.poll(async () => (await trust(page)).onboard.status, { timeout: 120_000 }).toBe('done');
  const o = (await trust(page)).onboard;
  const r = o.report!;
  expect(o.error).toBeNull();
  expect(r.model).toBe(model);
  // The simulator runs on the session's split and K.
  expect(r.k).toBe(trained.session!.k);
  expect(r.counts.val).toBe(trained.session!.valPrompts);
  expect(r.counts.trainModels).toBe(trained.data.models - 1);
  expect(r.byLabels.map((b) => b.labels)).toEqual([5, 10, 20, 50, 'all']);
  for (const b of r.byLabels) {
    expect(b.n).toBeLessThanOrEqual(r.counts.valScored);
    expect(b.repeats).toBe(b.labels === 'all' ? 1 : 3);
    expect(b.area.interval[0]).toBeLessThanOrEqual(b.area.mean + 1e-12);
    expect(b.area.interval[1]).toBeGreaterThanOrEqual(b.area.mean - 1e-12);
  }
  // Planted: the LLM added from all its labels is the reference, so its gap is exactly zero.
  const all = r.byLabels.find((b) => b.labels === 'all')!;
  expect(all.areaGap.mean).toBeCloseTo(0, 12);
  expect(all.area.mean).toBeCloseTo(r.full.area, 12);
  // "Labels needed": the smallest budget whose mean |gap| is within 0.01, as the page says.
  const first = r.byLabels.find((b) => b.areaGap.meanAbs <= 0.01)!;
  expect(r.within.labels).toBe(first.labels);
  await expect(page.getByTestId('onboard-within')).toContainText(
    `Labels needed to come within 0.01 Area: ${first.labels === 'all' ? `all (${first.n})` : first.n} of ${r.counts.valScored}`,
  );
  await expect(page.getByTestId('onboard-table').locator('tbody tr')).toHaveCount(5);
  // The charts: Area gap per budget, per-cluster error (all labels and n labels), curves with a band.
  await expect(page.locator('#panel-onboard .rl-whisker svg')).toHaveCount(2);
  await expect(page.locator('#panel-onboard .rl-whisker svg').nth(1).locator('circle')).toHaveCount(2 * r.k);
  await expect(page.locator('#panel-onboard [data-testid="curve-bands"] path')).toHaveCount(1);
  await page.getByTestId('onboard-table').locator('tbody tr').first().getByRole('radio').check();
  expect((await trust(page)).onboard.budget).toBe(0);
  await shootPanel(page, 'panel-onboard', 'trust-onboard');

  // Cancel a second run: the first report stays.
  await page.getByTestId('onboard-model').selectOption('coder-7b');
  await page.getByTestId('onboard-repeats').fill('50');
  await page.getByTestId('onboard-run').click();
  await cancelAtOnce(page, 'onboard-job-cancel');
  await expect.poll(async () => (await trust(page)).onboard.status, { timeout: 60_000 }).toBe('cancelled');
  expect((await trust(page)).onboard.report!.model).toBe(model);
  await expect(page.getByTestId('onboard-result')).toBeVisible();
});
