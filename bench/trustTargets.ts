/**
 * Issue 9's speed figures, core only (pure TypeScript, so the Chromium bench page runs the same
 * code as Node): the paired bootstrap (B = 200) at 10,000 test prompts x 50 LLMs on the session
 * problem's sweeps (every method, as the app holds them), and the onboarding simulator on the demo.
 */
import {
  asBlocks,
  bootstrapSync,
  buildSweep,
  summariseBootstrap,
  type BootstrapEvidence,
  type DeferralSweep,
  type MethodName,
} from '../src/core/eval';
import { generateDemoDataset } from '../src/core/demo';
import { datasetEmbeddings } from '../src/core/eval/pipeline';
import { simulateOnboarding, type OnboardingReport } from '../src/core/insight/onboard';
import type { HookResult } from './otherTargets';
import { sessionProblem } from './sessionProblem';

let evidence: BootstrapEvidence | undefined;

/** The session problem's S_te with each method's exact sweep (K-means in cluster groups, as the explorer builds it). */
function sessionEvidence(): BootstrapEvidence {
  if (evidence) return evidence;
  const { base } = sessionProblem();
  const n = base.testRows.length;
  const m = base.testModels.length;
  const costs = base.testModels.map((h) => base.modelCosts[h]);
  const normaliser = Math.max(...costs);
  const sweeps: Partial<Record<MethodName, DeferralSweep>> = {};
  for (const name of ['oracle', 'knn', 'uniroute-kmeans', 'uniroute-learnedmap'] as const) {
    const groups = name === 'uniroute-kmeans' ? { of: base.testClusters, count: base.k } : undefined;
    sweeps[name] = buildSweep(asBlocks(base.gammas[name]!, m), asBlocks(base.testScores, m), n, costs, normaliser, groups);
  }
  evidence = {
    names: base.testModels.map((h) => base.modelNames[h]),
    costs,
    normaliser,
    qncDenominator: 'max-test-cost',
    n,
    scores: asBlocks(base.testScores, m),
    zeroRouterValAccuracy: base.valAccuracy,
    sweeps,
  };
  return evidence;
}

/** Best of `repeats` runs (after one warm-up) of bootstrapSync + summariseBootstrap, B = 200, every method. */
export function bootstrapHook(repeats = 3): HookResult {
  const e = sessionEvidence();
  const runs: number[] = [];
  let switches = 0;
  for (const s of Object.values(e.sweeps)) switches += s!.from.length;
  summariseBootstrap([bootstrapSync(e, { resamples: 20 })]);
  let verdicts = '';
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const summary = summariseBootstrap([bootstrapSync(e, { resamples: 200, seed: r })]);
    runs.push(performance.now() - t0);
    verdicts = summary.comparisons.map((c) => `${c.a} vs ${c.b}: ${c.verdict}`).join('; ');
  }
  return {
    ms: Math.min(...runs),
    details: {
      prompts: e.n,
      llms: e.names.length,
      methods: Object.keys(e.sweeps).length + 1,
      switches,
      resamples: 200,
      runs: runs.map((v) => Math.round(v)).join(' '),
      verdicts,
    },
  };
}

/** Best of `repeats` runs of the onboarding simulator on the demo (embedding, training without the LLM, 21 re-scorings). */
export async function onboardingHook(repeats = 2): Promise<HookResult> {
  const dataset = generateDemoDataset();
  const runs: number[] = [];
  let last: OnboardingReport | null = null;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const { embeddings } = datasetEmbeddings(dataset);
    last = await simulateOnboarding(dataset, embeddings, { model: dataset.models[dataset.models.length - 1].name, repeats: 5 });
    runs.push(performance.now() - t0);
  }
  return {
    ms: Math.min(...runs),
    details: {
      llms: dataset.models.length,
      prompts: dataset.prompts.length,
      model: last?.model ?? '',
      budgets: last?.byLabels.map((b) => `${b.labels}: gap ${b.areaGap.meanAbs.toFixed(4)}`).join(', ') ?? '',
      runs: runs.map((v) => Math.round(v)).join(' '),
    },
  };
}
