/**
 * Seeded splits (shared UNIROUTE.md "Setting"): prompts into S_tr / S_val / S_te (default
 * 60/10/30) and LLMs into a training pool H_tr and a test pool H_te of unseen LLMs (default 2/3,
 * 1/3, at least one test LLM). Every index list is sorted ascending, so column order (the last
 * routing tie-break) keeps its meaning inside a pool.
 */
import { shuffled, type Rng } from '../rng';
import { DEFAULTS } from '../defaults';

export { applySplitFile, type SplitFile, type SplitIndices } from './splitFile';

/** Indices into dataset.prompts. */
export interface PromptSplit {
  train: number[];
  val: number[];
  test: number[];
}

/** The setup of one trial: the prompt split, the LLM split (dataset column indices) and the seed. */
export interface TrialSetup {
  split: PromptSplit;
  trainModels: number[];
  testModels: number[];
  seed: number;
}

export interface SplitFractions {
  train: number;
  val: number;
  test: number;
}

export const DEFAULT_SPLIT_FRACTIONS: SplitFractions = { ...DEFAULTS.fractions };

const ascending = (a: number, b: number): number => a - b;

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be an integer >= 0, got ${n}`);
}

/**
 * Sizes of the prompt split of n prompts: nVal = round(n * val), nTest = round(n * test), nTrain =
 * the rest. Fractions must be >= 0 and sum to 1; when rounding asks for more than n prompts (tiny
 * n), test is served first, then val, and train gets what is left.
 */
export function splitSizes(n: number, fractions: SplitFractions = DEFAULT_SPLIT_FRACTIONS): { train: number; val: number; test: number } {
  checkCount(n, 'number of prompts');
  const { train, val, test } = fractions;
  for (const [name, f] of Object.entries({ train, val, test })) {
    if (!Number.isFinite(f) || f < 0 || f > 1) throw new RangeError(`${name} fraction must be in [0, 1], got ${f}`);
  }
  const sum = train + val + test;
  if (Math.abs(sum - 1) > 1e-9) {
    throw new RangeError(`split fractions must sum to 1, got ${train} + ${val} + ${test} = ${Number(sum.toPrecision(12))}`);
  }
  const nTest = Math.min(n, Math.round(n * test));
  const nVal = Math.min(n - nTest, Math.round(n * val));
  return { train: n - nVal - nTest, val: nVal, test: nTest };
}

/** Seeded shuffle of 0..n-1 cut into train / val / test of the sizes splitSizes gives. */
export function splitPrompts(n: number, rng: Rng, fractions: SplitFractions = DEFAULT_SPLIT_FRACTIONS): PromptSplit {
  const { train: nTrain, val: nVal } = splitSizes(n, fractions);
  const order = shuffled(range(n), rng);
  return {
    train: order.slice(0, nTrain).sort(ascending),
    val: order.slice(nTrain, nTrain + nVal).sort(ascending),
    test: order.slice(nTrain + nVal).sort(ascending),
  };
}

/**
 * Seeded split of m LLMs into the training pool and the unseen test pool:
 * nTest = max(1, round(m * testFraction)), at most m (m = 1: the one LLM is the test pool and
 * there is no training LLM).
 */
export function splitModels(
  m: number,
  rng: Rng,
  testFraction = DEFAULTS.testModelFraction,
): { trainModels: number[]; testModels: number[] } {
  checkCount(m, 'number of models');
  if (m === 0) throw new RangeError('cannot split 0 models: at least one test LLM is needed');
  if (!Number.isFinite(testFraction) || testFraction < 0 || testFraction > 1) {
    throw new RangeError(`test model fraction must be in [0, 1], got ${testFraction}`);
  }
  const nTest = Math.min(m, Math.max(1, Math.round(m * testFraction)));
  const order = shuffled(range(m), rng);
  return {
    trainModels: order.slice(nTest).sort(ascending),
    testModels: order.slice(0, nTest).sort(ascending),
  };
}
