import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, screenshotView, snapshot, test, type HookSnapshot } from './fixtures';
import type { RoutingPage } from './pages';

/** Reads a downloaded CSV (prompt texts hold quoted commas and newlines) as header + rows. */
async function downloadedCsv(page: Page, click: () => Promise<void>): Promise<{ name: string; header: string[]; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const [header, ...rows] = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').trim()).data;
  return { name: download.suggestedFilename(), header, rows };
}

/** Steps the cost penalty up from 0 until `name` receives at least `share` of the test prompts. */
async function raisePenaltyUntilShare(page: Page, routing: RoutingPage, name: string, share: number): Promise<HookSnapshot> {
  await routing.slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 100; i++) {
    const s = await snapshot(page);
    if ((s.routing!.share[name] ?? 0) >= share) return s;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`${name} never got ${share * 100}% of the test prompts`);
}

test('the demo newcomer with validation + test scores: exact curves improve, it takes its families, removal restores them', async ({
  page,
  explorer,
  addModel,
  routing,
  trained,
}) => {
  const before = (await snapshot(page)).metrics;
  expect(trained.demo!.newcomer).not.toBeNull();
  const { name, strengths } = trained.demo!.newcomer!;
  expect(trained.session!.pool).not.toContain(name);
  await explorer.tab('Add an LLM').click();
  await expect(page.getByTestId('demo-newcomer')).toContainText(name);

  // A file with a bad score is refused with its row and column, and nothing changes.
  const validation = await downloadedCsv(page, () => addModel.downloadValidation.click());
  expect(validation.header).toEqual(['prompt_id', 'text', 'cluster', 'score']);
  expect(validation.rows.length).toBe(trained.session!.valPrompts);
  const ids = validation.rows.map((r) => r[0]);
  const allOnes = ['prompt_id,score', ...ids.map((id) => `${id},1`)].join('\n') + '\n';
  await addModel.name.fill('bad-llm');
  await addModel.cost.fill('1');
  await addModel.file.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(allOnes.replace(`${ids[0]},1`, `${ids[0]},yes`)),
  });
  await addModel.addButton.click();
  await expect(addModel.issues).toContainText('bad.csv, row 2, column "score": score "yes" is not a number');
  expect((await snapshot(page)).session!.pool).toEqual(trained.session!.pool);

  await page.getByTestId('newcomer-add-exact').click();
  await expect(addModel.notice).toContainText(`${name} added`);
  await expect(addModel.notice).toContainText('its test accuracy is exact');
  await expect(addModel.addedList).toContainText(name);
  await expect(addModel.addedList).not.toContainText('estimated');
  const added = await snapshot(page);
  expect(added.session!.pool).toEqual([...trained.session!.pool, name]);
  expect(added.session!.routerModels).toContain(name);
  for (const method of ['uniroute-kmeans', 'uniroute-learnedmap'] as const) {
    expect(added.metrics[method].estimated).toBe(false);
    expect(added.metrics[method].front).not.toEqual(before[method].front);
    // A cheap LLM that is excellent on two families: the curve gets better.
    expect(added.metrics[method].area).toBeGreaterThan(before[method].area);
  }
  await screenshotView(page, 'add-after');

  // Once cost counts, it takes the prompts of its own families.
  await explorer.tab('Routing').click();
  const routed = await raisePenaltyUntilShare(page, routing, name, 0.05);
  expect(routed.routing!.share[name]).toBeGreaterThanOrEqual(0.05);
  const tasks = (await page.evaluate(() => window.__routelab!.routedTasks()))[name];
  const total = Object.values(tasks).reduce((a, b) => a + b, 0);
  const own = strengths.reduce((s, t) => s + (tasks[t] ?? 0), 0);
  expect(own / total).toBeGreaterThan(0.6);
  await screenshotView(page, 'routing-with-added');
  await explorer.tab('Deferral curves').click();
  await screenshotView(page, 'curves-with-added');
  await explorer.tab('Error profiles').click();
  await expect(page.locator('.rl-heatmap__name', { hasText: name })).toBeVisible();
  await screenshotView(page, 'profiles-with-added');

  await explorer.tab('Add an LLM').click();
  await addModel.remove(name).click();
  await expect(addModel.notice).toContainText(`${name} removed`);
  const removed = await snapshot(page);
  expect(removed.session!.pool).toEqual(trained.session!.pool);
  expect(removed.metrics).toEqual(before);
});

test('an LLM uploaded with validation scores only is marked estimated, and removal restores the curves', async ({
  page,
  explorer,
  addModel,
  trained,
}) => {
  const before = (await snapshot(page)).metrics;
  const { name, cost } = trained.demo!.newcomer!;
  await explorer.tab('Add an LLM').click();
  // The newcomer's scores file as a user downloads it (it also fills in the name and cost) ...
  const scores = await downloadedCsv(page, () => page.getByTestId('newcomer-download').click());
  expect(scores.name).toBe(`${name}-scores.csv`);
  expect(scores.header).toEqual(['prompt_id', 'score']);
  expect(scores.rows.length).toBe(trained.session!.valPrompts + trained.session!.testPrompts);
  await expect(addModel.name).toHaveValue(name);
  await expect(addModel.cost).toHaveValue(String(cost));
  // ... cut down to the validation prompts: no test score, so its test accuracy is estimated (1 - gamma).
  const validation = await downloadedCsv(page, () => addModel.downloadValidation.click());
  const valIds = new Set(validation.rows.map((r) => r[0]));
  const kept = scores.rows.filter((r) => valIds.has(r[0]));
  expect(kept.length).toBe(valIds.size);
  const text = ['prompt_id,score', ...kept.map((r) => r.join(','))].join('\n') + '\n';
  await addModel.file.setInputFiles({ name: 'validation-only.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await addModel.addButton.click();
  await expect(addModel.notice).toContainText(`${name} added from its ${valIds.size} validation scores`);
  await expect(addModel.addedList).toContainText('estimated');
  const added = await snapshot(page);
  expect(added.session!.pool).toEqual([...trained.session!.pool, name]);
  expect(added.metrics['uniroute-kmeans'].estimated).toBe(true);
  expect(added.metrics.oracle.estimated).toBe(false);
  expect(added.metrics['uniroute-kmeans'].front).not.toEqual(before['uniroute-kmeans'].front);
  await screenshotView(page, 'add-estimated');

  await addModel.remove(name).click();
  await expect(addModel.notice).toContainText(`${name} removed`);
  expect((await snapshot(page)).metrics).toEqual(before);
});
