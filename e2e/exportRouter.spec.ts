import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, snapshot, test } from './fixtures';

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
