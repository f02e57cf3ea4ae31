import { describe, expect, it } from 'vitest';
import type { Dataset, DataIssue, Result } from '../types';
import { loadDataset } from './load';

function good<T>(r: Result<T>): { data: T; warnings: DataIssue[] } {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues, null, 1)}`);
  return r;
}

function issuesOf(r: Result<Dataset>): DataIssue[] {
  if (r.ok) throw new Error('expected issues, got a dataset');
  return r.issues;
}

const LONG_CSV = [
  'prompt_id,prompt,model,score,cost,task',
  'p1,"Hello, ""world""',
  'again",m1,1,0.002,greet',
  'p1,,m2,0,0.01,',
  'p2,Bye,m1,0.5,0.004,',
  'p2,Bye,m2,,0.03,',
].join('\n');

describe('loadDataset: long layout', () => {
  it('loads a long CSV: prompts and models in first-seen order, cost = mean of the rows', () => {
    const { data, warnings } = good(loadDataset([{ name: 'runs/results.csv', text: LONG_CSV }]));
    expect(data.name).toBe('runs');
    // p1's text is on its first row only (multi-line, with a comma and quotes); its task too.
    expect(data.prompts).toEqual([
      { id: 'p1', text: 'Hello, "world"\nagain', task: 'greet' },
      { id: 'p2', text: 'Bye' },
    ]);
    expect(data.models.map((m) => m.name)).toEqual(['m1', 'm2']);
    expect(data.models[0].cost).toBeCloseTo((0.002 + 0.004) / 2, 15); // 0.003
    expect(data.models[1].cost).toBeCloseTo((0.01 + 0.03) / 2, 15); // 0.02
    // p1 = (m1 1, m2 0), p2 = (m1 0.5, m2 blank).
    expect(Array.from(data.scores)).toEqual([1, 0, 0.5, NaN]);
    expect(data.costUnit).toBe('');
    expect(warnings).toEqual([]);
  });

  it('loads JSONL with the "correct" alias and booleans; missing pairs are blank with a warning', () => {
    const jsonl = [
      '{"prompt_id":"p1","prompt":"Hi","model":"a","correct":true,"cost":1}',
      '{"prompt_id":"p1","prompt":"Hi","model":"b","correct":false,"cost":3}',
      '',
      '{"prompt_id":"p2","prompt":"Yo","model":"a","correct":1,"cost":2,"task":"t","cost_unit":""}',
    ].join('\n');
    const { data, warnings } = good(loadDataset([{ name: 'x.jsonl', text: jsonl }]));
    expect(data.name).toBe('x');
    expect(data.prompts).toEqual([
      { id: 'p1', text: 'Hi' },
      { id: 'p2', text: 'Yo', task: 't' },
    ]);
    expect(data.models).toEqual([
      { name: 'a', cost: 1.5 },
      { name: 'b', cost: 3 },
    ]);
    expect(Array.from(data.scores)).toEqual([1, 0, 1, NaN]);
    expect(warnings).toEqual([{ file: 'x.jsonl', message: '1 of the 2 x 2 (prompt, model) pairs have no row; their scores are blank' }]);
  });

  it('reports JSONL problems by line number', () => {
    const jsonl =
      '{"prompt_id":"p1","prompt":"Hi","model":"a","score":1,"cost":1}\n\n{"prompt_id":"p1","prompt":"Hi","model":"a","score":"high","cost":1}\n';
    expect(issuesOf(loadDataset([{ name: 'x.jsonl', text: jsonl }]))).toEqual([
      { file: 'x.jsonl', row: 3, column: 'score', message: 'score "high" is not a number' },
      { file: 'x.jsonl', row: 3, column: 'model', message: 'duplicate (prompt_id, model) pair ("p1", "a"): first in row 1' },
    ]);
  });

  it('reports every row problem, including duplicate (prompt, model) pairs and conflicting texts', () => {
    const csv = ['prompt_id,prompt,model,score,cost', 'p1,A,m1,1,1', 'p1,A,m1,0,1', 'p1,B,m2,2,-1', ',A,m1,1,1', 'p2,C,,1,'].join('\n');
    expect(issuesOf(loadDataset([{ name: 'l.csv', text: csv }]))).toEqual([
      { file: 'l.csv', row: 4, column: 'score', message: 'score 2 is outside [0, 1]' },
      { file: 'l.csv', row: 4, column: 'cost', message: 'cost -1 is negative' },
      { file: 'l.csv', row: 4, column: 'prompt', message: 'prompt "p1" has a different text than in row 2' },
      { file: 'l.csv', row: 5, column: 'prompt_id', message: 'prompt_id is empty' },
      { file: 'l.csv', row: 6, column: 'cost', message: 'cost is missing' },
      { file: 'l.csv', row: 6, column: 'model', message: 'model name is empty' },
      { file: 'l.csv', row: 3, column: 'model', message: 'duplicate (prompt_id, model) pair ("p1", "m1"): first in row 2' },
    ]);
  });

  it('names each missing column (score found through its alias "correct")', () => {
    expect(issuesOf(loadDataset([{ name: 'l.csv', text: 'prompt_id,question,llm,correct\np1,q,a,1\n' }]))).toEqual([
      { file: 'l.csv', row: 1, message: 'missing required column "prompt" or "text"; the header is: prompt_id, question, llm, correct' },
      { file: 'l.csv', row: 1, message: 'missing required column "model"; the header is: prompt_id, question, llm, correct' },
      { file: 'l.csv', row: 1, message: 'missing required column "cost"; the header is: prompt_id, question, llm, correct' },
    ]);
  });

  it('uses a column mapping', () => {
    const csv = 'qid,question,llm,acc,price\nq1,hi,a,1,2\nq1,hi,b,0,4\n';
    const { data } = good(
      loadDataset([{ name: 'l.csv', text: csv }], {
        mapping: { promptId: 'qid', text: 'question', model: 'llm', score: 'acc', cost: 'price' },
      }),
    );
    expect(data.prompts).toEqual([{ id: 'q1', text: 'hi' }]);
    expect(data.models).toEqual([
      { name: 'a', cost: 2 },
      { name: 'b', cost: 4 },
    ]);
    expect(Array.from(data.scores)).toEqual([1, 0]);
  });

  it('needs exactly one long file, and says what it got otherwise', () => {
    const one = { name: 'a.csv', text: LONG_CSV };
    expect(issuesOf(loadDataset([one, { ...one, name: 'b.jsonl' }]))).toEqual([
      { file: 'a.csv', message: 'found 2 long-format files (a.csv, b.jsonl): expected exactly one' },
    ]);
    expect(issuesOf(loadDataset([]))).toEqual([
      {
        file: '(dataset)',
        message:
          'no benchmark files: expected prompts.csv + correctness.csv + models.csv, or one long-format .csv/.jsonl file; no files were given',
      },
    ]);
    expect(issuesOf(loadDataset([{ name: 'scores.xlsx', text: 'PK\u0003\u0004' }]))).toEqual([
      {
        file: '(dataset)',
        message:
          'no benchmark files: expected prompts.csv + correctness.csv + models.csv, or one long-format .csv/.jsonl file; got scores.xlsx',
      },
      { file: 'scores.xlsx', message: 'ignored: not a .csv or .jsonl file' },
    ]);
    expect(issuesOf(loadDataset([{ name: 'data.csv', text: '\u0000\u0001binary' }]))).toEqual([
      { file: 'data.csv', message: 'not a CSV text file: it contains NUL bytes (binary data)' },
    ]);
  });
});
