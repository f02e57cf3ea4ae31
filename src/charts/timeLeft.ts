/** Time left of a running stage, read off its progress: elapsed x (1 - f) / f once f says anything. */

/** Seconds left, or null while the fraction is too small (or unknown) to say. */
export function secondsLeft(fraction: number | null | undefined, elapsedMs: number, minFraction = 0.02): number | null {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction) || fraction < minFraction || elapsedMs < 0) return null;
  if (fraction >= 1) return 0;
  return ((elapsedMs / 1000) * (1 - fraction)) / fraction;
}

/** "about 40 s left", "about 3 min left", "almost done", or "estimating time left…". */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null) return 'estimating time left…';
  if (seconds < 1.5) return 'almost done';
  if (seconds < 90) return `about ${Math.round(seconds)} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
