import { describe, expect, it } from 'vitest';
import { paceProgress } from './progressPace';
import type { ProgressEvent } from './protocol';

/** A hand-driven clock: `advance` runs the timers that fall due. */
function manualClock() {
  let t = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => t,
    later: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clear: (id: unknown) => void (timers = timers.filter((x) => x.id !== id)),
    advance(ms: number) {
      t += ms;
      const due = timers.filter((x) => x.at <= t);
      timers = timers.filter((x) => x.at > t);
      for (const x of due) x.fn();
    },
    pending: () => timers.length,
  };
}

const stage = (stage: string, fraction?: number, message = `${stage} ${fraction}`): ProgressEvent => ({
  kind: 'stage',
  stage,
  message,
  fraction,
});
/** A pace on a manual clock (250 ms), with what it delivered. */
function paced() {
  const clock = manualClock();
  const got: ProgressEvent[] = [];
  return { clock, got, pace: paceProgress((e) => got.push(e), 250, clock) };
}
const shown = (got: ProgressEvent[]) => got.map((e) => (e.kind === 'stage' ? `${e.stage}:${e.fraction}` : e.kind));

describe('pacing stage progress on the page', () => {
  it('shows a running stage at most once per interval, the newest update, and its end at once', () => {
    const { clock, got, pace } = paced();
    pace(stage('embed', 0));
    pace(stage('embed', 0.1));
    clock.advance(100);
    pace(stage('embed', 0.2));
    expect(shown(got)).toEqual(['embed:0']);
    clock.advance(150);
    expect(shown(got)).toEqual(['embed:0', 'embed:0.2']);
    clock.advance(300);
    pace(stage('embed', 0.5));
    expect(shown(got)).toEqual(['embed:0', 'embed:0.2', 'embed:0.5']);
    pace(stage('embed', 0.6));
    pace(stage('embed', 1));
    expect(shown(got)).toEqual(['embed:0', 'embed:0.2', 'embed:0.5', 'embed:1']);
    clock.advance(1000);
    expect(shown(got)).toEqual(['embed:0', 'embed:0.2', 'embed:0.5', 'embed:1']);
    expect(clock.pending()).toBe(0);
  });

  it('a new stage or a stage without a fraction passes at once and supersedes what is held', () => {
    const { clock, got, pace } = paced();
    pace(stage('embed', 0));
    pace(stage('embed', 0.9));
    pace(stage('pca'));
    clock.advance(500);
    expect(shown(got)).toEqual(['embed:0', 'pca:undefined']);
    pace(stage('pca', 0.5));
    pace(stage('pca', undefined, 'still going'));
    expect(got.map((e) => (e.kind === 'stage' ? e.message : ''))).toEqual(['embed 0', 'pca undefined', 'pca 0.5', 'still going']);
  });

  it('training chart points all pass, in order, without releasing a held stage update early', () => {
    const { clock, got, pace } = paced();
    pace(stage('kmeans', 0));
    pace(stage('kmeans', 0.1));
    for (let i = 0; i < 5; i++) pace({ kind: 'inertia', iteration: i, inertia: 10 - i });
    expect(shown(got)).toEqual(['kmeans:0', 'inertia', 'inertia', 'inertia', 'inertia', 'inertia']);
    clock.advance(250);
    expect(shown(got).at(-1)).toBe('kmeans:0.1');
  });

  it('cancel drops a held update (the answer came first)', () => {
    const { clock, got, pace } = paced();
    pace(stage('load', 0));
    pace(stage('load', 0.5));
    pace.cancel();
    clock.advance(1000);
    expect(shown(got)).toEqual(['load:0']);
  });
});
