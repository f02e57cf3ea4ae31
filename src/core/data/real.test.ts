import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Dataset, DataIssue, NamedText, Result } from '../types';
import { loadDataset } from './load';
import { readDatasetDir } from './readDir.node';
import { SAMPLE_DIR, itShared, sharedDir, type SharedName } from '../../testing/datasets.node';
import { parsePromptList } from '../insight/promptList';
import {
  PRODUCTION_FILE,
  PRODUCTION_PER_SOURCE,
  PRODUCTION_SEED,
  PRODUCTION_SOURCES,
  REMOVED_SOURCES,
  SAMPLE_FILES,
  buildSample,
} from '../../../scripts/llmrouter-sample';

function good<T>(r: Result<T>): { data: T; warnings: DataIssue[] } {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues.slice(0, 5), null, 1)}`);
  return r;
}

function meanScore(d: Dataset, model: string): number {
  const M = d.models.length;
  const m = d.models.findIndex((x) => x.name === model);
  let sum = 0;
  for (let p = 0; p < d.prompts.length; p++) sum += d.scores[p * M + m];
  return sum / d.prompts.length;
}

function oracle(d: Dataset): number {
  const M = d.models.length;
  let sum = 0;
  for (let p = 0; p < d.prompts.length; p++) {
    let best = 0;
    for (let m = 0; m < M; m++) best = Math.max(best, d.scores[p * M + m]);
    sum += best;
  }
  return sum / d.prompts.length;
}

function load(name: SharedName): { data: Dataset; warnings: DataIssue[] } {
  return good(loadDataset(readDatasetDir(sharedDir(name))));
}

describe('the in-repo sample data/llmrouter-sample (MIT LLMRouter, no GPQA)', () => {
  it('1200 prompts x 9 LLMs, 13 benchmarks with the counts of its SOURCE.md, prices per 1M tokens', () => {
    const { data, warnings } = good(loadDataset(readDatasetDir(SAMPLE_DIR)));
    expect(warnings).toEqual([]);
    expect(data.name).toBe('llmrouter-sample');
    expect(data.prompts.length).toBe(1200);
    expect(data.models.length).toBe(9);
    expect(data.costUnit).toMatch(/^USD per 1M tokens/);
    const tasks: Record<string, number> = {};
    for (const p of data.prompts) tasks[p.task ?? ''] = (tasks[p.task ?? ''] ?? 0) + 1;
    for (const removed of REMOVED_SOURCES) expect(tasks[removed]).toBeUndefined();
    // The table of SOURCE.md, read from the file so the documentation cannot drift from the data.
    const documented = Object.fromEntries(
      [...readFileSync(path.join(SAMPLE_DIR, 'SOURCE.md'), 'utf8').matchAll(/\| ([a-z0-9_-]+) \| (\d+) \|/g)].map((m) => [
        m[1],
        Number(m[2]),
      ]),
    );
    expect(tasks).toEqual(documented);
    expect(Object.keys(tasks)).toHaveLength(13);
    expect(data.models.find((m) => m.name === 'gemma-2-9b-it')?.cost).toBe(0.1);
    expect(meanScore(data, 'llama-3.1-nemotron-51b-instruct')).toBeCloseTo(0.65, 2);
    expect(meanScore(data, 'llama3-chatqa-1.5-8b')).toBeCloseTo(0.19, 2);
    expect(data.scores.some((v) => v > 0 && v < 1)).toBe(true); // commongen's coverage fractions
  });

  it('ships its licence and attribution', () => {
    expect(readFileSync(path.join(SAMPLE_DIR, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2024 U Lab @UIUC\n/);
    const source = readFileSync(path.join(SAMPLE_DIR, 'SOURCE.md'), 'utf8');
    expect(source).toContain('https://github.com/ulab-uiuc/LLMRouter');
    expect(source).toContain('4e7a796942ce26e9d5f2b93191c7c2585c99c2e3');
    expect(source).toContain('scripts/llmrouter-sample.ts');
  });

  it('ships unlabelled production prompts for the shift preview: 50 of each of its four smallest benchmarks, none in the sample', () => {
    const file = path.join(SAMPLE_DIR, PRODUCTION_FILE);
    const text = readFileSync(file, 'utf8');
    const list = parsePromptList({ name: file, text });
    if (!list.ok) throw new Error(list.issues[0].message);
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual(['prompt_id', 'text', 'source']);
    expect(list.data.ids).toEqual(rows.data.map((r) => r.prompt_id));
    expect(list.data.ids).toHaveLength(200);
    const bySource: Record<string, number> = {};
    for (const r of rows.data) bySource[r.source] = (bySource[r.source] ?? 0) + 1;
    expect(bySource).toEqual(Object.fromEntries(PRODUCTION_SOURCES.map((s) => [s, PRODUCTION_PER_SOURCE])));
    const sample = good(loadDataset(readDatasetDir(SAMPLE_DIR))).data;
    // The four benchmarks the sample holds least of, and prompts it does not hold.
    const counts = new Map<string, number>();
    for (const p of sample.prompts) counts.set(p.task!, (counts.get(p.task!) ?? 0) + 1);
    const smallest = [...counts].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, 4);
    expect(smallest.map(([task]) => task).sort()).toEqual([...PRODUCTION_SOURCES].sort());
    const inSample = new Set(sample.prompts.map((p) => p.id));
    const texts = new Set(sample.prompts.map((p) => p.text));
    expect(list.data.ids.filter((id) => inSample.has(id) || !/^(train|test)-\d+$/.test(id))).toEqual([]);
    expect(list.data.texts.filter((t) => texts.has(t))).toEqual([]);
    const source = readFileSync(path.join(SAMPLE_DIR, 'SOURCE.md'), 'utf8');
    expect(source).toContain(`\`${PRODUCTION_FILE}\``);
    expect(source).toContain(`seed ${PRODUCTION_SEED}`);
  });

  itShared('llmrouter_nim9', 'is exactly what scripts/llmrouter-sample.ts makes from the full data', () => {
    const built = buildSample(sharedDir('llmrouter_nim9'));
    for (const name of SAMPLE_FILES) expect(built[name] === readFileSync(path.join(SAMPLE_DIR, name), 'utf8'), name).toBe(true);
  });
});

describe('real datasets in ../shared/data', () => {
  itShared('routerbench_subset', 'routerbench_subset: 3150 prompts x 11 models, costs.csv validated, facts of SOURCE.md', () => {
    const { data, warnings } = load('routerbench_subset');
    expect(warnings).toEqual([]);
    expect(data.name).toBe('routerbench_subset');
    expect(data.prompts.length).toBe(3150);
    expect(data.models.length).toBe(11);
    expect(data.costUnit).toMatch(/^USD per call/);
    const tasks: Record<string, number> = {};
    for (const p of data.prompts) tasks[p.task ?? ''] = (tasks[p.task ?? ''] ?? 0) + 1;
    expect(tasks).toEqual({ 'arc-challenge': 1456, mbpp: 427, winogrande: 1267 });
    // First row of correctness.csv: arc-challenge.test.1108,0,0,1,1,1,1,0,1,0,1,0
    expect(data.prompts[0].id).toBe('arc-challenge.test.1108');
    expect(Array.from(data.scores.subarray(0, 11))).toEqual([0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0]);
    expect(data.models[0]).toEqual({ name: 'WizardLM/WizardLM-13B-V1.2', cost: 0.000122844 });
    expect(meanScore(data, 'gpt-4-1106-preview')).toBeCloseTo(0.88, 2);
    expect(meanScore(data, 'claude-v2')).toBeCloseTo(0.55, 2);
    expect(oracle(data)).toBeCloseTo(0.976, 3);
    // The texts hold newlines, commas and quotes (parsed through quoted fields).
    expect(data.prompts.some((p) => p.text.includes('\n') && p.text.includes(',') && p.text.includes('"'))).toBe(true);
  });

  itShared('llmrouter_nim9', 'llmrouter_nim9: 5989 prompts x 9 models, prices per 1M tokens', () => {
    const { data, warnings } = load('llmrouter_nim9');
    expect(warnings).toEqual([]);
    expect(data.prompts.length).toBe(5989);
    expect(data.models.length).toBe(9);
    expect(data.costUnit).toMatch(/^USD per 1M tokens/);
    expect(data.models.find((m) => m.name === 'gemma-2-9b-it')?.cost).toBe(0.1);
    expect(data.models.find((m) => m.name === 'llama3-chatqa-1.5-70b')?.cost).toBe(0.9);
    expect(meanScore(data, 'llama-3.1-nemotron-51b-instruct')).toBeCloseTo(0.62, 2);
    expect(meanScore(data, 'qwen2.5-7b-instruct')).toBeCloseTo(0.51, 2);
    expect(oracle(data)).toBeCloseTo(0.8, 2);
    expect(data.prompts[0]).toMatchObject({ id: 'train-0000', task: 'agentverse-logicgrid' });
  });

  itShared('routerdc_7b', 'routerdc_7b: 20600 prompts x 7 models, soft scores in [0,1]', () => {
    const { data, warnings } = load('routerdc_7b');
    expect(warnings).toEqual([]);
    expect(data.prompts.length).toBe(20600);
    expect(data.models.map((m) => m.name)).toEqual([
      'mistralai/Mistral-7B-v0.1',
      'meta-math/MetaMath-Mistral-7B',
      'itpossible/Chinese-Mistral-7B-v0.1',
      'HuggingFaceH4/zephyr-7b-beta',
      'cognitivecomputations/dolphin-2.6-mistral-7b',
      'meta-llama/Meta-Llama-3-8B',
      'cognitivecomputations/dolphin-2.9-llama3-8b',
    ]);
    expect(data.models[0].cost).toBe(7.24);
    expect(oracle(data)).toBeCloseTo(0.71, 2);
    expect(data.scores.some((v) => v > 0 && v < 1)).toBe(true);
    expect(data.scores.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  itShared('routerbench_subset', 'a real dataset rewritten in the long layout (CSV and JSONL) loads to the same Dataset', () => {
    const wide = load('routerbench_subset').data;
    const costs = Papa.parse<string[]>(
      readDatasetDir(sharedDir('routerbench_subset')).find((f) => f.name.endsWith('costs.csv'))?.text ?? '',
      { skipEmptyLines: true },
    ).data;
    const costOf = new Map(costs.slice(1).map((row) => [row[0], row.slice(1)]));
    const M = wide.models.length;
    const records: Record<string, string | number>[] = [];
    wide.prompts.forEach((p, i) => {
      wide.models.forEach((m, j) => {
        records.push({
          prompt_id: p.id,
          prompt: p.text,
          model: m.name,
          score: wide.scores[i * M + j],
          cost: Number(costOf.get(p.id)?.[costs[0].indexOf(m.name) - 1]),
          task: p.task ?? '',
        });
      });
    });
    const asCsv: NamedText = { name: 'long.csv', text: Papa.unparse(records) };
    const asJsonl: NamedText = { name: 'long.jsonl', text: records.map((r) => JSON.stringify(r)).join('\n') };
    for (const file of [asCsv, asJsonl]) {
      const { data } = good(loadDataset([file]));
      expect(data.prompts).toEqual(wide.prompts);
      expect(data.scores).toEqual(wide.scores);
      // models.csv's cost is the mean of costs.csv's column, rounded: the long layout recomputes that mean.
      data.models.forEach((m, j) => {
        expect(m.name).toBe(wide.models[j].name);
        expect(Math.abs(m.cost - wide.models[j].cost) / wide.models[j].cost).toBeLessThan(1e-5);
      });
    }
  });
});
