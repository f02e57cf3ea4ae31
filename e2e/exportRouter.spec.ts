import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, snapshot, test, waitTrained } from './fixtures';

test('the exported router file is accepted by the CLI `routelab route`', async ({ page, explorer, exportPage, trained }, testInfo) => {
  await explorer.tab('Export / import').click();
  const [download] = await Promise.all([page.waitForEvent('download'), exportPage.downloadRouter.click()]);
  const file = testInfo.outputPath('router.json');
  await download.saveAs(file);
  const router = JSON.parse(readFileSync(file, 'utf8'));
  expect(router.schema).toBe('routelab.router');
  expect(router.models.map((m: { name: string }) => m.name)).toEqual(trained.session!.routerModels);

  const out = execFileSync(
    'npx',
    ['tsx', 'src/cli/main.ts', 'route', '--router', file, '--prompt', 'Solve for x: 3x + 7 = 22. Show your steps.', '--json'],
    { encoding: 'utf8', timeout: 60_000 },
  );
  const result = JSON.parse(out);
  expect(result.decisions).toHaveLength(1);
  // route honours the file's routing pool (version 2): the LLMs routed among are the pool's.
  expect(router.version).toBe(2);
  expect(router.pool.length).toBeGreaterThan(0);
  expect(router.pool).toContain(result.decisions[0].chosen);
  expect(result.decisions[0].models.map((m: { name: string }) => m.name).sort()).toEqual([...router.pool].sort());

  // The same file imports back into the app and is applied to the session (trained on this data).
  await exportPage.importRouter.setInputFiles(file);
  await expect(exportPage.importNotice).toContainText('applied to the session');
  const after = await snapshot(page);
  expect(after.metrics['uniroute-learnedmap'].area).toBeCloseTo(trained.metrics['uniroute-learnedmap'].area, 12);
  // A broken router file is refused with its JSON path.
  await exportPage.importRouter.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...router, version: 99 })),
  });
  await expect(exportPage.importIssues).toBeVisible();
});

/** The sample's files, served to the app at a folder URL (the app fetches a dataset URL like any other). */
const SAMPLE = 'data/llmrouter-sample';
const SAMPLE_URL_PATH = '/datasets/llmrouter-sample/';
const TEST_POOL = ['gemma-2-9b-it', 'llama3-chatqa-1.5-70b', 'qwen2.5-7b-instruct'];

/** A router file's JSON without its creation time. */
function withoutTimestamp(text: string): unknown {
  const json = JSON.parse(text);
  expect(json.provenance.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  delete json.provenance.createdAt;
  return json;
}

test('the router the app trains equals `routelab train` on the same data, settings, seed and lambda', async ({
  page,
  explorer,
  exportPage,
  trained,
}, testInfo) => {
  await page.route(`**${SAMPLE_URL_PATH}*`, async (route) => {
    const file = path.join(SAMPLE, path.basename(new URL(route.request().url()).pathname));
    if (existsSync(file)) await route.fulfill({ body: readFileSync(file, 'utf8'), contentType: 'text/csv' });
    else await route.fulfill({ status: 404, body: 'not found' });
  });
  await explorer.tab('Data').click();
  await page.getByTestId('data-url').fill(new URL(SAMPLE_URL_PATH, page.url()).href);
  await page.getByTestId('data-url-open').click();
  // Loading retrains with the current settings; wait for that run, then train with ours.
  await expect.poll(async () => (await snapshot(page)).training.runs, { timeout: 120_000 }).toBeGreaterThan(trained.training.runs);
  const loaded = await waitTrained(page);
  expect(loaded.data).toMatchObject({ name: 'llmrouter-sample', prompts: 1200, models: 9 });

  await explorer.tab('Train').click();
  await page.getByTestId('setting-k').fill('6');
  await page.getByTestId('setting-seed').fill('3');
  await page.getByTestId('setting-method').selectOption('learnedmap');
  await page.getByLabel('Learned-map epochs (max)').fill('20');
  await page.getByTestId('setting-train').fill('50');
  await page.getByTestId('setting-val').fill('20');
  await page.getByTestId('setting-test').fill('30');
  for (const name of TEST_POOL) await page.getByRole('checkbox', { name, exact: true }).check();
  await page.getByTestId('train-button').click();
  await expect.poll(async () => (await snapshot(page)).training.runs, { timeout: 120_000 }).toBeGreaterThan(loaded.training.runs);
  const after = await waitTrained(page);
  expect(after.training.settings).toMatchObject({
    k: 6,
    seed: 3,
    method: 'learnedmap',
    epochs: 20,
    fractions: { train: 0.5, val: 0.2, test: 0.3 },
  });

  // The file is the operating point: the sample's own default lambda (its cost unit), the learned map.
  expect(after.routing!.origin).toBe('default');
  expect(after.routing!.method).toBe('uniroute-learnedmap');
  const lambda = after.routing!.costPenalty;
  expect(lambda).toBeGreaterThan(0);
  await explorer.tab('Export / import').click();
  const [download] = await Promise.all([page.waitForEvent('download'), exportPage.downloadRouter.click()]);
  const fromApp = testInfo.outputPath('app-router.json');
  await download.saveAs(fromApp);

  const fromCli = testInfo.outputPath('cli-router.json');
  execFileSync(
    'npx',
    [
      ...['tsx', 'src/cli/main.ts', 'train', '--data', SAMPLE, '--method', 'learnedmap', '--k', '6', '--seed', '3'],
      ...['--test-models', TEST_POOL.join(','), '--fractions', '0.5,0.2,0.3', '--epochs', '20', '--cost-penalty', String(lambda)],
      ...['--out', fromCli],
    ],
    { encoding: 'utf8', timeout: 120_000, stdio: 'pipe' },
  );
  const app = withoutTimestamp(readFileSync(fromApp, 'utf8'));
  expect(app).toMatchObject({ provenance: { dataset: 'llmrouter-sample', seed: 3, k: 6, split: { testModels: TEST_POOL } } });
  expect(app).toEqual(withoutTimestamp(readFileSync(fromCli, 'utf8')));
});
