/**
 * Whether the operating point at lambda sits below its own deferral curve. The curve drawn is the
 * Pareto front of the routings over all lambda; at a small lambda the argmin of gamma + lambda c
 * trusts the predicted errors gamma even where they are wrong, and can spend more than a cheaper
 * routing for no more measured accuracy. The view then says which front point beats it.
 */

/** The front point of highest accuracy at no more cost than `point`, when it is more accurate (else null). */
export function frontAbove(
  front: readonly { cost: number; accuracy: number }[],
  point: { cost: number; accuracy: number },
  tolerance = 1e-9,
): { cost: number; accuracy: number } | null {
  let best: { cost: number; accuracy: number } | null = null;
  for (const f of front) {
    if (!(f.cost <= point.cost + tolerance)) continue;
    if (!best || f.accuracy > best.accuracy || (f.accuracy === best.accuracy && f.cost < best.cost)) best = f;
  }
  return best && best.accuracy > point.accuracy + tolerance ? { cost: best.cost, accuracy: best.accuracy } : null;
}
