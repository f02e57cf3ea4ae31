/**
 * Long computations written as generators that yield after each unit of work (a bootstrap
 * resample, an onboarding repeat): run to the end at once in Node and tests (`drainSteps`), or in
 * a worker with progress and cancellation (`driveSteps`), which yields a macrotask now and then so
 * a Cancel message can flip shouldStop while the steps run.
 */

/** Progress and cancellation hooks of a stepped computation. */
export interface StepHooks {
  /** Called after every step with the steps done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Polled between steps; true stops the computation, which then returns what it has. */
  shouldStop?: () => boolean;
}

/** A computation that yields [done, total] after each step and returns its result (given `stopped` when cancelled). */
export type Steps<T> = Generator<[number, number], T, boolean>;

const YIELD_EVERY_MS = 50;
// Typed by hand: core is also type-checked without DOM or Node types (the routelab/router package).
const host = globalThis as unknown as { performance?: { now(): number }; setTimeout(callback: () => void, ms: number): unknown };
const now = (): number => host.performance?.now() ?? Date.now();
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => host.setTimeout(resolve, 0));

/** Runs every step synchronously (progress still reported, shouldStop still polled). */
export function drainSteps<T>(steps: Steps<T>, hooks: StepHooks = {}): T {
  let r = steps.next(false);
  while (!r.done) {
    hooks.onProgress?.(r.value[0], r.value[1]);
    r = steps.next(hooks.shouldStop?.() ?? false);
  }
  return r.value;
}

/** Runs the steps, yielding to the event loop every ~50 ms so progress shows and Cancel is heard. */
export async function driveSteps<T>(steps: Steps<T>, hooks: StepHooks = {}): Promise<T> {
  let last = now();
  let r = steps.next(false);
  while (!r.done) {
    hooks.onProgress?.(r.value[0], r.value[1]);
    if (now() - last >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      last = now();
    }
    r = steps.next(hooks.shouldStop?.() ?? false);
  }
  return r.value;
}
