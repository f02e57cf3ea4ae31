/** Time left of a running stage, read off its progress: elapsed x (1 - f) / f once f says anything. */

/** Seconds left, or null while the fraction is too small (or unknown) to say. */
export function secondsLeft(fraction: number | null | undefined, elapsedMs: number, minFraction = 0.02, minElapsedMs = 250): number | null {
  // Too early (or too little done) to extrapolate: a stage that just started would read "almost done".
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction) || fraction < minFraction || elapsedMs < minElapsedMs)
    return null;
  if (fraction >= 1) return 0;
  return ((elapsedMs / 1000) * (1 - fraction)) / fraction;
}

/**
 * "about 40 s left", "about 3 min left", "almost done", or "estimating time left…". With the fraction
 * done given, "almost done" needs 90% of it: phases of unequal speed make an early estimate optimistic.
 */
export function formatTimeLeft(seconds: number | null, fraction?: number | null): string {
  if (seconds === null) return 'estimating time left…';
  if (seconds < 1.5) return fraction !== undefined && fraction !== null && fraction < 0.9 ? 'a few seconds left' : 'almost done';
  if (seconds < 90) return `about ${Math.round(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** The words for a stage `fraction` done after `elapsedMs`: secondsLeft read by formatTimeLeft. */
export function timeLeftText(fraction: number | null | undefined, elapsedMs: number): string {
  return formatTimeLeft(secondsLeft(fraction, elapsedMs), fraction);
}
