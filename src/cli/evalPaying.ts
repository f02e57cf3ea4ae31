/** `routelab eval --cost-penalty X`: "is routing paying?" for each UniRoute router at that operating point (first trial). */
import { bootstrapSync, METHOD_LABELS, summariseBootstrap, type MethodName, type ReachInterval } from '../core/eval';
import type { EvalReport } from '../core/eval/pipeline';
import { routingPays, type RoutingPays } from '../core/insight/paying';
import type { Dataset } from '../core/types';
import { fixed4, percent } from './textTable';

export interface PayingReport {
  costPenalty: number;
  /** The trial judged (its seed): the operating point belongs to one trained router. */
  seed: number;
  methods: Partial<Record<MethodName, RoutingPays>>;
}

const ROUTERS: readonly MethodName[] = ['uniroute-kmeans', 'uniroute-learnedmap'];

/**
 * Judges the first trial's routers at `costPenalty` (report.evidence must be kept). The saving's
 * interval is that trial's bootstrap: eval's own when it ran one trial, else one run here.
 */
export function payingOf(report: EvalReport, dataset: Dataset, costPenalty: number, resamples: number | undefined): PayingReport {
  const e = report.evidence?.[0];
  if (!e) throw new Error('eval kept no evidence to judge the routing on');
  let intervals: Partial<Record<MethodName, ReachInterval>> = {};
  if (resamples !== undefined) {
    const summary = report.trials === 1 ? null : summariseBootstrap([bootstrapSync(e, { resamples, seed: report.seed })]);
    for (const m of ROUTERS) {
      const ci = summary ? summary.methods[m]?.saving.ci : report.methods[m]?.saving?.ci;
      if (ci) intervals = { ...intervals, [m]: ci };
    }
  }
  const methods: PayingReport['methods'] = {};
  for (const m of ROUTERS.filter((r) => e.sweeps[r])) {
    methods[m] = routingPays(e, m, costPenalty, {
      tasks: e.testRows.map((r) => dataset.prompts[r].task),
      clusters: e.testClusters,
      savingInterval: intervals[m] ?? null,
    });
  }
  return { costPenalty, seed: report.seed, methods };
}

/** The readable block printed after the metrics table. */
export function formatPaying(p: PayingReport): string[] {
  const lines: string[] = [];
  for (const [m, r] of Object.entries(p.methods) as [MethodName, RoutingPays][]) {
    const gain = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
    lines.push('', `Is routing paying? ${METHOD_LABELS[m]} at lambda = ${p.costPenalty} (trial seed ${p.seed}):`);
    lines.push(`  router: cost ${fixed4(r.router.cost)} (normalised), accuracy ${fixed4(r.router.accuracy)}`);
    const b = r.bestSingleWithinCost;
    lines.push(
      b
        ? `  best single LLM at no more cost: ${b.name} (cost ${fixed4(b.cost)}, accuracy ${fixed4(b.accuracy)}): router ${gain(b.accuracyGain)}`
        : '  best single LLM at no more cost: none (every LLM costs more)',
    );
    if (r.zeroRouterAtCost)
      lines.push(
        `  ZeroRouter (static mix) at that cost: ${fixed4(r.zeroRouterAtCost.accuracy)}: router ${gain(r.zeroRouterAtCost.accuracyGain)}`,
      );
    if (r.oracleAtCost)
      lines.push(`  oracle at that cost: ${fixed4(r.oracleAtCost.accuracy)}: router ${gain(-r.oracleAtCost.gapToOracle)}`);
    lines.push(`  ${r.saving.sentence}`);
    lines.push(
      `  most used: ${r.collapse.model} (${percent(r.collapse.share)})${r.collapse.warning ? ` - warning: routing has collapsed (over ${percent(r.collapse.threshold, 0)} of prompts to one LLM). ${r.collapse.advice ?? ''}` : ''}`,
    );
  }
  return lines;
}
