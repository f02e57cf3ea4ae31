/**
 * Forms that explain themselves: a column mapping per file, remembered per header set; K checked
 * inline against the split; a router file that is not JSON named by its kind; the dataset's name
 * from its folder, editable in the header.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenshotView, snapshot, test, waitTrained } from './fixtures';

// One long name, as real benchmarks have ("mistralai/mixtral-8x7b-chat"): the heatmap must show it with its tag.
const MODELS = ['alpha', 'beta', 'mistralai/mixtral-8x7b-instruct-v0.1-chat'];

/** A small wide-layout benchmark whose prompts.csv uses other header names: id, question, category. */
function benchmark(prompts: number) {
  const ids = Array.from({ length: prompts }, (_, i) => `p${i}`);
  const tasks = ['math', 'code', 'chat'];
  const promptsCsv = ['id,question,category', ...ids.map((id, i) => `${id},question number ${i} about ${tasks[i % 3]},${tasks[i % 3]}`)];
  const correctness = ['prompt_id,' + MODELS.join(','), ...ids.map((id, i) => `${id},${i % 2},${(i % 3) % 2},1`)];
  return [
    { name: 'prompts.csv', mimeType: 'text/csv', buffer: Buffer.from(promptsCsv.join('\n') + '\n') },
    { name: 'correctness.csv', mimeType: 'text/csv', buffer: Buffer.from(correctness.join('\n') + '\n') },
    { name: 'models.csv', mimeType: 'text/csv', buffer: Buffer.from(`model,cost\nalpha,1\nbeta,2\n${MODELS[2]},5\n`) },
  ];
}

test('the column mapping is per file (id in prompts.csv, prompt_id in correctness.csv) and remembered per header set', async ({
  page,
  explorer,
  data,
  trained,
}) => {
  expect(trained.data.synthetic).toBe(true);
  await explorer.tab('Data').click();
  await data.fileInput.setInputFiles(benchmark(120));
  await expect(data.issues).toContainText('missing required column "prompt_id"');
  const step = page.getByTestId('mapping-step');
  await expect(step.locator('fieldset')).toHaveCount(3);
  // Each file offers only the columns it can hold, from its own header.
  const prompts = step.locator('fieldset[data-file="prompts.csv"]');
  await expect(step.locator('fieldset[data-file="correctness.csv"] select')).toHaveCount(1);
  await prompts.locator('select[data-column="promptId"]').selectOption('id');
  await prompts.locator('select[data-column="text"]').selectOption('question');
  await prompts.locator('select[data-column="task"]').selectOption('category');
  await screenshotView(page, 'data-mapping-per-file');
  await page.getByTestId('mapping-submit').click();
  await page.waitForFunction(() => window.__routelab!.snapshot().data.prompts === 120);
  let s = await snapshot(page);
  expect(s.data.issues).toEqual([]);
  expect(s.data.mappings['prompts.csv']).toEqual({ promptId: 'id', text: 'question', task: 'category' });
  expect(s.data.mappings['correctness.csv']).toEqual({ promptId: 'prompt_id' });
  await waitTrained(page);

  // The same headers again (other data): the remembered mapping applies at once, no mapping step.
  await data.fileInput.setInputFiles(benchmark(90));
  await page.waitForFunction(() => window.__routelab!.snapshot().data.prompts === 90);
  s = await snapshot(page);
  expect(s.data.issues).toEqual([]);
  expect(s.data.mappings['prompts.csv']).toEqual({ promptId: 'id', text: 'question', task: 'category' });
  await expect(page.getByTestId('mapping-step')).toHaveCount(0);
  await waitTrained(page);
});

test('K outside [2, training prompts] is refused inline; K leaving < 5 validation prompts per cluster is warned', async ({
  page,
  explorer,
  trainPage,
  trained,
}) => {
  // The demo: 2,400 prompts at 60/10/30 = 1,440 training and 240 validation prompts.
  expect(trained.data.prompts).toBe(2400);
  await explorer.tab('Train').click();
  const message = page.getByTestId('setting-k-message');
  await trainPage.k.fill('1');
  await expect(message).toHaveAttribute('data-kind', 'error');
  await expect(message).toContainText('at least 2');
  await expect(trainPage.trainButton).toBeDisabled();
  await expect(trainPage.k).toHaveAttribute('aria-invalid', 'true');
  await trainPage.k.fill('1441');
  await expect(message).toHaveText('K = 1,441 is more than the 1,440 training prompts: k-means needs at least one prompt per cluster.');
  await expect(trainPage.trainButton).toBeDisabled();
  await trainPage.k.fill('1000');
  await expect(message).toHaveAttribute('data-kind', 'warning');
  await expect(message).toContainText('K = 1,000 leaves about 0.24 of the 240 validation prompts per cluster');
  await expect(message).toContainText('K ≤ 48 keeps 5 per cluster');
  await expect(trainPage.trainButton).toBeEnabled();
  await screenshotView(page, 'train-k-warning');
  await trainPage.k.fill('48');
  await expect(message).toHaveAttribute('data-kind', 'ok');
  expect((await snapshot(page)).training.settings.k).toBe(48);
});

test('a PNG imported as a router is named by its kind, without its bytes', async ({ explorer, exportPage, trained }) => {
  expect(trained.session).not.toBeNull();
  await explorer.tab('Export / import').click();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8, 0x00, 0x10]);
  await exportPage.importRouter.setInputFiles({ name: 'chart.png', mimeType: 'image/png', buffer: png });
  await expect(exportPage.importIssues).toContainText('chart.png');
  await expect(exportPage.importIssues).toContainText('not a JSON text file: it looks like a PNG image; expected a RouteLab router (JSON)');
  await expect(exportPage.importIssues).not.toContainText('Unexpected token');
  await expect(exportPage.importIssues).not.toContainText('\uFFFD');
});

test('a dataset chosen as a folder is named after it, and the name can be edited in the header', async ({ page, explorer, trained }) => {
  expect(trained.data.name).not.toBe('');
  const dir = join(mkdtempSync(join(tmpdir(), 'routelab-')), 'my-benchmark');
  mkdirSync(dir);
  const files = benchmark(120);
  writeFileSync(join(dir, 'prompts.csv'), files[0].buffer.toString().replace('id,question,category', 'prompt_id,text,task'));
  writeFileSync(join(dir, 'correctness.csv'), files[1].buffer);
  writeFileSync(join(dir, 'models.csv'), files[2].buffer);
  await explorer.tab('Data').click();
  await page.getByTestId('data-folder').setInputFiles(dir);
  await page.waitForFunction(() => window.__routelab!.snapshot().data.name === 'my-benchmark');
  await expect(page.getByTestId('dataset-name')).toContainText('my-benchmark');
  await waitTrained(page);
  await page.getByTestId('dataset-name').click();
  await page.getByTestId('dataset-name-input').fill('  My   routing bench ');
  await page.getByTestId('dataset-name-input').press('Enter');
  await expect(page.getByTestId('dataset-name')).toContainText('My routing bench');
  const s = await snapshot(page);
  expect(s.data.name).toBe('My routing bench');
  expect(s.session!.routerDataset).toBe('My routing bench');
  await screenshotView(page, 'header-renamed');

  // The heatmap names every LLM in full (wrapped or in the tooltip); the "(test)" tag is never cut off.
  await explorer.tab('Error profiles').click();
  const rows = page.locator('.rl-heatmap__row');
  await expect(rows).toHaveCount(MODELS.length);
  const long = rows.filter({ hasText: 'mixtral' });
  await expect(long).toHaveAttribute('title', new RegExp(`^${MODELS[2].replace(/[.]/g, '\\.')}`));
  for (const row of await rows.all()) {
    const tag = row.locator('.rl-heatmap__test');
    if ((await tag.count()) === 0) continue;
    const [r, t] = [(await row.boundingBox())!, (await tag.boundingBox())!];
    expect(t.x + t.width).toBeLessThanOrEqual(r.x + r.width + 0.5);
    expect(t.width).toBeGreaterThan(10);
  }
  await expect(page.locator('.rl-heatmap__test')).toHaveCount(s.session!.pool.length);
  await screenshotView(page, 'profiles-long-names');
});
