/** `routelab onboard`: the onboarding simulator (leave one LLM out, add it back from n validation labels). */
import { KMEANS_ENGINES } from '../core/cluster';
import { UNIROUTE_METHODS } from '../core/routerFile';
import { DEFAULTS } from '../core/defaults';
import { datasetEmbeddings } from '../core/eval/pipeline';
import { DEFAULT_LABELS, DEFAULT_REPEATS, simulateOnboarding, type LabelBudget, type OnboardingReport } from '../core/insight/onboard';
import { initTf } from '../core/tf';
import { formatIssue } from '../core/types';
import { choiceFlag, intFlag, intOrAuto, numberFlag, parseFlags, requireString } from './args';
import { inputError, UsageError } from './errors';
import { loadDataDir, loadSplitFile } from './load';
import { fixed4, percent, textTable } from './textTable';
import type { Io } from './io';

export const ONBOARD_USAGE = `routelab onboard --data DIR --model NAME [--labels 5,10,20,50,all] [--repeats R] [--seed N]
                 [--k N|auto] [--method learnedmap|kmeans] [--cost-penalty X] [--embeddings FILE] [--split FILE]
                 [--kmeans-engine auto|wasm-simd-elkan|wasm-simd|tfjs|ts] [--json]`;

/** --labels: a comma list of integers >= 1 and `all`. */
export function parseLabels(value: unknown): LabelBudget[] {
  if (value === undefined) return [...DEFAULT_LABELS];
  const parts = String(value)
    .split(',')
    .map((s) => s.trim());
  return parts.map((p) => {
    if (p === 'all') return 'all';
    if (!/^\d+$/.test(p) || Number(p) < 1)
      throw new UsageError(`--labels takes integers >= 1 and "all", separated by commas (e.g. 5,10,20,50,all); got "${p}"`);
    return Number(p);
  });
}

export async function onboardCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(
    argv,
    {
      data: { type: 'string' },
      model: { type: 'string' },
      labels: { type: 'string' },
      repeats: { type: 'string' },
      seed: { type: 'string' },
      k: { type: 'string' },
      method: { type: 'string' },
      'cost-penalty': { type: 'string' },
      embeddings: { type: 'string' },
      split: { type: 'string' },
      'kmeans-engine': { type: 'string' },
      json: { type: 'boolean' },
    },
    'onboard',
  );
  const dataDir = requireString(flags, 'data', 'onboard');
  const model = requireString(flags, 'model', 'onboard');
  const labels = parseLabels(flags.labels);
  const repeats = intFlag(flags.repeats, 'repeats', DEFAULT_REPEATS, 1);
  const seed = intFlag(flags.seed, 'seed', DEFAULTS.seed);
  const k = intOrAuto(flags.k, 'k', DEFAULTS.k);
  const costPenalty = numberFlag(flags['cost-penalty'], 'cost-penalty', 0, 0);
  const method = choiceFlag(flags.method, 'method', UNIROUTE_METHODS, DEFAULTS.method);
  const engine = choiceFlag(flags['kmeans-engine'], 'kmeans-engine', KMEANS_ENGINES, 'auto');

  const warn = (issue: Parameters<typeof formatIssue>[0]) => io.progress(`warning: ${formatIssue(issue)}`);
  const dataset = loadDataDir(dataDir, flags.embeddings as string | undefined, warn);
  if (!dataset.models.some((h) => h.name === model))
    throw inputError(dataDir, `no LLM named "${model}" (LLMs: ${dataset.models.map((h) => h.name).join(', ')})`);
  if (method === 'learnedmap' && dataset.models.length < 2)
    throw inputError(dataDir, 'the learned map trains on the other LLMs, and this dataset has only one');
  const split = flags.split ? loadSplitFile(flags.split as string, dataset, warn) : undefined;
  const backend = await initTf({ prefer: ['wasm', 'cpu'] });
  io.progress(`loaded ${dataset.prompts.length} prompts x ${dataset.models.length} LLMs; tfjs backend ${backend.backend}`);
  const { embeddings } = datasetEmbeddings(dataset);
  const report = await simulateOnboarding(dataset, embeddings, {
    model,
    labels,
    repeats,
    seed,
    k,
    method,
    costPenalty,
    split,
    kmeansEngine: engine,
    tfBackend: { name: backend.backend, softwareRenderer: backend.softwareRenderer },
    onStage: (stage, message) => {
      if (stage !== 'kmeans') io.progress(`${stage}: ${message}`);
    },
  });
  if (!report) throw new Error('the onboarding simulation stopped before it finished');
  io.out(flags.json ? JSON.stringify(report) : formatOnboarding(report));
  return 0;
}

const interval = (i: [number, number], f: (x: number) => string) => `[${f(i[0])}, ${f(i[1])}]`;

/** The readable report: the Area gap by label budget, the LLM's routing share, its per-cluster error. */
export function formatOnboarding(r: OnboardingReport): string {
  const c = r.counts;
  const lines = [
    `onboarding ${r.model}: trained without it (${c.trainModels} training LLMs, K = ${r.k}, ${r.method}, seed ${r.seed}), ` +
      `added back from n of its ${c.valScored} scored validation prompts; pool of ${r.pool.length} LLMs routed on ${c.test} test prompts`,
    `Area with all ${c.valScored} labels ${fixed4(r.full.area)}; without ${r.model} ${fixed4(r.without.area)}; ` +
      `its share at lambda = ${r.costPenalty}: ${percent(r.full.share)}`,
    '',
  ];
  const rows = r.byLabels.map((b) => [
    String(b.labels),
    String(b.n),
    String(b.repeats),
    `${fixed4(b.area.mean)} ${interval(b.area.interval, fixed4)}`,
    `${fixed4(b.areaGap.mean)} ${interval(b.areaGap.interval, fixed4)}`,
    fixed4(b.areaGap.meanAbs),
    `${percent(b.share.mean)} ${interval(b.share.interval, (x) => percent(x))}`,
  ]);
  lines.push(...textTable(['labels', 'n', 'repeats', 'Area (95% over repeats)', 'Area gap', 'mean |gap|', 'share'], rows));
  lines.push(
    '',
    r.within.labels === null
      ? `no budget comes within ${r.within.tolerance} Area of all labels on average`
      : `labels needed to come within ${r.within.tolerance} Area of all labels (mean |gap|): ${r.within.labels}`,
    '',
    `per-cluster error of ${r.model} (Psi): all labels with a 95% Wilson interval of the raw rate, then each budget's mean [95% over repeats]`,
  );
  const clusters = r.full.psi.map((psi, k) => [
    String(k),
    String(r.full.counts[k]),
    `${fixed4(psi)} ${interval(r.full.interval[k], (x) => x.toFixed(2))}`,
    ...r.byLabels.map((b) => `${b.psi.mean[k].toFixed(3)} [${b.psi.lo[k].toFixed(2)}, ${b.psi.hi[k].toFixed(2)}]`),
  ]);
  lines.push(...textTable(['cluster', 'labels', 'all labels', ...r.byLabels.map((b) => `n = ${b.labels}`)], clusters));
  return lines.join('\n');
}
