/**
 * The exact path of one prompt's routing choice as the cost penalty lambda grows from 0 to
 * +infinity: the lower-left convex hull of its points (c(h), gamma(x, h)), walked from the
 * lambda = 0 choice to the cheapest LLM. Shared by every deferral sweep (sweep.ts) and
 * zeroRouterCurve so all follow routeAt's rule exactly. The walker writes switches into typed
 * columns (no callback, no allocation per prompt), so a sweep costs little more than reading gamma.
 */

// Views of one float64 to step to the adjacent representable number (word order per platform).
const f64 = new Float64Array(1);
const words = new Uint32Array(f64.buffer);
const LO = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

/** The adjacent float64 above (up) or below a finite x >= 0. */
function adjacent(x: number, up: boolean): number {
  if (!up && x <= 0) return 0;
  f64[0] = x;
  if (up) {
    if (words[LO] === 0xffffffff) {
      words[LO] = 0;
      words[HI]++;
    } else words[LO]++;
  } else if (words[LO] === 0) {
    words[LO] = 0xffffffff;
    words[HI]--;
  } else words[LO]--;
  return f64[0];
}

/**
 * The smallest float lambda near `lambda` at which routeAt's own arithmetic, g + lambda * c,
 * prefers the cheaper `b` over `a` (equal values go to the cheaper LLM). The quotient
 * (g_b - g_a) / (c_a - c_b) is rounded, so without this a whole cluster of prompts could show
 * the other routing when routeAt is called at exactly a curve point's costPenalty.
 */
function settle(lambda: number, ga: number, ca: number, gb: number, cb: number): number {
  let l = lambda;
  if (gb + l * cb <= ga + l * ca) {
    for (let i = 0; i < 64 && l > 0; i++) {
      const below = adjacent(l, false);
      if (!(gb + below * cb <= ga + below * ca)) break;
      l = below;
    }
  } else {
    for (let i = 0; i < 64 && !(gb + l * cb <= ga + l * ca); i++) l = adjacent(l, true);
    if (!(gb + l * cb <= ga + l * ca)) return lambda; // far from a crossing (cannot happen with finite inputs)
  }
  return l;
}

/** LLM columns by increasing cost, ties by column (stable): the walker scans only cheaper LLMs. */
export function costOrder(costs: ArrayLike<number>, m: number): Int32Array {
  const order = Int32Array.from({ length: m }, (_, h) => h);
  return order.sort((a, b) => costs[a] - costs[b] || a - b);
}

/**
 * Growable typed columns of switch events: breakpoint lambda, settled penalty, from / to columns
 * and a caller's tag (the prompt or group). Column arrays are replaced when they grow.
 */
export interface PathEvents {
  length: number;
  lambda: Float64Array;
  settled: Float64Array;
  from: Int32Array;
  to: Int32Array;
  tag: Int32Array;
}

export function newPathEvents(capacity = 64): PathEvents {
  const c = Math.max(16, capacity);
  return {
    length: 0,
    lambda: new Float64Array(c),
    settled: new Float64Array(c),
    from: new Int32Array(c),
    to: new Int32Array(c),
    tag: new Int32Array(c),
  };
}

function grow(ev: PathEvents): void {
  const c = ev.lambda.length * 2;
  const lambda = new Float64Array(c);
  lambda.set(ev.lambda);
  const settled = new Float64Array(c);
  settled.set(ev.settled);
  const from = new Int32Array(c);
  from.set(ev.from);
  const to = new Int32Array(c);
  to.set(ev.to);
  const tag = new Int32Array(c);
  tag.set(ev.tag);
  Object.assign(ev, { lambda, settled, from, to, tag });
}

/** Scratch for the staircase of one prompt (the walker is synchronous, so one buffer serves all). */
let stair = new Int32Array(64);

/**
 * Walks the choices of argmin_h gamma[offset + h] + lambda * c(h) for lambda from 0 upwards,
 * appends one event (tagged `tag`) per change to `ev`, with lambda non-decreasing, and returns the
 * lambda = 0 choice. `order` is costOrder(costs, m). Same breakpoints, settled values and tie
 * rules as costPenaltyPath (below). Typed arguments only, so the hot loop stays monomorphic.
 *
 * Only the staircase can ever be chosen: the LLMs whose gamma is below that of every LLM before
 * them in cost order. Proof sketch: every LLM cheaper than the current one has gamma >= its gamma
 * (true for the lambda = 0 choice, and kept by each step, else the cheaper one would have won the
 * step's minimum or its tie), so every quotient (g_h - g_a) / (c_a - c_h) has a numerator >= 0;
 * then an LLM k before h in cost order with g_k <= g_h has a quotient <= h's (float subtraction
 * and division round monotonically) and wins ties as the cheaper or earlier one. So the walk is a
 * gift wrap over the staircase, O(m + t^2) for t stairs, with exactly the choices of a full scan.
 */
export function walkCostPenaltyPath(
  gamma: Float64Array,
  offset: number,
  m: number,
  costs: Float64Array,
  order: Int32Array,
  ev: PathEvents,
  tag: number,
): number {
  const t = staircase(gamma, offset, m, order, m);
  if (t === 0) return order[0]; // no estimate at all: the cheapest LLM, earliest column
  // The last stair has the lowest gamma, first in cost order among equals: the lambda = 0 choice.
  const start = stair[t - 1];
  wrap(gamma, offset, costs, ev, tag, t - 1, 0, 0);
  return start;
}

/**
 * The rest of a path from LLM `a`, which the walk reached with breakpoint `previous` and settled
 * value `previousSettled` (the last switch before it; 0 and 0 at the lambda = 0 choice): appends
 * the switches the walk makes after `a`, exactly as walkCostPenaltyPath's. `position[h]` is h's
 * index in `order`. The staircase up to a's cost position is the walk's own (a stair depends only
 * on the LLMs before it), so the gift wrap from a sees what the whole walk sees there. False, with
 * nothing appended, when a is not the last stair up to its position (then no walk reaches it).
 */
export function resumeCostPenaltyPath(
  gamma: Float64Array,
  offset: number,
  costs: Float64Array,
  order: Int32Array,
  position: Int32Array,
  ev: PathEvents,
  tag: number,
  a: number,
  previous: number,
  previousSettled: number,
): boolean {
  const t = staircase(gamma, offset, order.length, order, position[a] + 1);
  if (t === 0 || stair[t - 1] !== a) return false;
  wrap(gamma, offset, costs, ev, tag, t - 1, previous, previousSettled);
  return true;
}

/** The staircase of the first `upto` LLMs in cost order into `stair` (finite gamma below every LLM before it); returns its length. */
function staircase(gamma: Float64Array, offset: number, m: number, order: Int32Array, upto: number): number {
  if (stair.length < m) stair = new Int32Array(m);
  const s = stair;
  let t = 0;
  let lowest = Infinity;
  for (let j = 0; j < upto; j++) {
    const h = order[j];
    const g = gamma[offset + h];
    if (g - g === 0 && g < lowest) {
      s[t++] = h;
      lowest = g;
    }
  }
  return t;
}

/** The gift wrap over `stair` from stair[cur], appending one event per switch (see walkCostPenaltyPath). */
function wrap(
  gamma: Float64Array,
  offset: number,
  costs: Float64Array,
  ev: PathEvents,
  tag: number,
  cur: number,
  previous: number,
  previousSettled: number,
): void {
  const s = stair;
  let a = s[cur];
  let ga = gamma[offset + a];
  for (;;) {
    const ca = costs[a];
    let next = -1;
    let bestLambda = Infinity;
    // Ascending cost: the first of equal lambdas is the cheapest, then the earliest column (routeAt's ties).
    for (let i = 0; i < cur; i++) {
      const h = s[i];
      const ch = costs[h];
      if (!(ch < ca)) break; // only a strictly cheaper LLM can take over as lambda grows
      const lambda = (gamma[offset + h] - ga) / (ca - ch);
      if (next < 0 || lambda < bestLambda) {
        next = i;
        bestLambda = lambda;
      }
    }
    if (next < 0) return;
    const b = s[next];
    // In exact arithmetic breakpoints only grow along the hull; clamp so rounding cannot reorder
    // one prompt's switches.
    if (bestLambda < previous) bestLambda = previous;
    const gb = gamma[offset + b];
    let settled = settle(bestLambda, ga, ca, gb, costs[b]);
    if (settled < previousSettled) settled = previousSettled;
    if (ev.length === ev.lambda.length) grow(ev);
    const i = ev.length++;
    ev.lambda[i] = bestLambda;
    ev.settled[i] = settled;
    ev.from[i] = a;
    ev.to[i] = b;
    ev.tag[i] = tag;
    previous = bestLambda;
    previousSettled = settled;
    a = b;
    ga = gb;
    cur = next;
  }
}

/**
 * Walks the choices of argmin_h gamma[offset + h] + lambda * c(h) for lambda from 0 upwards and
 * returns the lambda = 0 choice; `onSwitch(lambda, from, to, settled)` is called for every change,
 * with lambda non-decreasing. Breakpoints are lambda = (gamma_to - gamma_from) / (c_from - c_to),
 * exactly that quotient in float64 (the key a deferral curve groups simultaneous switches by).
 *
 * Tie rules, identical to routeAt: at lambda = 0 the lowest gamma wins, ties to the lower cost,
 * then the earlier column; at a breakpoint every tied LLM is equally good and the cheapest of
 * them (then the earliest column) is chosen, so collinear hull points in between are skipped.
 * `settled` is the first float (within a few ulps of lambda) at which routeAt's own arithmetic
 * prefers `to` over `from`, so routeAt called at exactly that penalty agrees with the path.
 * NaN (or +infinity) gamma is never chosen while another LLM has a number; when no LLM has one
 * the choice is the cheapest LLM, earliest column, for every lambda.
 */
export function costPenaltyPath(
  gamma: ArrayLike<number>,
  offset: number,
  m: number,
  costs: ArrayLike<number>,
  onSwitch: (costPenalty: number, from: number, to: number, settled: number) => void,
): number {
  const ev = newPathEvents(m);
  const row = Float64Array.from({ length: m }, (_, h) => gamma[offset + h]);
  const start = walkCostPenaltyPath(row, 0, m, Float64Array.from(costs), costOrder(costs, m), ev, 0);
  for (let i = 0; i < ev.length; i++) onSwitch(ev.lambda[i], ev.from[i], ev.to[i], ev.settled[i]);
  return start;
}

/**
 * Event indices sorted by lambda, stable (equal lambdas keep their order, so one prompt's switches
 * stay in path order). An LSD radix sort on the float64 bit patterns: O(B), no comparator calls.
 */
export function eventOrder(ev: PathEvents): Uint32Array {
  const n = ev.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  const lambda = ev.lambda;
  if (n < 64) return order.sort((i, j) => (lambda[i] < lambda[j] ? -1 : lambda[i] > lambda[j] ? 1 : i - j));
  // Keys as unsigned 64-bit patterns that order like the floats: flip the sign bit of a positive
  // float, every bit of a negative one; -0 counts as +0 (they compare equal).
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = lambda[i] === 0 ? 0 : lambda[i];
  const kw = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    if (kw[2 * i + HI] & 0x80000000) {
      kw[2 * i + HI] = ~kw[2 * i + HI];
      kw[2 * i + LO] = ~kw[2 * i + LO];
    } else kw[2 * i + HI] |= 0x80000000;
  }
  let next = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? LO : HI;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(kw[2 * i + word] >>> shift) & 0xffff]++;
    if (count[(kw[word] >>> shift) & 0xffff] === n) continue; // every key has this digit: nothing to do
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let e = 0; e < n; e++) {
      const i = order[e];
      next[count[(kw[2 * i + word] >>> shift) & 0xffff]++] = i;
    }
    const t = order;
    order = next;
    next = t;
  }
  return order;
}
