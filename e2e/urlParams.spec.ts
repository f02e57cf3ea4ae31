/**
 * Every URL parameter of docs/explorer.md works in a fresh browser context (each test gets its own)
 * and stays in the address bar; the URL names its dataset, and a link to a dataset that is not loaded
 * says which one it expects and keeps its settings for it.
 */
import type { Page } from '@playwright/test';
import { expect, snapshot, test, waitTrained, type HookSnapshot } from './fixtures';

const DEMO = 'RouteLab synthetic demo';

async function open(page: Page, query: string): Promise<HookSnapshot> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`./${query}`);
  const s = await waitTrained(page);
  expect(errors, 'uncaught page errors').toEqual([]);
  return s;
}

/** The address bar's parameter, once the URL sync has written it. */
async function expectParam(page: Page, key: string, value: string): Promise<void> {
  await expect.poll(() => new URL(page.url()).searchParams.get(key)).toBe(value);
}

test('k: the number of clusters', async ({ page }) => {
  const s = await open(page, '?k=6');
  expect(s.session!.k).toBe(6);
  expect(s.training.settings.k).toBe(6);
  await expectParam(page, 'k', '6');
});

test('seed: the split and training seed', async ({ page }) => {
  const s = await open(page, '?seed=3');
  expect(s.training.settings.seed).toBe(3);
  await expectParam(page, 'seed', '3');
});

test('method: the router trained (K-means only: no learned map)', async ({ page }) => {
  const s = await open(page, '?method=kmeans');
  expect(s.training.settings.method).toBe('kmeans');
  expect(s.metrics['uniroute-learnedmap']).toBeUndefined();
  expect(s.routing!.method).toBe('uniroute-kmeans');
  await expectParam(page, 'method', 'kmeans');
});

test('test: the unseen test pool', async ({ page }) => {
  const s = await open(page, '?test=atlas-ultra,pico-chat');
  expect([...s.session!.pool].sort()).toEqual(['atlas-ultra', 'pico-chat']);
  await expectParam(page, 'test', 'atlas-ultra,pico-chat');
});

test('split: train-validation-test percentages', async ({ page }) => {
  const s = await open(page, '?split=50-20-30');
  expect(s.training.settings.fractions).toEqual({ train: 0.5, val: 0.2, test: 0.3 });
  expect(s.session!.valPrompts).toBe(480);
  await expectParam(page, 'split', '50-20-30');
});

test('lambda: the cost penalty, kept instead of the default', async ({ page }) => {
  const s = await open(page, '?lambda=0.0123&view=routing');
  expect(s.routing!.costPenalty).toBe(0.0123);
  expect(s.routing!.origin).toBe('link');
  await expect(page.getByTestId('penalty-note')).toHaveText('λ comes from the link you opened.');
  await expectParam(page, 'lambda', '0.0123');
});

test('route: the Routing view opens K-NN and keeps route in the URL', async ({ page }) => {
  const s = await open(page, '?route=knn&view=routing');
  expect(s.routing!.method).toBe('knn');
  await expect(page.getByTestId('routing-method')).toHaveValue('knn');
  await expectParam(page, 'route', 'knn');
});

test('cluster: the selected cluster', async ({ page }) => {
  const s = await open(page, '?cluster=4&view=clusters');
  expect(s.ui.selectedCluster).toBe(4);
  await expectParam(page, 'cluster', '4');
});

test('view: the open view', async ({ page }) => {
  const s = await open(page, '?view=curves');
  expect(s.ui.view).toBe('curves');
  await expect(page.getByRole('tab', { name: 'Deferral curves' })).toHaveAttribute('aria-selected', 'true');
  await expectParam(page, 'view', 'curves');
});

test('data and datahash: the URL names its dataset; a link made on it applies there', async ({ page, browser }) => {
  const s = await open(page, '');
  await expectParam(page, 'data', DEMO);
  await expectParam(page, 'datahash', s.data.hash!);
  // The same link in another fresh context: its settings apply (it names the loaded dataset).
  const context = await browser.newContext();
  const other = await context.newPage();
  const t = await open(other, `?data=${encodeURIComponent(DEMO)}&datahash=${s.data.hash}&lambda=0.002&route=uniroute-kmeans`);
  expect(t.data.link).toBeNull();
  expect(t.routing).toMatchObject({ costPenalty: 0.002, method: 'uniroute-kmeans', origin: 'link' });
  await expectParam(other, 'datahash', s.data.hash!);
  await context.close();
});

test('a link to a dataset that is not loaded says which one it expects, and its settings wait', async ({ page }) => {
  const query = '?data=routerbench_subset&datahash=0123456789abcdef&lambda=5&route=knn';
  const s = await open(page, `${query}&view=routing`);
  // The demo loads at its own default; RouterBench's lambda and router wait for RouterBench.
  expect(s.data.name).toBe(DEMO);
  expect(s.routing!.origin).toBe('default');
  expect(s.routing!.costPenalty).not.toBe(5);
  expect(s.routing!.method).toBe('uniroute-learnedmap');
  expect(s.data.link).toMatchObject({ status: 'waiting', url: { data: 'routerbench_subset', lambda: 5, route: 'knn' } });
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('This link was made on the dataset “routerbench_subset” (data hash 0123456789abcdef)');
  await expect(notice).toContainText(`but “${DEMO}”`);
  await expect(notice).toContainText('(λ = 5, router knn) wait for that dataset');
  // The address bar keeps the link meanwhile; dismissing it lets the URL follow the loaded data.
  expect(new URL(page.url()).searchParams.get('lambda')).toBe('5');
  await page.getByTestId('link-dismiss').click();
  await expect(notice).toHaveCount(0);
  await expectParam(page, 'data', DEMO);
  expect(new URL(page.url()).searchParams.get('lambda')).toBe(String((await snapshot(page)).routing!.costPenalty));
});

test('a waiting link applies once its dataset is loaded', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const files = ['prompts.csv', 'correctness.csv', 'models.csv'].map((f) => `data/llmrouter-sample/${f}`);
  // The sample's content hash, from a first context that loads it.
  const first = await open(page, '?view=data');
  await page.getByTestId('data-files').setInputFiles(files);
  await expect.poll(async () => (await snapshot(page)).training.runs, { timeout: 120_000 }).toBeGreaterThan(first.training.runs);
  const hash = (await waitTrained(page)).data.hash!;
  expect(hash).not.toBe(first.data.hash);

  const context = await browser.newContext();
  const other = await context.newPage();
  const demo = await open(other, `?datahash=${hash}&lambda=0.5&route=knn&view=data`);
  expect(demo.data.link?.status).toBe('waiting');
  await expect(other.getByTestId('link-notice')).toContainText(`(data hash ${hash})`);
  await other.getByTestId('data-files').setInputFiles(files);
  await expect.poll(async () => (await snapshot(other)).training.runs, { timeout: 120_000 }).toBeGreaterThan(demo.training.runs);
  const s = await waitTrained(other);
  expect(s.data.link).toBeNull();
  expect(s.routing).toMatchObject({ costPenalty: 0.5, method: 'knn', origin: 'link' });
  await expect(other.getByTestId('link-notice')).toHaveCount(0);
  await expectParam(other, 'datahash', hash);
  await expectParam(other, 'lambda', '0.5');
  await expectParam(other, 'route', 'knn');
  await context.close();
});
