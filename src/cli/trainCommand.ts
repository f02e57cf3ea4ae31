/** `routelab train`: trains a UniRoute router on a dataset and writes the portable router file. */
import { METHOD_LABELS, isMethodName } from '../core/eval';
import { UNIROUTE_METHODS, type Router } from '../core/routerFile';
import { DEFAULTS } from '../core/defaults';
import type { SplitFractions } from '../core/eval';
import { TRAIN_INPUT_ERROR, fitRouter } from '../core/routerFile/train';
import { nodeShardHost } from './lloydShards';
import { initTf } from '../core/tf';
import { formatIssue } from '../core/types';
import { choiceFlag, intFlag, intOrAuto, numberFlag, parseFlags, requireString } from './args';
import { inputError, UsageError } from './errors';
import { loadDataDir } from './load';
import { writeRouterFile } from './routeCommand';
import type { Io } from './io';
import { percentOrNotReached } from './textTable';

export const TRAIN_USAGE = `routelab train --data DIR [--embeddings FILE] [--method learnedmap|kmeans] [--k N|auto]
               [--seed N] [--test-models A,B,...] [--fractions TRAIN,VAL,TEST] [--epochs N]
               [--max-iterations N] [--knn-k N|auto] [--cost-penalty X] [--pool test|all]
               --out router.json`;

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
      'test-models': { type: 'string' },
      fractions: { type: 'string' },
      epochs: { type: 'string' },
      'max-iterations': { type: 'string' },
      'cost-penalty': { type: 'string' },
      pool: { type: 'string' },
      out: { type: 'string' },
    },
    'train',
  );
  const dataDir = requireString(flags, 'data', 'train');
  const out = requireString(flags, 'out', 'train');
  const method = choiceFlag(flags.method, 'method', UNIROUTE_METHODS, DEFAULTS.method);
  const k = intOrAuto(flags.k, 'k', DEFAULTS.k);
  const knnK = intOrAuto(flags['knn-k'], 'knn-k', DEFAULTS.knnK);
  const seed = intFlag(flags.seed, 'seed', DEFAULTS.seed);
  const costPenalty = numberFlag(flags['cost-penalty'], 'cost-penalty', DEFAULTS.costPenalty, 0);
  const epochs = intFlag(flags.epochs, 'epochs', DEFAULTS.epochs, 0);
  const maxIterations = intFlag(flags['max-iterations'], 'max-iterations', DEFAULTS.maxIterations, 1);
  const testModels = listFlag(flags['test-models']);
  const fractions = fractionsFlag(flags.fractions);
  const pool = choiceFlag(flags.pool, 'pool', POOLS, 'test');

  const dataset = loadDataDir(dataDir, flags.embeddings as string | undefined, (issue) => io.progress(`warning: ${formatIssue(issue)}`));
  const backend = await initTf({ prefer: ['wasm', 'cpu'] });
  io.progress(`loaded ${dataset.prompts.length} prompts x ${dataset.models.length} LLMs; tfjs backend ${backend.backend}`);
  let router: Router;
  try {
    // The explorer's training worker makes this same call with its Train view's settings.
    const trained = await fitRouter(
      dataset,
      {
        method,
        k,
        knnK,
        seed,
        costPenalty,
        testModels,
        fractions,
        epochs,
        maxIterations,
        pool,
        // k-means reports every iteration with a fraction: the stage line is enough there.
        onProgress: (stage, message, fraction) => {
          if (fraction === undefined) io.progress(`${stage}: ${message}`);
          else if (stage !== 'kmeans') io.progress(`${stage}: ${message} ${Math.round(100 * fraction)}%`);
        },
      },
      // k-means shards over the machine's cores, as in `routelab eval`.
      { tfBackend: { name: backend.backend, softwareRenderer: backend.softwareRenderer }, ...nodeShardHost() },
    );
    for (const note of trained.trial.notes) io.progress(`note: ${note}`);
    router = trained.router;
  } catch (err) {
    if (err instanceof Error && err.name === TRAIN_INPUT_ERROR) throw inputError(dataDir, err.message);
    throw err;
  }
  const bytes = writeRouterFile(out, router);
  io.out(formatSummary(router, out, bytes));
  return 0;
}

/** `--test-models a,b,c`: names, trimmed, none empty. */
function listFlag(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const names = String(value)
    .split(',')
    .map((s) => s.trim());
  if (names.some((n) => n === '')) throw new UsageError(`--test-models must be LLM names separated by commas, got "${String(value)}"`);
  return names;
}

/** `--fractions 0.6,0.1,0.3`: train, validation and test shares of the prompts, each in [0, 1], summing to 1. */
function fractionsFlag(value: unknown): SplitFractions | undefined {
  if (value === undefined) return undefined;
  const parts = String(value).split(',');
  const xs = parts.map((s) => (/^\s*\d*\.?\d+\s*$/.test(s) ? Number(s) : NaN));
  if (xs.length !== 3 || xs.some((x) => !(x >= 0 && x <= 1)) || Math.abs(xs[0] + xs[1] + xs[2] - 1) > 1e-9)
    throw new UsageError(
      `--fractions must be three numbers in [0, 1] summing to 1 (train,val,test, e.g. 0.6,0.1,0.3), got "${String(value)}"`,
    );
  return { train: xs[0], val: xs[1], test: xs[2] };
}

const num = (x: number) => x.toFixed(4);

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
    percentOrNotReached(m.qnc),
    num(m.aiq),
    num(m.peakAccuracy),
  ]);
  const header = ['method', 'Area', 'Area(50%)', 'QNC', 'AIQ', 'peak acc'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  lines.push(fmt(header), ...rows.map(fmt));
  return lines.join('\n');
}
