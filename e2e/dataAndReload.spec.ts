import { expect, screenshotView, snapshot, storedRecord, test, waitTrained } from './fixtures';

test('a broken upload shows its error with file, row and column, and the previous data stays', async ({
  page,
  explorer,
  data,
  trained,
}) => {
  await explorer.tab('Data').click();
  await data.fileInput.setInputFiles([
    { name: 'prompts.csv', mimeType: 'text/csv', buffer: Buffer.from('prompt_id,text\np1,hello\np2,world\n') },
    { name: 'correctness.csv', mimeType: 'text/csv', buffer: Buffer.from('prompt_id,m1\np1,1\np2,2.5\n') },
    { name: 'models.csv', mimeType: 'text/csv', buffer: Buffer.from('model,cost\nm1,1\n') },
  ]);
  await expect(data.issues).toContainText('correctness.csv, row 3, column "m1"');
  await expect(data.issues).toContainText('the data loaded before is kept');
  await screenshotView(page, 'data-broken-upload');
  // Many problems: counted, one per row, in a list that scrolls inside the notice.
  const ids = Array.from({ length: 40 }, (_, i) => `p${i}`);
  await data.fileInput.setInputFiles([
    {
      name: 'prompts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`prompt_id,text\n${ids.map((id) => `${id},hello ${id}`).join('\n')}\n`),
    },
    { name: 'correctness.csv', mimeType: 'text/csv', buffer: Buffer.from(`prompt_id,m1\n${ids.map((id) => `${id},2.5`).join('\n')}\n`) },
    { name: 'models.csv', mimeType: 'text/csv', buffer: Buffer.from('model,cost\nm1,1\n') },
  ]);
  await expect(data.issues).toContainText('40 problems');
  await expect(data.issues.locator('li')).toHaveCount(40);
  await expect(data.issues).toContainText('correctness.csv, row 41, column "m1": score 2.5 is outside [0, 1]');
  const list = data.issues.locator('ul');
  expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight + 10)).toBe(true);
  await screenshotView(page, 'data-many-problems');
  const s = await snapshot(page);
  expect(s.data.name).toBe(trained.data.name);
  expect(s.data.prompts).toBe(trained.data.prompts);
  expect(s.session!.routerCreatedAt).toBe(trained.session!.routerCreatedAt);
  await expect(data.promptCount).toHaveText(trained.data.prompts.toLocaleString('en-US'));
});

test('a reload keeps the trained router (IndexedDB) and the settings in the URL', async ({ page, explorer, routing, trained }) => {
  await explorer.tab('Routing').click();
  await routing.slider.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  const lambda = (await snapshot(page)).routing!.costPenalty;
  expect(lambda).toBeGreaterThan(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('lambda')).toBe(String(lambda));
  // The dataset's λ is saved at most 300 ms after it moves (a drag is not written at every step).
  await expect
    .poll(async () =>
      Object.values((await storedRecord(page, 'routing-by-dataset-v1')) ?? {}).map((r) => (r as { costPenalty: number }).costPenalty),
    )
    .toContain(lambda);
  expect(trained.data.embeddingsCached).toBe(false);
  await page.reload();
  const s = await waitTrained(page);
  expect(s.session!.restored).toBe(true);
  // phi(x) and the PCA map come back from IndexedDB (the worker's cache): nothing is embedded again.
  expect(s.data.embeddingsCached).toBe(true);
  expect(s.data.hash).toBe(trained.data.hash);
  expect(s.map.explained).toEqual(trained.map.explained);
  expect(s.training.runs).toBe(0);
  expect(s.session!.routerCreatedAt).toBe(trained.session!.routerCreatedAt);
  expect(s.metrics).toEqual(trained.metrics);
  expect(s.routing!.costPenalty).toBe(lambda);
  expect(s.ui.view).toBe('routing');
  // The address bar only repeats the λ saved on this data: the note says so, not "from the link".
  expect(s.routing!.origin).toBe('saved');
  await expect(page.getByTestId('penalty-note')).toHaveText('λ is where you left it on this dataset.');
  // The Train view's charts come back with the router.
  expect(s.training.inertia).toBe(trained.training.inertia);
  expect(s.training.inertia).toBeGreaterThan(0);
  expect(s.training.epochs).toBe(trained.training.epochs);
  await explorer.tab('Train').click();
  await expect(page.getByTestId('no-training-curves')).toHaveCount(0);
});

test('a reload soon after adding an LLM restores it with the curves it gave', async ({ page, explorer, addModel, trained }) => {
  const { name } = trained.demo!.newcomer!;
  await explorer.tab('Add an LLM').click();
  await page.getByTestId('newcomer-add-exact').click();
  await expect(addModel.addedList).toContainText(name);
  const added = await snapshot(page);
  expect(added.session!.added).toEqual([name]);
  // The session is saved once the frame that shows the LLM has been drawn (a fraction of a second later).
  await expect
    .poll(async () => ((await storedRecord(page, 'session-v1')) as { added?: { name: string }[] } | undefined)?.added?.map((a) => a.name))
    .toEqual([name]);
  await page.reload();
  const s = await waitTrained(page);
  expect(s.session!.restored).toBe(true);
  expect(s.training.runs).toBe(0);
  expect(s.session!.added).toEqual([name]);
  expect(s.session!.pool).toEqual(added.session!.pool);
  expect(s.metrics).toEqual(added.metrics);
});
