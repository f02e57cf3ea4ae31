/**
 * The explorer's session maths at the targets' size (bench/sessionProblem.ts: 10,000 test prompts x
 * 50 test LLMs, K = 50), timed where they run in the app (the main thread) without the UI around
 * them: re-evaluating the pool when an LLM is added (every method's gamma, exact curve, front,
 * metrics and live index), the exact deferral curve of each method, and routeLive per slider move.
 * Pure TypeScript, so the Chromium bench page and Node run the same code.
 */
import { deferralCurve } from '../src/core/eval';
import { evaluatePool, routeLive, type SessionPool } from '../src/core/explorer';
import type { HookResult } from './otherTargets';
import { sessionProblem, type SessionProblem } from './sessionProblem';

let cached: SessionProblem | undefined;

function best(times: number[]): number {
  return Math.min(...times);
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

/** Best of `repeats` (after one warm-up) for each figure; details hold every run. */
export function sessionPoolHook(
  repeats = 5,
): HookResult & { curves: Record<string, number>; poolMs: number; routeFastMs: number; routeDirectMs: number } {
  cached ??= sessionProblem();
  const { base, added } = cached;
  evaluatePool(base, [added]); // warm-up (JIT)
  const poolRuns: number[] = [];
  const addRuns: number[] = [];
  let pool: SessionPool | undefined;
  for (let r = 0; r < repeats; r++) {
    poolRuns.push(timed(() => evaluatePool(base))[1]);
    const [p, ms] = timed(() => evaluatePool(base, [added]));
    addRuns.push(ms);
    pool = p;
  }
  const curves: Record<string, number> = {};
  const points: Record<string, number> = {};
  for (const [method, view] of Object.entries(pool!.methods)) {
    if (method === 'zero-router' || method === 'uniroute-kmeans') continue; // not per-prompt curves
    const runs: number[] = [];
    for (let r = 0; r < Math.min(repeats, 3); r++) {
      const [pts, ms] = timed(() => deferralCurve(view!.gamma, view!.scores, pool!.costs.length, pool!.costs, pool!.normaliser));
      runs.push(ms);
      points[method] = pts.length;
    }
    curves[method] = best(runs);
  }
  // Slider moves: the live index's replay against the direct pass over every prompt.
  const view = pool!.methods['uniroute-learnedmap']!;
  const top = view.live!.penalties[view.live!.penalties.length - 1];
  const [, fastMs] = timed(() => {
    for (let i = 0; i < 1000; i++) routeLive(pool!, 'uniroute-learnedmap', (top * i) / 1000);
  });
  const choice = new Int32Array(pool!.n);
  const [, directMs] = timed(() => {
    for (let i = 0; i < 20; i++) routeLive(pool!, 'uniroute-learnedmap', (top * i) / 20, choice);
  });
  return {
    ms: best(addRuns),
    poolMs: best(poolRuns),
    curves,
    routeFastMs: fastMs / 1000,
    routeDirectMs: directMs / 20,
    details: {
      prompts: pool!.n,
      llms: pool!.names.length,
      basePoolMs: best(poolRuns),
      ...Object.fromEntries(Object.entries(points).map(([k, v]) => [`${k}Points`, v])),
      addRuns: addRuns.map((v) => Math.round(v)).join(' '),
    },
  };
}
