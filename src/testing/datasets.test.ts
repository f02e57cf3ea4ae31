import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIR, SHARED_DATA, hasSharedData, loadScores, sharedDataRequired, sharedGate, textsOf } from './datasets.node';

describe('the extended-suite gate', () => {
  const has = (present: string[]) => (name: string) => present.includes(name);

  it('runs when every dataset named is there', () => {
    expect(sharedGate(['llmrouter_nim9', 'routerdc_7b'], {}, has(['llmrouter_nim9', 'routerdc_7b']))).toEqual({ run: true });
    expect(sharedGate('llmrouter_nim9', { CI: 'true' }, has(['llmrouter_nim9']))).toEqual({ run: true });
  });

  it('skips when one is missing, and fails instead when CI is set', () => {
    expect(sharedGate(['llmrouter_nim9', 'routerdc_7b'], {}, has(['llmrouter_nim9']))).toEqual({ run: false, fail: null });
    const gate = sharedGate(['llmrouter_nim9', 'routerdc_7b'], { CI: '1' }, has(['llmrouter_nim9']));
    expect(gate.run).toBe(false);
    expect(!gate.run && gate.fail).toBe(
      `extended suite: ${path.join(SHARED_DATA, 'routerdc_7b')} is missing and CI is set, so these tests must run (CI has the data)`,
    );
  });

  it('reads CI as set for any value but empty, 0 and false', () => {
    expect([undefined, '', '0', 'false', 'FALSE', ' '].map((CI) => sharedDataRequired({ CI }))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['1', 'true', 'yes', 'github'].map((CI) => sharedDataRequired({ CI }))).toEqual([true, true, true, true]);
  });

  it('looks for ../shared/data beside the checkout', () => {
    expect(SHARED_DATA).toBe(path.resolve(SAMPLE_DIR, '../../../shared/data'));
    expect(hasSharedData('llmrouter_nim9')).toBe(existsSync(path.join(SHARED_DATA, 'llmrouter_nim9', 'correctness.csv')));
  });
});

describe('the in-repo sample as the tests read it', () => {
  it('scores and texts line up by prompt id', () => {
    const table = loadScores(SAMPLE_DIR);
    expect([table.promptIds.length, table.modelNames.length, table.scores.length]).toEqual([1200, 9, 10800]);
    expect(table.costs.every((c) => c === 0.1 || c === 0.2 || c === 0.9)).toBe(true);
    const texts = textsOf(SAMPLE_DIR, table.promptIds);
    expect(texts.every((t) => t.length > 0)).toBe(true);
    expect(() => textsOf(SAMPLE_DIR, ['no-such-prompt'])).toThrow('prompts.csv has no prompt no-such-prompt');
  });
});
