/**
 * The two ratio targets of `npm run bench`, measured side by side: k-means against scikit-learn
 * (its default 'lloyd' and its 'elkan', one Python process per round) and one learned-map epoch
 * against numpy, in rounds that run the comparator and ours back to back, so a change in the
 * machine's load hits both. Figures are medians over the rounds; a ratio is the median of the
 * rounds' ratios (ours / theirs in the same round).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KMeansEngineChoice, LloydEngineKind, TfBackendHint } from '../src/core/cluster';
import type { BenchPage } from './browser';
import { readF32 } from './data';
import { ONE_THREAD, runPython, type PythonResult } from './external';
import type { KMeansEntry, LearnedMapEntry } from './manifest';
import type { KMeansProblem, LearnedMapBenchProblem } from './problems';
import type { Row } from './report';
import type { TaskResult } from './tasks';

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export interface RatioContext {
  page: BenchPage;
  root: string;
  dataDir: string;
  rounds: number;
  tfBackend: TfBackendHint;
  /** Cores the page sees (its shard workers: one per core). */
  cores: number;
  log: (msg: string) => void;
  /** Why Python is not run (--no-python), or undefined. */
  noPython?: string;
}

type Plain = Omit<TaskResult, 'output'> & { output?: number[] };

/** What ran, in words: the engine kind and its threads. */
export function engineLabel(kind: string | undefined, cores: number): string {
  if (kind === undefined) return '?';
  if (kind.endsWith('-sharded'))
    return `${kind} (${cores} threads, one per core: the calling thread holds one block, ${cores - 1} pooled worker${cores > 2 ? 's' : ''} the rest)`;
  return `${kind} (1 thread)`;
}

function threadsOf(py: PythonResult | undefined): string {
  const pools = (py?.threadpools as Array<{ lib?: string; threads?: number }> | null | undefined) ?? [];
  return pools.length ? pools.map((p) => `${p.lib} ${p.threads} threads`).join(', ') : 'threads unknown';
}

/** The sentence under the table for a k-means row. */
function explainKMeans(p: KMeansProblem, kind: KMeansEngineChoice, alg: 'lloyd' | 'elkan', oneThread: boolean): string {
  const what = `Time to group these ${p.n.toLocaleString('en-US')} prompt vectors into ${p.k} clusters (${p.iterations} rounds of k-means from the same start)`;
  if (oneThread)
    return `${what} with one processor core on each side: the app's kernel with Elkan's bounds against scikit-learn's default; a busy machine distorts this comparison least. Below 1.0x the app is faster.`;
  if (kind !== 'auto')
    return `${what} on one engine chosen by hand (${kind}), against scikit-learn's default: how much the bounds and the second core each bring.`;
  return alg === 'lloyd'
    ? `${what} in the browser, as the app does it (its shard workers started beforehand, as the app's training worker starts them when it opens), against scikit-learn's default (lloyd) on the same data and machine (its thread pool warmed up by an untimed fit). Below 1.0x the app is faster.`
    : `${what} in the browser, as the app does it, against scikit-learn's own triangle-inequality variant (elkan), which skips distances as the app's kernel does.`;
}

const ENGINES: Array<KMeansEngineChoice> = ['auto', 'wasm-simd-elkan-sharded', 'wasm-simd-elkan', 'wasm-simd-sharded', 'wasm-simd'];

/**
 * Rounds of scikit-learn (lloyd and elkan) and our engines on one problem; rows for 'auto'
 * against both and, with `perEngine`, one per engine kind. `target` makes the lloyd row a target.
 */
export async function kmeansComparison(
  ctx: RatioContext,
  p: KMeansProblem,
  entry: KMeansEntry,
  perEngine: boolean,
  target: boolean,
): Promise<Row[]> {
  const engines: KMeansEngineChoice[] = perEngine ? ENGINES : ['auto', 'wasm-simd-elkan'];
  const request = (kind: KMeansEngineChoice) => ({ kind, tfBackend: ctx.tfBackend });
  await ctx.page.call('kmeansRun', p.id, request('auto')); // compile, start the worker script once
  const ours = new Map<KMeansEngineChoice, Plain[]>(engines.map((e) => [e, []]));
  const sk: PythonResult[] = [];
  const sk1: PythonResult[] = [];
  const python = (algorithms: string[], env?: Record<string, string>): PythonResult =>
    ctx.noPython
      ? { skipped: ctx.noPython }
      : runPython(
          join(ctx.root, 'bench/ref/kmeans_sklearn.py'),
          ctx.dataDir,
          `${p.id}.sklearn.json`,
          { ...entry, repeats: 1, algorithms, out: `${p.id}.sklearn-centroids.f32` },
          ['numpy', 'sklearn'],
          env,
        );
  for (let r = 0; r < ctx.rounds; r++) {
    const py = python(['lloyd', 'elkan']);
    sk.push(py);
    sk1.push(python(['lloyd'], ONE_THREAD));
    for (const e of engines) ours.get(e)!.push(await ctx.page.call('kmeansRun', p.id, request(e)));
    const auto = ours.get('auto')!.at(-1)!;
    const lloyd = py.byAlgorithm as Record<string, { timesMs: number[] }> | undefined;
    ctx.log(
      `  ${p.id} round ${r + 1}: ours ${auto.bestMs.toFixed(0)} ms (${auto.engine}); scikit-learn lloyd ${lloyd?.lloyd?.timesMs[0]?.toFixed(0) ?? py.skipped}, elkan ${lloyd?.elkan?.timesMs[0]?.toFixed(0) ?? '-'}`,
    );
  }
  const autoKind = ours.get('auto')![0].engine as LloydEngineKind;
  const theirCentroids = join(ctx.dataDir, `${p.id}.sklearn-centroids.f32`);
  const centroidDiff = (run: Plain): number | undefined => {
    if (!run.output || !existsSync(theirCentroids)) return undefined;
    const b = readF32(theirCentroids);
    return run.output.reduce((worst, v, j) => Math.max(worst, Math.abs(v - b[j])), 0);
  };
  const share = await ctx.page.call('kmeansShare', p.id, autoKind);
  const times = (alg: string, runs = sk): number[] =>
    runs.map((py) => (py.byAlgorithm as Record<string, { timesMs: number[] }> | undefined)?.[alg]?.timesMs[0] ?? NaN);
  const skIterations = (sk[0]?.byAlgorithm as Record<string, { iterations: number }> | undefined)?.lloyd?.iterations;
  const rows: Row[] = [];
  const shape = `K-means N=${p.n} D=${p.d} K=${p.k}, ${p.iterations} it.`;
  const version = sk.find((py) => py.sklearn)?.sklearn ?? '?';
  const compare = (kind: KMeansEngineChoice, alg: 'lloyd' | 'elkan', isTarget: boolean, oneThread = false): Row => {
    const runs = ours.get(kind)!;
    const theirs = times(alg, oneThread ? sk1 : sk);
    const ratios = runs.map((run, i) => run.bestMs / theirs[i]).filter(Number.isFinite);
    const ran = runs[0].engine;
    const row: Row = {
      figure: `${shape}: ${p.about ?? p.id}`,
      measured: kind === 'auto' ? `Chromium, engine picked by 'auto' as in the app` : `Chromium, engine forced`,
      ms: median(runs.map((run) => run.bestMs)),
      backend: engineLabel(ran, ctx.cores),
      comparator: oneThread
        ? `scikit-learn ${version} KMeans(algorithm='lloyd') on 1 thread (OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=1)`
        : `scikit-learn ${version} KMeans(algorithm='${alg}'${alg === 'lloyd' ? ', its default' : ''}), ${threadsOf(sk[0])}`,
      comparatorMs: median(theirs),
      ratio: ratios.length ? median(ratios) : undefined,
      target: isTarget ? '< 1.0x scikit-learn (lloyd)' : undefined,
      extra: { runsMs: runs.map((run) => run.bestMs), comparatorRunsMs: theirs, ratios, iterations: runs[0].iterations, skIterations },
      explain: explainKMeans(p, kind, alg, oneThread),
    };
    if (isTarget && row.ratio !== undefined) row.pass = row.ratio < 1;
    const notes = [
      `median of ${runs.length} rounds, each scikit-learn then ours back to back (ratio: median of the rounds' ratios)`,
      `ours ${runs.map((run) => run.bestMs.toFixed(0)).join(', ')} ms; scikit-learn ${theirs.map((t) => t.toFixed(0)).join(', ')} ms`,
      runs[0].iterations !== skIterations ? `iterations: ours ${runs[0].iterations}, scikit-learn ${skIterations}` : undefined,
      kind === 'auto'
        ? `distances computed: ${(100 * share.share).toFixed(0)}% of N x K over the run (per step ${share.perStep.map((s) => Math.round(100 * s)).join(' ')}%)`
        : undefined,
      `max |centroid - scikit-learn lloyd's| ${centroidDiff(runs[0])?.toExponential(1) ?? '?'}; inertia ${runs[0].inertia?.toExponential(6)} vs ${Number((sk[0]?.byAlgorithm as Record<string, { inertia: number }> | undefined)?.lloyd?.inertia).toExponential(6)}`,
      runs[0].note,
      sk[0]?.skipped ? `comparator skipped: ${sk[0].skipped}` : undefined,
    ].filter(Boolean);
    row.note = notes.join('; ');
    return row;
  };
  rows.push(compare('auto', 'lloyd', target));
  rows.push(compare('auto', 'elkan', false));
  // One thread each: the figure a busy machine distorts least (a multi-threaded comparator loses
  // more to other work's time slices than a single thread does).
  rows.push(compare('wasm-simd-elkan', 'lloyd', false, true));
  if (perEngine) for (const e of engines.slice(1)) rows.push(compare(e, 'lloyd', false));
  return rows;
}

/** Rounds of one numpy epoch and one epoch of ours (Chromium; the kernel built once per round). */
export async function learnedMapComparison(ctx: RatioContext, lm: LearnedMapBenchProblem, entry: LearnedMapEntry): Promise<Row[]> {
  const ours: number[] = [];
  const ours1: number[] = [];
  const theirs: number[] = [];
  const theirs1: number[] = [];
  let last: Plain | undefined;
  let last1: Plain | undefined;
  let py: PythonResult | undefined;
  const numpy = (env?: Record<string, string>): PythonResult =>
    ctx.noPython
      ? { skipped: ctx.noPython }
      : runPython(
          join(ctx.root, 'bench/ref/learnedmap_numpy.py'),
          ctx.dataDir,
          `${lm.id}.numpy.json`,
          { ...entry, repeats: 1, out: `${lm.id}.numpy-theta.f32` },
          ['numpy'],
          env,
        );
  for (let r = 0; r < ctx.rounds; r++) {
    py = numpy();
    theirs.push(py.bestMs ?? NaN);
    theirs1.push(numpy(ONE_THREAD).bestMs ?? NaN);
    // The second epoch of each: warm code, the same start. As in the app (a peer on a second core), and on one thread.
    last = await ctx.page.call('learnedMapKernel', lm.id, 2, 2);
    ours.push(last.runsMs[1]);
    last1 = await ctx.page.call('learnedMapKernel', lm.id, 2, 1);
    ours1.push(last1.runsMs[1]);
    ctx.log(
      `  learned map round ${r + 1}: ours ${last.runsMs[1].toFixed(1)} ms (one thread ${last1.runsMs[1].toFixed(1)}), numpy ${py.bestMs?.toFixed(1) ?? py.skipped}`,
    );
  }
  const ratios = ours.map((o, i) => o / theirs[i]).filter(Number.isFinite);
  const ratio = ratios.length ? median(ratios) : undefined;
  const ratios1 = ours1.map((o, i) => o / theirs1[i]).filter(Number.isFinite);
  const figure = `Learned map: 1 epoch, N=${lm.n} x H=${lm.h}, D=${lm.d}, K=${lm.k}, batch ${lm.batchSize}`;
  return [
    {
      figure,
      measured: 'Chromium, the learned-map kernel (src/core/kernels/learnedMapKernel.ts), as the app runs it',
      ms: median(ours),
      backend: last?.engine ?? '?',
      comparator: `numpy ${py?.numpy ?? '?'} epoch (bench/ref/learnedmap_numpy.py), ${threadsOf(py)}`,
      comparatorMs: median(theirs),
      ratio,
      target: '<= 1.5x numpy',
      pass: ratio === undefined ? undefined : ratio <= 1.5,
      explain:
        "Time for one pass over 20,000 training prompts when the app learns UniRoute's cluster map (softmax, loss, gradient and Adam steps in mini-batches of 512; a second core computes half of each mini-batch, with the same result), against the same computation in numpy on the same machine; the target is at most 1.5x numpy.",
      note: [
        `median of ${ours.length} rounds, numpy then ours back to back (ratio: median of the rounds' ratios)`,
        `ours ${ours.map((t) => t.toFixed(1)).join(', ')} ms; numpy ${theirs.map((t) => t.toFixed(1)).join(', ')} ms`,
        `mean batch loss ${last?.loss?.toFixed(6)} vs numpy ${Number(py?.meanBatchLoss).toFixed(6)}`,
        py?.skipped ? `comparator skipped: ${py.skipped}` : undefined,
      ]
        .filter(Boolean)
        .join('; '),
      extra: { runsMs: ours, comparatorRunsMs: theirs, ratios },
    },
    {
      figure,
      measured: 'Chromium, the learned-map kernel on one thread (no peer), the same rounds',
      ms: median(ours1),
      backend: last1?.engine ?? '?',
      comparator: `numpy ${py?.numpy ?? '?'} epoch on 1 thread (OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=1)`,
      comparatorMs: median(theirs1),
      ratio: ratios1.length ? median(ratios1) : undefined,
      note: `one thread each, the same rounds; ours ${ours1.map((t) => t.toFixed(1)).join(', ')} ms; numpy ${theirs1.map((t) => t.toFixed(1)).join(', ')} ms`,
      explain: 'The same epochs with both sides held to one processor core: the comparison a busy machine distorts least.',
      extra: { runsMs: ours1, comparatorRunsMs: theirs1, ratios: ratios1 },
    },
  ];
}
