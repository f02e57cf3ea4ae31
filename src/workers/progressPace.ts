/**
 * Paces a request's stage progress on the page: at most one update of a running stage per
 * `everyMs`, the newest one, while a new stage, a stage's end (fraction 1), an update without a
 * fraction (an indeterminate stage, rare) and the training charts' points (inertia, epoch) pass at once.
 * The worker thins some streams at their source too (UMAP, bootstrap: 100 ms); this is the page's one pace.
 *
 * Why: the embedder reports every 512 prompts, k-means every iteration; each update re-renders the
 * progress bars and draws a frame. On a 40,000-prompt upload that was about 30 frames a second
 * through the compositor, which took a third of a core from the two threads embedding (measured
 * with software GL). Four updates a second read as continuous.
 */
import type { ProgressEvent } from './protocol';

export const PAGE_PROGRESS_MS = 250;

export interface ProgressPace {
  (event: ProgressEvent): void;
  /** Drops a held update (the request has answered: its result supersedes it). */
  cancel(): void;
}

export function paceProgress(
  deliver: (event: ProgressEvent) => void,
  everyMs = PAGE_PROGRESS_MS,
  clock: { now(): number; later(fn: () => void, ms: number): unknown; clear(handle: unknown): void } = {
    now: () => globalThis.performance?.now() ?? Date.now(),
    later: (fn, ms) => setTimeout(fn, ms),
    clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
): ProgressPace {
  let lastStage: string | null = null;
  let lastAt = -Infinity;
  let held: ProgressEvent | null = null;
  let timer: unknown = null;
  const show = (e: ProgressEvent): void => {
    held = null;
    if (timer !== null) clock.clear(timer);
    timer = null;
    if (e.kind === 'stage') {
      lastStage = e.stage;
      lastAt = clock.now();
    }
    deliver(e);
  };
  const pace = (e: ProgressEvent): void => {
    // A chart point passes; a held stage update stays held (the charts and the bars are apart).
    if (e.kind !== 'stage') return deliver(e);
    const running = e.stage === lastStage && e.fraction !== undefined && e.fraction < 1;
    const wait = lastAt + everyMs - clock.now();
    // A new stage or a stage's end supersedes what is held.
    if (!running || wait <= 0) return show(e);
    held = e;
    timer ??= clock.later(() => {
      timer = null;
      if (held) show(held);
    }, wait);
  };
  return Object.assign(pace, {
    cancel: () => {
      held = null;
      if (timer !== null) clock.clear(timer);
      timer = null;
    },
  });
}
