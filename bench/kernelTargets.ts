/**
 * The kernel rows of `npm run bench`: the two ratio targets (k-means against scikit-learn,
 * a learned-map epoch against numpy; bench/ratioRows.ts), the k-means problems they run on, and
 * the information rows around them (k-means per tfjs backend, the learned map in tfjs ops, Node).
 */
import { join } from 'node:path';
import type { BenchPage } from './browser';
import { sharedPromptTexts, writeProblems } from './data';
import { runPython, type PythonResult } from './external';
import { demoPromptTexts, embeddedProblem, kmeansProblem, learnedMapProblem, type KMeansProblem } from './problems';
import { engineLabel, kmeansComparison, learnedMapComparison, median, type RatioContext } from './ratioRows';
import type { Row } from './report';
import { kmeansRunTask, learnedMapKernelTask, type TaskResult } from './tasks';

/** A timed task as the driver logs it (failures become `skipped`). */
export type Timed = Partial<Omit<TaskResult, 'output'>> & { output?: ArrayLike<number>; skipped?: string };

export interface KernelContext {
  root: string;
  dataDir: string;
  seed: number;
  quick: boolean;
  /** Only the two targets (no per-backend information rows). */
  kernelsOnly: boolean;
  noPython?: string;
  log: (msg: string) => void;
  attempt: (what: string, f: () => Promise<Timed> | Timed) => Promise<Timed>;
}

const REAL = '../shared/data';

/** The k-means problems: synthetic prompts at the target sizes, the hardest synthetic case, real prompts. */
export function kmeansProblems(c: KernelContext): {
  targets: KMeansProblem[];
  hard: KMeansProblem;
  real: KMeansProblem[];
  skippedReal?: string;
} {
  const about = (n: number) =>
    `${n.toLocaleString('en-US')} synthetic prompts (the demo generator's templated text over 11 task families) embedded by the built-in embedder`;
  c.log('embedding synthetic prompts (20,000 and 36,000)');
  const targets = [
    embeddedProblem('prompts20k', about(20_000), demoPromptTexts(20_000, c.seed), 32, 20, c.seed),
    embeddedProblem('prompts36k', about(36_000), demoPromptTexts(36_000, c.seed + 1), 50, 20, c.seed + 1),
  ];
  const hard = kmeansProblem('blobs20k', 20_000, 256, 32, 20, c.seed + 2);
  const real: KMeansProblem[] = [];
  const dc = sharedPromptTexts(join(c.root, REAL), ['routerdc_7b']);
  const all = sharedPromptTexts(join(c.root, REAL), ['routerdc_7b', 'llmrouter_nim9', 'routerbench_subset']);
  if (dc)
    real.push(
      embeddedProblem(
        'routerdc',
        `the ${dc.length.toLocaleString('en-US')} real prompts of routerdc_7b, built-in embedder`,
        dc,
        32,
        20,
        c.seed + 3,
      ),
    );
  if (all)
    real.push(
      embeddedProblem(
        'real3',
        `all ${all.length.toLocaleString('en-US')} real prompts of routerdc_7b, llmrouter_nim9 and routerbench_subset, built-in embedder`,
        all,
        50,
        20,
        c.seed + 4,
      ),
    );
  return { targets, hard, real, skippedReal: dc && all ? undefined : `${REAL} not found: real-prompt rows skipped` };
}

/** Every kernel row; `page` undefined: Chromium is unavailable (Node rows only). */
export async function kernelRows(
  c: KernelContext,
  page: BenchPage | undefined,
  env: { cores: number; tfBackend: { name: string; softwareRenderer: boolean } },
): Promise<Row[]> {
  const { targets, hard, real, skippedReal } = kmeansProblems(c);
  const lm = learnedMapProblem('learnedmap20k', hard, 50, c.seed + 5);
  const manifest = writeProblems(c.dataDir, [...targets, hard, ...real], [lm]);
  const entry = (id: string) => manifest.kmeans.find((e) => e.id === id)!;
  const rows: Row[] = [];
  if (skippedReal) rows.push({ figure: 'K-means on real prompt embeddings', measured: 'Chromium', note: `skipped: ${skippedReal}` });
  if (page === undefined) {
    rows.push({
      figure: 'Kernel ratio targets',
      measured: 'headless Chromium',
      note: 'skipped: no Chromium: the targets are measured in the browser',
    });
    return rows;
  }
  const ctx: RatioContext = {
    page,
    root: c.root,
    dataDir: c.dataDir,
    rounds: c.quick ? 3 : 5,
    tfBackend: env.tfBackend,
    cores: env.cores,
    log: c.log,
    noPython: c.noPython,
  };
  for (const p of targets) {
    c.log(`k-means ${p.id}: scikit-learn and every engine, ${ctx.rounds} rounds`);
    rows.push(...(await kmeansComparison(ctx, p, entry(p.id), true, true)));
  }
  for (const p of [...real, hard]) {
    c.log(`k-means ${p.id}: scikit-learn and 'auto', ${ctx.rounds} rounds`);
    rows.push(...(await kmeansComparison(ctx, p, entry(p.id), false, false)));
  }
  c.log(`learned map: numpy and the kernel, ${ctx.rounds} rounds`);
  rows.push(...(await learnedMapComparison(ctx, lm, manifest.learnedMap[0])));
  if (!c.kernelsOnly) rows.push(...(await tfjsRows(c, page, hard, entry('blobs20k'))));
  // Node: the CLI's kernels on one thread (the CLI itself shards over worker threads).
  const nodeKm = await c.attempt('Node wasm-simd-elkan on prompts20k', async () => {
    const runs: TaskResult[] = [];
    for (let r = 0; r < ctx.rounds; r++) runs.push(await kmeansRunTask(targets[0], 'wasm-simd-elkan', {}));
    return { ...runs[0], runsMs: runs.map((x) => x.bestMs), bestMs: median(runs.map((x) => x.bestMs)) };
  });
  const target = rows.find((r) => r.figure.startsWith(`K-means N=${targets[0].n} `) && r.comparator?.includes("'lloyd'"));
  rows.push({
    figure: target?.figure ?? 'K-means (Node)',
    measured: 'Node, engine forced (median of the runs)',
    ms: nodeKm.bestMs,
    backend: engineLabel(nodeKm.engine, 1),
    comparator: target?.comparator,
    comparatorMs: target?.comparatorMs,
    ratio: nodeKm.bestMs !== undefined && target?.comparatorMs ? nodeKm.bestMs / target.comparatorMs : undefined,
    note: `Node ${process.version}; runs ${nodeKm.runsMs?.map((v) => v.toFixed(0)).join(', ')} ms; comparator: the scikit-learn median of the rounds above`,
    explain:
      "The same clustering in Node on one thread, as the command line's kernel runs it (the CLI itself adds one worker thread per core).",
  });
  const nodeLm = await c.attempt('Node learned-map kernel epoch', () => learnedMapKernelTask(lm, c.quick ? 3 : 5));
  const lmTarget = rows.find((r) => r.figure.startsWith('Learned map: 1 epoch'));
  rows.push({
    figure: lmTarget?.figure ?? 'Learned map (Node)',
    measured: 'Node, the learned-map kernel (median of the epochs but the first)',
    ms: nodeLm.runsMs ? median(nodeLm.runsMs.slice(1)) : undefined,
    backend: 'wasm-simd (1 thread)',
    comparator: lmTarget?.comparator,
    comparatorMs: lmTarget?.comparatorMs,
    ratio: nodeLm.runsMs && lmTarget?.comparatorMs ? median(nodeLm.runsMs.slice(1)) / lmTarget.comparatorMs : undefined,
    note: `Node ${process.version}; comparator: the numpy median of the rounds above`,
    explain:
      "The same learned-map epoch in Node on one thread (the command line's trainer adds a worker thread for half of each mini-batch where there is a second core).",
  });
  return rows;
}

/** k-means on the tfjs engine per backend and the plain TS engine (information; slow, not interleaved). */
async function tfjsRows(
  c: KernelContext,
  page: BenchPage,
  p: KMeansProblem,
  entry: ReturnType<typeof writeProblems>['kmeans'][number],
): Promise<Row[]> {
  const py: PythonResult = c.noPython
    ? { skipped: c.noPython }
    : runPython(join(c.root, 'bench/ref/kmeans_sklearn.py'), c.dataDir, `${p.id}.sklearn-once.json`, { ...entry, repeats: 1 }, [
        'numpy',
        'sklearn',
      ]);
  const rows: Row[] = [];
  const figure = `K-means N=${p.n} D=${p.d} K=${p.k}, ${p.iterations} it. (per backend): ${p.about}`;
  const add = (measured: string, t: Timed) =>
    rows.push({
      figure,
      measured,
      ms: t.bestMs,
      backend: t.engine,
      comparator: 'scikit-learn KMeans (lloyd), one fit in this run',
      comparatorMs: py.bestMs,
      ratio: t.bestMs !== undefined && py.bestMs !== undefined ? t.bestMs / py.bestMs : undefined,
      note: t.skipped ? `skipped: ${t.skipped}` : undefined,
      explain: 'The k-means steps on tfjs (and in plain TypeScript) instead of the SIMD kernel: why the app does not use them here.',
    });
  add('Chromium, plain TS engine', await c.attempt('Chromium ts engine', () => page.call('kmeansEngine', p.id, { kind: 'ts' }, 1)));
  for (const backend of c.quick ? (['wasm'] as const) : (['wasm', 'webgl', 'cpu'] as const)) {
    const t = await c.attempt(`Chromium kmeans on tfjs ${backend}`, async () => {
      await page.call('backend', backend);
      return page.call('kmeansTfjs', p.id, 1);
    });
    add(`Chromium, kmeans() on the tfjs engine, tfjs backend ${backend}`, t);
  }
  return rows;
}
