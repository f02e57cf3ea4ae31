import { describe, expect, it } from 'vitest';
import type { DataIssue, Result } from '../types';
import { readNumber } from './cells';
import { isEmbeddingsHeader, parseEmbeddings } from './embeddings';
import { classifyFiles, loadDataset } from './load';

function good<T>(r: Result<T>): { data: T; warnings: DataIssue[] } {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues, null, 1)}`);
  return r;
}
function issuesOf<T>(r: Result<T>): DataIssue[] {
  if (r.ok) throw new Error('expected issues');
  return r.issues;
}

describe('parseEmbeddings', () => {
  it('returns rows in promptIds order whatever the file order', () => {
    const file = { name: 'emb.csv', text: 'prompt_id,e0,e1\nb,0.5,-1\na,1e-3,2\n' };
    const m = good(parseEmbeddings(file, ['a', 'b'])).data;
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(2);
    // Row 0 = a = (0.001, 2), row 1 = b = (0.5, -1); stored as float32.
    expect(Array.from(m.data)).toEqual([Math.fround(0.001), 2, 0.5, -1]);
  });

  it('reports wrong width, bad header, NaN / text / blank cells, unknown, duplicate and missing prompts', () => {
    const text = 'prompt_id,e0,e1\na,1,NaN\nzz,1,2\na,1,2\nc,,x\nd,1\n';
    expect(issuesOf(parseEmbeddings({ name: 'emb.csv', text }, ['a', 'b', 'c', 'd']))).toEqual([
      { file: 'emb.csv', row: 6, message: 'row has 2 fields but the header has 3' },
    ]);
    const text2 = 'prompt_id,e0,e1\na,1,NaN\nzz,1,2\na,1,2\nc,,x\n';
    expect(issuesOf(parseEmbeddings({ name: 'emb.csv', text: text2 }, ['a', 'b', 'c']))).toEqual([
      { file: 'emb.csv', row: 2, column: 'e1', message: 'embedding value "NaN" is not a finite number' },
      { file: 'emb.csv', row: 3, column: 'prompt_id', message: 'unknown prompt_id "zz": not a prompt of the dataset' },
      { file: 'emb.csv', row: 4, column: 'prompt_id', message: 'duplicate prompt_id "a" (first in row 2)' },
      { file: 'emb.csv', row: 5, column: 'e0', message: 'embedding value is blank' },
      { file: 'emb.csv', row: 5, column: 'e1', message: 'embedding value "x" is not a finite number' },
      { file: 'emb.csv', message: 'no embedding for 1 of 3 prompts: "b"' },
    ]);
    expect(issuesOf(parseEmbeddings({ name: 'emb.csv', text: 'prompt_id,e0,e2\na,1,2\n' }, ['a'], { width: 3 }))).toEqual([
      {
        file: 'emb.csv',
        row: 1,
        column: 'e2',
        message: 'expected column "e1" here: the columns after prompt_id must be e0 ... e1, in order',
      },
      { file: 'emb.csv', row: 1, message: 'embeddings have 2 dimensions, expected 3' },
    ]);
    expect(issuesOf(parseEmbeddings({ name: 'emb.csv', text: 'e0,prompt_id\n1,a\n' }, ['a']))).toEqual([
      {
        file: 'emb.csv',
        row: 1,
        message: 'missing required column "prompt_id"; the header is: e0, prompt_id (it must be the first column of an embeddings file)',
      },
    ]);
  });

  it('recognises an embeddings file by its header, under any name', () => {
    expect(isEmbeddingsHeader(['prompt_id', 'e0', 'e1'])).toBe(true);
    expect(isEmbeddingsHeader(['prompt_id'])).toBe(false);
    expect(isEmbeddingsHeader(['prompt_id', 'e0', 'x'])).toBe(false);
    expect(isEmbeddingsHeader(['qid', 'e0'], { promptId: 'qid' })).toBe(true);
    const wideHeader = `prompt_id,${Array.from({ length: 20000 }, (_, i) => `e${i}`).join(',')}\n`;
    expect(wideHeader.length).toBeGreaterThan(65536);
    expect(classifyFiles([{ name: 'big.csv', text: wideHeader }])).toEqual(['embeddings']);
    expect(
      classifyFiles([
        { name: 'x/vectors.csv', text: 'prompt_id,e0\np,1\n' },
        { name: 'x/long.csv', text: 'prompt_id,prompt,model,score,cost\n' },
        { name: 'x/MODELS.csv', text: '' },
        { name: 'x/readme.md', text: '#' },
        { name: 'x/l.jsonl', text: '' },
      ]),
    ).toEqual(['embeddings', 'long', 'models', 'ignored', 'long']);
  });

  it('is attached to the Dataset by loadDataset, aligned with its prompts', () => {
    const files = [
      { name: 'r.csv', text: 'prompt_id,prompt,model,score,cost\np1,a,m,1,1\np2,b,m,0,1\n' },
      { name: 'phi.csv', text: 'prompt_id,e0,e1,e2\np2,4,5,6\np1,1,2,3\n' },
    ];
    const { data } = good(loadDataset(files));
    expect(data.embeddings?.rows).toBe(2);
    expect(data.embeddings?.cols).toBe(3);
    expect(Array.from(data.embeddings?.data ?? [])).toEqual([1, 2, 3, 4, 5, 6]);
    const missing = [files[0], { name: 'phi.csv', text: 'prompt_id,e0\np1,1\n' }];
    expect(issuesOf(loadDataset(missing))).toEqual([{ file: 'phi.csv', message: 'no embedding for 1 of 2 prompts: "p2"' }]);
    expect(issuesOf(loadDataset([...files, { name: 'phi2.csv', text: 'prompt_id,e0\np1,1\n' }]))[0]).toEqual({
      file: 'phi2.csv',
      message: 'found 2 embeddings files (phi.csv, phi2.csv): expected at most one',
    });
  });
});

describe('readNumber', () => {
  it('reads decimals only: blank is NaN, anything else null', () => {
    expect(['0', '1', '0.25', '-1.5e-3', '.5', '+2', ' 3 ', '7\r', '1.'].map(readNumber)).toEqual([0, 1, 0.25, -0.0015, 0.5, 2, 3, 7, 1]);
    expect(readNumber('')).toBeNaN();
    expect(readNumber('  ')).toBeNaN();
    expect(['0x1f', '0b1', '0o7', 'NaN', 'Infinity', '-Infinity', '1e999', '1,5', 'abc', '-', '.', '1e', '--1'].map(readNumber)).toEqual(
      Array(13).fill(null),
    );
  });
});
