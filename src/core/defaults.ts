/**
 * The pipeline's defaults, in one place: `routelab train` and `routelab eval`, the explorer's Train
 * view, its URL state and the README all read them from here (the README's table is checked
 * against this object by a test). Where UNIROUTE.md fixes a value it is the paper's; the others are
 * our choices, explained in the README's "Method and our choices". Type-only imports: the UI
 * bundle reads this without pulling in tfjs.
 */
import type { UniRouteMethod } from './routerFile/schema';
import type { QncDenominator } from './eval';

export interface PipelineDefaults {
  /** How `routelab train` and the explorer route: UniRoute with the learned cluster map, or K-means. */
  method: UniRouteMethod;
  /** Number of clusters K. */
  k: number;
  /** Seed of the prompt split, the LLM split, k-means++ and the learned map's batches. */
  seed: number;
  /** Neighbours of the K-NN baseline. */
  knnK: number;
  /** K and k tried by `auto` (capped by the data). */
  kGrid: readonly number[];
  knnKGrid: readonly number[];
  /** Shrinkage pseudo-count a of Psi for sparse clusters. */
  pseudoCount: number;
  /** Cap on Lloyd iterations of k-means. */
  maxIterations: number;
  /** Cap on learned-map epochs (early stopping usually ends sooner). */
  epochs: number;
  /** Prompt split S_tr / S_val / S_te. */
  fractions: Readonly<{ train: number; val: number; test: number }>;
  /** Share of the LLMs in the unseen test pool H_te when none is named (at least one). */
  testModelFraction: number;
  /** Cost penalty lambda written into a trained router. */
  costPenalty: number;
  qncDenominator: QncDenominator;
  /** Seeded trials of `routelab eval`. */
  trials: number;
}

export const DEFAULTS: Readonly<PipelineDefaults> = Object.freeze({
  method: 'learnedmap',
  k: 10,
  seed: 0,
  knnK: 10,
  kGrid: Object.freeze([5, 10, 25, 50, 100, 200]),
  knnKGrid: Object.freeze([1, 3, 5, 10, 25, 50, 100]),
  pseudoCount: 1,
  maxIterations: 100,
  epochs: 100,
  fractions: Object.freeze({ train: 0.6, val: 0.1, test: 0.3 }),
  testModelFraction: 1 / 3,
  costPenalty: 0,
  qncDenominator: 'max-test-cost',
  trials: 1,
});

/** `options` without its undefined fields, so that spreading it over defaults keeps a default for an option given as undefined. */
export function definedOnly<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as T;
}
