/**
 * The prompt map (Clusters view): UMAP by default with its own progress and quality, PCA selectable,
 * a reload that reads the map back from IndexedDB, colourings and legend, search, zoom and pan,
 * box and lasso selection, a clicked prompt's neighbours, the keyboard, the table alternative,
 * PNG export and axe. Numbers come from the read-only test hook, never from pixels.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, screenshotView, snapshot, test, type HookSnapshot } from './fixtures';

type MapState = HookSnapshot['map'];

async function mapState(page: Page): Promise<MapState> {
  return (await snapshot(page)).map;
}

/** Opens the Clusters view and waits for the UMAP map. */
async function openMap(page: Page): Promise<MapState> {
  await page.getByRole('tablist', { name: 'Explorer views' }).getByRole('tab', { name: 'Clusters' }).click();
  await page.waitForFunction(() => window.__routelab!.snapshot().map.umap.status === 'done', undefined, { timeout: 150_000 });
  const m = await mapState(page);
  expect(m.umap.error).toBeNull();
  return m;
}

const canvas = (page: Page) => page.locator('#panel-clusters-map canvas');

/** Page coordinates of prompt rows on the map as drawn now. */
async function pagePoints(page: Page, rows: number[]): Promise<[number, number][]> {
  const box = (await canvas(page).boundingBox())!;
  const px = await page.evaluate((r) => window.__routelab!.mapPixels(r), rows);
  return px!.map(([x, y]) => [box.x + x, box.y + y]);
}

test('UMAP is the default map, with its own progress and a trustworthiness above PCA; PCA is selectable; a reload reads it back', async ({
  page,
  trained,
}) => {
  const m = await openMap(page);
  expect(m.method).toBe('umap');
  expect(m.shown).toBe('umap');
  expect(m.points).toBe(trained.data.prompts);
  expect(m.umap.info).toMatchObject({ fitted: trained.data.prompts, placed: 0, nNeighbors: 15, seed: 0 });
  // Trustworthiness (k = 10 on a seeded sample of 1,000): UMAP keeps far more true neighbours than PCA's two axes.
  expect(m.quality!.umap).toMatchObject({ k: 10, sample: 1000 });
  expect(m.quality!.umap.value).toBeGreaterThan(0.85);
  expect(m.quality!.umap.value).toBeGreaterThan(m.quality!.pca.value + 0.1);
  await expect(page.getByTestId('map-trust')).toHaveText(`trustworthiness ${m.quality!.umap.value.toFixed(3)}`);
  await screenshotView(page, 'clusters-umap');

  await page.getByTestId('map-method').selectOption('pca');
  const pca = await mapState(page);
  expect(pca.shown).toBe('pca');
  await expect(page.getByTestId('map-explained')).toContainText('%');
  await page.getByTestId('map-method').selectOption('umap');

  // A reload restores the session and the stored map: no UMAP run in the worker.
  await page.reload();
  await page.waitForFunction(() => window.__routelab?.snapshot().session?.restored === true, undefined, { timeout: 120_000 });
  const again = await openMap(page);
  expect(again.umap.source).toBe('stored');
  expect(again.quality).toEqual(m.quality);
});

test('the UMAP stage shows its own labelled progress bar with time left, and Cancel keeps PCA', async ({ page, trained }) => {
  expect(trained.training.status).toBe('done');
  const first = await openMap(page);
  // Another seed makes another map: its run shows the projection stage's own bar.
  await page.getByTestId('map-seed').fill('1');
  const bar = page.getByRole('progressbar', { name: 'Projection (UMAP)' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('map-progress')).toContainText(/UMAP: .*(estimating time left|s left|min left|almost done)/);
  // While UMAP runs the map shows PCA, and says so.
  expect((await mapState(page)).shown).toBe('pca');
  await page.getByRole('button', { name: 'Cancel UMAP' }).click();
  await page.waitForFunction(() => window.__routelab!.snapshot().map.umap.status === 'cancelled');
  expect((await mapState(page)).shown).toBe('pca');
  await page.getByRole('button', { name: 'Compute UMAP' }).click();
  await page.waitForFunction(() => window.__routelab!.snapshot().map.umap.status === 'done', undefined, { timeout: 150_000 });
  const second = await mapState(page);
  expect(second.umap.info!.seed).toBe(1);
  expect(second.quality!.umap.value).toBeGreaterThan(0.85);
  expect(second.quality!.umap.value).not.toBe(first.quality!.umap.value);
});

test('colour by cluster, task, routed LLM at the current λ, correctness of an LLM, or split, each with its legend', async ({
  page,
  trained,
}) => {
  await openMap(page);
  const n = trained.data.prompts;
  const sum = (legend: MapState['legend']) => legend.reduce((a, e) => a + e.count, 0);
  let m = await mapState(page);
  expect(m.colouring).toBe('cluster');
  expect(m.legend).toHaveLength(trained.session!.k);
  expect(sum(m.legend)).toBe(n);
  await expect(page.getByTestId('map-legend').getByRole('option')).toHaveCount(trained.session!.k);

  await page.getByTestId('map-colouring').selectOption('task');
  m = await mapState(page);
  expect(m.legend.length).toBeGreaterThanOrEqual(10);
  expect(sum(m.legend)).toBe(n);

  await page.getByTestId('map-colouring').selectOption('routed');
  m = await mapState(page);
  const s = await snapshot(page);
  // Every kept test prompt is coloured by the LLM the live routing chooses; the counts are the live shares.
  expect(m.legend.map((e) => e.label)).toEqual(s.session!.pool);
  for (const e of m.legend) expect(e.count).toBeCloseTo(s.routing!.share[e.label] * s.session!.testPrompts, 6);
  expect(m.none!.count).toBe(n - s.session!.testPrompts);
  await screenshotView(page, 'clusters-routed');

  await page.getByTestId('map-colouring').selectOption('correctness');
  await page.getByTestId('map-model').selectOption({ label: 'atlas-ultra' });
  m = await mapState(page);
  expect(m.legend.map((e) => e.label)).toEqual(['correct (score 1)', 'partly (0 < score < 1)', 'wrong (score 0)']);
  expect(sum(m.legend) + m.none!.count).toBe(n);

  await page.getByTestId('map-colouring').selectOption('split');
  m = await mapState(page);
  expect(m.legend[0].count + m.legend[1].count + m.legend[2].count + m.legend[3].count).toBe(n);
  expect(m.legend[2].count).toBe(s.session!.testPrompts);
  expect(m.legend[1].count).toBe(s.session!.valPrompts);
  // A legend entry highlights its prompts (the rest dimmed).
  await page.getByTestId('map-legend').getByRole('option').nth(1).click();
  m = await mapState(page);
  expect(m.highlight).toEqual({ count: s.session!.valPrompts, reason: 'category' });
});

test('search highlights the matching prompts; the table lists them', async ({ page, trained }) => {
  expect(trained.training.status).toBe('done');
  await openMap(page);
  await page.getByTestId('map-search').fill('TRANSLATE');
  await expect(page.getByTestId('map-matches')).toContainText('match');
  const m = await mapState(page);
  expect(m.matches).toBeGreaterThan(0);
  expect(m.matches).toBeLessThan(m.points);
  expect(m.highlight).toEqual({ count: m.matches, reason: 'search' });
  await screenshotView(page, 'clusters-search');
  await page.getByTestId('map-table-toggle').click();
  const table = page.getByTestId('map-table');
  await expect(table).toContainText(`of ${m.matches.toLocaleString('en-US')}`);
  const texts = await table.locator('tbody tr td:last-child').allInnerTexts();
  expect(texts.length).toBe(Math.min(100, m.matches));
  for (const t of texts) expect(t.toLowerCase()).toContain('translate');
  await page.getByTestId('map-search').fill('');
  expect((await mapState(page)).highlight).toBeNull();
});

test('zoom and pan with the wheel, a drag, the buttons and the keys', async ({ page, trained }) => {
  expect(trained.training.status).toBe('done');
  await openMap(page);
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await mapState(page)).viewport.zoom).toBeGreaterThan(1.5);
  const zoomed = (await mapState(page)).viewport;
  // Zooming about a point left of centre moves the view's centre left.
  expect(zoomed.x).toBeLessThan(0.5);

  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 5 });
  await page.mouse.up();
  const panned = (await mapState(page)).viewport;
  expect(panned.zoom).toBe(zoomed.zoom);
  expect(panned.x).toBeLessThan(zoomed.x);
  expect(panned.y).toBeGreaterThan(zoomed.y);

  await page.getByRole('button', { name: 'Zoom in' }).click();
  expect((await mapState(page)).viewport.zoom).toBeCloseTo(panned.zoom * 1.5, 9);
  await page.getByRole('button', { name: 'Fit' }).click();
  expect((await mapState(page)).viewport).toEqual({ zoom: 1, x: 0.5, y: 0.5 });

  await page.getByRole('application', { name: /Prompt map/ }).focus();
  await page.keyboard.press('+');
  expect((await mapState(page)).viewport.zoom).toBeCloseTo(1.5, 9);
  await page.keyboard.press('Shift+ArrowRight');
  expect((await mapState(page)).viewport.x).toBeGreaterThan(0.5);
  await page.keyboard.press('0');
  expect((await mapState(page)).viewport).toEqual({ zoom: 1, x: 0.5, y: 0.5 });
});

test('box and lasso selection show the selection’s task mix and per-LLM accuracy', async ({ page, trained }) => {
  await openMap(page);
  const box = (await canvas(page).boundingBox())!;
  await page.getByRole('radio', { name: 'Box select' }).click();
  // A box round the whole map selects every prompt.
  await page.mouse.move(box.x + 1, box.y + 1);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height - 2, { steps: 4 });
  await page.mouse.up();
  let m = await mapState(page);
  expect(m.selection!.count).toBe(trained.data.prompts);
  expect(m.selection!.tasks.reduce((a, t) => a + t.count, 0)).toBe(trained.data.prompts);
  expect(m.selection!.models).toHaveLength(trained.data.models);
  for (const h of m.selection!.models) expect(h.accuracy).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId('map-selection')).toContainText(`Selection: ${trained.data.prompts.toLocaleString('en-US')} prompts`);

  // A lasso round the points of one cluster: its prompts (and any stray ones inside the loop).
  await page.getByRole('radio', { name: 'Lasso select' }).click();
  const rows = Array.from({ length: 40 }, (_, i) => i);
  const pts = await pagePoints(page, rows);
  const [cx, cy] = pts[0];
  await page.mouse.move(cx - 30, cy - 30);
  await page.mouse.down();
  for (const [dx, dy] of [
    [30, -30],
    [30, 30],
    [-30, 30],
    [-30, -30],
  ])
    await page.mouse.move(cx + dx, cy + dy, { steps: 4 });
  await page.mouse.up();
  m = await mapState(page);
  expect(m.selection!.count).toBeGreaterThan(0);
  expect(m.selection!.count).toBeLessThan(trained.data.prompts);
  expect(m.highlight).toEqual({ count: m.selection!.count, reason: 'selection' });
  await screenshotView(page, 'clusters-selection');
  await page.getByRole('button', { name: /Clear selection/ }).click();
  expect((await mapState(page)).selection).toBeNull();
});

test('clicking a prompt lists its nearest neighbours in embedding space', async ({ page, trained }) => {
  expect(trained.training.status).toBe('done');
  await openMap(page);
  const row = 17;
  const [[x, y]] = await pagePoints(page, [row]);
  await page.mouse.move(x, y);
  await expect(page.getByTestId('map-tooltip')).toBeVisible();
  await page.mouse.click(x, y);
  await page.waitForFunction(() => window.__routelab!.snapshot().map.neighbours !== null);
  const m = await mapState(page);
  // The click may land on a prompt drawn at the same spot; whichever it is, its neighbours are listed.
  expect(m.focus).not.toBeNull();
  expect(m.neighbours!.row).toBe(m.focus);
  expect(m.neighbours!.rows).toHaveLength(10);
  expect(m.neighbours!.rows).not.toContain(m.focus);
  for (let j = 1; j < 10; j++) expect(m.neighbours!.distances[j]).toBeGreaterThanOrEqual(m.neighbours!.distances[j - 1]);
  await expect(page.getByTestId('map-neighbours').getByRole('option')).toHaveCount(10);
  await screenshotView(page, 'clusters-neighbours');
  // A neighbour in the list focuses that prompt.
  await page.getByTestId('map-neighbours').getByRole('option').first().click();
  await expect.poll(async () => (await mapState(page)).focus).toBe(m.neighbours!.rows[0]);
});

test('the keyboard: map cursor, Enter for neighbours, C for its cluster; lists are one tab stop with arrow keys', async ({
  page,
  trained,
}) => {
  expect(trained.training.status).toBe('done');
  await openMap(page);
  const map = page.getByRole('application', { name: /Prompt map/ });
  await map.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('map-tooltip')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__routelab!.snapshot().map.neighbours !== null);
  const m = await mapState(page);
  expect(m.focus).not.toBeNull();
  await page.keyboard.press('c');
  const s = await snapshot(page);
  expect(s.ui.selectedCluster).not.toBeNull();
  expect(s.map.highlight?.reason).toBe('cluster');
  await page.keyboard.press('Escape');
  expect((await mapState(page)).focus).toBeNull();

  // The cluster list: one tab stop; arrow keys move, Enter selects.
  const rows = page.getByTestId('cluster-list').locator('tbody tr');
  await expect(rows.locator('xpath=self::*[@tabindex="0"]')).toHaveCount(1);
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect((await snapshot(page)).ui.selectedCluster).toBe(2);
  // The legend too (cluster colouring: it selects the cluster everywhere).
  const options = page.getByTestId('map-legend').getByRole('option');
  await expect(options.locator('xpath=self::*[@tabindex="0"]')).toHaveCount(1);
  await options.first().focus();
  await page.keyboard.press('End');
  await page.keyboard.press(' ');
  expect((await snapshot(page)).ui.selectedCluster).toBe((await mapState(page)).legend.length - 1);
});

test('Save PNG writes a picture of the map; axe finds no serious or critical problem; 1440 and 1024 px', async ({
  page,
  trained,
}, info) => {
  expect(trained.training.status).toBe('done');
  await openMap(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('map-png').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('prompt-map-umap-cluster.png');
  const bytes = readFileSync((await file.path())!);
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(10_000);

  for (const [width, name] of [
    [1440, 'clusters-1440'],
    [1024, 'clusters-1024'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshotView(page, name);
    const result = await new AxeBuilder({ page }).include('[data-testid="view-clusters"]').analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    await info.attach(`axe-${width}.json`, { body: JSON.stringify(bad, null, 1), contentType: 'application/json' });
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  // The table alternative passes too.
  await page.getByTestId('map-table-toggle').click();
  const table = await new AxeBuilder({ page }).include('[data-testid="view-clusters"]').analyze();
  expect(table.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
