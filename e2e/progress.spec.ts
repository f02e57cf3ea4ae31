/**
 * Honest progress: while a new dataset is parsed, embedded, projected and trained, every stage has
 * its own labelled bar with its time left, and nothing says "trained" or shows the previous
 * dataset's training as current.
 */
import path from 'node:path';
import { test, expect, nextTraining, screenshotView, snapshot } from './fixtures';

const SAMPLE_FILES = ['prompts.csv', 'correctness.csv', 'models.csv'].map((f) => path.join('data/llmrouter-sample', f));
const STAGE_LABELS = [
  'Parse and validate',
  'Embed prompts',
  'Projection (PCA)',
  'k-means',
  'Learned cluster map',
  'Route the test prompts',
];

interface Seen {
  header: string;
  headerStatus: string | null;
  status: string;
  inertia: number;
  active: boolean;
  stages: { id: string; status: string }[];
  bars: { label: string; detail: string }[];
  umap: string;
  mapStatus: boolean;
}

test('each stage of an upload has its own bar with time left, and nothing says trained meanwhile', async ({
  page,
  explorer,
  data,
  trained,
}) => {
  expect(trained.training.inertia).toBeGreaterThan(0);
  await explorer.tab('Data').click();
  // Record what the page shows on every frame while the new dataset is prepared and trained.
  await page.evaluate(() => {
    const w = window as unknown as { __seen: unknown[]; __recording: boolean };
    w.__seen = [];
    w.__recording = true;
    const tick = () => {
      const s = window.__routelab!.snapshot();
      const header = document.querySelector('[data-testid=header-status]');
      w.__seen.push({
        header: header?.textContent ?? '',
        headerStatus: header?.getAttribute('data-status') ?? null,
        status: s.training.status,
        inertia: s.training.inertia,
        active: s.training.pipeline.active,
        stages: s.training.pipeline.stages.map((st) => ({ id: st.id, status: st.status })),
        umap: s.map.umap.status,
        mapStatus: document.querySelector('[data-testid=header-map-status]') !== null,
        bars: Array.from(document.querySelectorAll('[data-testid=pipeline] .rl-progress')).map((b) => ({
          label: b.querySelector('[role=progressbar]')?.getAttribute('aria-label') ?? '',
          detail: b.querySelector('.rl-progress__detail')?.textContent ?? '',
        })),
      });
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await data.fileInput.setInputFiles(SAMPLE_FILES);
  const after = await nextTraining(page, trained.training.runs);
  // The prompt map's UMAP runs after training: record until it is done too.
  await expect.poll(async () => (await snapshot(page)).map.umap.status, { timeout: 120_000 }).toBe('done');
  const seen = (await page.evaluate(() => {
    const w = window as unknown as { __seen: unknown[]; __recording: boolean };
    w.__recording = false;
    return w.__seen;
  })) as Seen[];

  const busy = seen.filter((r) => r.active);
  expect(busy.length).toBeGreaterThan(3);
  for (const r of busy) {
    // Never "trained" while the job runs; the header names the running stage instead.
    expect(r.header).not.toContain('trained');
    expect(['preparing', 'running']).toContain(r.headerStatus);
  }
  // Once the new data is parsed (the dataset adopted) the previous dataset's training is gone: no
  // "done" status, and inertia entries only come from the new k-means.
  // (Parsing is done once embedding starts; embedding 1,200 prompts can fall between two recorded frames.)
  const adoptedAt = busy.findIndex((r) => r.stages.some((s) => s.id === 'parse' && s.status === 'done'));
  expect(adoptedAt).toBeGreaterThanOrEqual(0);
  for (const r of busy.slice(adoptedAt)) {
    expect(r.status).not.toBe('done');
    if (r.stages.find((s) => s.id === 'kmeans')?.status === 'waiting') expect(r.inertia).toBe(0);
  }

  // One bar per stage, labelled, each seen on the page; a running one says its time left or its running time.
  const labels = new Set(busy.flatMap((r) => r.bars.map((b) => b.label)));
  for (const label of STAGE_LABELS) expect(labels).toContain(label);
  const details = busy.flatMap((r) => r.bars.map((b) => b.detail));
  expect(details.some((d) => /s left|almost done|estimating time left|running for/.test(d))).toBe(true);
  expect(details).toContain('waiting');

  // Once the router is ready, the header still says the prompt map is being computed while UMAP runs.
  const mapping = seen.filter((r) => !r.active && r.umap === 'running');
  expect(mapping.length).toBeGreaterThan(0);
  for (const r of mapping) expect(r.mapStatus).toBe(true);
  for (const r of seen.filter((x) => x.umap !== 'running')) expect(r.mapStatus).toBe(false);

  // At the end: every stage done, with its duration, on the Train view.
  expect(after.training.status).toBe('done');
  expect(after.training.pipeline).toMatchObject({ active: false, outcome: 'done' });
  expect(after.training.pipeline.stages.map((s) => s.id)).toEqual(['parse', 'embed', 'projection', 'kmeans', 'learnedmap', 'session']);
  for (const s of after.training.pipeline.stages) expect(s.status).toBe('done');
  await expect(explorer.headerStatus).toHaveText('trained');
  await explorer.tab('Train').click();
  const bars = page.getByTestId('pipeline').locator('.rl-progress');
  await expect(bars).toHaveCount(6);
  for (let i = 0; i < 6; i++) await expect(bars.nth(i)).toContainText(/done in \d/);
  await screenshotView(page, 'train-stages');
});

test('a retrain on the same data skips the embedding it already has and reports it', async ({ page, explorer, trainPage, trained }) => {
  await explorer.tab('Train').click();
  await trainPage.trainButton.click();
  const after = await nextTraining(page, trained.training.runs);
  const stages = Object.fromEntries(after.training.pipeline.stages.map((s) => [s.id, s.status]));
  expect(stages).toEqual({ embed: 'skipped', kmeans: 'done', learnedmap: 'done', session: 'done' });
  await expect(page.getByTestId('pipeline').locator('[data-stage=embed]')).toContainText('not needed (already computed)');
});
