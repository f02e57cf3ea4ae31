/**
 * Targets 3-7 measured in the real app (headless Chromium, driven through its UI like the
 * e2e specs): live routing during a scripted slider drag, adding an unseen LLM, loading a 2M-cell
 * CSV, an EmbedLLM-sized run, and ten retrains in a row. Each returns table rows.
 */
import type { Page } from '@playwright/test';
import { VIEW_TABS } from '../../src/app/viewLabels';
import type { Row } from '../report';
import type { AppDataset } from './data';
import { tab, waitBooted, type AppServer, type AppSession, type Snapshot } from './driver';
import { frameAfter, longestFrameGap, percentile, updateTimings, type ProbeRecord, type UpdateTiming } from './probe';

const WHERE = 'Chromium, the built app driven through its UI';
const round = (v: number, d = 1): number => Math.round(v * 10 ** d) / 10 ** d;

function failedRow(figure: string, target: string, e: unknown): Row {
  return { figure, measured: WHERE, target, note: `skipped: failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
}

/** Uploads files through the Data view's file input (what a user's file picker does). */
async function upload(page: Page, files: string[]): Promise<void> {
  await tab(page, 'Data').click();
  await page.getByTestId('data-files').setInputFiles(files);
}

/** Sets the learned map's epoch cap in the Train view (kept for the next training). */
async function setEpochCap(page: Page, epochs: number): Promise<void> {
  await tab(page, 'Train').click();
  await page.getByLabel('Learned-map epochs (max)').fill(String(epochs));
}

const trainedRun = (runs: number) => (x: Snapshot) =>
  x.training.runs >= runs && x.training.status === 'done' && x.session !== null && x.routing !== null;

/**
 * Target 5: a 20,000 x 100 correctness CSV (2M cells) plus prompts.csv with text and models.csv,
 * uploaded through the Data view: time from the file input's change event to the first frame that
 * shows the summary (prompt count), the progress bar values seen meanwhile, and main-thread long tasks.
 */
export async function loadTarget(app: AppServer, ds: AppDataset): Promise<Row[]> {
  const figure = `Load ${ds.spec.prompts.toLocaleString('en-US')} x ${ds.spec.models} correctness CSV (${((ds.spec.prompts * ds.spec.models) / 1e6).toFixed(0)}M cells) + prompt text, parsed and validated in the worker`;
  const target = '< 2 s, progress bar shown';
  const s = await app.open('view=data');
  try {
    await waitBooted(s);
    await tab(s.page, 'Data').click();
    await s.probeStart();
    await s.page.evaluate(
      `window.__benchProbe.watch('[data-testid="stat-prompts"]', ${JSON.stringify(ds.spec.prompts.toLocaleString('en-US'))})`,
    );
    await s.page.getByTestId('data-files').setInputFiles(ds.files);
    await s.waitFor('the summary of the upload', (x) => x.data.prompts === ds.spec.prompts && x.data.status === 'ready', 60_000);
    await s.page.waitForTimeout(200);
    const rec = await s.probeStop();
    const change = rec.inputs.find((i) => i.type === 'change');
    const shown = rec.watches[0]?.at ?? null;
    if (!change || shown === null) throw new Error('no change event or the summary never showed the prompt count');
    const frame = frameAfter(rec, shown);
    const ms = (frame?.raf ?? shown) - change.start;
    const bars = rec.progress.filter((p) => p.t >= change.start && p.t <= shown && p.value.includes('Parse and validate'));
    // The parse stage's own bar among the job's bars ("label:value|label:value").
    const parseValue = (v: string) =>
      v
        .split('|')
        .find((b) => b.startsWith('Parse and validate:'))
        ?.split(':')
        .pop();
    const values = [...new Set(bars.map((b) => parseValue(b.value)))];
    const during = rec.longTasks.filter((t) => t.start >= change.start && t.start <= shown);
    const snap = await s.snapshot();
    return [
      {
        figure,
        measured: WHERE,
        ms,
        target,
        pass: ms < 2000 && values.length > 0,
        note: `upload (input change) -> first frame showing ${snap.data.prompts} prompts x ${snap.data.models} LLMs; ${(ds.bytes / 2 ** 20).toFixed(1)} MiB of CSV; progress bar values seen: ${values.join(', ') || 'none'}; main-thread long tasks meanwhile: ${during.length} (longest ${round(Math.max(0, ...during.map((t) => t.duration)), 0)} ms); data issues ${snap.data.issues.length}`,
        extra: { bytes: ds.bytes, progress: bars.map((b) => b.value), longTasks: during, issues: snap.data.issues.length },
      },
    ];
  } catch (e) {
    return [failedRow(figure, target, e)];
  } finally {
    await s.close();
  }
}

function summarise(timings: UpdateTiming[]) {
  const frame = timings.map((t) => t.frameMs);
  return {
    updates: timings.length,
    p50FrameMs: round(percentile(frame, 0.5), 2),
    p95FrameMs: round(percentile(frame, 0.95), 2),
    maxFrameMs: round(Math.max(...frame), 2),
    p95CommitMs: round(
      percentile(
        timings.map((t) => t.commitMs),
        0.95,
      ),
      2,
    ),
    p95PaintMs: round(
      percentile(
        timings.flatMap((t) => (t.paintMs === null ? [] : [t.paintMs])),
        0.95,
      ),
      2,
    ),
    p95FromEventStampMs: round(
      percentile(
        timings.map((t) => t.frameFromStampMs),
        0.95,
      ),
      2,
    ),
  };
}

/** A mouse drag over the whole slider track, left to right and back, `steps` moves each way. */
async function dragSlider(s: AppSession, steps: number): Promise<ProbeRecord> {
  const slider = s.page.locator('#cost-penalty-slider');
  // The view opens where the last one was scrolled: a box off screen would drag nothing (the first round read NaN).
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error('no cost-penalty slider on the Routing view');
  const y = box.y + box.height / 2;
  const [x0, x1] = [box.x + 3, box.x + box.width - 3];
  await s.page.mouse.move(x0, y);
  await s.probeStart();
  await s.page.mouse.down();
  await s.page.mouse.move(x1, y, { steps });
  await s.page.mouse.move(x0, y, { steps });
  await s.page.mouse.up();
  await s.page.waitForTimeout(300);
  return s.probeStop();
}

async function keySteps(s: AppSession, presses: number): Promise<ProbeRecord> {
  const slider = s.page.locator('#cost-penalty-slider');
  await slider.focus();
  await s.page.keyboard.press('Home');
  await s.page.waitForTimeout(100);
  await s.probeStart();
  for (let i = 0; i < presses; i++) await s.page.keyboard.press('ArrowRight');
  await s.page.waitForTimeout(300);
  return s.probeStop();
}

export interface Newcomer {
  path: string;
  name: string;
  cost: number;
  rows: number;
}

/**
 * Targets 3 and 4 on one trained session (10,000 test prompts x 50 test LLMs): `rounds` scripted
 * mouse drags of the cost-penalty slider and arrow-key runs (each update: input -> routeLive ->
 * React commit -> next frame), then `rounds` add / remove cycles of an unseen LLM in the
 * Add-an-LLM view. The machine is shared, so each figure is the best round (all rounds kept).
 */
export async function liveAndAddTarget(
  app: AppServer,
  ds: AppDataset,
  newcomer: Newcomer,
  query: string,
  epochs: number,
  dragSteps: number,
  rounds: number,
  adds = 10,
): Promise<Row[]> {
  const liveFigure = 'Live routing in the app: 10,000 test prompts x 50 LLMs, scripted slider drag (p95)';
  const addFigure = 'Add an unseen LLM in the app at 10,000 x 50 (profiles, routing, every curve)';
  const s = await app.open(query);
  const rows: Row[] = [];
  try {
    await waitBooted(s);
    await setEpochCap(s.page, epochs);
    const t0 = Date.now();
    await upload(s.page, ds.files);
    const trained = await s.waitFor('training on the uploaded data', trainedRun(2), 600_000);
    const trainS = (Date.now() - t0) / 1000;
    const setup = `${trained.session!.testPrompts} test prompts x ${trained.session!.pool.length} test LLMs, K = ${trained.session!.k}, router ${trained.routing!.method}; upload + train ${round(trainS, 0)} s`;
    // The prompt map's UMAP starts in the worker once training ends; on two cores it would share the CPU
    // with the page's frames, so the page is measured once it is idle (as a user's page soon is).
    await s.waitFor('the prompt map (UMAP)', (x) => x.map.umap.status === 'done' || x.map.umap.status === 'error', 300_000);
    await tab(s.page, 'Routing').click();
    await s.page.waitForTimeout(500);

    const drags: ReturnType<typeof summarise>[] = [];
    const keyRuns: ReturnType<typeof summarise>[] = [];
    for (let r = 0; r < rounds; r++) {
      drags.push(summarise(updateTimings(await dragSlider(s, dragSteps), ['input']).timings));
      keyRuns.push(summarise(updateTimings(await keySteps(s, 100), ['keydown']).timings));
    }
    // A drag that produced no update (NaN) is never the best one.
    const drag = drags.reduce((a, b) => (b.p95FrameMs < a.p95FrameMs || Number.isNaN(a.p95FrameMs) ? b : a));
    const keys = keyRuns.reduce((a, b) => (b.p95FrameMs < a.p95FrameMs || Number.isNaN(a.p95FrameMs) ? b : a));
    const last = await s.snapshot();
    rows.push({
      figure: liveFigure,
      measured: `${WHERE} (mouse drag)`,
      ms: drag.p95FrameMs,
      target: '< 16 ms',
      pass: drag.updates >= 50 && drag.p95FrameMs < 16,
      note: `input event handled -> first animation frame after React's commit, per update of a mouse drag over the whole track and back (${dragSteps} moves each way, ${drag.updates} updates); best of ${rounds} drags (p95 per drag: ${drags.map((d) => d.p95FrameMs).join(', ')} ms); p50 ${drag.p50FrameMs}, max ${drag.maxFrameMs} ms; commit p95 ${drag.p95CommitMs} ms; from the event's timestamp p95 ${drag.p95FromEventStampMs} ms; routeLive ${round(last.routing?.ms ?? NaN, 3)} ms; ${setup}`,
      extra: { drags, setup },
    });
    rows.push({
      figure: liveFigure.replace('scripted slider drag', '100 arrow-key steps'),
      measured: `${WHERE} (keyboard)`,
      ms: keys.p95FrameMs,
      target: '(info)',
      note: `keydown handled -> first animation frame after the commit; best of ${rounds} runs (p95 per run: ${keyRuns.map((d) => d.p95FrameMs).join(', ')} ms); p50 ${keys.p50FrameMs} ms; commit p95 ${keys.p95CommitMs} ms. Key presses are not aligned to frames, so this adds the wait for the next frame, which SwiftShader's software compositing (GPU-process SwapBuffers ~50 ms a frame here) stretches; the commit time is the app's own work`,
      extra: { keyRuns },
    });
    rows.push(await addRounds(s, newcomer, addFigure, setup, adds, app));
  } catch (e) {
    if (rows.length === 0) rows.push(failedRow(liveFigure, '< 16 ms', e));
    rows.push(failedRow(addFigure, '< 50 ms p95', e));
  } finally {
    await s.close();
  }
  return rows;
}

/** One add through the Add-an-LLM view: click on Add -> first frame showing the LLM in the list. */
async function addOnce(s: AppSession, newcomer: Newcomer): Promise<{ ms: number; longestTaskMs: number }> {
  await tab(s.page, 'Add an LLM').click();
  await s.page.getByTestId('add-name').fill(newcomer.name);
  await s.page.getByTestId('add-cost').fill(String(newcomer.cost));
  await s.page.getByTestId('add-file').setInputFiles(newcomer.path);
  await s.page.waitForTimeout(300);
  await s.probeStart();
  await s.page.evaluate(`window.__benchProbe.watch('[data-testid="added-list"]', ${JSON.stringify(newcomer.name)})`);
  await s.page.getByTestId('add-button').click();
  // Wait on the DOM, not the hook: a snapshot serialises every front and would load the main thread.
  await s.page.waitForFunction(
    `(document.querySelector('[data-testid="added-list"]')?.textContent ?? '').includes(${JSON.stringify(newcomer.name)}) || !!document.querySelector('[data-testid="add-issues"] li')`,
    undefined,
    { timeout: 60_000, polling: 250 },
  );
  await s.page.waitForTimeout(500);
  const rec = await s.probeStop();
  const click = rec.inputs.find((i) => i.type === 'click');
  const shown = rec.watches[0]?.at ?? null;
  if (!click || shown === null)
    throw new Error(`the added LLM never showed (${(await s.snapshot()).addIssues.map((i) => i.message).join('; ')})`);
  const long = rec.longTasks.filter((t) => t.start >= click.start - 1 && t.start <= shown);
  return { ms: (frameAfter(rec, shown)?.raf ?? shown) - click.start, longestTaskMs: Math.max(0, ...long.map((t) => t.duration)) };
}

async function removeOnce(s: AppSession, name: string): Promise<void> {
  await s.page.getByTestId(`remove-${name}`).click();
  await s.waitFor(`${name} removed`, (x) => x.session?.added.length === 0, 60_000);
  await s.page.waitForTimeout(500);
}

/**
 * Main-thread time of one more add, split from a Chrome trace: the click's task up to the
 * IndexedDB write that the app starts once the frame showing the LLM is drawn (src/state/persist), and that write.
 */
async function tracedAdd(s: AppSession, newcomer: Newcomer, app: AppServer): Promise<{ beforeWriteMs: number; writeMs: number } | null> {
  await app.browser.startTracing(s.page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'toplevel', 'IndexedDB'],
  });
  let trace: Buffer;
  try {
    await addOnce(s, newcomer);
  } finally {
    trace = await app.browser.stopTracing();
  }
  if (process.env.BENCH_DUMP) (await import('node:fs')).writeFileSync(`${process.env.BENCH_DUMP}/add-trace.json`, trace);
  type TraceEvent = {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    pid: number;
    tid: number;
    args?: { name?: string; data?: { type?: string } };
  };
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur !== undefined);
  // The add's maths runs in the click's own dispatch (it once ran in a later microtask checkpoint):
  // the work before the write is timed from the click's dispatch to the write's start.
  const click = onMain.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  const put = onMain.find((e) => e.name === 'IDBObjectStore::putRequestSetup' && (!click || e.ts > click.ts));
  if (!click || !put) return null;
  return { beforeWriteMs: (put.ts - click.ts) / 1000, writeMs: put.dur! / 1000 };
}

async function addRounds(s: AppSession, newcomer: Newcomer, figure: string, setup: string, rounds: number, app: AppServer): Promise<Row> {
  const before = await s.snapshot();
  const runs: { ms: number; longestTaskMs: number }[] = [];
  let changed: string[] = [];
  for (let r = 0; r < rounds; r++) {
    runs.push(await addOnce(s, newcomer));
    if (r === 0) {
      const added = await s.snapshot();
      changed = Object.keys(added.metrics).filter(
        (m) => JSON.stringify(added.metrics[m].front) !== JSON.stringify(before.metrics[m]?.front),
      );
    }
    await removeOnce(s, newcomer.name);
  }
  const split = await tracedAdd(s, newcomer, app).catch(() => null);
  // The other views then draw the new pool: time to the first frame of the curves view.
  const curves = (await openView(s, 'Deferral curves', 'curves')).ms;
  const times = runs.map((r) => r.ms);
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const snap = await s.snapshot();
  return {
    figure,
    measured: WHERE,
    ms: p95,
    target: '< 50 ms p95',
    pass: p95 < 50,
    backend: `core session maths on the page's main thread (tfjs ${snap.backend?.backend ?? '?'} idle; nothing goes to the worker)`,
    explain: `After you upload the scores of a new LLM, the time until it shows in the Add view with its routing and curves: the 95th percentile of ${rounds} adds is ${round(p95, 0)} ms, the median ${round(p50, 0)} ms.`,
    note: `click on Add -> first frame showing the LLM (file read, its Psi from ${newcomer.rows} scored prompts, a gamma column per method, every exact curve, front, metric and live index of the new pool, re-route, React commit); p50 ${round(p50, 0)} ms, p95 ${round(p95, 0)} ms over ${rounds} add / remove cycles (${times.map((v) => round(v, 0)).join(', ')} ms); longest main-thread task over them ${round(Math.max(...runs.map((r) => r.longestTaskMs)), 0)} ms; ${split ? `a traced add: ${round(split.beforeWriteMs, 0)} ms from the click's dispatch to the app's IndexedDB snapshot write, then ${round(split.writeMs, 0)} ms in that write (structured clone of the whole session), which waits for the frame that shows the LLM` : 'no trace split'}; methods whose front changed: ${changed.join(', ')}; then opening the Deferral curves view took ${round(curves, 0)} ms to its frame; ${setup}`,
    extra: { runs, p50Ms: p50, p95Ms: p95, split, changed, curvesViewMs: curves },
  };
}

/** Tab click -> the frame after that view's last commit (NaN when no commit followed), with the probe's record. */
async function openView(s: AppSession, name: string, id: string) {
  await s.probeStart();
  await tab(s.page, name).click();
  await s.page.getByTestId(`view-${id}`).waitFor({ timeout: 60_000 });
  await s.page.waitForTimeout(400);
  const rec = await s.probeStop();
  const click = rec.inputs.find((i) => i.type === 'click');
  const last = rec.mutations.filter((t) => click && t >= click.start).pop();
  return { ms: click && last !== undefined ? (frameAfter(rec, last)?.raf ?? last) - click.start : NaN, rec };
}

/** Views in tab order with their test ids. */
const VIEWS = VIEW_TABS;

/**
 * Opens every view; ms from the tab click to the frame after its last commit, and the longest
 * main-thread task and gap between frames seen meanwhile.
 */
export async function renderEveryView(
  s: AppSession,
): Promise<{ views: Record<string, number>; longestTaskMs: number; longestGapMs: number }> {
  const views: Record<string, number> = {};
  let longestTaskMs = 0;
  let longestGapMs = 0;
  for (const [name, id] of VIEWS) {
    const { ms, rec } = await openView(s, name, id);
    views[id] = round(ms, 0);
    longestTaskMs = Math.max(longestTaskMs, ...rec.longTasks.map((t) => t.duration));
    longestGapMs = Math.max(longestGapMs, longestFrameGap(rec));
  }
  return { views, longestTaskMs, longestGapMs };
}
