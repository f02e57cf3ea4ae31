import { ARTIFACTS, expect, screenshotView, snapshot, test } from './fixtures';
import { VIEW_TABS } from '../src/app/viewLabels';

test('the demo loads, training finishes on the chosen backend, and every view renders', async ({
  page,
  explorer,
  data,
  trainPage,
  trained,
}) => {
  // The synthetic demo: >= 2,000 prompts, >= 10 LLMs, said to be synthetic.
  expect(trained.data.synthetic).toBe(true);
  expect(trained.data.prompts).toBeGreaterThanOrEqual(2000);
  expect(trained.data.models).toBeGreaterThanOrEqual(10);
  expect(trained.data.projected).toBe(trained.data.prompts);
  expect(trained.training.status).toBe('done');
  expect(trained.training.inertia).toBeGreaterThan(0);
  // Lloyd steps and the learned map run on the WebAssembly SIMD kernels (Chromium has SIMD); k-means
  // with Elkan's bounds (256 dims), on one thread or split over shard workers on a large problem.
  expect(['wasm-simd-elkan', 'wasm-simd-elkan-sharded']).toContain(trained.training.engines?.kmeans);
  expect(trained.training.engines?.clusterMap).toBe('wasm-simd');
  // The backend in use, from the hook and from the chip. Headless Chromium here renders WebGL with
  // SwiftShader, a software renderer, so the app prefers wasm (a GPU machine would stay on webgl).
  const backend = trained.backend!;
  expect(['webgl', 'wasm', 'cpu']).toContain(backend.backend);
  expect(backend.thread).toBe('worker');
  if (backend.softwareRenderer) expect(backend.backend).toBe('wasm');
  await expect(explorer.backendChip).toHaveAttribute('data-backend', backend.backend);
  await expect(explorer.backendChip).toContainText(`tfjs: ${backend.backend}`);

  const views = VIEW_TABS;
  for (const [label, id] of views) {
    await explorer.tab(label).click();
    await expect(explorer.view(id)).toBeVisible();
    await expect(explorer.view(id).locator('.rl-panel__error')).toHaveCount(0);
    if (id === 'data') await expect(data.syntheticNotice).toBeVisible();
    if (id === 'train') await expect(trainPage.backendReason).toContainText(backend.backend === 'webgl' ? 'WebGL' : backend.backend);
    if (id === 'clusters') await expect(page.getByTestId('cluster-list').locator('tbody tr')).toHaveCount(trained.session!.k);
    if (id === 'curves') await expect(page.getByTestId('metric-table')).toContainText('UniRoute (K-means)');
    // Let charts finish their first layout before the screenshot.
    await page.waitForTimeout(300);
    await screenshotView(page, id);
  }
  const s = await snapshot(page);
  expect(Object.keys(s.metrics).sort()).toEqual(['knn', 'oracle', 'uniroute-kmeans', 'uniroute-learnedmap', 'zero-router']);
  // Routing pays off on the demo's default pool (four cheap specialists + the priciest LLM): both
  // UniRoute routers beat ZeroRouter and K-NN on Area and on QNC (null = never matches the best LLM).
  expect(s.session!.pool).toEqual(trained.demo!.testPool);
  const qnc = (q: number | null) => (q === null || !Number.isFinite(q) ? Infinity : q);
  for (const method of ['uniroute-kmeans', 'uniroute-learnedmap'] as const) {
    expect(s.metrics[method].area).toBeGreaterThan(s.metrics['zero-router'].area + 0.05);
    expect(s.metrics[method].area).toBeGreaterThan(s.metrics.knn.area);
    expect(qnc(s.metrics[method].qnc)).toBeLessThan(qnc(s.metrics.knn.qnc));
    expect(qnc(s.metrics[method].qnc)).toBeLessThan(0.5);
  }
  expect(s.metrics.oracle.area).toBeGreaterThan(s.metrics['uniroute-kmeans'].area);
  // The Routing view opens at the cheapest routing that matches the most accurate test LLM.
  expect(s.routing!.costPenalty).toBeGreaterThan(0);
  expect(s.routing!.accuracy).toBeGreaterThanOrEqual(s.session!.qncTarget! - 1e-12);
  expect(s.routing!.operatingPoint.cost).toBeLessThan(0.5);
  test.info().annotations.push({ type: 'artifacts', description: ARTIFACTS });
});

test('moving the cost-penalty slider changes the shares and the operating point', async ({ page, explorer, routing, trained }) => {
  await explorer.tab('Routing').click();
  // The demo opens at the QNC point (see above); Home goes to lambda = 0, the lowest predicted error.
  await expect(page.getByTestId('penalty-note')).toBeVisible();
  await routing.slider.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('penalty-note')).toHaveCount(0);
  const before = (await snapshot(page)).routing!;
  expect(before.costPenalty).toBe(0);
  // The operating point sits below its curve exactly when a front point at no more cost is more accurate, and the view says so.
  const front = (await snapshot(page)).metrics[before.method].front;
  const op = before.operatingPoint;
  const below = front.some(([c, a]) => c <= op.cost + 1e-9 && a > op.accuracy + 1e-9);
  await expect(page.getByTestId('operating-point-below')).toHaveCount(below ? 1 : 0);
  // End = the largest lambda on the track: routing moves to cheaper LLMs.
  await page.keyboard.press('End');
  await expect.poll(async () => (await snapshot(page)).routing!.costPenalty).toBeGreaterThan(0);
  const after = (await snapshot(page)).routing!;
  expect(after.share).not.toEqual(before.share);
  expect(after.operatingPoint.cost).toBeLessThan(before.operatingPoint.cost);
  expect(after.meanCost).toBeLessThan(before.meanCost);
  // Arrow keys step through intermediate values; every step re-routes in well under a frame.
  await page.keyboard.press('Home');
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
  const mid = (await snapshot(page)).routing!;
  expect(mid.costPenalty).toBeGreaterThan(0);
  expect(mid.ms!).toBeLessThan(16);
  await expect(routing.accuracy).toHaveText(`${(mid.accuracy * 100).toFixed(2)}%`);
  // The panels below the slider follow λ once it rests: "Is routing paying?" then reads the slider's λ.
  const shown = await page.locator('#panel-routing .rl-slider__value').innerText();
  await expect(page.getByTestId('paying')).toContainText(`At ${shown}:`);
  // The explanation of a test prompt names the same winner as its table's highlighted row.
  await routing.testPrompts.nth(3).click();
  await expect(routing.explainTable.locator('tr.rl-row--highlight')).toContainText(await routing.winner.innerText());
  expect(trained.session!.testPrompts).toBeGreaterThan(0);
});
