/**
 * The exact path of one prompt's routing choice as the cost penalty lambda grows from 0 to
 * +infinity: the lower-left convex hull of its points (c(h), gamma(x, h)), walked from the
 * lambda = 0 choice to the cheapest LLM. Shared by deferralCurve and zeroRouterCurve so both
 * follow routeAt's rule exactly.
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
  const wins = (l: number): boolean => gb + l * cb <= ga + l * ca;
  let l = lambda;
  if (wins(l)) {
    for (let i = 0; i < 64 && l > 0 && wins(adjacent(l, false)); i++) l = adjacent(l, false);
  } else {
    for (let i = 0; i < 64 && !wins(l); i++) l = adjacent(l, true);
    if (!wins(l)) return lambda; // far from a crossing (cannot happen with finite inputs)
  }
  return l;
}

/** A finite gamma; NaN (no estimate) and +infinity lose against any number, as in routeAt. */
export function hasEstimate(g: number): boolean {
  return Number.isFinite(g);
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
  let a = -1;
  for (let h = 0; h < m; h++) {
    const g = gamma[offset + h];
    if (!hasEstimate(g)) continue;
    if (a < 0) {
      a = h;
      continue;
    }
    const ga = gamma[offset + a];
    if (g < ga || (g === ga && costs[h] < costs[a])) a = h;
  }
  if (a < 0) {
    let cheapest = 0;
    for (let h = 1; h < m; h++) if (costs[h] < costs[cheapest]) cheapest = h;
    return cheapest;
  }
  const start = a;
  let previous = 0;
  let previousSettled = 0;
  for (;;) {
    const ga = gamma[offset + a];
    const ca = costs[a];
    let b = -1;
    let bestLambda = Infinity;
    for (let h = 0; h < m; h++) {
      const ch = costs[h];
      if (!(ch < ca)) continue; // only a strictly cheaper LLM can take over as lambda grows
      const g = gamma[offset + h];
      if (!hasEstimate(g)) continue;
      const lambda = (g - ga) / (ca - ch);
      if (b < 0 || lambda < bestLambda || (lambda === bestLambda && ch < costs[b])) {
        b = h;
        bestLambda = lambda;
      }
    }
    if (b < 0) break;
    // In exact arithmetic breakpoints only grow along the hull; clamp so rounding cannot reorder
    // one prompt's switches.
    if (bestLambda < previous) bestLambda = previous;
    let settled = settle(bestLambda, ga, ca, gamma[offset + b], costs[b]);
    if (settled < previousSettled) settled = previousSettled;
    onSwitch(bestLambda, a, b, settled);
    previous = bestLambda;
    previousSettled = settled;
    a = b;
  }
  return start;
}
