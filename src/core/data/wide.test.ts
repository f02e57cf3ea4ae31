import { describe, expect, it } from 'vitest';
import type { Dataset, DataIssue, NamedText, Result } from '../types';
import { loadDataset } from './load';

const PROMPTS = ['prompt_id,text,source', 'p1,What is 2+2?,math', 'p2,"Say ""hi"", then stop.', 'Thanks",chat', 'p3,Plain,'].join('\n');
// Rows in another order than prompts.csv; p1 has no score for "small" (blank = not scored).
const CORRECTNESS = 'prompt_id,big,small\np2,1,0.5\np1,1,\np3,0,0\n';
const MODELS = 'model,cost,cost_unit,notes\nsmall,0.5,USD per call,x\nbig,2,USD per call,y\n';

function good<T>(r: Result<T>): { data: T; warnings: DataIssue[] } {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues, null, 1)}`);
  return r;
}

function issuesOf(r: Result<Dataset>): DataIssue[] {
  if (r.ok) throw new Error('expected issues, got a dataset');
  return r.issues;
}

const files = (extra: NamedText[] = [], base = 'bench/'): NamedText[] => [
  { name: `${base}prompts.csv`, text: PROMPTS },
  { name: `${base}correctness.csv`, text: CORRECTNESS },
  { name: `${base}models.csv`, text: MODELS },
  ...extra,
];

describe('loadDataset: wide layout', () => {
  it('loads prompts, models in correctness.csv column order, and row-major scores', () => {
    const { data, warnings } = good(loadDataset(files()));
    expect(data.name).toBe('bench');
    expect(data.prompts).toEqual([
      { id: 'p1', text: 'What is 2+2?', task: 'math' },
      { id: 'p2', text: 'Say "hi", then stop.\nThanks', task: 'chat' },
      { id: 'p3', text: 'Plain' },
    ]);
    // Column order of correctness.csv (big, small), costs from models.csv.
    expect(data.models).toEqual([
      { name: 'big', cost: 2 },
      { name: 'small', cost: 0.5 },
    ]);
    expect(data.costUnit).toBe('USD per call');
    // prompts.csv order p1, p2, p3 x (big, small): p1 = (1, blank), p2 = (1, 0.5), p3 = (0, 0).
    expect(Array.from(data.scores)).toEqual([1, NaN, 1, 0.5, 0, 0]);
    expect(data.embeddings).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('matches file names case-insensitively under any folder, takes CRLF + BOM, and names the dataset', () => {
    const crlf = (s: string): string => '\uFEFF' + s.replace(/\n/g, '\r\n');
    const r = good(
      loadDataset([
        { name: 'C:\\data\\mine\\Prompts.CSV', text: crlf(PROMPTS) },
        { name: 'C:\\data\\mine\\CORRECTNESS.csv', text: crlf(CORRECTNESS) },
        { name: 'C:\\data\\mine\\models.csv', text: crlf(MODELS) },
      ]),
    );
    expect(r.data.name).toBe('mine');
    // The CRLF inside p2's quoted text is kept as written.
    expect(r.data.prompts[1].text).toBe('Say "hi", then stop.\r\nThanks');
    expect(Array.from(r.data.scores)).toEqual([1, NaN, 1, 0.5, 0, 0]);
    expect(loadDataset(files(), { name: 'given' }).ok && good(loadDataset(files(), { name: 'given' })).data.name).toBe('given');
  });

  it('prefers a task column over source, and ignores other columns', () => {
    const prompts = 'id2,prompt_id,source,task,text\nx,p1,s1,t1,hello\n';
    const r = good(
      loadDataset([
        { name: 'prompts.csv', text: prompts },
        { name: 'correctness.csv', text: 'prompt_id,m\np1,1\n' },
        { name: 'models.csv', text: 'model,cost\nm,1\n' },
      ]),
    );
    expect(r.data.prompts).toEqual([{ id: 'p1', text: 'hello', task: 't1' }]);
    expect(r.data.costUnit).toBe('');
    expect(r.data.name).toBe('dataset');
  });

  it('reports every problem across the files with file, row and column, and loads nothing', () => {
    const issues = issuesOf(
      loadDataset([
        { name: 'prompts.csv', text: 'prompt_id,text\np1,a\np1,b\n,c\np4,d\n' },
        { name: 'correctness.csv', text: 'prompt_id,big,small,ghost\np1,1,x,0\np9,1,0,0\np1,0,0,0\np4,1.5,-0.1,\n' },
        { name: 'models.csv', text: 'model,cost\nbig,2\nsmall,-1\norphan,abc\nbig,3\ntiny,\n' },
      ]),
    );
    expect(issues).toEqual([
      { file: 'prompts.csv', row: 3, column: 'prompt_id', message: 'duplicate prompt_id "p1" (first in row 2)' },
      { file: 'prompts.csv', row: 4, column: 'prompt_id', message: 'prompt_id is empty' },
      { file: 'models.csv', row: 3, column: 'cost', message: 'cost -1 is negative' },
      { file: 'models.csv', row: 4, column: 'cost', message: 'cost "abc" is not a number' },
      { file: 'models.csv', row: 5, column: 'model', message: 'duplicate model "big" (first in row 2)' },
      { file: 'models.csv', row: 6, column: 'cost', message: 'cost is missing' },
      { file: 'correctness.csv', row: 1, column: 'ghost', message: 'model "ghost" is not in models.csv' },
      { file: 'models.csv', row: 4, column: 'model', message: 'model "orphan" has no column in correctness.csv' },
      { file: 'models.csv', row: 6, column: 'model', message: 'model "tiny" has no column in correctness.csv' },
      { file: 'correctness.csv', row: 2, column: 'small', message: 'score "x" is not a number' },
      { file: 'correctness.csv', row: 3, column: 'prompt_id', message: 'unknown prompt_id "p9": not in prompts.csv' },
      { file: 'correctness.csv', row: 4, column: 'prompt_id', message: 'duplicate prompt_id "p1" (first in row 2)' },
      { file: 'correctness.csv', row: 5, column: 'big', message: 'score 1.5 is outside [0, 1]' },
      { file: 'correctness.csv', row: 5, column: 'small', message: 'score -0.1 is outside [0, 1]' },
    ]);
  });

  it('names missing files and missing columns', () => {
    expect(issuesOf(loadDataset([{ name: 'd/correctness.csv', text: CORRECTNESS }]))).toEqual([
      {
        file: 'prompts.csv',
        message: 'missing required file prompts.csv (the wide layout needs prompts.csv, correctness.csv and models.csv)',
      },
      {
        file: 'models.csv',
        message: 'missing required file models.csv (the wide layout needs prompts.csv, correctness.csv and models.csv)',
      },
    ]);
    expect(issuesOf(loadDataset([...files([], 'a/'), { name: 'b/Prompts.csv', text: PROMPTS }]))).toEqual([
      { file: 'b/Prompts.csv', message: 'two prompts.csv files given (also a/prompts.csv)' },
    ]);
    expect(
      issuesOf(
        loadDataset([
          { name: 'prompts.csv', text: 'id,body\np1,a\n' },
          { name: 'correctness.csv', text: CORRECTNESS },
          { name: 'models.csv', text: 'name,price\nbig,1\n' },
        ]),
      ),
    ).toEqual([
      { file: 'prompts.csv', row: 1, message: 'missing required column "prompt_id"; the header is: id, body' },
      { file: 'prompts.csv', row: 1, message: 'missing required column "text" or "prompt"; the header is: id, body' },
      { file: 'models.csv', row: 1, message: 'missing required column "model"; the header is: name, price' },
      { file: 'models.csv', row: 1, message: 'missing required column "cost"; the header is: name, price' },
    ]);
  });

  it('rejects empty, header-only and binary files, and lists ignored files with the issues', () => {
    expect(
      issuesOf(
        loadDataset([
          { name: 'prompts.csv', text: '' },
          { name: 'correctness.csv', text: 'prompt_id,big\n' },
          { name: 'models.csv', text: '\u0089PNG\r\n\u001a\n\u0000' },
          { name: 'scores.xlsx', text: 'PK\u0003\u0004' },
        ]),
      ),
    ).toEqual([
      { file: 'prompts.csv', message: 'file is empty' },
      { file: 'correctness.csv', message: 'file has a header but no data rows' },
      { file: 'models.csv', message: 'not a CSV text file: it looks like a PNG image' },
      { file: 'scores.xlsx', message: 'ignored: not part of the wide layout and not an embeddings file' },
    ]);
  });

  it('reports unnamed and duplicate model columns, and cost units that disagree', () => {
    expect(
      issuesOf(
        loadDataset([
          { name: 'prompts.csv', text: PROMPTS },
          { name: 'correctness.csv', text: 'prompt_id,big,,big\np1,1,1,1\n' },
          { name: 'models.csv', text: 'model,cost,cost_unit\nbig,1,USD\n' },
        ]),
      ),
    ).toEqual([
      { file: 'correctness.csv', row: 1, message: 'column 3 has no name: every column after prompt_id must be named after a model' },
      { file: 'correctness.csv', row: 1, column: 'big', message: 'duplicate model column "big" (columns 2 and 4)' },
    ]);
    expect(
      issuesOf(
        loadDataset(
          files([], '').map((f) => (f.name === 'models.csv' ? { ...f, text: 'model,cost,cost_unit\nsmall,1,USD\nbig,2,tokens\n' } : f)),
        ),
      ),
    ).toEqual([
      {
        file: 'models.csv',
        row: 3,
        column: 'cost_unit',
        message: 'cost_unit "tokens" differs from "USD" in row 2: every cost must be in one unit',
      },
    ]);
  });

  it('warns (does not fail) about prompts without scores and models never scored', () => {
    const r = good(
      loadDataset([
        { name: 'prompts.csv', text: 'prompt_id,text\np1,a\np2,b\np3,\n' },
        { name: 'correctness.csv', text: 'prompt_id,m1,m2\np1,1,\np2,,\n' },
        { name: 'models.csv', text: 'model,cost\nm1,1\nm2,2\n' },
        { name: 'notes.csv', text: 'a,b\n1,2\n' },
      ]),
    );
    // p3 has no correctness row: kept, all blank (our documented choice).
    expect(Array.from(r.data.scores)).toEqual([1, NaN, NaN, NaN, NaN, NaN]);
    // The ignored notes.csv does not name the dataset (no folder: the default name).
    expect(r.data.name).toBe('dataset');
    expect(r.warnings).toEqual([
      { file: 'notes.csv', message: 'ignored: not part of the wide layout and not an embeddings file' },
      { file: 'prompts.csv', column: 'text', message: '1 prompts have empty text (the built-in embedder sees nothing): "p3"' },
      { file: 'correctness.csv', message: '1 prompts in prompts.csv have no row here; they are kept with every score blank: "p3"' },
      { file: 'correctness.csv', message: '1 prompts have no score at all: "p2"' },
      { file: 'correctness.csv', column: 'm2', message: 'model "m2" has no score on any prompt' },
    ]);
  });

  it('validates costs.csv (shape and numbers) without changing Model.cost', () => {
    const costs = 'prompt_id,small,big\np1,0.1,1\np2,0.2,\np3,0.3,3\n';
    const r = good(loadDataset(files([{ name: 'bench/costs.csv', text: costs }])));
    expect(r.data.models).toEqual([
      { name: 'big', cost: 2 },
      { name: 'small', cost: 0.5 },
    ]);
    expect(r.warnings).toEqual([]);
    const bad = 'prompt_id,small,other\np1,0.1,1\np2,-2,x\npz,1,1\n';
    expect(issuesOf(loadDataset(files([{ name: 'bench/costs.csv', text: bad }])))).toEqual([
      { file: 'bench/costs.csv', row: 1, column: 'other', message: 'model "other" is not a model of correctness.csv' },
      {
        file: 'bench/costs.csv',
        row: 1,
        message: 'missing column for model "big" (costs.csv must have the model columns of correctness.csv)',
      },
      { file: 'bench/costs.csv', row: 3, column: 'small', message: 'cost -2 is negative' },
      { file: 'bench/costs.csv', row: 4, column: 'prompt_id', message: 'unknown prompt_id "pz": not in bench/prompts.csv' },
    ]);
  });

  it("uses a column mapping for the user's header names", () => {
    const r = good(
      loadDataset(
        [
          { name: 'prompts.csv', text: 'QID,Question,Family\nq1,hi,f\n' },
          { name: 'correctness.csv', text: 'QID,a\nq1,1\n' },
          { name: 'models.csv', text: 'llm,usd\na,3\n' },
        ],
        { mapping: { promptId: 'QID', text: 'Question', task: 'Family', model: 'llm', cost: 'usd' } },
      ),
    );
    expect(r.data.prompts).toEqual([{ id: 'q1', text: 'hi', task: 'f' }]);
    expect(r.data.models).toEqual([{ name: 'a', cost: 3 }]);
    // A mapped name that is not in the header is named in the issue.
    expect(issuesOf(loadDataset(files(), { mapping: { text: 'Question' } }))[0]).toEqual({
      file: 'bench/prompts.csv',
      row: 1,
      message: 'missing required column "Question" (mapped to text); the header is: prompt_id, text, source',
    });
  });

  it('maps each file on its own: `id` as the prompt id of prompts.csv leaves correctness.csv on prompt_id', () => {
    const upload = [
      { name: 'prompts.csv', text: 'id,question,category\nq1,hi,f\nq2,yo,g\n' },
      { name: 'correctness.csv', text: 'prompt_id,a,b\nq1,1,0\nq2,0,1\n' },
      { name: 'models.csv', text: 'model,cost\na,3\nb,1\n' },
    ];
    const r = good(loadDataset(upload, { mappings: { 'prompts.csv': { promptId: 'id', text: 'question', task: 'category' } } }));
    expect(r.data.prompts).toEqual([
      { id: 'q1', text: 'hi', task: 'f' },
      { id: 'q2', text: 'yo', task: 'g' },
    ]);
    expect(Array.from(r.data.scores)).toEqual([1, 0, 0, 1]);
    // The same mapping shared by every file breaks correctness.csv, which has no "id" column.
    expect(issuesOf(loadDataset(upload, { mapping: { promptId: 'id', text: 'question', task: 'category' } }))).toEqual([
      {
        file: 'correctness.csv',
        row: 1,
        message: 'missing required column "id" (mapped to promptId); the header is: prompt_id, a, b',
      },
    ]);
  });

  it('reports progress as a non-decreasing fraction ending at 1', () => {
    const seen: number[] = [];
    good(loadDataset(files(), { onProgress: (f) => seen.push(f) }));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });
});
