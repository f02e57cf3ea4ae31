/**
 * Node-only hooks: the 2-million-cell CSV load (target 5) measured with loadDataset on the main
 * thread (the app parses in a worker; this is the parser's own cost) and ten retrains in a row
 * (target 7: tensors and heap must stay flat).
 */
import * as tf from '@tensorflow/tfjs';
import { kmeans } from '../src/core/cluster';
import { loadDataset } from '../src/core/data';
import { trainClusterMap } from '../src/core/routing/clusterMapTrain';
import { createRng } from '../src/core/rng';
import type { HookResult } from './otherTargets';

/** Target 5: prompts.csv with text + a 20,000 x 100 correctness.csv + models.csv, parsed and validated. */
export function csvLoadHook(prompts = 20_000, models = 100, seed = 3): HookResult {
  const rng = createRng(seed);
  const names = Array.from({ length: models }, (_, h) => `model_${h}`);
  const words = ['route', 'the', 'prompt', 'to', 'a', 'cheaper', 'model', 'when', 'it', 'is', 'good', 'enough'];
  const promptRows = ['prompt_id,text,source'];
  const scoreRows = [['prompt_id', ...names].join(',')];
  for (let p = 0; p < prompts; p++) {
    const text = Array.from({ length: 20 + rng.int(40) }, () => words[rng.int(words.length)]).join(' ');
    promptRows.push(`p${p},"${text}, with ""quotes""\nand a newline",bench`);
    scoreRows.push([`p${p}`, ...names.map(() => (rng.next() < 0.6 ? '1' : '0'))].join(','));
  }
  const modelRows = ['model,cost,cost_unit', ...names.map((n, h) => `${n},${(0.1 * (h + 1)).toFixed(2)},usd`)];
  const files = [
    { name: 'bench/prompts.csv', text: promptRows.join('\n') },
    { name: 'bench/correctness.csv', text: scoreRows.join('\n') },
    { name: 'bench/models.csv', text: modelRows.join('\n') },
  ];
  const bytes = files.reduce((s, f) => s + f.text.length, 0);
  const t0 = performance.now();
  const r = loadDataset(files);
  const ms = performance.now() - t0;
  if (!r.ok) return { skipped: `loadDataset refused the synthetic files: ${r.issues[0]?.message}` };
  return {
    ms,
    details: { cells: prompts * models, megabytes: Math.round(bytes / 1e5) / 10, thread: 'Node main thread (the app parses in a worker)' },
  };
}

/** Target 7: ten k-means + learned-map retrains; numTensors and heap before/after. */
export async function tenRetrainsHook(): Promise<HookResult> {
  const rng = createRng(7);
  const [n, d, k, h] = [3000, 64, 10, 8];
  const x = { rows: n, cols: d, data: Float32Array.from({ length: n * d }, () => rng.normal()) };
  const errors = Float64Array.from({ length: n * h }, () => (rng.next() < 0.4 ? 1 : 0));
  const tensors: number[] = [];
  const heapMb: number[] = [];
  const t0 = performance.now();
  for (let r = 0; r < 10; r++) {
    const km = await kmeans(x, { k, seed: r, maxIterations: 20 });
    await trainClusterMap(
      {
        trainX: x,
        trainErrors: errors,
        valX: { rows: 500, cols: d, data: x.data.subarray(0, 500 * d) },
        valErrors: errors.subarray(0, 500 * h),
        psi: Float64Array.from({ length: h * k }, () => 0.2 + 0.6 * rng.next()),
        centroids: km.centroids,
      },
      { epochs: 3, seed: r },
    );
    tensors.push(tf.memory().numTensors);
    heapMb.push(process.memoryUsage().heapUsed / 2 ** 20);
  }
  const flat = tensors.every((t) => t === tensors[0]);
  return {
    ms: performance.now() - t0,
    details: {
      backend: tf.getBackend(),
      tensorsFirst: tensors[0],
      tensorsLast: tensors[9],
      tensorsFlat: flat,
      heapFirstMb: Math.round(heapMb[0]),
      heapLastMb: Math.round(heapMb[9]),
    },
  };
}
