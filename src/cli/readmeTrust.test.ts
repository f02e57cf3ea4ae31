/**
 * The README's "Trusting the numbers" commands, run as written on the in-repo sample
 * (src/cli/readme.test-util.ts), and the output the section quotes: every quoted line is a line the
 * command prints ("..." stands for lines left out, "(...)" for a parenthesis shortened), and the
 * numbers of its prose are those of the quoted tables.
 */
import { describe, expect, it } from 'vitest';
import { argvOf, blocks, routelabLines, runLines, sandbox, section } from './readme.test-util';

const TRUST = section('Trusting the numbers');

/** The ```text block of the section that starts with `start`. */
function quoted(start: string): string[] {
  const found = blocks('text', TRUST).filter((b) => b.startsWith(start));
  expect(found, `one quoted block starting "${start}"`).toHaveLength(1);
  return found[0].split('\n').filter((l) => l.trim() !== '' && l !== '...');
}

/** Each quoted line is a whole line of `output`, "(...)" matching any parenthesised text. */
function expectPrinted(lines: string[], output: string): void {
  const printed = output.split('\n');
  for (const line of lines) {
    const pattern = new RegExp(
      `^${line
        .split('(...)')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\(.*?\\)')}$`,
    );
    expect(
      printed.some((l) => pattern.test(l)),
      `"${line}" printed by the command`,
    ).toBe(true);
  }
}

describe('README: trusting the numbers', () => {
  it('every command runs as written on the in-repo sample and prints what the README quotes', async () => {
    const lines = routelabLines(TRUST);
    expect(lines.map((l) => argvOf(l)[0])).toEqual(['eval', 'onboard', 'train', 'route']);
    expect(lines.every((l) => l.includes('--data data/llmrouter-sample') || !l.includes('--data'))).toBe(true);
    const [evalOut, onboardOut, , routeOut] = (await runLines(lines, sandbox())).map((r) => r.stdout);

    expect(evalOut).toContain('95% intervals, paired bootstrap over test prompts (200 resamples):');
    const comparisons = quoted('comparison ');
    expect(comparisons.filter((l) => / (better|worse|tied)$/.test(l))).toHaveLength(3);
    expectPrinted(comparisons, evalOut);
    const paying = quoted('Is routing paying?');
    expect(paying[0]).toBe('Is routing paying? UniRoute (learned map) at lambda = 0.1 (trial seed 2):');
    expectPrinted(paying, evalOut);

    const onboard = quoted('labels ');
    expectPrinted(onboard, onboardOut);
    // The prose: "added from 5 labels takes S of the traffic ... (S' with all N) and costs G Area; M labels come within 0.01".
    const row = (labels: string) => {
      const m = new RegExp(`^${labels} +(\\d+) +\\d+ +[\\d.]+ \\[.*?\\] +(-?[\\d.]+) \\[.*?\\] +[\\d.]+ +([\\d.]+%)`).exec(
        onboard.find((l) => l.startsWith(`${labels} `)) ?? '',
      );
      expect(m, `the ${labels} row`).not.toBeNull();
      return { n: m![1], gap: m![2], share: m![3] };
    };
    const [five, all] = [row('5'), row('all')];
    const within = onboard.at(-1)!.split(': ')[1];
    expect(TRUST.replace(/\s+/g, ' ')).toContain(
      `added from 5 labels takes ${five.share} of the traffic at lambda = 0 on average (${all.share} with all ${all.n}) and costs ${five.gap} Area; ${within} labels come within 0.01`,
    );

    const summary = quoted('200 production prompts');
    expect(summary.some((l) => l.startsWith('cluster mix against the validation mix: total-variation distance'))).toBe(true);
    expect(summary.some((l) => l.startsWith('predicted accuracy: '))).toBe(true);
    expectPrinted(summary, routeOut);
  }, 120_000);
});
