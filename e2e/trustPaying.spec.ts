import { expect, snapshot, test } from './fixtures';
import { shootPanel, trust } from './trustHelpers';

/** Prompts per (LLM, task) from the paying report's per-task counts. */
function byModelTask(p: NonNullable<Awaited<ReturnType<typeof trust>>['paying']>, names: string[]) {
  const out: Record<string, Record<string, number>> = {};
  p.byTask!.groups.forEach((task, g) =>
    p.byTask!.counts[g].forEach((c, h) => {
      if (c > 0) (out[names[h]] ??= {})[task] = c;
    }),
  );
  return out;
}

test('"is routing paying?" follows the operating point: comparisons, saving with its interval, collapse, where prompts go', async ({
  page,
  explorer,
  routing,
  trained,
}) => {
  await explorer.tab('Routing').click();
  await expect(page.getByTestId('paying')).toBeVisible();
  let s = await snapshot(page);
  let p = s.trust.paying!;
  const names = s.session!.pool;
  // The router's point is the live routing's; the per-task bars count each prompt where routeLive sends it.
  expect(p.method).toBe(s.routing!.method);
  expect(p.costPenalty).toBe(s.routing!.costPenalty);
  expect(p.router.accuracy).toBeCloseTo(s.routing!.accuracy, 12);
  expect(p.router.cost).toBeCloseTo(s.routing!.operatingPoint.cost, 12);
  expect(byModelTask(p, names)).toEqual(await page.evaluate(() => window.__routelab!.routedTasks()));
  // The best single LLM at no more cost really costs no more, and the oracle bounds the router.
  if (p.bestSingleWithinCost) expect(p.bestSingleWithinCost.cost).toBeLessThanOrEqual(p.router.cost + 1e-12);
  expect(p.oracleAtCost!.accuracy).toBeGreaterThanOrEqual(p.router.accuracy - 1e-12);
  expect(p.saving.interval).toBeNull();
  await expect(page.getByTestId('paying-saving')).toContainText('Run the bootstrap');
  await expect(page.getByTestId('paying-table').locator('tbody tr')).toHaveCount(4);

  // Live as lambda moves: the bars follow the slider.
  await routing.slider.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await trust(page)).paying!.costPenalty).not.toBe(p.costPenalty);
  s = await snapshot(page);
  p = s.trust.paying!;
  expect(p.costPenalty).toBe(s.routing!.costPenalty);
  expect(byModelTask(p, names)).toEqual(await page.evaluate(() => window.__routelab!.routedTasks()));

  // At the cheap end everything goes to one LLM: the collapse warning shows.
  await page.keyboard.press('End');
  await expect(page.getByTestId('collapse-warning')).toBeVisible();
  p = (await trust(page)).paying!;
  expect(p.collapse.share).toBeGreaterThan(0.9);
  expect(p.collapse.warning).toBe(true);
  // At the cheap end it is the cheapest LLM, and the warning says what to try.
  expect(p.collapse.reason).toBe('cheapest');
  await expect(page.getByTestId('collapse-advice')).toContainText('Lower λ (Home sets λ = 0) to buy accuracy.');
  await page.keyboard.press('Home');
  await expect.poll(async () => (await trust(page)).paying!.costPenalty).toBe(0);
  p = (await trust(page)).paying!;
  expect(p.collapse.warning).toBe(p.collapse.share > 0.9);
  await expect(page.getByTestId('collapse-warning')).toHaveCount(p.collapse.warning ? 1 : 0);

  // With a bootstrap of this pool the saving carries its interval.
  await explorer.tab('Deferral curves').click();
  await page.getByTestId('bootstrap-run').click();
  await expect.poll(async () => (await trust(page)).bootstrap.status, { timeout: 60_000 }).toBe('done');
  await explorer.tab('Routing').click();
  const t = await trust(page);
  expect(t.paying!.saving.interval).toEqual(t.bootstrap.summary!.methods[t.paying!.method].saving.ci);
  if (t.paying!.saving.value !== null) await expect(page.getByTestId('paying-saving')).toContainText('95% interval');

  // Per cluster: one bar per cluster that has test prompts.
  await page.getByTestId('group-by-cluster').check();
  await expect(page.getByTestId('where-prompts-go').locator('.rl-stacked__row')).toHaveCount(t.paying!.byCluster!.groups.length);
  await page.getByTestId('group-by-task').check();
  await shootPanel(page, 'panel-paying', 'trust-paying');

  // ZeroRouter is the static mix itself: nothing to judge.
  await page.getByTestId('routing-method').selectOption('zero-router');
  await expect(page.getByTestId('paying-none')).toContainText('ZeroRouter is the static mix itself');
  expect((await trust(page)).paying).toBeNull();
  expect(trained.training.status).toBe('done');
});
