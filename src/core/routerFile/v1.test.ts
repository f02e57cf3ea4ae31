/**
 * Version-1 files still load (fixtures/v1: real files written by the version-1 CLI, with the
 * `route --json` output it printed): every LLM is the routing pool, nothing of version 2 is
 * invented, every prompt routes to the same LLM with the same numbers, and writing one back out
 * gives a valid version-2 file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../data/csv';
import { formatIssue } from '../types';
import { parseRouter } from './parse';
import { routeResponse } from './response';
import type { Router } from './schema';
import { serializeRouter } from './serialize';

const DIR = path.join(__dirname, 'fixtures/v1');
const read = (name: string) => readFileSync(path.join(DIR, name), 'utf8');

function load(name: string): Router {
  const res = parseRouter(read(name), name);
  if (!res.ok) throw new Error(res.issues.map(formatIssue).join('\n'));
  expect(res.warnings.map(formatIssue)).toEqual([
    `${name}: version: a version-1 file: read as version 2 with every LLM in the routing pool (version 1 had no pool)`,
  ]);
  return res.data;
}

const promptsCsv = parseCsvText('prompts.csv', read('prompts.csv'));
if (!promptsCsv.ok) throw new Error('fixture prompts.csv');
const ids = promptsCsv.data.rows.map((r) => r[0]);
const texts = promptsCsv.data.rows.map((r) => r[1]);
const vectors = JSON.parse(read('prompt-embeddings.json')) as number[][];

describe('version-1 router files', () => {
  it('load as version 2: the pool is every LLM, validation scores unknown, the added LLM kept as validation-only', () => {
    expect(JSON.parse(read('kmeans-builtin-added.json')).version).toBe(1);
    const r = load('kmeans-builtin-added.json');
    expect(r.version).toBe(2);
    expect(r.method).toBe('kmeans');
    expect(r.models).toHaveLength(12);
    expect(r.pool).toEqual(r.models.map((h) => h.name));
    expect(r.models.every((h) => h.validationScores === null)).toBe(true);
    expect(r.models.filter((h) => h.addedAfterTraining).map((h) => h.name)).toEqual(['newcomer-2b']);
    expect(r.models.map((h) => h.added)).toEqual([...Array(11).fill(null), { how: 'validation-only', scoresFile: '', testScores: {} }]);
    expect(r.costPenalty).toBe(0.002);
    expect(r.validationEmbeddings).toBeNull();
  });

  it('route every prompt exactly as version 1 did (K-means, built-in embedder, an added LLM)', () => {
    const r = load('kmeans-builtin-added.json');
    for (const [file, costPenalty] of [
      ['route-kmeans-default.json', undefined],
      ['route-kmeans-0.05.json', 0.05],
    ] as const) {
      const want = JSON.parse(read(file));
      const got = routeResponse(r, { texts }, { costPenalty }, ids);
      expect(got.costPenalty).toBe(want.costPenalty);
      expect(got.decisions).toEqual(want.decisions);
    }
    // The fixture exercises the added LLM: at lambda = 0.05 it wins its cluster.
    expect(JSON.parse(read('route-kmeans-0.05.json')).decisions.some((d: { chosen: string }) => d.chosen === 'newcomer-2b')).toBe(true);
  });

  it('route every vector exactly as version 1 did (learned map, external embeddings)', () => {
    const r = load('learnedmap-external.json');
    expect(r.method).toBe('learnedmap');
    const x = { rows: vectors.length, cols: vectors[0].length, data: Float32Array.from(vectors.flat()) };
    for (const [file, costPenalty] of [
      ['route-learnedmap-default.json', undefined],
      ['route-learnedmap-0.1.json', 0.1],
    ] as const) {
      const want = JSON.parse(read(file));
      expect(routeResponse(r, { embeddings: x }, { costPenalty }).decisions).toEqual(want.decisions);
    }
  });

  it('write back as a version-2 file that routes identically', () => {
    for (const name of ['kmeans-builtin-added.json', 'learnedmap-external.json']) {
      const r = load(name);
      const text = serializeRouter(r);
      expect(JSON.parse(text).version).toBe(2);
      const again = parseRouter(text, name);
      expect(again.ok && again.warnings).toEqual([]);
      expect(again.ok && again.data).toEqual(r);
    }
  });

  it('refuse the version-2 methods in a version-1 file', () => {
    const j = JSON.parse(read('learnedmap-external.json'));
    j.method = 'knn';
    const res = parseRouter(JSON.stringify(j), 'old.json');
    expect(res.ok ? [] : res.issues.map(formatIssue)).toEqual([
      'old.json: method: unknown method "knn" for a version-1 file (expected one of "kmeans", "learnedmap")',
    ]);
  });
});
