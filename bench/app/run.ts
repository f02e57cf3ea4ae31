/**
 * The app-driven part of `npm run bench`: writes the seeded CSV benchmarks to bench/out/app-data,
 * builds the app into bench/out/app, and runs targets 3-9 in headless Chromium through the
 * app's UI. Each target runs in a fresh browser context (empty IndexedDB).
 */
import { join } from 'node:path';
import type { Row } from '../report';
import { writeAppDataset, writeNewcomerScores } from './data';
import { buildApp, startApp, waitBooted } from './driver';
import { retrainsTarget, scaleTarget } from './scaleTargets';
import { liveAndAddTarget, loadTarget } from './targets';
import { mapTarget } from './mapTarget';
import { uploadTarget } from './uploadTargets';

export interface AppRunOptions {
  chromium: string;
  out: string;
  quick: boolean;
  /** App targets to run (3-9); all when undefined. */
  only?: number[];
  log: (msg: string) => void;
}

/** The live-routing session: 20,000 prompts x 150 LLMs; the seeded third (50) is the test pool, and split 40-10-50 leaves 10,000 test prompts. */
export const LIVE = { prompts: 20_000, models: 150, split: { train: 0.4, val: 0.1, test: 0.5 }, query: 'k=50&split=40-10-50', seed: 0 };

export async function runAppTargets(o: AppRunOptions): Promise<{ rows: Row[]; chromiumVersion: string; renderer: string | null }> {
  const want = (t: number) => !o.only || o.only.includes(t);
  const dataDir = join(o.out, 'app-data');
  o.log('building the app (vite.config.ts) into bench/out/app');
  await buildApp();
  const app = await startApp(o.chromium);
  const rows: Row[] = [];
  let renderer: string | null = null;
  try {
    // The backend chip's renderer, as the app reports it.
    const probe = await app.open();
    renderer = (await waitBooted(probe)).backend?.renderer ?? null;
    await probe.close();
    if (want(5)) {
      o.log('target 5: load a 20,000 x 100 CSV with text');
      const ds = writeAppDataset(dataDir, { id: 'load20k', prompts: 20_000, models: 100, families: 20, seed: 11 });
      rows.push(...(await loadTarget(app, ds)));
    }
    if (want(3) || want(4)) {
      o.log('targets 3 and 4: live routing and adding an LLM at 10,000 x 50');
      const ds = writeAppDataset(dataDir, { id: 'live20k', prompts: LIVE.prompts, models: LIVE.models, families: 24, seed: 12, hidden: 1 });
      const nc = writeNewcomerScores(ds, 0, LIVE.seed, LIVE.split, true);
      const got = await liveAndAddTarget(
        app,
        ds,
        { path: nc.path, rows: nc.rows, name: ds.hiddenNames[0], cost: ds.hiddenCosts[0] },
        LIVE.query,
        o.quick ? 5 : 10,
        60,
        want(3) ? (o.quick ? 2 : 3) : 1,
        o.quick ? 5 : 10,
      );
      rows.push(...got.filter((r) => (r.figure.startsWith('Add') ? want(4) : want(3))));
    }
    if (want(6)) {
      o.log('target 6: EmbedLLM scale, 36,000 x 112, K = 50');
      const ds = writeAppDataset(dataDir, { id: 'embedllm36k', prompts: 36_000, models: 112, families: 60, seed: 13 });
      rows.push(...(await scaleTarget(app, ds, 50, o.quick ? 10 : 20)));
    }
    if (want(8)) {
      o.log('target 8: a 50 MB, 40,000-prompt upload, trained, then reloaded');
      const ds = writeAppDataset(dataDir, {
        id: 'upload40k',
        prompts: 40_000,
        models: 100,
        families: 60,
        seed: 14,
        words: { min: 60, span: 90 },
      });
      rows.push(...(await uploadTarget(app, ds, 50, o.quick ? 10 : 20)));
    }
    if (want(9)) {
      o.log('target 9: the prompt map at 36,000 prompts');
      const ds = writeAppDataset(dataDir, { id: 'map36k', prompts: 36_000, models: 20, families: 60, seed: 14 });
      rows.push(...(await mapTarget(app, ds)));
    }
    if (want(7)) {
      o.log('target 7: ten retrains in a row');
      rows.push(...(await retrainsTarget(app, 10)));
    }
  } finally {
    await app.close();
  }
  for (const r of rows)
    o.log(
      `  ${r.figure}: ${r.ms === undefined ? r.note : `${r.ms.toFixed(1)} ms, ${r.pass === undefined ? 'info' : r.pass ? 'pass' : 'FAIL'}`}`,
    );
  return { rows, chromiumVersion: app.chromiumVersion, renderer };
}
