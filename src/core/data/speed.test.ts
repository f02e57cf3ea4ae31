import { describe, expect, it } from 'vitest';
import { loadDataset } from './load';

// A 20,000 prompt x 100 model benchmark (with prompt texts) must load in the browser without a
// wait; the bound is loose so that it only catches a pathological slowdown on a busy machine.
describe('loadDataset speed', () => {
  it('loads 20,000 prompts x 100 models in well under 2 s', () => {
    const P = 20000;
    const M = 100;
    const names = Array.from({ length: M }, (_, m) => `model-${m}`);
    const prompts: string[] = ['prompt_id,text,task'];
    const rows: string[] = [`prompt_id,${names.join(',')}`];
    const cells = ['0', '1', '0.25', '', '1', '0'];
    for (let p = 0; p < P; p++) {
      prompts.push(`p${p},"Question ${p}: what is ""x"", given a, b\nand c? ${'lorem ipsum '.repeat(20)}",task${p % 10}`);
      const row = [`p${p}`];
      for (let m = 0; m < M; m++) row.push(cells[(p * 7 + m * 3) % cells.length]);
      rows.push(row.join(','));
    }
    const files = [
      { name: 'prompts.csv', text: prompts.join('\n') },
      { name: 'correctness.csv', text: rows.join('\n') },
      { name: 'models.csv', text: `model,cost\n${names.map((n, m) => `${n},${m + 1}`).join('\n')}` },
    ];
    const t0 = performance.now();
    const r = loadDataset(files);
    const ms = performance.now() - t0;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.prompts.length).toBe(P);
    expect(r.data.scores.length).toBe(P * M);
    // Cell (p, m) = cells[(7p + 3m) mod 6]: (1, 2) -> cells[13 mod 6 = 1] = '1'; (0, 1) -> cells[3] = blank.
    expect(r.data.scores[1 * M + 2]).toBe(1);
    expect(r.data.scores[0 * M + 1]).toBeNaN();
    expect(ms).toBeLessThan(2000);
  });
});
