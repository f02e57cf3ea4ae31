/**
 * The state of the bounded Lloyd kernel (../elkan.ts): sizes and array addresses, set once by
 * `setup` after instantiation (layout: ../elkan.ts and ../../elkanKernel.ts), and the counters of
 * the last pass. Read-only elsewhere.
 */

export let n = 0;
export let dp = 0;
export let kp = 0;
export let k = 0;
/** Steps in the history ring: a power of two. */
export let h = 0;
export let X: usize = 0;
export let XN: usize = 0;
export let XR: usize = 0;
export let ASSIGN: usize = 0;
export let U: usize = 0;
export let LMIN: usize = 0;
export let TLAST: usize = 0;
export let L: usize = 0;
export let CT: usize = 0;
export let CN: usize = 0;
export let C: usize = 0;
export let HIST: usize = 0;
export let DELTA: usize = 0;
export let DMAX: usize = 0;
export let DARG: usize = 0;
export let CC: usize = 0;
export let SUMS32: usize = 0;
export let SUMS64: usize = 0;
export let COUNTS: usize = 0;
export let SCRATCH: usize = 0;
export let CAND: usize = 0;
export let GV: usize = 0;
export let PACK: usize = 0;
/** Distances computed and points that changed cluster in the current pass. */
export let computed: f64 = 0;
export let changes: i32 = 0;

function address(arrays: usize, index: i32): usize {
  return <usize>load<u32>(arrays + ((<usize>index) << 2));
}

/** Sizes (n, dp, kp, k, h as i32) and the addresses of every array, in the order above. */
export function setup(sizes: usize, arrays: usize): void {
  n = load<i32>(sizes);
  dp = load<i32>(sizes, 4);
  kp = load<i32>(sizes, 8);
  k = load<i32>(sizes, 12);
  h = load<i32>(sizes, 16);
  X = address(arrays, 0);
  XN = address(arrays, 1);
  XR = address(arrays, 2);
  ASSIGN = address(arrays, 3);
  U = address(arrays, 4);
  LMIN = address(arrays, 5);
  TLAST = address(arrays, 6);
  L = address(arrays, 7);
  CT = address(arrays, 8);
  CN = address(arrays, 9);
  C = address(arrays, 10);
  HIST = address(arrays, 11);
  DELTA = address(arrays, 12);
  DMAX = address(arrays, 13);
  DARG = address(arrays, 14);
  CC = address(arrays, 15);
  SUMS32 = address(arrays, 16);
  SUMS64 = address(arrays, 17);
  COUNTS = address(arrays, 18);
  SCRATCH = address(arrays, 19);
  CAND = address(arrays, 20);
  GV = address(arrays, 21);
  PACK = address(arrays, 22);
}

/** Starts a pass's counters. */
export function resetCounters(): void {
  computed = 0;
  changes = 0;
}

export function countComputed(distances: f64): void {
  computed += distances;
}

export function countChange(): void {
  changes++;
}
