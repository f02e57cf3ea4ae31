/**
 * The demo-only actions on the main-thread handlers (cpu): the first start opens at the QNC point,
 * the held-out newcomer is added exactly or estimated and removed, and "Check backends" reports
 * every backend and puts tfjs back on the one in use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEWCOMER, DEMO_TEST_POOL } from '../core/demo';
import { createClient } from '../workers/client';
import { memoryKeyValueStore } from '../workers/idb';
import { appStore, resetStore } from './store';
import { setClient } from './clientRef';
import { setSnapshotStore } from './persist';
import { boot, checkBackends } from './trainActions';
import { setCostPenalty, setRoutingMethod } from './liveActions';
import { addDemoNewcomer, demoNewcomerFile, removeModel } from './modelActions';
import { defaultPenalty, defaultPenaltyNote, routeLive } from '../core/explorer';
import { exportSession, importRouter, routeText } from './routerActions';

describe('demo actions (first start on the full demo, handlers on the main thread, cpu)', () => {
  beforeAll(async () => {
    setSnapshotStore(memoryKeyValueStore());
    resetStore();
    setClient(createClient({ forceMainThread: true, prefer: ['cpu'] }));
    // The first start (no saved session, no lambda in the link); K-means only keeps the cpu run short.
    await boot('?method=kmeans');
  });
  afterAll(() => {
    setClient(null);
    setSnapshotStore(null);
  });

  it('trains on the default demo pool and opens at the cheapest routing that matches the best test LLM', () => {
    const s = appStore.getState();
    expect(s.training.error).toBeNull();
    expect(s.data.demo?.testPool).toEqual([...DEMO_TEST_POOL]);
    expect(s.data.demo?.newcomer).toEqual({ name: DEMO_NEWCOMER.name, cost: DEMO_NEWCOMER.cost, strengths: ['science', 'medical-legal'] });
    expect(s.session.pool!.names).toEqual([...DEMO_TEST_POOL]);
    expect(s.training.settings.testModels).toEqual([]); // the URL stays clean: the default pool is implied
    expect(s.routing.costPenalty).toBeGreaterThan(0);
    expect(s.routing.live!.accuracy).toBeGreaterThanOrEqual(s.session.pool!.qncTarget - 1e-12);
    expect(s.routing.live!.meanCostNormalised).toBeLessThan(0.5);
    // Lambda is the app's default, computed on this session (the note is the core's, from the same session).
    expect(s.routing.penaltyOrigin).toBe('default');
    expect(s.routing.costPenalty).toBe(defaultPenalty(s.session.pool!, 'uniroute-kmeans')!.costPenalty);
    expect(defaultPenaltyNote(s.session.pool!, 'uniroute-kmeans', s.routing.costPenalty, s.data.dataset!.costUnit)).toMatch(
      /^λ = [\d.]+ is the cheapest routing that matches atlas-ultra, the most accurate LLM of the pool \(accuracy \d+\.\d%\): accuracy \d+\.\d%, mean cost per prompt [\d.]+ USD per 1K calls \(synthetic\), \d+% of atlas-ultra's\./,
    );
    // Moving lambda makes it the user's: it stays where it is put.
    setCostPenalty(0);
    expect(appStore.getState().routing.penaltyOrigin).toBe('user');
    setRoutingMethod('uniroute-kmeans');
    expect(appStore.getState().routing.costPenalty).toBe(0);
  });

  it('adds the newcomer with exact test scores or estimated ones, and removal restores the curves', async () => {
    const before = appStore.getState().session.pool!.methods['uniroute-kmeans']!.metrics;
    const exactFile = await demoNewcomerFile('exact');
    const base = appStore.getState().session.base!;
    expect(exactFile!.text.trim().split('\n')).toHaveLength(1 + base.valRows.length + base.testRows.length);
    expect(await addDemoNewcomer('exact')).toBe(true);
    let s = appStore.getState();
    expect(s.session.pool!.names.at(-1)).toBe(DEMO_NEWCOMER.name);
    expect(s.session.pool!.estimated.at(-1)).toBe(false);
    expect(s.session.addNotice).toContain('its test accuracy is exact');
    expect(s.session.pool!.methods['uniroute-kmeans']!.metrics.area).toBeGreaterThan(before.area);
    expect(await removeModel(DEMO_NEWCOMER.name)).toBe(true);
    expect(appStore.getState().session.pool!.methods['uniroute-kmeans']!.metrics).toEqual(before);

    expect(await addDemoNewcomer('estimated')).toBe(true);
    s = appStore.getState();
    expect(s.session.pool!.estimated.at(-1)).toBe(true);
    expect(s.session.pool!.methods['uniroute-kmeans']!.estimated).toBe(true);
    expect(await removeModel(DEMO_NEWCOMER.name)).toBe(true);
    expect(appStore.getState().session.pool!.methods['uniroute-kmeans']!.metrics).toEqual(before);
  });

  it('exports the operating point, routes typed prompts as the file does, and an import restores the session', async () => {
    expect(await addDemoNewcomer('estimated')).toBe(true);
    setRoutingMethod('knn');
    setCostPenalty(0.004);
    const before = appStore.getState();
    const exported = exportSession();
    if (!exported.ok) throw new Error(exported.issues[0].message);
    const { text } = exported.data;
    expect(exported.data.router).toMatchObject({ costPenalty: 0.004, method: 'knn', pool: before.session.pool!.names });
    // "Route a prompt" chooses what the Routing view chooses for each test prompt.
    const pool = before.session.pool!;
    const choice = new Int32Array(pool.n);
    routeLive(pool, 'knn', 0.004, choice);
    const prompts = before.data.dataset!.prompts;
    const seen = new Set<string>();
    for (let p = 0; p < pool.n; p += 7) {
      const routed = routeText(prompts[before.session.base!.testRows[p]].text);
      if (typeof routed === 'string') throw new Error(routed);
      expect(routed.decision.chosen).toBe(pool.names[choice[p]]);
      seen.add(routed.decision.chosen);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);

    // Another session state, then the file back: lambda, method, pool and the added LLM return.
    expect(await removeModel(DEMO_NEWCOMER.name)).toBe(true);
    setRoutingMethod('uniroute-kmeans');
    setCostPenalty(0);
    expect(await importRouter({ name: 'router.json', text })).toBe(true);
    const after = appStore.getState();
    expect(after.session.importNotice).toContain(`1 LLM(s) added after training restored from the file: ${DEMO_NEWCOMER.name} (estimated`);
    expect(after.session.added.map((a) => [a.name, a.estimated])).toEqual([[DEMO_NEWCOMER.name, true]]);
    expect(after.routing).toMatchObject({ costPenalty: 0.004, method: 'knn', penaltyOrigin: 'import' });
    expect(after.session.pool!.names).toEqual(pool.names);
    for (const m of ['knn', 'uniroute-kmeans', 'zero-router', 'oracle'] as const)
      expect(after.session.pool!.methods[m]!.metrics).toEqual(pool.methods[m]!.metrics);
    const again = exportSession();
    expect(again.ok && again.data.text).toBe(text);

    // The oracle is not a router: the export and "Route a prompt" refuse it with the reason.
    setRoutingMethod('oracle');
    expect(exportSession()).toMatchObject({ ok: false, issues: [{ message: expect.stringMatching(/^the oracle is not a router/) }] });
    expect(routeText('What is 2+2?')).toMatch(/^the oracle is not a router/);
    expect(await removeModel(DEMO_NEWCOMER.name)).toBe(true);
    setRoutingMethod('uniroute-kmeans');
  });

  it('checks every backend and leaves tfjs on cpu', async () => {
    await checkBackends();
    const t = appStore.getState().training;
    expect(t.backendCheckStatus).toBe('done');
    const rows = Object.fromEntries(t.backendCheck!.rows.map((r) => [r.backend, r]));
    expect(Object.keys(rows)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(rows.webgl.available).toBe(false); // no WebGL in Node
    expect(rows.cpu.ok).toBe(true);
    // wasm runs in Node too; with the app's Vite-served binary paths it may not start there.
    if (rows.wasm.available) expect(rows.wasm.ok).toBe(true);
    expect(t.backendCheck!.restored).toBe('cpu');
  });
});
