/**
 * One decision everywhere: for 20 test prompts, the Routing view's choice, the in-app "Route a prompt",
 * `routelab route` on the exported file and the `routelab/router` module choose the same LLM, on the
 * demo and on an uploaded dataset, after moving lambda and after adding an LLM.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, screenshotView, snapshot, test, waitTrained, type HookSnapshot } from './fixtures';
import type { RoutingPage } from './pages';
import { expectOneDecision } from './decisions';

const SAMPLE = 'data/llmrouter-sample';

/** Steps lambda up from 0 until `name` gets at least `share` of the test prompts. */
async function raiseUntilShare(page: Page, routing: RoutingPage, name: string, share: number): Promise<HookSnapshot> {
  await routing.slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 100; i++) {
    const s = await snapshot(page);
    if ((s.routing!.share[name] ?? 0) >= share) return s;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`${name} never got ${share * 100}% of the test prompts`);
}

/** Moves lambda with the keyboard (down from the cheap end) to where at least `count` LLMs get 3% of the prompts each. */
async function moveToMix(page: Page, routing: RoutingPage, count: number): Promise<HookSnapshot> {
  await routing.slider.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 100; i++) {
    const s = await snapshot(page);
    if (Object.values(s.routing!.share).filter((x) => x > 0.03).length >= count) return s;
    await page.keyboard.press('ArrowLeft');
  }
  throw new Error(`no lambda routes to ${count} LLMs`);
}

test('the demo: the Routing view, Route a prompt, routelab route and the module agree, after moving λ and adding an LLM', async ({
  page,
  explorer,
  routing,
  exportPage,
  trained,
}, testInfo) => {
  test.setTimeout(300_000);
  await explorer.tab('Routing').click();
  const moved = await moveToMix(page, routing, 3);
  expect(moved.routing!.origin).toBe('user');
  const first = await expectOneDecision(page, explorer, exportPage, testInfo, 'demo-moved');
  expect(first.chosen.size).toBeGreaterThanOrEqual(3);
  const router = JSON.parse(readFileSync(first.file, 'utf8'));
  // The file is the operating point: lambda on the slider, the Routing view's pool and method.
  expect(router.costPenalty).toBe(moved.routing!.costPenalty);
  expect(router.pool).toEqual(trained.session!.pool);
  expect(router.method).toBe('learnedmap');
  expect(router.provenance.dataHash).toBe(trained.data.hash);

  // The held-out newcomer (exact test scores), then lambda where it takes a share; K-means shown.
  const newcomer = trained.demo!.newcomer!.name;
  await explorer.tab('Add an LLM').click();
  await page.getByTestId('newcomer-add-exact').click();
  await expect(page.getByTestId('add-notice')).toContainText(`${newcomer} added`);
  await explorer.tab('Routing').click();
  await page.getByTestId('routing-method').selectOption('uniroute-kmeans');
  await raiseUntilShare(page, routing, newcomer, 0.05);
  const second = await expectOneDecision(page, explorer, exportPage, testInfo, 'demo-added');
  expect(second.chosen.has(newcomer)).toBe(true);
  const withAdded = JSON.parse(readFileSync(second.file, 'utf8'));
  expect(withAdded.method).toBe('kmeans');
  expect(withAdded.pool).toEqual([...trained.session!.pool, newcomer]);
  const entry = withAdded.models.find((m: { name: string }) => m.name === newcomer);
  expect(entry.added.how).toBe('exact');
  expect(entry.cost).toBe(trained.demo!.newcomer!.cost);
  await screenshotView(page, 'export-route-a-prompt');
});

test('an uploaded dataset: the same decision everywhere at its own λ, after moving λ and adding an LLM', async ({
  page,
  explorer,
  data,
  routing,
  exportPage,
  addModel,
  trained,
}, testInfo) => {
  test.setTimeout(300_000);
  await explorer.tab('Data').click();
  await data.fileInput.setInputFiles(['prompts.csv', 'correctness.csv', 'models.csv'].map((f) => path.join(SAMPLE, f)));
  await expect.poll(async () => (await snapshot(page)).training.runs, { timeout: 120_000 }).toBeGreaterThan(trained.training.runs);
  const loaded = await waitTrained(page);
  expect(loaded.data).toMatchObject({ prompts: 1200, models: 9 });
  // Its own default lambda, in its own cost unit (not the demo's).
  expect(loaded.routing!.origin).toBe('default');
  expect(loaded.routing!.costPenalty).not.toBe(trained.routing!.costPenalty);
  expect(loaded.data.costUnit).toMatch(/^USD per 1M tokens/);

  await explorer.tab('Routing').click();
  await moveToMix(page, routing, 2);
  const first = await expectOneDecision(page, explorer, exportPage, testInfo, 'upload-moved');
  expect(first.chosen.size).toBeGreaterThanOrEqual(2);
  const file = JSON.parse(readFileSync(first.file, 'utf8'));
  expect(file.costUnit).toBe(loaded.data.costUnit);
  expect(file.provenance.dataHash).toBe(loaded.data.hash);

  // A cheap LLM that answers like a strong training LLM, from its validation scores only (estimated).
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(path.join(SAMPLE, 'correctness.csv'), 'utf8').trim()).data;
  const pool = loaded.session!.pool;
  const donor = header.slice(1).find((n) => !pool.includes(n) && n.includes('nemotron'))!;
  expect(donor).toBeDefined();
  const col = header.indexOf(donor);
  const scores = new Map(rows.map((r) => [r[0], r[col]]));
  await explorer.tab('Add an LLM').click();
  const [download] = await Promise.all([page.waitForEvent('download'), addModel.downloadValidation.click()]);
  const ids = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').trim())
    .data.slice(1)
    .map((r) => r[0]);
  const csv = ['prompt_id,score', ...ids.map((id) => `${id},${scores.get(id)}`)].join('\n') + '\n';
  await addModel.name.fill('bargain-llm');
  await addModel.cost.fill('0.05');
  await addModel.file.setInputFiles({ name: 'bargain.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await addModel.addButton.click();
  await expect(addModel.notice).toContainText('bargain-llm added');
  await explorer.tab('Routing').click();
  await raiseUntilShare(page, routing, 'bargain-llm', 0.05);
  const second = await expectOneDecision(page, explorer, exportPage, testInfo, 'upload-added');
  expect(second.chosen.has('bargain-llm')).toBe(true);
  const withAdded = JSON.parse(readFileSync(second.file, 'utf8'));
  expect(withAdded.pool).toEqual([...pool, 'bargain-llm']);
  expect(withAdded.models.at(-1).added).toMatchObject({ how: 'validation-only', scoresFile: 'bargain.csv' });
});
