/**
 * "Trust the numbers" through the store and the worker's handlers (main thread, cpu): the session's
 * bootstrap equals the core's on the same evidence and Cancel keeps the resamples done; "repeat
 * over N splits" is eval --trials; the onboarding simulator runs on the session's split; the shift
 * preview lists a bad file's problems and keeps the preview; "is routing paying?" follows lambda.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapSync, summariseBootstrap } from '../core/eval';
import { poolEvidence, routingPays } from '../core/insight';
import { createClient } from '../workers/client';
import { memoryKeyValueStore } from '../workers/idb';
import { appStore, resetStore } from './store';
import { setClient } from './clientRef';
import { setSnapshotStore } from './persist';
import { loadDemo } from './dataActions';
import { train } from './trainActions';
import { setCostPenalty } from './liveActions';
import { cancelTrustJob, freshBootstrap, runBootstrap, runSplits, setResamples, setSplitTrials } from './trustActions';
import { parseLabelBudgets, runOnboarding, setOnboardLabels, setOnboardModel, setOnboardRepeats } from './onboardActions';
import { loadProductionPrompts, refreshShift } from './shiftActions';
import { payingOf } from './paying';

describe('trust actions on the demo (handlers on the main thread, cpu)', () => {
  beforeAll(async () => {
    setSnapshotStore(memoryKeyValueStore());
    resetStore();
    setClient(createClient({ forceMainThread: true, prefer: ['cpu'] }));
    await getReady();
  });
  afterAll(() => {
    setClient(null);
    setSnapshotStore(null);
  });

  async function getReady() {
    const { getClient } = await import('./clientRef');
    const info = await getClient().init();
    appStore.getState().setTraining({ backend: info });
    appStore.getState().setSettings({ method: 'kmeans', k: 4 });
    await loadDemo();
    await train();
    expect(appStore.getState().training.status).toBe('done');
  }

  it('bootstraps the session in the worker: the core summary of the same evidence, fresh until the pool changes', async () => {
    setResamples(60);
    await runBootstrap();
    const s = appStore.getState();
    expect(s.trust.bootstrap.status).toBe('done');
    const want = summariseBootstrap([bootstrapSync(poolEvidence(s.session.base!, s.session.pool!), { resamples: 60, seed: 0 })]);
    expect(s.trust.bootstrap.summary).toEqual(want);
    expect(freshBootstrap(s)).toBe(s.trust.bootstrap.summary);
    // The comparisons' Area differences are those of the metric table.
    const km = want.comparisons.find((c) => c.a === 'uniroute-kmeans' && c.b === 'knn')!;
    const m = s.session.pool!.methods;
    expect(km.deltaArea).toBeCloseTo(m['uniroute-kmeans']!.metrics.area - m.knn!.metrics.area, 12);
    // "Is routing paying?" takes the saving's interval from the fresh bootstrap.
    expect(payingOf(s)!.saving.interval).toEqual(want.methods['uniroute-kmeans']!.saving.ci);
  });

  it('Cancel stops the bootstrap between resamples and keeps those done', async () => {
    setResamples(10_000);
    const run = runBootstrap();
    await new Promise((r) => setTimeout(r, 150));
    expect(appStore.getState().trust.bootstrap.status).toBe('running');
    cancelTrustJob();
    await run;
    const b = appStore.getState().trust.bootstrap;
    expect(b.status).toBe('cancelled');
    expect(b.summary!.completed).toBeGreaterThan(0);
    expect(b.summary!.completed).toBeLessThan(10_000);
    expect(b.message).toMatch(/^cancelled after \d+ of 10000 resamples$/);
    setResamples(200);
  });

  it('"is routing paying?" is the core routingPays at the current lambda, memoised until lambda moves', () => {
    setCostPenalty(0);
    const s = appStore.getState();
    const a = payingOf(s)!;
    expect(payingOf(appStore.getState())).toBe(a);
    const e = poolEvidence(s.session.base!, s.session.pool!);
    const tasks = Array.from(s.session.base!.testRows, (p) => s.data.dataset!.prompts[p].task);
    const want = routingPays(e, 'uniroute-kmeans', 0, {
      tasks,
      clusters: s.session.base!.testClusters,
      savingInterval: s.trust.bootstrap.summary!.methods['uniroute-kmeans']!.saving.ci,
    });
    expect(a).toEqual(want);
    setCostPenalty(1e6);
    const b = payingOf(appStore.getState())!;
    expect(b).not.toBe(a);
    expect(b.collapse.share).toBe(1);
    expect(b.collapse.warning).toBe(true);
    // The per-task bars count every test prompt once, on the LLM live routing chose.
    const counts = b.byTask!.counts.reduce((acc, row) => acc.map((v, h) => v + row[h]));
    expect(counts).toEqual(Array.from(appStore.getState().routing.live!.counts));
  });

  it('repeats training over N seeded splits (eval --trials N), and Cancel keeps the finished splits', async () => {
    setSplitTrials(2);
    await runSplits();
    const sp = appStore.getState().trust.splits;
    expect(sp.status).toBe('done');
    expect(sp.report!.trials).toBe(2);
    const km = sp.report!.methods['uniroute-kmeans']!;
    expect(km.perTrial.area).toHaveLength(2);
    const [a, b] = km.perTrial.area;
    expect(km.area).toBeCloseTo((a + b) / 2, 12);
    expect(km.spread.area).toBeCloseTo(Math.abs(a - b) / Math.SQRT2, 12);
    expect(sp.dataHash).toBe(appStore.getState().data.dataHash);

    setSplitTrials(50);
    const run = runSplits();
    await new Promise((r) => setTimeout(r, 50));
    cancelTrustJob();
    await run;
    const c = appStore.getState().trust.splits;
    expect(c.status).toBe('cancelled');
    expect(c.message).toMatch(/cancelled/);
    // The earlier report stays when Cancel came before the first split finished.
    expect(c.report!.trials).toBeLessThan(50);
  });

  it('runs the onboarding simulator on the session split and K', async () => {
    expect(parseLabelBudgets('5, 10, all')).toEqual({ ok: true, labels: [5, 10, 'all'] });
    expect(parseLabelBudgets('5, x')).toEqual({
      ok: false,
      message: '"x" is not a label budget: use whole numbers of at least 1, or "all"',
    });
    expect(parseLabelBudgets(' ')).toMatchObject({ ok: false });
    const model = appStore.getState().data.dataset!.models[2].name;
    setOnboardModel(model);
    setOnboardLabels([5, 'all']);
    setOnboardRepeats(2);
    await runOnboarding();
    const o = appStore.getState().trust.onboard;
    expect(o.error).toBeNull();
    expect(o.status).toBe('done');
    const r = o.report!;
    expect(r.model).toBe(model);
    expect(r.k).toBe(appStore.getState().session.base!.k);
    expect(r.counts.val).toBe(appStore.getState().session.base!.valRows.length);
    expect(r.byLabels.map((b) => b.labels)).toEqual([5, 'all']);
    expect(r.byLabels[0].repeats).toBe(2);
    // The all-label budget is the full profile: no gap.
    expect(r.byLabels[1].areaGap.mean).toBeCloseTo(0, 12);
  });

  it('previews production prompts; a bad file lists file, row and column and keeps the preview; lambda re-previews', async () => {
    const texts = ['Solve 2x + 3 = 7 for x', 'Write a haiku about the sea', 'Translate "good morning" into French'];
    await loadProductionPrompts({ name: 'prod.txt', text: texts.join('\n') + '\n' });
    let sh = appStore.getState().trust.shift;
    expect(sh.error).toBeNull();
    expect(sh.status).toBe('done');
    expect(sh.preview!.prompts).toBe(3);
    expect(sh.preview!.mix.reduce((a, r) => a + r.production, 0)).toBeCloseTo(1, 12);
    expect(sh.preview!.costPenalty).toBe(1e6);
    const first = sh.preview!;

    await loadProductionPrompts({ name: 'prod.csv', text: 'id,text\n1,hello\n2,\n' });
    sh = appStore.getState().trust.shift;
    expect(sh.issues).toEqual([{ file: 'prod.csv', row: 3, column: 'text', message: 'empty prompt text' }]);
    expect(sh.preview).toBe(first);
    expect(sh.file).toBe('prod.txt');

    setCostPenalty(0);
    await refreshShift();
    sh = appStore.getState().trust.shift;
    expect(sh.preview!.costPenalty).toBe(0);
    expect(sh.preview!.prompts).toBe(3);
    expect(sh.issues).toEqual([]);
  });
});
