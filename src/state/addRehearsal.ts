/**
 * A rehearsal of adding an LLM, run twice per session while the page is idle, its result thrown
 * away. V8 compiles a function to fast code only after it has run for a while, and an add runs code
 * nothing else on the main thread runs (the scores file's parser, the new LLM's Psi, the extension
 * of every method's sweep by one column): without a rehearsal the user's first add would also pay
 * for the JIT, about twice the time of the adds after it. The rehearsal changes no state: the user's
 * add still reads its file and computes every curve in full.
 */
import {
  addModelFromScores,
  defaultPenalty,
  evaluatePool,
  POOL_METHODS,
  routeLive,
  type SessionBase,
  type SessionPool,
} from '../core/explorer';
import { promptIdsOf } from './promptIds';
import { appStore } from './store';

type IdleScheduler = (cb: () => void, options?: { timeout: number }) => number;

/** Sessions rehearsed already (one rehearsal per session base). */
const rehearsed = new WeakSet<SessionBase>();

/** How many times the add is rehearsed: V8 compiles its fastest code for a function after a few runs, not one. */
const ROUNDS = 2;

/**
 * Schedules the rehearsal for the session of `base` and its pool without added LLMs: ROUNDS
 * times the file and Psi, then the pool and its routing, each in an idle period of its own. Only
 * where the browser has idle callbacks; it stops when the session has changed or an LLM was added.
 */
export function scheduleAddRehearsal(base: SessionBase, pool: SessionPool): void {
  const idle = (globalThis as { requestIdleCallback?: IdleScheduler }).requestIdleCallback;
  if (!idle || rehearsed.has(base)) return;
  rehearsed.add(base);
  const current = () => {
    const { session, data } = appStore.getState();
    return session.base === base && session.added.length === 0 && session.router && data.dataset ? { session, data } : null;
  };
  const later = (step: () => void) => idle(step, { timeout: 5000 });
  const round = (left: number) =>
    later(() => {
      const now = current();
      if (!now) return;
      const ids = promptIdsOf(now.data.dataset!);
      const router = now.session.router!;
      const taken = new Set(router.models.map((h) => h.name));
      let name = 'rehearsal';
      while (taken.has(name)) name += '-';
      // A file like a user's: every validation and test prompt scored, right on two in three.
      const rows = [...base.valRows, ...base.testRows];
      const text = `prompt_id,score\n${rows.map((r, i) => `${ids[r]},${i % 3 === 0 ? 0 : 1}`).join('\n')}\n`;
      const cost = base.modelCosts[base.testModels[Math.floor(base.testModels.length / 2)]] ?? 1;
      const res = addModelFromScores(base, router, ids, { name, cost, file: `${name}.csv`, text });
      if (!res.ok) return;
      later(() => {
        if (!current()) return;
        // The pool and what re-routing reads of it (relive): the default lambda and the routing there.
        const rehearsedPool = evaluatePool(base, [res.data.model], pool);
        const method = POOL_METHODS.find((m) => rehearsedPool.methods[m]);
        if (method) routeLive(rehearsedPool, method, defaultPenalty(rehearsedPool, method)?.costPenalty ?? 0);
        if (left > 1) round(left - 1);
      });
    });
  round(ROUNDS);
}
