/** The closing line of `npm test` (scripts/test.ts) counts both runners' passed, failed and skipped tests. */
import { describe, expect, it } from 'vitest';
import { closingLine, playwrightCounts, vitestCounts } from '../../scripts/test';

describe('npm test closing line', () => {
  it('counts Vitest skipped (pending + todo) tests and files that failed to load', () => {
    const counts = vitestCounts({
      numPassedTests: 10,
      numFailedTests: 1,
      numPendingTests: 3,
      numTodoTests: 1,
      testResults: [
        { status: 'passed', assertionResults: [{}, {}] },
        { status: 'failed', assertionResults: [] },
      ],
    });
    expect(counts).toEqual({ passed: 10, failed: 2, skipped: 4 });
  });

  it('counts Playwright expected + flaky as passed, unexpected as failed, and skipped', () => {
    expect(playwrightCounts({ stats: { expected: 7, unexpected: 1, flaky: 2, skipped: 3 } })).toEqual({ passed: 9, failed: 1, skipped: 3 });
  });

  it('prints exactly `N passed, N failed, N skipped`', () => {
    expect(closingLine({ passed: 12, failed: 0, skipped: 5 })).toBe('12 passed, 0 failed, 5 skipped');
  });
});
