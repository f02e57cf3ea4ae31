import { expect, screenshotView, snapshot, test, waitTrained } from './fixtures';

const TYPED_URL = 'https://data.example.org/untrusted/benchmark.csv';

/** A small long-format benchmark whose prompt texts carry HTML that would fire requests if injected. */
function untrustedCsv(): string {
  const rows = ['prompt_id,prompt,task,model,score,cost'];
  const models: [string, number][] = [
    ['tiny', 0.1],
    ['mid', 1],
    ['big', 5],
  ];
  for (let p = 0; p < 150; p++) {
    const task = p % 2 ? 'maths' : 'poetry';
    const text =
      p % 3 === 0
        ? `<img src="https://evil.example/pixel.png" onerror="window.__pwned = 1"><b>bold</b> ${task} question ${p}`
        : `${task === 'maths' ? 'Add the numbers' : 'Write a verse about'} item ${p}, please`;
    for (const [m, [name, cost]] of models.entries()) {
      const score = (p * 7 + m * 3) % 5 < 2 + m ? 1 : 0;
      rows.push([`q${p}`, `"${text.replace(/"/g, '""')}"`, task, name, score, cost].join(','));
    }
  }
  return rows.join('\n') + '\n';
}

test('no network request leaves the app except the typed dataset URL, and prompt HTML stays text', async ({
  page,
  explorer,
  addModel,
  exportPage,
  routing,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('https://data.example.org/**', (route) => route.fulfill({ status: 200, contentType: 'text/csv', body: untrustedCsv() }));
  // The whole demo flow: first start, every view, the slider, adding and removing an LLM, the
  // backend check, an export; then a dataset by URL.
  await page.goto('./');
  const trained = await waitTrained(page);
  for (const tab of ['Data', 'Train', 'Clusters', 'Error profiles', 'Routing', 'Deferral curves', 'Add an LLM', 'Export / import']) {
    await explorer.tab(tab).click();
    await page.waitForTimeout(150);
  }
  await explorer.tab('Routing').click();
  await routing.slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await explorer.tab('Add an LLM').click();
  await page.getByTestId('newcomer-add-exact').click();
  await expect(addModel.notice).toContainText('added');
  await addModel.remove(trained.demo!.newcomer!.name).click();
  await explorer.tab('Train').click();
  await page.getByTestId('check-backends').click();
  await expect.poll(async () => (await snapshot(page)).backendCheck.status, { timeout: 120_000 }).toBe('done');
  await explorer.tab('Export / import').click();
  await Promise.all([page.waitForEvent('download'), exportPage.downloadRouter.click()]);

  await explorer.tab('Data').click();
  await page.getByTestId('data-url').fill(TYPED_URL);
  await page.getByTestId('data-url-open').click();
  await expect.poll(async () => (await snapshot(page)).data.name, { timeout: 60_000 }).not.toBe(trained.data.name);
  await expect.poll(async () => (await snapshot(page)).training.runs, { timeout: 120_000 }).toBe(2);
  const s = await snapshot(page);
  expect(s.training.error).toBeNull();
  expect(s.data.prompts).toBe(150);

  // The untrusted prompt text shows as text: no element was created from it, no script ran.
  await explorer.tab('Routing').click();
  await page.getByPlaceholder('Filter test prompts by text or id').fill('<img');
  await expect(routing.testPrompts.first()).toContainText('<img src="https://evil.example/pixel.png"');
  await routing.testPrompts.first().click();
  await expect(page.getByText('<b>bold</b>').first()).toBeVisible();
  expect(await page.locator('img[src*="evil.example"], b:text-is("bold")').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await screenshotView(page, 'routing-untrusted-text');

  const origin = new URL(page.url()).origin;
  const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(outside).toEqual([TYPED_URL]);
  expect(requests.length).toBeGreaterThan(5);
  expect(errors).toEqual([]);
});

test('an error thrown in one panel shows in that panel only; the rest of the page keeps working', async ({ page, explorer, trained }) => {
  await explorer.tab('Clusters').click();
  await expect(page.locator('#panel-clusters-map canvas')).toBeVisible();
  // Break <canvas> (as a browser that refuses 2-D contexts would): only the prompt map draws on one here.
  await page.evaluate(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    (window as unknown as { __restoreCanvas: () => void }).__restoreCanvas = () => {
      HTMLCanvasElement.prototype.getContext = original;
    };
    HTMLCanvasElement.prototype.getContext = function () {
      throw new Error('injected canvas failure');
    } as typeof original;
  });
  await explorer.tab('Routing').click();
  await explorer.tab('Clusters').click();
  const errorsShown = page.locator('.rl-panel__error');
  await expect(errorsShown).toHaveCount(1);
  await expect(errorsShown).toContainText('injected canvas failure');
  const failing = page.locator('.rl-panel', { has: errorsShown });
  await expect(failing.locator('.rl-panel__title')).toHaveText('Prompt map');
  // The other panel of the view, the header and the other views still work.
  await expect(page.getByTestId('cluster-list').locator('tbody tr')).toHaveCount(trained.session!.k);
  await expect(explorer.headerStatus).toHaveText('trained');
  await screenshotView(page, 'clusters-panel-error');
  await explorer.tab('Deferral curves').click();
  await expect(page.getByTestId('metric-table')).toBeVisible();
  await explorer.tab('Clusters').click();
  await expect(errorsShown).toHaveCount(1);
  // Once the cause is gone, "Try again" brings the panel back.
  await page.evaluate(() => (window as unknown as { __restoreCanvas: () => void }).__restoreCanvas());
  await failing.getByRole('button', { name: 'Try again' }).click();
  await expect(errorsShown).toHaveCount(0);
  await expect(page.locator('#panel-clusters-map canvas')).toBeVisible();
});
