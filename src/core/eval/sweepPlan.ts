/** How extending a sweep by one LLM treats each path (made by sweepExtend.ts, followed by sweepBuild.ts). */

/**
 * What extending a sweep by LLM x does to each path (prompt or group), and from where: sweep
 * positions before keepBefore[t] that are path t's switches stay; the path is then walked whole
 * (walk[t] = WALK), resumed from LLM resumeFrom[t] (walk[t] = RESUME), or left alone (KEEP).
 */
export interface ExtensionPlan {
  walk: Uint8Array;
  keepBefore: Int32Array;
  resumeFrom: Int32Array;
  /** The breakpoint and settled value of the switch into resumeFrom[t] (0 at the lambda = 0 choice). */
  resumeLambda: Float64Array;
  resumeSettled: Float64Array;
}

export const KEEP = 0;
export const WALK = 1;
export const RESUME = 2;
