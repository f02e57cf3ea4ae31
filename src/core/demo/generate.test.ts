import { describe, expect, it } from 'vitest';
import { demoDatasetFiles } from './files';
import { DEMO_COST_UNIT, DEMO_DATASET_NAME, generateDemoDataset, generateDemoDetailed } from './generate';
import { DEMO_FAMILIES, DEMO_MODELS } from './models';
import { plural, withArticle } from './text';

const demo = generateDemoDataset();
const M = demo.models.length;

describe('generateDemoDataset: shape', () => {
  it('has the default size, >= 8 task families and >= 10 models', () => {
    expect(demo.name).toBe(DEMO_DATASET_NAME);
    expect(demo.costUnit).toBe(DEMO_COST_UNIT);
    expect(demo.costUnit).toMatch(/synthetic/);
    expect(demo.prompts).toHaveLength(2400);
    expect(new Set(demo.prompts.map((p) => p.task)).size).toBeGreaterThanOrEqual(8);
    expect(M).toBeGreaterThanOrEqual(10);
    expect(demo.scores).toHaveLength(2400 * M);
    expect(demo.embeddings).toBeUndefined();
  });

  it('spreads prompts evenly over the families (2400 / 11 -> 218 or 219 each)', () => {
    const counts = new Map<string, number>();
    for (const p of demo.prompts) counts.set(p.task!, (counts.get(p.task!) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(DEMO_FAMILIES.map((f) => f.task).sort());
    for (const n of counts.values()) expect([218, 219]).toContain(n);
  });

  it('scores are 0/1 correctness', () => {
    for (const s of demo.scores) expect(s === 0 || s === 1).toBe(true);
  });

  it('has unique ids and (almost) unique texts', () => {
    expect(new Set(demo.prompts.map((p) => p.id)).size).toBe(demo.prompts.length);
    expect(demo.prompts[0].id).toBe('demo-0001');
    const texts = new Set(demo.prompts.map((p) => p.text));
    expect(demo.prompts.length - texts.size).toBeLessThanOrEqual(demo.prompts.length * 0.005);
  });

  it('has prompts with commas, quotes and newlines (realistic multi-line prompts)', () => {
    const texts = demo.prompts.map((p) => p.text);
    expect(texts.filter((t) => t.includes(',')).length).toBeGreaterThan(200);
    expect(texts.filter((t) => t.includes('"')).length).toBeGreaterThan(50);
    expect(texts.filter((t) => t.includes('\n')).length).toBeGreaterThan(100);
    expect(texts.some((t) => t.includes('```python\n'))).toBe(true);
    expect(texts.some((t) => /^(Reading comprehension\.\n|Reading test, part 2\.\n)?Passage: .+\nQuestion: /.test(t))).toBe(true);
  });

  it('uses fictional model names and costs spanning ~100x', () => {
    const names = demo.models.map((m) => m.name);
    expect(new Set(names).size).toBe(M);
    for (const n of names) expect(n).not.toMatch(/gpt|claude|llama|mistral|mixtral|gemma|qwen|gemini|phi-|deepseek/i);
    const costs = demo.models.map((m) => m.cost);
    expect(Math.max(...costs) / Math.min(...costs)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...costs) / Math.min(...costs)).toBeLessThanOrEqual(100);
  });
});

describe('generateDemoDataset: determinism and options', () => {
  it('the same seed gives byte-identical files; another seed gives different data', () => {
    const a = demoDatasetFiles(generateDemoDataset({ seed: 7 }));
    const b = demoDatasetFiles(generateDemoDataset({ seed: 7 }));
    expect(a).toEqual(b);
    const c = demoDatasetFiles(generateDemoDataset({ seed: 8 }));
    expect(c[0].text).not.toBe(a[0].text);
    expect(c[1].text).not.toBe(a[1].text);
    expect(c[2].text).toBe(a[2].text); // models.csv does not depend on the seed
    expect(demoDatasetFiles(demo)).toEqual(demoDatasetFiles(generateDemoDataset({ seed: 2025 })));
  });

  it('honours the prompt count and rejects a bad one', () => {
    const small = generateDemoDataset({ prompts: 33 });
    expect(small.prompts).toHaveLength(33);
    expect(small.scores).toHaveLength(33 * M);
    // 33 = 3 x 11 families.
    expect(new Set(small.prompts.map((p) => p.task)).size).toBe(11);
    expect(generateDemoDataset({ prompts: 12000 }).prompts[11999].id).toBe('demo-12000');
    expect(() => generateDemoDataset({ prompts: 0 })).toThrow('prompts must be a positive integer, got 0');
    expect(() => generateDemoDataset({ prompts: 2.5 })).toThrow('prompts must be a positive integer, got 2.5');
  });

  it('generates the default size in well under 300 ms', () => {
    generateDemoDataset({ seed: 1 }); // warm-up (JIT)
    const t0 = performance.now();
    generateDemoDataset({ seed: 2 });
    expect(performance.now() - t0).toBeLessThan(300);
  });
});

describe('latent model', () => {
  it('hard templates are harder for every model, and cheap models lose more on them', () => {
    const { dataset, levels, difficulty } = generateDemoDetailed();
    expect(levels).toHaveLength(dataset.prompts.length);
    expect(difficulty).toHaveLength(dataset.prompts.length);
    const accuracy = (level: string, m: number) => {
      let n = 0;
      let s = 0;
      levels.forEach((l, p) => {
        if (l !== level) return;
        n++;
        s += dataset.scores[p * M + m];
      });
      return s / n;
    };
    const drops = DEMO_MODELS.map((_, m) => accuracy('easy', m) - accuracy('hard', m));
    for (const d of drops) expect(d).toBeGreaterThan(0.1);
    // pico-chat (sensitivity 1.3) drops more than atlas-ultra (0.8).
    expect(drops[0]).toBeGreaterThan(drops[M - 1]);
  });
});

describe('text kit', () => {
  it('chooses a / an by sound, numbers included', () => {
    expect(['engineer', 'chef', '8', '80', '11', '18', '110', '2'].map(withArticle)).toEqual([
      'an engineer',
      'a chef',
      'an 8',
      'an 80',
      'an 11',
      'an 18',
      'a 110',
      'a 2',
    ]);
    expect(plural(1, 'year')).toBe('1 year');
    expect(plural(3, 'year')).toBe('3 years');
  });
});
