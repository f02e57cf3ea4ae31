/**
 * Target 9: the prompt map at 36,000 prompts in the real app. After the upload trains (K-means,
 * to keep the run short), the Clusters view computes UMAP in the worker; then every point is on the
 * canvas and the map is driven as a user would: hovering across it, wheel zoom and drag pan. Rows:
 * UMAP's time and quality, and the frame intervals while interacting (a frozen map shows as long
 * gaps between frames).
 */
import type { Row } from '../report';
import type { AppDataset } from './data';
import { tab, waitBooted, type AppServer } from './driver';
import { longestFrameGap, percentile, updateTimings, type ProbeRecord } from './probe';

const WHERE = 'Chromium, the built app driven through its UI';
const round = (v: number, d = 1): number => Math.round(v * 10 ** d) / 10 ** d;

/** Gaps between consecutive animation frames from `from` to `to` (ms). */
function frameGaps(rec: ProbeRecord, from: number, to: number): number[] {
  const frames = rec.frames.filter((f) => f.raf >= from && f.raf <= to);
  return frames.slice(1).map((f, i) => f.raf - frames[i].raf);
}

export async function mapTarget(app: AppServer, ds: AppDataset): Promise<Row[]> {
  const n = ds.spec.prompts;
  const figure = `Prompt map at ${n.toLocaleString('en-US')} prompts (UMAP in the worker, every point on one canvas)`;
  const s = await app.open('method=kmeans&view=data');
  try {
    const booted = await waitBooted(s);
    await tab(s.page, 'Data').click();
    await s.page.getByTestId('data-files').setInputFiles(ds.files);
    await s.waitFor(
      'the upload trained',
      (x) => x.data.prompts === n && x.training.runs > booted.training.runs && x.training.status === 'done' && x.session !== null,
      600_000,
    );
    await tab(s.page, 'Clusters').click();
    const done = await s.waitFor('UMAP', (x) => x.map.umap.status === 'done' || x.map.umap.status === 'error', 600_000);
    if (done.map.umap.status !== 'done') throw new Error(`UMAP failed: ${done.map.umap.error}`);
    const canvas = s.page.locator('#panel-clusters-map canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the map canvas is not on the page');

    await s.probeStart();
    const t0 = await s.page.evaluate(() => performance.now());
    // Hover: 60 pointer moves across the map, one per frame budget, as a sweeping mouse.
    for (let i = 0; i < 60; i++) {
      await s.page.mouse.move(box.x + box.width * (0.1 + (0.8 * i) / 59), box.y + box.height * (0.3 + 0.4 * Math.sin(i / 6)));
      await s.page.waitForTimeout(16);
    }
    const t1 = await s.page.evaluate(() => performance.now());
    // Zoom: 20 wheel steps in, then drag-pan across half the canvas.
    await s.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 20; i++) {
      await s.page.mouse.wheel(0, -120);
      await s.page.waitForTimeout(16);
    }
    await s.page.mouse.down();
    for (let i = 0; i < 30; i++) {
      await s.page.mouse.move(box.x + box.width / 2 - (box.width / 2) * (i / 29), box.y + box.height / 2);
      await s.page.waitForTimeout(16);
    }
    await s.page.mouse.up();
    await s.page.waitForTimeout(200);
    const rec = await s.probeStop();
    const after = await s.snapshot();
    const hover = frameGaps(rec, t0, t1);
    const zoomPan = frameGaps(rec, t1, rec.end);
    const hoverUpdates = updateTimings(rec, ['pointermove']).timings.map((t) => t.frameMs);
    const info = done.map.umap.info;
    const q = done.map.quality;
    const common = `${after.map.points.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} points drawn; ${ds.spec.models} LLMs`;
    return [
      {
        figure: `${figure}: UMAP`,
        measured: `${WHERE} (the worker, after training)`,
        ms: done.map.umap.ms ?? undefined,
        target: '(info) its own progress bar, PCA shown meanwhile',
        note: `How long the Clusters view takes to compute its UMAP map of ${n.toLocaleString('en-US')} prompts in the worker after training (the PCA map is shown meanwhile, with UMAP's own progress bar and Cancel): ${common}; UMAP fitted on ${info?.fitted} prompts, ${info?.placed} placed by their nearest fitted prompts, ${info?.epochs} epochs; trustworthiness (k = ${q?.umap.k}) UMAP ${q?.umap.value.toFixed(3)}, PCA ${q?.pca.value.toFixed(3)}`,
      },
      {
        figure: `${figure}: hover, zoom and pan`,
        measured: WHERE,
        ms: round(percentile([...hover, ...zoomPan], 0.95), 1),
        target: 'all points drawn; frame interval p95 < 50 ms',
        pass: after.map.points === n && percentile([...hover, ...zoomPan], 0.95) < 50,
        note: `With all ${n.toLocaleString('en-US')} prompts drawn, how smoothly the map follows the mouse while hovering, wheel-zooming and dragging (the 95th percentile of the time between frames): ${common}; p95 frame interval (ms): hovering ${round(percentile(hover, 0.95))}, zoom + pan ${round(percentile(zoomPan, 0.95))}; longest gap ${round(longestFrameGap(rec))}; hover -> tooltip frame p95 ${hoverUpdates.length ? round(percentile(hoverUpdates, 0.95)) : '?'} ms over ${hoverUpdates.length} updates; main-thread long tasks ${rec.longTasks.length} (longest ${round(Math.max(0, ...rec.longTasks.map((t) => t.duration)), 0)} ms); zoom after the wheel steps ${after.map.viewport.zoom.toFixed(2)}x`,
      },
    ];
  } catch (e) {
    return [
      {
        figure,
        measured: WHERE,
        target: 'all points drawn',
        note: `skipped: failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      },
    ];
  } finally {
    await s.close();
  }
}
