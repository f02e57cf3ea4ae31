/** `routelab train`: trains a UniRoute router on a dataset and writes the portable router file. */
import { METHOD_LABELS, isMethodName } from '../core/eval/methods';
import type { Router, RouterMethod } from '../core/routerFile';
import { TRAIN_INPUT_ERROR, trainRouter } from '../core/routerFile/train';
import { initTf } from '../core/tf';
import { formatIssue } from '../core/types';
import { intFlag, intOrAuto, numberFlag, parseFlags, requireString } from './args';
import { inputError, UsageError } from './errors';
import { loadDataDir } from './load';
import { writeRouterFile } from './routeCommand';
import type { Io } from './io';

export const TRAIN_USAGE = `routelab train --data DIR [--embeddings FILE] [--method kmeans|learnedmap] [--k N|auto]
               [--knn-k N|auto] [--seed N] [--cost-penalty X] [--pool test|all] --out router.json`;

const METHODS: readonly RouterMethod[] = ['kmeans', 'learnedmap'];
const POOLS = ['test', 'all'] as const;

export async function trainCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(
    argv,
    {
      data: { type: 'string' },
      embeddings: { type: 'string' },
      method: { type: 'string' },
      k: { type: 'string' },
      'knn-k': { type: 'string' },
      seed: { type: 'string' },
      'cost-penalty': { type: 'string' },
      pool: { type: 'string' },
      out: { type: 'string' },
    },
    'train',
  );
  const dataDir = requireString(flags, 'data', 'train');
  const out = requireString(flags, 'out', 'train');
  const method = (flags.method ?? 'kmeans') as RouterMethod;
  if (!METHODS.includes(method))
    throw new UsageError(`routelab train: --method must be kmeans or learnedmap, got "${String(flags.method)}"`);
  const k = intOrAuto(flags.k, 'k', 10);
  const knnK = intOrAuto(flags['knn-k'], 'knn-k', 10);
  const seed = intFlag(flags.seed, 'seed', 0);
  const costPenalty = numberFlag(flags['cost-penalty'], 'cost-penalty', 0, 0);
  const pool = (flags.pool ?? 'test') as (typeof POOLS)[number];
  if (!POOLS.includes(pool)) throw new UsageError(`routelab train: --pool must be test or all, got "${String(flags.pool)}"`);

  const dataset = loadDataDir(dataDir, flags.embeddings as string | undefined, (issue) => io.progress(`warning: ${formatIssue(issue)}`));
  const backend = await initTf({ prefer: ['wasm', 'cpu'] });
  io.progress(`loaded ${dataset.prompts.length} prompts x ${dataset.models.length} LLMs; tfjs backend ${backend.backend}`);
  let router: Router;
  try {
    router = await trainRouter(dataset, {
      method,
      k,
      knnK,
      seed,
      costPenalty,
      pool,
      // k-means reports every iteration with a fraction: the stage line is enough there.
      onProgress: (stage, message, fraction) => {
        if (fraction === undefined) io.progress(`${stage}: ${message}`);
        else if (stage !== 'kmeans') io.progress(`${stage}: ${message} ${Math.round(100 * fraction)}%`);
      },
    });
  } catch (err) {
    if (err instanceof Error && err.name === TRAIN_INPUT_ERROR) throw inputError(dataDir, err.message);
    throw err;
  }
  const bytes = writeRouterFile(out, router);
  io.out(formatSummary(router, out, bytes));
  return 0;
}

const num = (x: number) => x.toFixed(4);
const pct = (x: number | null) => (x === null ? 'not reached' : `${(100 * x).toFixed(1)}%`);

/** What was written: method, K, LLMs, validation prompts, split and the metrics at training. */
export function formatSummary(router: Router, out: string, chars: number): string {
  const p = router.provenance;
  const label = router.method === 'learnedmap' ? METHOD_LABELS['uniroute-learnedmap'] : METHOD_LABELS['uniroute-kmeans'];
  const lines = [
    `wrote ${out} (${(chars / 2 ** 20).toFixed(2)} MB): ${label}, K = ${router.centroids.rows}, ${router.models.length} LLMs, ` +
      `${router.validationPrompts.length} validation prompts, embedder ${router.embedder.kind} (${router.embedder.dim}-d)`,
    `${p.dataset} (data hash ${p.dataHash}), seed ${p.seed}: ${p.split.train} train / ${p.split.val} val / ${p.split.test} test prompts; ` +
      `${p.split.trainModels.length} training LLMs, ${p.split.testModels.length} unseen test LLMs (${p.split.testModels.join(', ')})`,
    `routing pool: ${router.pool.length === router.models.length ? `all ${router.pool.length} LLMs` : `the ${router.pool.length} unseen test LLMs`}` +
      ` at cost penalty ${router.costPenalty}${router.costUnit ? ` (cost in ${router.costUnit})` : ''}; \`route --all-models\` routes among all ${router.models.length}`,
    '',
    'metrics at training (test prompts, test pool):',
  ];
  const rows = Object.entries(p.metricsAtTraining).map(([name, m]) => [
    isMethodName(name) ? METHOD_LABELS[name] : name,
    num(m.area),
    num(m.area50),
    pct(m.qnc),
    num(m.aiq),
    num(m.peakAccuracy),
  ]);
  const header = ['method', 'Area', 'Area(50%)', 'QNC', 'AIQ', 'peak acc'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  lines.push(fmt(header), ...rows.map(fmt));
  return lines.join('\n');
}
