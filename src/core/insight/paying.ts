/**
 * "Is routing paying?" at an operating point lambda: the router's (cost, accuracy) on S_te against
 * the best single LLM that costs no more, the cost-matched static mix (ZeroRouter at the same
 * cost), and the oracle at that cost; the share of the best LLM's cost the router saves at its
 * accuracy (exact curves); routing collapse; and where the prompts go, per task and per cluster.
 * Plain TypeScript on typed arrays: the main thread, the worker and the CLI call the same code.
 */
import {
  accuracyAt,
  choiceAt,
  curveMetrics,
  mostAccurateModel,
  paretoFront,
  poolMetricOptions,
  pointAt,
  sweepCurve,
  zeroRouterCurve,
  type BootstrapEvidence,
  type ColumnBlocks,
  type MethodName,
  type ReachInterval,
} from '../eval';

/** Above this share of the prompts on one LLM, routing has collapsed to (nearly) a single model. */
export const COLLAPSE_THRESHOLD = 0.9;

export interface PayingOptions {
  /** Task of every test prompt (S_te order); undefined or empty: "(no task)". */
  tasks?: readonly (string | undefined)[] | null;
  /** Cluster (nearest centroid) of every test prompt. */
  clusters?: ArrayLike<number> | null;
  /** The saving's bootstrap interval (BootstrapSummary.methods[method].saving.ci), when one was run. */
  savingInterval?: ReachInterval | null;
}

/**
 * Why routing collapsed onto one LLM: it is the pool's cheapest and most accurate (nothing can beat
 * it), the cheapest (lambda prices every gain out), the most accurate (lambda too low to trade any
 * accuracy for cost), or neither (its predicted error plus lambda x cost is lowest almost everywhere).
 */
export type CollapseReason = 'cheapest-and-most-accurate' | 'cheapest' | 'most-accurate' | 'other';

function collapseAdvice(reason: CollapseReason, model: string): string {
  switch (reason) {
    case 'cheapest-and-most-accurate':
      return `${model} is both the cheapest and the most accurate LLM of this test pool, so no other LLM is worth paying for on average; routing can gain only on the prompts where another LLM is right and it is not (lower λ to look). Or put other LLMs in the test pool (Train view) to see routing trade cost for accuracy.`;
    case 'cheapest':
      return `${model} is the cheapest LLM of the pool: at this λ the cost penalty outweighs every predicted gain in accuracy. Lower λ (Home sets λ = 0) to buy accuracy.`;
    case 'most-accurate':
      return `${model} is the most accurate LLM of the pool: at this λ no saving is worth a predicted error. Raise λ to send easier prompts to cheaper LLMs.`;
    case 'other':
      return `${model} has the lowest predicted error plus λ x cost on almost every prompt; move λ to see other LLMs take prompts.`;
  }
}

/** Prompts routed to each LLM (columns) per group (rows): a stacked bar per group. */
export interface RoutedCounts<G> {
  groups: G[];
  counts: number[][];
}

export interface RoutingPays {
  method: MethodName;
  costPenalty: number;
  /** The router at lambda: normalised and raw mean cost, accuracy on S_te. */
  router: { cost: number; costRaw: number; accuracy: number };
  /** The most accurate single LLM whose cost is at most the router's mean cost; null when every LLM costs more. */
  bestSingleWithinCost: { name: string; cost: number; accuracy: number; accuracyGain: number } | null;
  /** ZeroRouter (random mix of hull LLMs chosen on S_val) read at the router's cost; null without it. */
  zeroRouterAtCost: { accuracy: number; accuracyGain: number } | null;
  /** The oracle's curve at the router's cost: the most any router could reach there. */
  oracleAtCost: { accuracy: number; gapToOracle: number } | null;
  /** 1 - (cost at which the router's curve first reaches the most accurate LLM's accuracy) / (that LLM's cost). */
  saving: {
    model: string;
    modelCost: number;
    modelAccuracy: number;
    reachCost: number | null;
    value: number | null;
    interval: ReachInterval | null;
    sentence: string;
  };
  shares: { name: string; count: number; share: number }[];
  collapse: {
    model: string;
    share: number;
    warning: boolean;
    threshold: number;
    /** Why it collapsed and what to try, when it did (null otherwise). */
    reason: CollapseReason | null;
    advice: string | null;
  };
  byTask: RoutedCounts<string> | null;
  byCluster: RoutedCounts<number> | null;
}

/** Each LLM's mean score over the n prompts, read block by block (a call per cell would dominate a slider step). */
function meanScores(scores: ColumnBlocks, n: number, m: number): number[] {
  const sums = new Float64Array(m);
  const { base, m0, columns } = scores;
  for (let p = 0; p < n; p++) {
    const row = p * m0;
    for (let h = 0; h < m0; h++) sums[h] += base[row + h];
  }
  for (let j = 0; j < columns.length; j++) for (let p = 0; p < n; p++) sums[m0 + j] += columns[j][p];
  return Array.from(sums, (s) => s / n);
}

/** A share as a percentage; a value that rounds to zero prints as 0.0%, never -0.0%. */
const pct = (x: number) => `${(100 * x).toFixed(1).replace(/^-(0\.0+)$/, '$1')}%`;

function counted<G>(keys: ArrayLike<G>, choice: Int32Array, m: number, order: (a: G, b: G) => number): RoutedCounts<G> {
  const rows = new Map<G, number[]>();
  for (let p = 0; p < choice.length; p++) {
    let row = rows.get(keys[p]);
    if (!row) rows.set(keys[p], (row = new Array<number>(m).fill(0)));
    row[choice[p]]++;
  }
  const groups = [...rows.keys()].sort(order);
  return { groups, counts: groups.map((g) => rows.get(g)!) };
}

/** What routingPays reads that does not depend on lambda: per-LLM accuracy, the static and oracle fronts, the saving. */
interface PayingBasis {
  costs: number[];
  accuracy: ReturnType<typeof meanScores>;
  zero: ReturnType<typeof paretoFront> | null;
  oracle: ReturnType<typeof paretoFront> | null;
  best: number;
  reach: number | null;
}

// Computed once per evidence and method: a slider move then costs one choiceAt and the counts.
const bases = new WeakMap<BootstrapEvidence, Map<MethodName, PayingBasis>>();

function basisOf(e: BootstrapEvidence, method: MethodName, sweep: NonNullable<BootstrapEvidence['sweeps'][MethodName]>): PayingBasis {
  let byMethod = bases.get(e);
  if (!byMethod) bases.set(e, (byMethod = new Map()));
  const known = byMethod.get(method);
  if (known) return known;
  const m = e.names.length;
  const costs = Array.from(e.costs);
  const accuracy = meanScores(e.scores, e.n, m);
  const zero = e.zeroRouterValAccuracy ? paretoFront(zeroRouterCurve([...e.zeroRouterValAccuracy], accuracy, costs, e.normaliser)) : null;
  const oracle = e.sweeps.oracle ? sweepCurve(e.sweeps.oracle).front : null;
  // The saving, from the exact curve: QNC at the most accurate LLM's accuracy, on the max-cost axis.
  const best = mostAccurateModel(accuracy, costs);
  const front = sweepCurve(sweep).front;
  const reach = curveMetrics(front, poolMetricOptions(accuracy, costs, e.normaliser, 'max-test-cost')).qnc;
  const basis = { costs, accuracy, zero, oracle, best, reach };
  byMethod.set(method, basis);
  return basis;
}

/** Is `method` paying at `costPenalty` on the evidence's S_te (its sweep must be in evidence.sweeps)? */
export function routingPays(e: BootstrapEvidence, method: MethodName, costPenalty: number, options: PayingOptions = {}): RoutingPays {
  const sweep = e.sweeps[method];
  if (!sweep) throw new Error(`no ${method} sweep in this evaluation`);
  if (!(e.n > 0)) throw new Error('no test prompts to judge the routing on');
  const m = e.names.length;
  const { costs, accuracy, zero, oracle, best, reach } = basisOf(e, method, sweep);
  const point = pointAt(sweep, costPenalty);
  const router = { cost: sweep.cost[point], costRaw: sweep.cost[point] * e.normaliser, accuracy: sweep.accuracy[point] };

  // "No more cost": a hair of slack for the router's mean cost, a sum of many floats.
  let within = -1;
  for (let h = 0; h < m; h++) {
    if (costs[h] / e.normaliser > router.cost + 1e-12) continue;
    if (within < 0 || accuracy[h] > accuracy[within] || (accuracy[h] === accuracy[within] && costs[h] < costs[within])) within = h;
  }
  const bestCost = costs[best] / e.normaliser;
  const value = reach === null || !(bestCost > 0) ? null : 1 - reach / bestCost;
  const interval = options.savingInterval ?? null;
  const range = interval
    ? ` (95% interval ${interval[0] === null ? 'not reached' : pct(interval[0])} to ${interval[1] === null ? 'not reached' : pct(interval[1])})`
    : '';
  const sentence =
    value === null
      ? `does not reach the accuracy of ${e.names[best]} (${accuracy[best].toFixed(4)})`
      : value >= 0
        ? `saves ${pct(value)} of cost at the accuracy of ${e.names[best]}${range}`
        : `costs ${pct(-value)} more than ${e.names[best]} to reach its accuracy${range}`;

  const choice = choiceAt(sweep, costPenalty);
  const count = new Array<number>(m).fill(0);
  for (const h of choice) count[h]++;
  const shares = e.names.map((name, h) => ({ name, count: count[h], share: count[h] / e.n }));
  const topIndex = shares.reduce((a, b, h) => (b.share > shares[a].share ? h : a), 0);
  const top = shares[topIndex];
  const warning = top.share > COLLAPSE_THRESHOLD;
  const isCheapest = costs[topIndex] === Math.min(...costs);
  const isMostAccurate = accuracy[topIndex] >= accuracy[best];
  const reason: CollapseReason | null = !warning
    ? null
    : isCheapest && isMostAccurate
      ? 'cheapest-and-most-accurate'
      : isCheapest
        ? 'cheapest'
        : isMostAccurate
          ? 'most-accurate'
          : 'other';
  const tasks = options.tasks ? options.tasks.map((t) => (t ? t : '(no task)')) : null;
  if (tasks && tasks.length !== e.n) throw new RangeError(`${tasks.length} tasks for ${e.n} test prompts`);
  if (options.clusters && options.clusters.length !== e.n)
    throw new RangeError(`${options.clusters.length} clusters for ${e.n} test prompts`);
  return {
    method,
    costPenalty,
    router,
    bestSingleWithinCost:
      within < 0
        ? null
        : {
            name: e.names[within],
            cost: costs[within] / e.normaliser,
            accuracy: accuracy[within],
            accuracyGain: router.accuracy - accuracy[within],
          },
    zeroRouterAtCost: zero
      ? { accuracy: accuracyAt(zero, router.cost), accuracyGain: router.accuracy - accuracyAt(zero, router.cost) }
      : null,
    oracleAtCost: oracle
      ? { accuracy: accuracyAt(oracle, router.cost), gapToOracle: accuracyAt(oracle, router.cost) - router.accuracy }
      : null,
    saving: { model: e.names[best], modelCost: bestCost, modelAccuracy: accuracy[best], reachCost: reach, value, interval, sentence },
    shares,
    collapse: {
      model: top.name,
      share: top.share,
      warning,
      threshold: COLLAPSE_THRESHOLD,
      reason,
      advice: reason ? collapseAdvice(reason, top.name) : null,
    },
    byTask: tasks ? counted(tasks, choice, m, (a, b) => a.localeCompare(b)) : null,
    byCluster: options.clusters ? counted(Array.from(options.clusters), choice, m, (a, b) => a - b) : null,
  };
}
