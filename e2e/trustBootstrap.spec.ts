import { expect, snapshot, test } from './fixtures';
import { cancelAtOnce, frameGaps, median, shootPanel, trust } from './trustHelpers';

test('the paired bootstrap runs in the worker: intervals in the metric table, bands on the curves, stable verdicts in plain words', async ({
  page,
  explorer,
  trained,
}) => {
  await explorer.tab('Deferral curves').click();
  await expect(page.getByTestId('bootstrap-resamples')).toHaveValue('200');
  await page.getByTestId('bootstrap-run').click();
  await expect.poll(async () => (await trust(page)).bootstrap.status, { timeout: 60_000 }).toBe('done');
  const t = await trust(page);
  const s = t.bootstrap.summary!;
  expect(t.bootstrap.fresh).toBe(true);
  expect(s.completed).toBe(200);
  console.log(`bootstrap B = 200 on ${trained.session!.testPrompts} test prompts: ${t.bootstrap.ms?.toFixed(0)} ms in the worker`);

  // Every method of the table has an interval around its own Area, and the table shows it.
  const methods = Object.keys(trained.metrics);
  expect(Object.keys(s.methods).sort()).toEqual(methods.sort());
  for (const m of Object.keys(s.methods)) {
    const [lo, hi] = s.methods[m].ci.area;
    expect(lo).toBeLessThanOrEqual(trained.metrics[m].area);
    expect(hi).toBeGreaterThanOrEqual(trained.metrics[m].area);
  }
  await expect(page.locator('[data-testid="metric-table"] [data-ci="area"]')).toHaveCount(Object.keys(s.methods).length);
  await expect(page.locator('[data-testid="metric-table"] [data-ci="qnc"]').first()).toContainText('[');

  // Paired comparisons: the Area differences are the metric table's, and the planted check holds:
  // on the demo both UniRoute routers beat the static mix by a wide margin.
  const routers = ['uniroute-kmeans', 'uniroute-learnedmap'].filter((m) => trained.metrics[m]);
  expect(s.comparisons).toHaveLength(routers.length * 3);
  for (const c of s.comparisons) {
    if (c.b !== 'best-single') expect(c.deltaArea).toBeCloseTo(trained.metrics[c.a].area - trained.metrics[c.b].area, 10);
    expect(c.ci[0]).toBeLessThanOrEqual(c.ci[1]);
    expect(c.verdict).toBe(c.ci[0] > 1e-12 ? 'better' : c.ci[1] < -1e-12 ? 'worse' : 'tied');
  }
  for (const a of routers) expect(s.comparisons.find((c) => c.a === a && c.b === 'zero-router')!.verdict).toBe('better');
  const verdictRows = page.getByTestId('verdicts').locator('tbody tr');
  await expect(verdictRows).toHaveCount(s.comparisons.length);
  await expect(page.getByTestId('verdict-words').locator('li').first()).toContainText('resamples of the test prompts');

  // Bands: one shaded path per method drawn, gone when toggled off.
  const bands = page.locator('#panel-curves [data-testid="curve-bands"] path');
  await expect(bands).toHaveCount(Object.keys(s.methods).length);
  await shootPanel(page, 'panel-curves', 'trust-curves-bands');
  await shootPanel(page, 'panel-uncertainty', 'trust-verdicts');
  await page.getByTestId('show-bands').uncheck();
  await expect(bands).toHaveCount(0);
  await page.getByTestId('show-bands').check();

  // B is settable; the verdict against the static mix does not move with more resamples.
  await page.getByTestId('bootstrap-resamples').fill('400');
  await page.getByTestId('bootstrap-run').click();
  await expect.poll(async () => (await trust(page)).bootstrap.summary?.completed, { timeout: 60_000 }).toBe(400);
  const again = (await trust(page)).bootstrap.summary!;
  for (const c of s.comparisons) {
    const d = again.comparisons.find((x) => x.a === c.a && x.b === c.b)!;
    expect(d.deltaArea).toBe(c.deltaArea);
    if (c.b === 'zero-router') expect(d.verdict).toBe(c.verdict);
  }

  // A long run in the worker leaves the page responsive.
  await page.getByTestId('bootstrap-resamples').fill('10000');
  await page.getByTestId('bootstrap-run').click();
  await expect.poll(async () => (await trust(page)).bootstrap.status, { intervals: [20] }).toBe('running');
  const gaps = await frameGaps(page);
  console.log('frame gaps during the bootstrap (ms):', gaps.map((g) => Math.round(g)).join(' '));
  expect(median(gaps)).toBeLessThan(250);
  await expect.poll(async () => (await trust(page)).bootstrap.status, { timeout: 120_000 }).toBe('done');
  expect((await trust(page)).bootstrap.summary!.completed).toBe(10000);

  // Cancel: the run stops between resamples and keeps those done.
  await page.getByTestId('bootstrap-run').click();
  await cancelAtOnce(page, 'bootstrap-job-cancel');
  await expect.poll(async () => (await trust(page)).bootstrap.status, { timeout: 60_000 }).toBe('cancelled');
  const cancelled = await trust(page);
  expect(cancelled.bootstrap.summary!.completed).toBeGreaterThan(0);
  expect(cancelled.bootstrap.summary!.completed).toBeLessThan(10000);
  expect(cancelled.bootstrap.message).toMatch(/^cancelled after \d+ of 10000 resamples$/);
  await expect(page.getByTestId('bootstrap-info')).toContainText(`${cancelled.bootstrap.summary!.completed} of 10000 resamples`);
  // The worker is free again: a new run finishes.
  await page.getByTestId('bootstrap-resamples').fill('50');
  await page.getByTestId('bootstrap-run').click();
  await expect.poll(async () => (await trust(page)).bootstrap.summary?.resamples, { timeout: 60_000 }).toBe(50);
  expect((await trust(page)).bootstrap.status).toBe('done');
  expect((await snapshot(page)).metrics).toEqual(trained.metrics);
});

test('"repeat over N splits" in the Train view: mean ± sd over seeded splits, per-split values, and Cancel', async ({
  page,
  explorer,
  trained,
}) => {
  expect(trained.training.status).toBe('done');
  await explorer.tab('Train').click();
  await page.getByTestId('split-trials').fill('3');
  await page.getByTestId('splits-run').click();
  await expect.poll(async () => (await trust(page)).splits.status, { timeout: 150_000 }).toBe('done');
  const r = (await trust(page)).splits.report!;
  expect(r.trials).toBe(3);
  expect(r.chosenK).toHaveLength(3);
  for (const [m, v] of Object.entries(r.methods)) {
    const xs = v.perTrial.area;
    expect(xs, m).toHaveLength(3);
    const mean = xs.reduce((a, b) => a + b, 0) / 3;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / 2);
    expect(v.area).toBeCloseTo(mean, 12);
    expect(v.spread.area).toBeCloseTo(sd, 12);
  }
  // Different splits give different Areas: the spread is real, not zero.
  expect(r.methods['uniroute-kmeans'].spread.area).toBeGreaterThan(0);
  await expect(page.getByTestId('splits-result').locator('.rl-spread').first()).toContainText('±');
  await shootPanel(page, 'panel-repeat-splits', 'trust-repeat-splits');

  // Cancel during a long run: the status says so and the earlier report stays on screen.
  await page.getByTestId('split-trials').fill('40');
  await page.getByTestId('splits-run').click();
  await cancelAtOnce(page, 'splits-job-cancel');
  await expect.poll(async () => (await trust(page)).splits.status, { timeout: 60_000 }).toBe('cancelled');
  const c = await trust(page);
  expect(c.splits.message).toMatch(/cancelled/);
  expect(c.splits.report!.trials).toBeLessThan(40);
  await expect(page.getByTestId('splits-result')).toBeVisible();
});
