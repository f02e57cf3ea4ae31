/** The closing line of `npm test` (scripts/test.ts) counts both runners' passed, failed and skipped tests. */
import { describe, expect, it } from 'vitest';
import { closingLine, playwrightCounts, vitestCounts } from '../../scripts/test';
import { extendedLabel } from './datasets.node';

const test = (status: string, fullName = 'a test') => ({ status, fullName });
const extended = extendedLabel(['routerbench_subset', 'llmrouter_nim9'], 'reads the full data');

describe('npm test closing line', () => {
  it('counts passed and failed tests, and skipped only for the extended suite', () => {
    const counts = vitestCounts({
      testResults: [
        {
          status: 'passed',
          assertionResults: [test('passed'), test('passed'), test('skipped', extended), test('pending', `block ${extended} > it`)],
        },
        { status: 'failed', assertionResults: [test('passed'), test('failed')] },
      ],
    });
    expect(counts).toEqual({ passed: 3, failed: 1, skipped: 2 });
  });

  it('counts as failed what did not run for another reason: a failed beforeAll, a file that failed to load, a bare skip or todo', () => {
    // Vitest reports the tests of a file whose beforeAll threw as skipped, with no failed test.
    const hookFailed = { status: 'failed', assertionResults: [test('skipped'), test('skipped'), test('skipped', extended)] };
    expect(vitestCounts({ testResults: [hookFailed] })).toEqual({ passed: 0, failed: 3, skipped: 0 });
    expect(vitestCounts({ testResults: [{ status: 'failed', assertionResults: [] }] })).toEqual({ passed: 0, failed: 1, skipped: 0 });
    const bare = { status: 'passed', assertionResults: [test('skipped'), test('todo'), test('passed')] };
    expect(vitestCounts({ testResults: [bare] })).toEqual({ passed: 1, failed: 2, skipped: 0 });
  });

  it('counts Playwright expected + flaky as passed, unexpected as failed, and skipped', () => {
    expect(playwrightCounts({ stats: { expected: 7, unexpected: 1, flaky: 2, skipped: 3 } })).toEqual({ passed: 9, failed: 1, skipped: 3 });
  });

  it('prints exactly `N passed, N failed, N skipped`', () => {
    expect(closingLine({ passed: 12, failed: 0, skipped: 5 })).toBe('12 passed, 0 failed, 5 skipped');
  });
});
