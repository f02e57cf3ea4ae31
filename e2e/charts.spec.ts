/**
 * Charts a user can read and keep: the deferral chart's log cost axis, drag zoom and click-to-route,
 * labels that are never clipped, hidden or dropped, the oracle as an upper bound, PNG and SVG export
 * of every chart, and the heatmap's full names, cluster sort and best-LLM marks.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshotView, snapshot, test } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };
// Text boxes include the font's line gap: overlaps under half a pixel are not drawn ink on ink.
const overlap = (a: Box, b: Box) =>
  a.x + 0.5 < b.x + b.width && b.x + 0.5 < a.x + a.width && a.y + 0.5 < b.y + b.height && b.y + 0.5 < a.y + a.height;

/** The label boxes on a deferral chart and its plot area, in page pixels. */
async function labelBoxes(chart: Locator): Promise<{ plot: Box; labels: { kind: string; text: string; box: Box }[] }> {
  const plot = (await chart.getByTestId('deferral-hit').boundingBox())!;
  const labels = [];
  for (const g of await chart.locator('[data-label-kind]').all()) {
    labels.push({
      kind: (await g.getAttribute('data-label-kind'))!,
      text: (await g.getAttribute('data-label'))!,
      box: (await g.locator('text').boundingBox())!,
    });
  }
  return { plot, labels };
}

/** Every label inside the plot and no two labels overlapping. */
function expectTidy({ plot, labels }: Awaited<ReturnType<typeof labelBoxes>>) {
  for (const l of labels) {
    expect(l.box.x, `${l.text} left`).toBeGreaterThanOrEqual(plot.x - 0.5);
    expect(l.box.y, `${l.text} top`).toBeGreaterThanOrEqual(plot.y - 0.5);
    expect(l.box.x + l.box.width, `${l.text} right`).toBeLessThanOrEqual(plot.x + plot.width + 0.5);
    expect(l.box.y + l.box.height, `${l.text} bottom`).toBeLessThanOrEqual(plot.y + plot.height + 0.5);
  }
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      expect(overlap(labels[i].box, labels[j].box), `${labels[i].text} / ${labels[j].text}`).toBe(false);
}

/** The cost axis's tick labels, left to right (the tick labels below the plot). */
async function xTicks(chart: Locator): Promise<string[]> {
  const plot = (await chart.getByTestId('deferral-hit').boundingBox())!;
  const ticks: { x: number; text: string }[] = [];
  for (const t of await chart.locator('.recharts-cartesian-axis-tick-value').all()) {
    const box = (await t.boundingBox())!;
    if (box.y > plot.y + plot.height) ticks.push({ x: box.x, text: (await t.textContent()) ?? '' });
  }
  return ticks.sort((a, b) => a.x - b.x).map((t) => t.text);
}

/** A point at `fraction` of the length of a curve's drawn path, in page pixels. */
async function pointOnCurve(page: Page, method: string, fraction: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([m, f]) => {
      const el = document.querySelector(`#panel-curves .rl-curve--${m}`);
      const path = (el?.tagName === 'path' ? el : el?.querySelector('path')) as SVGPathElement | null;
      if (!path) throw new Error(`no path for ${m}`);
      const p = path.getPointAtLength(path.getTotalLength() * Number(f));
      const ctm = path.getScreenCTM()!;
      return { x: p.x * ctm.a + p.y * ctm.c + ctm.e, y: p.x * ctm.b + p.y * ctm.d + ctm.f };
    },
    [method, String(fraction)],
  );
}

test('deferral curves: log cost axis, drag zoom, click a curve to route at its point, oracle as an upper bound', async ({
  page,
  explorer,
  trained,
}) => {
  await explorer.tab('Deferral curves').click();
  const chart = page.locator('#panel-curves').getByTestId('deferral-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('.rl-deferral__plot')).toHaveAttribute('role', 'img');
  await expect(chart.locator('.rl-deferral__plot')).toHaveAttribute('aria-label', /Deferral curves/);

  // The oracle is a bound: tagged on the chart and in the legend, never bold in the metric table.
  await expect(chart.locator('[data-label-kind="tag"]')).toHaveAttribute('data-label', 'upper bound');
  await expect(chart.locator('.rl-legend [data-curve="oracle"]')).toContainText('upper bound');
  const table = page.getByTestId('metric-table');
  await expect(table.locator('tr[data-row="oracle"] .rl-best')).toHaveCount(0);
  expect(await table.locator('.rl-best').count()).toBe(5);
  await expect(table.locator('tr[data-row="uniroute-kmeans"] .rl-best, tr[data-row="uniroute-learnedmap"] .rl-best')).not.toHaveCount(0);

  // Every single LLM is labelled, and no label is clipped or overlaps another.
  const pool = trained.session!.pool;
  await expect(chart.locator('[data-label-kind="single"]')).toHaveCount(pool.length);
  await expect(chart.locator('[data-label-kind="op"]')).toHaveCount(1);
  expectTidy(await labelBoxes(chart));

  // Log cost axis: the cheap end spreads out (ticks below 10%), the labels stay tidy.
  await chart.locator('[data-cost-axis="log"]').click();
  expect((await snapshot(page)).ui.costAxis).toBe('log');
  const ticks = await xTicks(chart);
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  expect(ticks.some((t) => parseFloat(t) < 10)).toBe(true);
  expect(ticks[ticks.length - 1]).toBe('100%');
  expectTidy(await labelBoxes(chart));
  await screenshotView(page, 'curves-log');

  // Drag a box over the plot: the chart zooms to it (state in the hook), Reset zoom undoes it.
  const plot = (await chart.getByTestId('deferral-hit').boundingBox())!;
  await page.mouse.move(plot.x + plot.width * 0.1, plot.y + plot.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width * 0.5, plot.y + plot.height * 0.6, { steps: 5 });
  await page.mouse.up();
  const zoomed = (await snapshot(page)).ui.chartZoom.curves!;
  expect(zoomed).toBeDefined();
  expect(zoomed.cost[0]).toBeGreaterThan(0);
  expect(zoomed.cost[1]).toBeGreaterThan(zoomed.cost[0]);
  expect(zoomed.accuracy[1]).toBeGreaterThan(zoomed.accuracy[0]);
  await expect(chart.locator('.rl-deferral')).toHaveAttribute('data-zoomed', 'true');
  expectTidy(await labelBoxes(chart));
  await screenshotView(page, 'curves-zoomed');
  await chart.getByTestId('reset-zoom').click();
  expect((await snapshot(page)).ui.chartZoom.curves).toBeUndefined();
  await chart.locator('[data-cost-axis="linear"]').click();

  // Click the K-NN curve: the routing switches to K-NN at the lambda of the clicked point.
  const before = await snapshot(page);
  const at = await pointOnCurve(page, 'knn', 0.35);
  await page.mouse.click(at.x, at.y);
  const after = await snapshot(page);
  expect(after.routing!.method).toBe('knn');
  const front = after.metrics.knn.front;
  const op = after.routing!.operatingPoint;
  expect(front.some(([c, a]) => Math.abs(c - op.cost) < 1e-12 && Math.abs(a - op.accuracy) < 1e-12)).toBe(true);
  expect(after.routing!.costPenalty).not.toBe(before.routing!.costPenalty);
  // The operating point moved next to the click.
  const dot = (await chart.locator('.rl-deferral__op circle').boundingBox())!;
  expect(Math.hypot(dot.x + dot.width / 2 - at.x, dot.y + dot.height / 2 - at.y)).toBeLessThan(60);
  await screenshotView(page, 'curves-picked');
});

/** Saves one chart as SVG and PNG and checks the files. */
async function expectExports(page: Page, frame: Locator, mustContain: string[]) {
  const [svg] = await Promise.all([page.waitForEvent('download'), frame.locator('[data-export-kind="svg"]').first().click()]);
  expect(svg.suggestedFilename()).toMatch(/^routelab-.*\.svg$/);
  const text = readFileSync((await svg.path())!, 'utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  for (const s of mustContain) expect(text).toContain(s);
  const [png] = await Promise.all([page.waitForEvent('download'), frame.locator('[data-export-kind="png"]').first().click()]);
  expect(png.suggestedFilename()).toMatch(/^routelab-.*\.png$/);
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Width and height from the IHDR chunk: twice the SVG's size.
  const width = bytes.readUInt32BE(16);
  const svgWidth = Number(/width="(\d+)"/.exec(text)![1]);
  expect(width).toBe(svgWidth * 2);
}

test('every chart saves as SVG and PNG and shows as a table', async ({ page, explorer, trained }) => {
  const pool = trained.session!.pool;
  await explorer.tab('Deferral curves').click();
  const curves = page.locator('#panel-curves').getByTestId('deferral-chart');
  await expectExports(page, curves, ['UniRoute (K-means)', 'upper bound', pool[0]]);
  await curves.locator('[data-chart-table-toggle]').click();
  await expect(curves.getByTestId('deferral-table')).toContainText(pool[0]);

  await explorer.tab('Routing').click();
  const shares = page.getByTestId('share-bars-chart');
  await expectExports(page, shares, pool);
  await shares.locator('[data-chart-table-toggle]').click();
  await expect(shares.locator('[data-chart-table] tbody tr')).toHaveCount(pool.length);
  await expectExports(page, page.locator('#panel-operating-point').getByTestId('deferral-chart'), ['Operating point']);

  await explorer.tab('Error profiles').click();
  const heatmap = page.getByTestId('heatmap-chart');
  await expectExports(page, heatmap, [`${pool[0]}<tspan font-weight="600" fill="#5f6b7a"> (test)</tspan>`]);
  await heatmap.locator('[data-chart-table-toggle]').click();
  await expect(heatmap.locator('[data-chart-table] tbody tr')).toHaveCount(trained.data.models);

  await explorer.tab('Train').click();
  for (const id of ['inertia-chart', 'loss-chart']) {
    const frame = page.getByTestId(id);
    await expectExports(page, frame, []);
    await frame.locator('[data-chart-table-toggle]').click();
    await expect(frame.locator('[data-chart-table] tbody tr').first()).toBeVisible();
  }
});

test('a perfect cheap LLM under the operating point stays visible and labelled', async ({ page, explorer, addModel, trained }) => {
  const { cost } = trained.demo!.newcomer!;
  await explorer.tab('Add an LLM').click();
  // The newcomer's scores file (validation + test prompts), every score set to 1, at a tenth of the cheapest cost.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('newcomer-download').click()]);
  const lines = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  const perfect = [lines[0], ...lines.slice(1).map((l) => l.replace(/,[^,]*$/, ',1'))].join('\n') + '\n';
  await addModel.name.fill('perfect-cheap');
  await addModel.cost.fill(String(cost / 10));
  await addModel.file.setInputFiles({ name: 'perfect.csv', mimeType: 'text/csv', buffer: Buffer.from(perfect) });
  await addModel.addButton.click();
  await expect(addModel.notice).toContainText('perfect-cheap added');

  await explorer.tab('Routing').click();
  const s = await snapshot(page);
  // It never errs and is the cheapest: every test prompt goes to it, so the operating point is its point.
  expect(s.routing!.share['perfect-cheap']).toBe(1);
  expect(s.routing!.accuracy).toBe(1);
  const chart = page.locator('#panel-operating-point').getByTestId('deferral-chart');
  await screenshotView(page, 'routing-perfect-cheap');
  await expect(chart.locator('[data-label="perfect-cheap"]')).toHaveCount(1);
  await expect(chart.locator('[data-label-kind="op"]')).toHaveCount(1);
  // Its marker is drawn above the operating point's dot, not hidden under it (measured in the viewport,
  // so the chart is scrolled into it first: panels below the Routing view can move it out).
  await chart.scrollIntoViewIfNeeded();
  const dot = (await chart.locator('.rl-deferral__op circle').boundingBox())!;
  // SVG paints in document order: the LLM's symbol at the dot's centre must come after the dot.
  const order = await page.evaluate(
    ([x, y]) => {
      const symbol = document.elementsFromPoint(x, y).find((el) => el.classList.contains('recharts-symbols'));
      const op = document.querySelector('#panel-operating-point .rl-deferral__op');
      if (!symbol || !op) return 'missing';
      return op.compareDocumentPosition(symbol) & Node.DOCUMENT_POSITION_FOLLOWING ? 'llm above' : 'llm below';
    },
    [dot.x + dot.width / 2, dot.y + dot.height / 2],
  );
  expect(order).toBe('llm above');
  expectTidy(await labelBoxes(chart));
  await screenshotView(page, 'routing-perfect-cheap');

  await explorer.tab('Deferral curves').click();
  const curves = page.locator('#panel-curves').getByTestId('deferral-chart');
  await expect(curves.locator('[data-label="perfect-cheap"]')).toHaveCount(1);
  await expect(curves.locator('[data-label-kind="single"]')).toHaveCount(trained.session!.pool.length);
  expectTidy(await labelBoxes(curves));
  await screenshotView(page, 'curves-perfect-cheap');
});
