import { describe, expect, it } from 'vitest';
import { bootstrapSync, summariseBootstrap } from '../eval';
import { buildSessionBase } from '../explorer/session';
import { evaluatePool } from '../explorer';
import { tinyDataset, tinyEmbeddings, tinyRouter, TINY_SETUP } from '../explorer/fixture.test-util';
import { poolEvidence } from './fromPool';
import { routingPays } from './paying';

/*
 * The explorer's hand-worked session (fixture.test-util.ts): test prompts 6, 8 (cluster A, task
 * alpha) and 7, 9 (B, beta). At lambda = 1/30 UniRoute sends A to cheap (cost 1) and B to spec
 * (cost 2), all right: cost 6 / 4 / 10 = 0.15, accuracy 1.
 */
function session() {
  const d = tinyDataset();
  const base = buildSessionBase(d, tinyEmbeddings(), TINY_SETUP, tinyRouter());
  return { d, base, pool: evaluatePool(base) };
}

describe('poolEvidence', () => {
  it('feeds "is routing paying?" from the session, by hand', () => {
    const { d, base, pool } = session();
    const e = poolEvidence(base, pool);
    expect(e.zeroRouterValAccuracy).toEqual([0.5, 1, 0.5]);
    const r = routingPays(e, 'uniroute-kmeans', 1 / 30, {
      tasks: Array.from(base.testRows, (p) => d.prompts[p].task),
      clusters: base.testClusters,
    });
    expect(r.router.cost).toBeCloseTo(0.15, 12);
    expect(r.router.accuracy).toBe(1);
    // spec (0.2) costs more than 0.15: the best LLM within cost is cheap (0.1, accuracy 0.5).
    expect(r.bestSingleWithinCost).toEqual({ name: 'cheap', cost: 0.1, accuracy: 0.5, accuracyGain: 0.5 });
    // strong (accuracy 1, cost 1) is first matched at 0.15: 85% saved.
    expect(r.saving.value).toBeCloseTo(0.85, 12);
    expect(r.byTask).toEqual({
      groups: ['alpha', 'beta'],
      counts: [
        [2, 0, 0],
        [0, 0, 2],
      ],
    });
    expect(r.byCluster).toEqual({
      groups: [0, 1],
      counts: [
        [2, 0, 0],
        [0, 0, 2],
      ],
    });
  });

  it('feeds the bootstrap: its unit-weight point estimates are the session metrics', () => {
    const { base, pool } = session();
    const draws = bootstrapSync(poolEvidence(base, pool), { resamples: 30 });
    for (const [name, view] of Object.entries(pool.methods)) {
      expect(draws.methods[name as keyof typeof draws.methods]!.point.area).toBeCloseTo(view!.metrics.area, 12);
    }
    expect(summariseBootstrap([draws]).comparisons.length).toBe(3);
  });
});
