/**
 * Import restores the session a router file was exported from (lambda, pool, method, added LLMs in
 * the heatmap, shares and curves, estimated where they have no test labels); a router of other data
 * routes typed prompts at its own lambda and pool, and says so.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, screenshotView, snapshot, test, waitTrained } from './fixtures';
import { downloadRouter } from './decisions';
import { ExplorerPage, ExportPage } from './pages';

test('a router file restores its session in a fresh browser: λ, pool, method and the added LLM (estimated)', async ({
  page,
  browser,
  explorer,
  routing,
  exportPage,
  trained,
}, testInfo) => {
  test.setTimeout(240_000);
  const newcomer = trained.demo!.newcomer!.name;
  await explorer.tab('Add an LLM').click();
  await page.getByTestId('newcomer-add-estimated').click();
  await expect(page.getByTestId('add-notice')).toContainText(`${newcomer} added`);
  await explorer.tab('Routing').click();
  await page.getByTestId('routing-method').selectOption('knn');
  await routing.slider.focus();
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
  const before = await snapshot(page);
  expect(before.routing!.origin).toBe('user');
  const file = testInfo.outputPath('session-router.json');
  await downloadRouter(page, explorer, exportPage, file);
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ method: 'knn', costPenalty: before.routing!.costPenalty, pool: before.session!.pool });

  // A fresh browser context: the demo at its defaults, nothing added.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto('./');
  const start = await waitTrained(fresh);
  expect(start.session!.added).toEqual([]);
  expect(start.routing!.method).toBe('uniroute-learnedmap');
  const freshExplorer = new ExplorerPage(fresh);
  const freshExport = new ExportPage(fresh);
  await freshExplorer.tab('Export / import').click();
  await freshExport.importRouter.setInputFiles(file);
  await expect(freshExport.importNotice).toContainText('applied to the session');
  await expect(freshExport.importNotice).toContainText(`1 LLM(s) added after training restored from the file: ${newcomer} (estimated`);
  await expect(freshExport.importNotice).not.toContainText('not shown');
  const after = await snapshot(fresh);
  expect(after.routing).toMatchObject({
    method: 'knn',
    costPenalty: before.routing!.costPenalty,
    origin: 'import',
    share: before.routing!.share,
    accuracy: before.routing!.accuracy,
  });
  expect(after.session!.pool).toEqual(before.session!.pool);
  expect(after.session!.added).toEqual([newcomer]);
  expect(after.session!.addedEstimated).toEqual([true]);
  // Every curve and metric as in the session it came from, marked estimated where the newcomer counts.
  expect(after.metrics).toEqual(before.metrics);
  expect(after.metrics.knn.estimated).toBe(true);
  expect(after.metrics.oracle.estimated).toBe(false);
  await screenshotView(fresh, 'export-imported');
  // It is in the heatmap, the shares and the curves.
  await freshExplorer.tab('Error profiles').click();
  await expect(freshExplorer.view('profiles')).toContainText(newcomer);
  await freshExplorer.tab('Routing').click();
  await expect(fresh.getByTestId('share-bars')).toContainText(newcomer);
  await expect(fresh.getByTestId('penalty-note')).toHaveAttribute('data-origin', 'import');
  await expect(fresh.getByTestId('paying-estimated')).toContainText(`${newcomer} has no test scores`);
  expect(after.training.inertia).toBe(0);
  await screenshotView(fresh, 'routing-imported');
  await freshExplorer.tab('Train').click();
  await expect(fresh.getByTestId('no-training-curves')).toBeVisible();
  await freshExplorer.tab('Deferral curves').click();
  await expect(fresh.getByTestId('metric-table')).toContainText('(estimated)');
  // The oracle sees test scores only: with an estimated LLM in the pool it says whom it bounds.
  await expect(fresh.getByTestId('metric-table')).toContainText('Oracle (LLMs with test scores)');
  await expect(freshExplorer.view('curves')).toContainText(`${newcomer} (est.)`);
  // Written out again, it is the same file (the session is the file's).
  const again = testInfo.outputPath('session-router-again.json');
  await downloadRouter(fresh, freshExplorer, freshExport, again);
  expect(readFileSync(again, 'utf8')).toBe(text);
  await context.close();
});

test('a router of other data is routed at its own λ and pool, and says so', async ({
  page,
  explorer,
  data,
  exportPage,
  trained,
}, testInfo) => {
  test.setTimeout(240_000);
  const file = testInfo.outputPath('demo-router.json');
  await downloadRouter(page, explorer, exportPage, file);
  const demoRouter = JSON.parse(readFileSync(file, 'utf8'));
  expect(demoRouter.costPenalty).toBe(trained.routing!.costPenalty);

  await explorer.tab('Data').click();
  await data.fileInput.setInputFiles(['prompts.csv', 'correctness.csv', 'models.csv'].map((f) => path.join('data/llmrouter-sample', f)));
  await expect.poll(async () => (await snapshot(page)).training.runs, { timeout: 120_000 }).toBeGreaterThan(trained.training.runs);
  const sample = await waitTrained(page);
  await explorer.tab('Export / import').click();
  await exportPage.importRouter.setInputFiles(file);
  await expect(exportPage.importNotice).toContainText('Not applied to the session (the router was trained on other data');
  await expect(exportPage.importNotice).toContainText(`routes with it at its own λ = ${String(demoRouter.costPenalty).slice(0, 4)}`);
  await expect(exportPage.importNotice).toContainText(`among its pool of ${demoRouter.pool.length} LLMs`);
  const s = await snapshot(page);
  expect(s.imported).toEqual({ dataset: trained.data.name, costPenalty: demoRouter.costPenalty, pool: demoRouter.pool });
  // The session stays the sample's.
  expect(s.routing!.costPenalty).toBe(sample.routing!.costPenalty);
  expect(s.session!.pool).toEqual(sample.session!.pool);

  const prompt = 'Translate into French: the meeting is postponed until Thursday.';
  await exportPage.routeWhich.selectOption('imported');
  await expect(exportPage.routeAt).toContainText(`trained on “${trained.data.name}” (not the loaded data), at its own λ`);
  await exportPage.routeText.fill(prompt);
  await exportPage.routeButton.click();
  await expect(exportPage.routed).toContainText('its own λ, among its pool');
  const chosen = await exportPage.routed.getAttribute('data-chosen');
  expect(demoRouter.pool).toContain(chosen);
  const cli = JSON.parse(
    execFileSync('npx', ['tsx', 'src/cli/main.ts', 'route', '--router', file, '--prompt', prompt, '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    }),
  );
  expect(cli.decisions[0].chosen).toBe(chosen);
  await screenshotView(page, 'export-foreign');
});
