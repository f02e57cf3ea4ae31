/**
 * Core-only hook for target 3 (pure TypeScript, so the Chromium bench page runs it too): routeAt +
 * routingSummary over a synthetic 10,000 x 50 problem and its exact deferral curve. The targets as
 * the app shows them (slider drag, adding an LLM, loading, scale, retrains) are in bench/app.
 */
import { deferralCurve } from '../src/core/eval';
import { createRng } from '../src/core/rng';
import { routeAt, routingSummary } from '../src/core/routing/route';

export interface HookResult {
  /** Headline number in milliseconds (p95, total, ...). */
  ms?: number;
  details?: Record<string, number | string | boolean>;
  skipped?: string;
}

function percentile(values: number[], q: number): number {
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

/** A routing problem of the target's size: gamma from a K=50-cluster-like Psi, 0/1 scores, costs. */
function routingProblem(n: number, m: number, seed: number) {
  const rng = createRng(seed);
  const k = 50;
  const psi = Float64Array.from({ length: m * k }, () => rng.next());
  const gamma = new Float64Array(n * m);
  const scores = new Float64Array(n * m);
  for (let p = 0; p < n; p++) {
    const c = rng.int(k);
    for (let h = 0; h < m; h++) {
      gamma[p * m + h] = psi[h * k + c];
      scores[p * m + h] = rng.next() < 1 - gamma[p * m + h] ? 1 : 0;
    }
  }
  const costs = Float64Array.from({ length: m }, (_, h) => 0.01 * 1.1 ** h);
  return { gamma, scores, costs };
}

/**
 * Target 3: a scripted drag of the cost penalty over `steps` positions (geometric, both ways);
 * each position re-routes every prompt and recomputes shares, cost and accuracy. p95 of the
 * per-position time; plus the best of 3 exact deferral curves of the same router.
 */
export function liveRoutingHook(n = 10_000, m = 50, steps = 120, seed = 1, warmup = 5): HookResult {
  const { gamma, scores, costs } = routingProblem(n, m, seed);
  const times: number[] = [];
  const maxPenalty = 1 / costs[m - 1];
  let checksum = 0;
  // The page has routed at its initial penalty before anyone drags: a few untimed positions let
  // the JIT optimise routeAt / routingSummary first (the cold first call is reported separately).
  const c0 = performance.now();
  routingSummary(routeAt(gamma, m, costs, 0), scores, m, costs);
  const coldMs = performance.now() - c0;
  for (let w = 1; w < warmup; w++) routingSummary(routeAt(gamma, m, costs, (w / warmup) * maxPenalty), scores, m, costs);
  for (let s = 0; s < steps; s++) {
    const u = s < steps / 2 ? s / (steps / 2) : (steps - s) / (steps / 2);
    const penalty = u === 0 ? 0 : maxPenalty * 10 ** (4 * (u - 1));
    const t0 = performance.now();
    const summary = routingSummary(routeAt(gamma, m, costs, penalty), scores, m, costs);
    times.push(performance.now() - t0);
    checksum += summary.accuracy;
  }
  let curveMs = Infinity;
  let points = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    points = deferralCurve(gamma, scores, m, costs, costs[m - 1]).length;
    curveMs = Math.min(curveMs, performance.now() - t0);
  }
  return {
    ms: percentile(times, 0.95),
    details: {
      prompts: n,
      llms: m,
      positions: steps,
      warmupPositions: warmup,
      coldMs,
      p50Ms: percentile(times, 0.5),
      maxMs: Math.max(...times),
      curveMs,
      curvePoints: points,
      checksum,
    },
  };
}
