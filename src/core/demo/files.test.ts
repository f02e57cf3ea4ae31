import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data';
import type { Dataset } from '../types';
import { csvField, demoDatasetFiles, toCsv } from './files';
import { generateDemoDataset } from './generate';

function parse(text: string): string[][] {
  const out = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(out.errors).toEqual([]);
  return out.data;
}

describe('RFC-4180 writing', () => {
  it('quotes exactly the fields that need it and doubles quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
    expect(
      toCsv([
        ['id', 'text'],
        ['p1', 'x, "y"\nz'],
      ]),
    ).toBe('id,text\np1,"x, ""y""\nz"\n');
  });

  it('writes a hand-made dataset, NaN as a blank cell', () => {
    const ds: Dataset = {
      name: 't',
      costUnit: 'USD per call',
      prompts: [
        { id: 'p1', text: 'Add 2, 3', task: 'math' },
        { id: 'p2', text: 'hi' },
      ],
      models: [
        { name: 'm-a', cost: 0.5 },
        { name: 'm-b', cost: 12 },
      ],
      scores: new Float64Array([1, NaN, 0, 0.25]),
    };
    const [prompts, correctness, models] = demoDatasetFiles(ds);
    expect(prompts).toEqual({ name: 'prompts.csv', text: 'prompt_id,text,task\np1,"Add 2, 3",math\np2,hi,\n' });
    expect(correctness).toEqual({ name: 'correctness.csv', text: 'prompt_id,m-a,m-b\np1,1,\np2,0,0.25\n' });
    expect(models).toEqual({ name: 'models.csv', text: 'model,cost,cost_unit\nm-a,0.5,USD per call\nm-b,12,USD per call\n' });
  });
});

describe('demoDatasetFiles round trip through papaparse', () => {
  const ds = generateDemoDataset();
  const files = demoDatasetFiles(ds);
  const byName = Object.fromEntries(files.map((f) => [f.name, f.text]));

  it('names the three files of the wide layout', () => {
    expect(files.map((f) => f.name)).toEqual(['prompts.csv', 'correctness.csv', 'models.csv']);
  });

  it('prompts.csv gives back every id, text (commas, quotes, newlines) and task', () => {
    const rows = parse(byName['prompts.csv']);
    expect(rows[0]).toEqual(['prompt_id', 'text', 'task']);
    expect(rows).toHaveLength(ds.prompts.length + 1);
    rows.slice(1).forEach((row, i) => expect(row).toEqual([ds.prompts[i].id, ds.prompts[i].text, ds.prompts[i].task]));
    // The file really exercises quoting.
    expect(byName['prompts.csv']).toContain('""');
    expect(ds.prompts.some((p) => p.text.includes('\n') && p.text.includes('"') && p.text.includes(','))).toBe(true);
  });

  it('correctness.csv gives back every score in model column order', () => {
    const rows = parse(byName['correctness.csv']);
    const M = ds.models.length;
    expect(rows[0]).toEqual(['prompt_id', ...ds.models.map((m) => m.name)]);
    expect(rows).toHaveLength(ds.prompts.length + 1);
    rows.slice(1).forEach((row, p) => {
      expect(row[0]).toBe(ds.prompts[p].id);
      expect(row.slice(1).map(Number)).toEqual(Array.from(ds.scores.subarray(p * M, (p + 1) * M)));
    });
  });

  it('models.csv gives back every model, cost and the cost unit', () => {
    const rows = parse(byName['models.csv']);
    expect(rows[0]).toEqual(['model', 'cost', 'cost_unit']);
    expect(rows.slice(1)).toEqual(ds.models.map((m) => [m.name, String(m.cost), ds.costUnit]));
    expect(rows.slice(1).map((r) => Number(r[1]))).toEqual(ds.models.map((m) => m.cost));
  });

  it('the core loader reads the files back unchanged, with no warnings', () => {
    const loaded = loadDataset(files);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
    expect(loaded.warnings).toEqual([]);
    expect(loaded.data.prompts).toEqual(ds.prompts);
    expect(loaded.data.models).toEqual(ds.models);
    expect(loaded.data.costUnit).toBe(ds.costUnit);
    expect(Array.from(loaded.data.scores)).toEqual(Array.from(ds.scores));
  });
});
