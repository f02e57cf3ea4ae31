/**
 * Target 8 in the real app: a 50 MB, 40,000-prompt upload (long prompts) through the Data view,
 * timed from the file input's change event to the embeddings and PCA map (the 'embed' and 'pca'
 * stages), then trained; the longest main-thread task from the upload until training is done; and
 * a reload of the trained session (IndexedDB: the dataset, the router, phi(x) and the maps).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadDataset } from '../../src/core/data';
import { datasetEmbeddings } from '../../src/core/eval/pipeline';
import type { Row } from '../report';
import type { AppDataset } from './data';
import { tab, waitBooted, type AppServer, type AppSession } from './driver';

const WHERE = 'Chromium, the built app driven through its UI';

interface Progress {
  t: number;
  prompts: number;
  dataStatus: string;
  projected: number;
  embeddingsCached: boolean;
  training: string;
  stage: string;
  runs: number;
  error: string | null;
  session: boolean;
  restored: boolean;
  routed: boolean;
}

// Page time and the hook's cheap counters (the full snapshot would load the main thread it measures).
const POLL = `({ t: performance.now(), ...window.__routelab.progress() })`;
const LONG_TASKS = `new Promise((resolve) => {
  const seen = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) seen.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true }); } catch (e) {}
  setTimeout(() => resolve(seen), 300);
})`;
const STORED_KEYS = `new Promise((resolve) => {
  const open = indexedDB.open('routelab');
  open.onsuccess = () => { const keys = open.result.transaction('kv').objectStore('kv').getAllKeys(); keys.onsuccess = () => { resolve(keys.result.map(String)); open.result.close(); }; keys.onerror = () => resolve([]); };
  open.onerror = () => resolve([]);
})`;

async function poll(
  s: AppSession,
  what: string,
  ok: (p: Progress) => boolean,
  timeoutMs: number,
  each?: (p: Progress) => void,
): Promise<Progress> {
  const t0 = Date.now();
  for (;;) {
    if (s.errors.length) throw new Error(s.errors.join('; '));
    const p = (await s.page.evaluate(`window.__routelab ? ${POLL} : null`)) as Progress | null;
    if (p) {
      if (p.error) throw new Error(`${what}: ${p.error}`);
      each?.(p);
      if (ok(p)) return p;
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await s.page.waitForTimeout(100);
  }
}

/** The comparator of the embedding row, in this run: the same files parsed, then embedded on one thread by the same core code in Node. */
function nodeOneThread(ds: AppDataset): { parseMs: number; embedMs: number } {
  const files = ds.files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }));
  const t0 = performance.now();
  const res = loadDataset(files, {});
  if (!res.ok) throw new Error(res.issues[0].message);
  const t1 = performance.now();
  datasetEmbeddings(res.data);
  return { parseMs: t1 - t0, embedMs: performance.now() - t1 };
}

export async function uploadTarget(app: AppServer, ds: AppDataset, k: number, epochs: number): Promise<Row[]> {
  const n = ds.spec.prompts;
  const size = `${(ds.bytes / 1e6).toFixed(0)} MB`;
  const label = `${n.toLocaleString('en-US')}-prompt upload (${size}, ${ds.spec.models} LLMs)`;
  const figures = {
    embed: `${label}: upload -> embedded and projected`,
    longest: `Longest main-thread task while loading and training the ${label}`,
    reload: `Reload of the trained ${n.toLocaleString('en-US')}-prompt session`,
  };
  const s = await app.open(`k=${k}&view=train`);
  try {
    await waitBooted(s);
    await tab(s.page, 'Train').click();
    await s.page.getByLabel('Learned-map epochs (max)').fill(String(epochs));
    await tab(s.page, 'Data').click();
    const runs = (await s.snapshot()).training.runs;
    await s.probeStart();
    await s.page.getByTestId('data-files').setInputFiles(ds.files);
    const at: Record<string, number> = {};
    const mark = (name: string, p: Progress, ok: boolean) => {
      if (ok && at[name] === undefined) at[name] = p.t;
    };
    await poll(
      s,
      'the upload to train',
      (p) => p.prompts === n && p.training === 'done' && p.runs > runs && p.session && p.routed,
      600_000,
      (p) => {
        mark('loaded', p, p.prompts === n && p.dataStatus === 'ready');
        mark('embedded', p, at.loaded !== undefined && p.projected === n);
        mark('trained', p, at.embedded !== undefined && p.training === 'done' && p.runs > runs && p.session && p.routed);
      },
    );
    const rec = await s.probeStop();
    const change = rec.inputs.find((i) => i.type === 'change');
    if (!change) throw new Error('no change event on the file input');
    const during = rec.longTasks.filter((t) => t.start >= change.start && t.start <= at.trained);
    const longest = during.reduce((a, b) => (b.duration > a.duration ? b : a), { start: 0, duration: 0 });
    const snap = await s.snapshot();
    const engines = `k-means ${snap.training.engines?.kmeans ?? '?'}, learned map ${snap.training.engines?.clusterMap ?? '?'}; tfjs ${snap.backend?.backend ?? '?'}`;
    // What a reload reads must be stored first: the session, the dataset and phi(x); the UMAP map is left to finish as a user would.
    await poll(s, 'the prompt map', () => true, 1000);
    await s
      .waitFor('the prompt map (UMAP)', (x) => x.map.umap.status === 'done' || x.map.umap.status === 'error', 300_000)
      .catch(() => undefined);
    const t1 = Date.now();
    let keys: string[] = [];
    while (Date.now() - t1 < 60_000) {
      keys = (await s.page.evaluate(STORED_KEYS)) as string[];
      if (keys.includes('session-v1') && keys.includes('dataset-v1') && keys.some((key) => key.startsWith('phi-v1:'))) break;
      await s.page.waitForTimeout(500);
    }
    await s.page.reload();
    const back = await poll(s, 'the reload', (p) => p.prompts === n && p.session && p.restored && p.routed && p.projected === n, 120_000);
    const reloadTasks = (await s.page.evaluate(LONG_TASKS)) as { start: number; duration: number }[];
    const reloadLongest = Math.max(0, ...reloadTasks.filter((t) => t.start <= back.t).map((t) => t.duration));
    const node = nodeOneThread(ds);
    const nodeMs = node.parseMs + node.embedMs;
    const loadS = (at.loaded - change.start) / 1000;
    const embedS = (at.embedded - at.loaded) / 1000;
    const embeddedMs = at.embedded - change.start;
    const trainS = (at.trained - at.embedded) / 1000;
    return [
      {
        figure: figures.embed,
        measured: WHERE,
        ms: embeddedMs,
        target: '< 4 s',
        pass: embeddedMs < 4000,
        comparator:
          'the same files parsed and embedded on one thread in Node by the same core code (loadDataset + datasetEmbeddings, no PCA), this run',
        comparatorMs: nodeMs,
        ratio: embeddedMs / nodeMs,
        backend: 'built-in embedder (plain TypeScript) and PCA (tfjs) in the training worker; parsing in the worker',
        explain: `From choosing the ${size} of files until every prompt is embedded and placed on the PCA map: ${(embeddedMs / 1000).toFixed(1)} s (reading and checking the files ${loadS.toFixed(1)} s, embedding and PCA ${embedS.toFixed(1)} s).`,
        note: `file input change -> every prompt embedded and on the PCA map (polled every 100 ms): parse and validate ${loadS.toFixed(1)} s, then embed + PCA ${embedS.toFixed(1)} s; training then took ${trainS.toFixed(1)} s (K = ${k}, learned map capped at ${epochs} epochs; ${engines}); ${ds.spec.prompts} prompts of 60-150 words, ${size} of CSV`,
        extra: { at, changeAt: change.start, loadS, embedS, trainS, bytes: ds.bytes, node },
      },
      {
        figure: figures.longest,
        measured: `${WHERE} (PerformanceObserver long tasks on the page)`,
        ms: longest.duration,
        target: '< 200 ms',
        pass: longest.duration < 200,
        backend: "the page's main thread (the maths runs in the training worker)",
        explain: `While the ${size} upload is read, embedded and trained, the page never stops answering for longer than ${longest.duration.toFixed(0)} ms at a time.`,
        note: `${during.length} long tasks (over 50 ms) from the change event to the trained session (${((at.trained - change.start) / 1000).toFixed(1)} s); the longest ${longest.duration.toFixed(0)} ms at ${((longest.start - change.start) / 1000).toFixed(1)} s; all: ${during.map((t) => `${t.duration.toFixed(0)}@${((t.start - change.start) / 1000).toFixed(1)}s`).join(' ')}`,
        extra: { longTasks: during, changeAt: change.start },
      },
      {
        figure: figures.reload,
        measured: `${WHERE} (page reload)`,
        ms: back.t,
        target: '< 3 s',
        pass: back.t < 3000 && back.embeddingsCached,
        comparator: 'the same dataset uploaded and trained from scratch in this run (upload -> trained session)',
        comparatorMs: at.trained - change.start,
        ratio: back.t / (at.trained - change.start),
        backend: `IndexedDB (dataset, router, phi(x), maps) read back; the session rebuilt in the training worker; ${engines}`,
        explain: `Reloading the page with the trained ${n.toLocaleString('en-US')}-prompt session: ${(back.t / 1000).toFixed(1)} s until every view has it again, without embedding anything again.`,
        note: `navigation start -> the restored session routed, with ${back.projected} prompts on the map (polled every 100 ms); embeddings read from IndexedDB: ${back.embeddingsCached}; longest main-thread task during the reload ${reloadLongest.toFixed(0)} ms; stored keys: ${keys.map((key) => key.split(':')[0]).join(', ')}`,
        extra: { reloadMs: back.t, embeddingsCached: back.embeddingsCached, reloadLongTasks: reloadTasks },
      },
    ];
  } catch (e) {
    const msg = `skipped: failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    return Object.values(figures).map((figure) => ({ figure, measured: WHERE, note: msg }));
  } finally {
    await s.close();
  }
}
