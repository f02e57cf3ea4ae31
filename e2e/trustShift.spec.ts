import { expect, snapshot, test } from './fixtures';
import { cancelAtOnce, shootPanel, trust } from './trustHelpers';

const MATHS = Array.from({ length: 40 }, (_, i) => `Solve for x: ${i + 2}x + ${i} = ${3 * i + 7}. Show each algebra step.`);
const MIXED = [
  ...MATHS.slice(0, 10),
  ...Array.from({ length: 10 }, (_, i) => `Write a Python function that returns the ${i + 2}th Fibonacci number`),
  ...Array.from({ length: 10 }, (_, i) => `Translate into French: "the train leaves at ${i + 1} o'clock"`),
  `<img src="https://evil.example/pixel.png" onerror="window.__pwned = 1"><b>bold</b> prompt`,
];

const csv = (texts: string[]) => `prompt_id,text\n${texts.map((t, i) => `p${i},"${t.replace(/"/g, '""')}"`).join('\n')}\n`;

test('deployment-shift preview: production prompts embedded in the worker, mix against validation, predictions at lambda, flags; bad files keep the preview; nothing leaves the browser', async ({
  page,
  explorer,
  routing,
  trained,
}) => {
  expect(trained.session!.routerModels.length).toBeGreaterThan(0);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await explorer.tab('Routing').click();
  const input = page.getByTestId('shift-file');

  // A file without a text column: file, row and column named; nothing previewed.
  await input.setInputFiles({ name: 'prod.csv', mimeType: 'text/csv', buffer: Buffer.from('id,body\n1,hello\n') });
  await expect(page.getByTestId('shift-issues')).toContainText('prod.csv, row 1');
  expect((await trust(page)).shift.preview).toBeNull();

  await input.setInputFiles({ name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(MIXED)) });
  await expect.poll(async () => (await trust(page)).shift.status, { timeout: 60_000 }).toBe('done');
  let sh = (await trust(page)).shift;
  const p = sh.preview!;
  expect(sh.file).toBe('mixed.csv');
  expect(p.prompts).toBe(MIXED.length);
  expect(p.mix.reduce((a, r) => a + r.production, 0)).toBeCloseTo(1, 12);
  expect(p.mix.reduce((a, r) => a + r.validation, 0)).toBeCloseTo(1, 12);
  expect(p.totalVariation).toBeCloseTo(0.5 * p.mix.reduce((a, r) => a + Math.abs(r.production - r.validation), 0), 12);
  expect(p.predicted.shares.reduce((a, x) => a + x.share, 0)).toBeCloseTo(1, 12);
  expect(p.flagged.map((f) => f.cluster)).toEqual(
    p.mix.filter((r) => r.productionPrompts > 0 && r.validationPrompts < 5).map((r) => r.cluster),
  );
  expect(p.costPenalty).toBe((await snapshot(page)).routing!.costPenalty);
  await expect(page.getByTestId('shift-tv')).toHaveText(p.totalVariation.toFixed(3));
  // The prompt's HTML never became an element.
  expect(await page.locator('img[src*="evil.example"], b:text-is("bold")').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await shootPanel(page, 'panel-shift', 'trust-shift');

  // Planted shift: one kind of prompt only lands in few clusters, far from the benchmark's mix.
  await input.setInputFiles({ name: 'maths.txt', mimeType: 'text/plain', buffer: Buffer.from(MATHS.join('\n') + '\n\n') });
  await expect.poll(async () => (await trust(page)).shift.file, { timeout: 60_000 }).toBe('maths.txt');
  sh = (await trust(page)).shift;
  expect(sh.preview!.prompts).toBe(MATHS.length);
  expect(sh.preview!.totalVariation).toBeGreaterThan(p.totalVariation);
  expect(Math.max(...sh.preview!.mix.map((r) => r.production))).toBeGreaterThan(0.5);

  // A JSON Lines file with a bad line: its row is named and the maths preview stays.
  await input.setInputFiles({ name: 'prod.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"text": "fine"}\n{"text": \n') });
  await expect(page.getByTestId('shift-issues')).toContainText('prod.jsonl, row 2');
  sh = (await trust(page)).shift;
  expect(sh.file).toBe('maths.txt');
  expect(sh.preview!.prompts).toBe(MATHS.length);

  // A new lambda previews the same prompts again.
  await routing.slider.focus();
  await page.keyboard.press('End');
  const lambda = (await snapshot(page)).routing!.costPenalty;
  await expect.poll(async () => (await trust(page)).shift.preview?.costPenalty, { timeout: 30_000 }).toBe(lambda);
  sh = (await trust(page)).shift;
  expect(sh.preview!.prompts).toBe(MATHS.length);
  expect(Math.max(...sh.preview!.predicted.shares.map((x) => x.share))).toBe(1);

  // Cancel while a large file is embedded: the previous preview stays.
  const big = Array.from({ length: 60_000 }, (_, i) => `Question ${i}: how many apples are ${i % 97} plus ${i % 13}?`).join('\n');
  await input.setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
  await cancelAtOnce(page, 'shift-job-cancel');
  await expect.poll(async () => (await trust(page)).shift.status, { timeout: 30_000 }).toBe('cancelled');
  sh = (await trust(page)).shift;
  expect(sh.file).toBe('maths.txt');
  expect(sh.preview!.prompts).toBe(MATHS.length);

  // Planted thin evidence: a router trained with 2% validation prompts over K = 20 clusters has
  // clusters resting on fewer than 5 of them; the new prompts that reach one are flagged.
  await explorer.tab('Train').click();
  await page.getByTestId('setting-method').selectOption('kmeans');
  await page.getByTestId('setting-k').fill('20');
  await page.getByTestId('setting-train').fill('88');
  await page.getByTestId('setting-val').fill('2');
  await page.getByTestId('setting-test').fill('10');
  await page.getByTestId('train-button').click();
  await expect.poll(async () => (await snapshot(page)).training.runs, { timeout: 120_000 }).toBe(2);
  await explorer.tab('Routing').click();
  // The new router re-previews the loaded prompts.
  await expect.poll(async () => (await trust(page)).shift.preview?.mix.length, { timeout: 60_000 }).toBe(20);
  sh = (await trust(page)).shift;
  const thin = sh.preview!.mix.filter((r) => r.productionPrompts > 0 && r.validationPrompts < 5);
  expect(thin.length).toBeGreaterThan(0);
  expect(sh.preview!.flagged.map((f) => f.cluster)).toEqual(thin.map((r) => r.cluster));
  await expect(page.getByTestId('shift-flagged')).toContainText(`cluster ${thin[0].cluster} (${thin[0].validationPrompts} validation`);
  await shootPanel(page, 'panel-shift', 'trust-shift-flagged');

  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
});
