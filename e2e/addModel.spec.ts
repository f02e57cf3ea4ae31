import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, screenshotView, snapshot, test } from './fixtures';

test('adding an unseen LLM from a scores file changes the curves, and removing it restores them', async ({ page, explorer, addModel, trained }) => {
  const before = (await snapshot(page)).metrics;
  await explorer.tab('Add an LLM').click();
  // 1. The validation prompts, as a user downloads them.
  const [download] = await Promise.all([page.waitForEvent('download'), addModel.downloadValidation.click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  // Prompt texts hold quoted commas and newlines: read the file as CSV.
  const [header, ...rows] = Papa.parse<string[]>(csv.trim()).data;
  expect(header).toEqual(['prompt_id', 'text', 'cluster', 'score']);
  // 2. A new LLM that is right on every validation prompt and cheap: UniRoute should route to it.
  const ids = rows.map((r) => r[0]);
  expect(ids.length).toBe(trained.session!.valPrompts);
  const scores = ['prompt_id,score', ...ids.map((id) => `${id},1`)].join('\n') + '\n';

  // A file with a bad score is refused with its row and column, and nothing changes.
  await addModel.name.fill('bad-llm');
  await addModel.cost.fill('1');
  await addModel.file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(scores.replace(`${ids[0]},1`, `${ids[0]},yes`)) });
  await addModel.addButton.click();
  await expect(addModel.issues).toContainText('bad.csv, row 2, column "score": score "yes" is not a number');
  expect((await snapshot(page)).session!.pool).toEqual(trained.session!.pool);

  await addModel.name.fill('newcomer-1b');
  await addModel.cost.fill('0.5');
  await addModel.file.setInputFiles({ name: 'newcomer.csv', mimeType: 'text/csv', buffer: Buffer.from(scores) });
  await addModel.addButton.click();
  await expect(addModel.notice).toContainText('newcomer-1b added');
  await expect(addModel.addedList).toContainText('estimated');
  const added = await snapshot(page);
  expect(added.session!.pool).toEqual([...trained.session!.pool, 'newcomer-1b']);
  expect(added.session!.routerModels).toContain('newcomer-1b');
  expect(added.metrics['uniroute-kmeans'].front).not.toEqual(before['uniroute-kmeans'].front);
  expect(added.metrics['uniroute-kmeans'].estimated).toBe(true);
  expect(added.routing!.share['newcomer-1b']).toBeGreaterThan(0);
  await screenshotView(page, 'add-after');
  await explorer.tab('Deferral curves').click();
  await screenshotView(page, 'curves-with-added');
  await explorer.tab('Error profiles').click();
  await expect(page.getByText('newcomer-1b')).toBeVisible();

  await explorer.tab('Add an LLM').click();
  await addModel.remove('newcomer-1b').click();
  await expect(addModel.notice).toContainText('newcomer-1b removed');
  const removed = await snapshot(page);
  expect(removed.session!.pool).toEqual(trained.session!.pool);
  expect(removed.metrics).toEqual(before);
});
