import { describe, expect, it } from 'vitest';
import { fitEmbedder } from '../embed';
import { formatIssue } from '../types';
import { parseRouter } from './parse';
import { MAX_ROUTER_CHARS, type Router } from './schema';
import { serializeRouter, shortestFloat32 } from './serialize';
import { tinyLearnedRouter, tinyRouter } from './tinyRouter.testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const fileOf = (router: Router = tinyRouter()): Json => JSON.parse(serializeRouter(router));

/** The formatted refusal messages of a mutated tiny router file. */
function refusals(mutate: (j: Json) => void, base: Router = tinyRouter()): string[] {
  const j = fileOf(base);
  mutate(j);
  const res = parseRouter(JSON.stringify(j), 'r.json');
  if (res.ok) throw new Error('expected a refusal');
  return res.issues.map(formatIssue);
}

describe('serializeRouter / parseRouter round trip', () => {
  it('reads back exactly what was written (kmeans and learnedmap)', () => {
    for (const router of [tinyRouter(), tinyLearnedRouter()]) {
      const res = parseRouter(serializeRouter(router));
      expect(res.ok).toBe(true);
      if (res.ok) {
        expect(res.data).toEqual(router);
        expect(res.warnings).toEqual([]);
      }
    }
  });

  it('writes float32 with the fewest digits that read back to the same float32', () => {
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(shortestFloat32(Math.fround(1 / 3))).toBe(0.33333334);
    const values = Float32Array.from({ length: 2000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 * 10 ** ((i % 9) - 6));
    for (const v of values) expect(Math.fround(shortestFloat32(v))).toBe(v);
    const centroids = { rows: 2, cols: 1000, data: values };
    const res = parseRouter(serializeRouter(tinyRouter({ centroids, embedder: { kind: 'external', dim: 1000 } })));
    expect(res.ok && Array.from(res.data.centroids.data)).toEqual(Array.from(values));
  });

  it('keeps the built-in embedder settings (idf) intact', () => {
    const embedder = fitEmbedder(['a b c', 'b c d', 'c d e'], { dim: 4, buckets: 64 });
    const res = parseRouter(serializeRouter(tinyRouter({ embedder, centroids: { rows: 2, cols: 4, data: new Float32Array(8) } })));
    expect(res.ok && res.data.embedder).toEqual(embedder);
  });

  it('warns about unknown top-level fields but loads', () => {
    const j = fileOf();
    j.comment = 'hi';
    const res = parseRouter(JSON.stringify(j), 'r.json');
    expect(res.ok && res.warnings.map(formatIssue)).toEqual(['r.json: comment: unknown field ignored']);
  });
});

describe('parseRouter refuses with a message naming the JSON path', () => {
  it('not JSON, empty, not an object, too large', () => {
    expect(parseRouter('{"schema": ', 'r.json')).toMatchObject({
      ok: false,
      issues: [{ file: 'r.json', message: expect.stringMatching(/^not JSON: /) }],
    });
    expect(parseRouter('  ', 'r.json')).toMatchObject({
      ok: false,
      issues: [{ message: 'file is empty: expected a RouteLab router (JSON)' }],
    });
    expect(parseRouter('[1, 2]', 'r.json')).toMatchObject({
      ok: false,
      issues: [{ message: 'expected a JSON object (a RouteLab router), got an array' }],
    });
    const huge = ' '.repeat(MAX_ROUTER_CHARS + 1);
    expect(parseRouter(huge, 'r.json')).toMatchObject({
      ok: false,
      issues: [{ message: 'file is 64.0 MB, over the 64 MB limit for a router file' }],
    });
  });

  it('unknown schema or version', () => {
    expect(refusals((j) => (j.schema = 'other.router'))).toEqual([
      'r.json: schema: not a RouteLab router file (schema "other.router"; expected "schema": "routelab.router")',
    ]);
    expect(refusals((j) => delete j.schema)).toEqual([
      'r.json: schema: not a RouteLab router file (no "schema" field; expected "schema": "routelab.router")',
    ]);
    expect(refusals((j) => (j.version = 3))).toEqual([
      'r.json: version: unsupported router version 3 (this RouteLab reads versions 1 and 2)',
    ]);
    expect(refusals((j) => (j.version = '2'))).toEqual([
      'r.json: version: unsupported router version "2" (this RouteLab reads versions 1 and 2)',
    ]);
  });

  it('missing fields', () => {
    expect(refusals((j) => delete j.models[1].counts)).toEqual(['r.json: models[1].counts: missing']);
    expect(refusals((j) => delete j.clusterMap)).toEqual(['r.json: clusterMap: missing (null when the router has no learned map)']);
    expect(refusals((j) => delete j.provenance.split)).toEqual(['r.json: provenance.split: missing']);
    expect(refusals((j) => delete j.method)).toEqual(['r.json: method: missing']);
    expect(refusals((j) => delete j.models[0].addedAfterTraining)).toEqual(['r.json: models[0].addedAfterTraining: missing']);
  });

  it('NaN, Infinity and non-numbers (strings and nulls sneak into JSON)', () => {
    expect(refusals((j) => (j.models[3 - 1].psi[1] = 'NaN'))).toEqual([
      'r.json: models[2].psi[1]: expected a finite number in [0, 1], got "NaN"',
    ]);
    expect(refusals((j) => (j.clusters.centroids[1][0] = null))).toEqual([
      'r.json: clusters.centroids[1][0]: expected a finite number, got null',
    ]);
    expect(refusals((j) => (j.models[0].cost = 'Infinity'))).toEqual([
      'r.json: models[0].cost: expected a finite cost >= 0, got "Infinity"',
    ]);
    expect(refusals((j) => (j.costPenalty = null))).toEqual(['r.json: costPenalty: expected a finite number >= 0, got null']);
    // 1e400 is valid JSON that parses to Infinity.
    const text = serializeRouter(tinyRouter()).replace('"costPenalty": 0', '"costPenalty": 1e400');
    expect(parseRouter(text, 'r.json')).toMatchObject({
      ok: false,
      issues: [{ message: 'costPenalty: expected a finite number >= 0, got Infinity' }],
    });
    expect(refusals((j) => (j.models[1].overall = 1.5))).toEqual([
      'r.json: models[1].overall: expected a finite number in [0, 1], got 1.5',
    ]);
  });

  it('shapes that disagree', () => {
    expect(refusals((j) => (j.clusters.dim = 3))).toEqual(['r.json: clusters.dim: 3 disagrees with embedder.dim 2']);
    expect(refusals((j) => j.clusters.centroids[0].push(1))).toEqual(['r.json: clusters.centroids[0]: has 3 entries, expected 2']);
    expect(refusals((j) => j.clusters.centroids.pop())).toEqual(['r.json: clusters.centroids: has 1 entries, expected 2']);
    expect(refusals((j) => j.models[0].psi.push(0.5))).toEqual(['r.json: models[0].psi: has 3 entries, expected 2']);
    expect(
      refusals(
        (j) =>
          (j.clusterMap = {
            theta: [
              [0, 0],
              [1, 0],
            ],
          }),
        tinyLearnedRouter(),
      ),
    ).toEqual(['r.json: clusterMap.theta[0]: has 2 entries, expected 3', 'r.json: clusterMap.theta[1]: has 2 entries, expected 3']);
    expect(refusals((j) => (j.clusterMap = null), tinyLearnedRouter())).toEqual([
      'r.json: clusterMap: method "learnedmap" needs the learned map\'s theta, got null',
    ]);
    expect(refusals((j) => (j.validationPrompts[2].cluster = 2))).toEqual([
      'r.json: validationPrompts[2].cluster: expected a cluster index in [0, 2), got 2',
    ]);
    expect(refusals((j) => (j.models[0].counts = [2, 1.5]))).toEqual([
      'r.json: models[0].counts[1]: expected a non-negative integer count, got 1.5',
    ]);
    expect(refusals((j) => (j.models[0].counts = [-1, 2]))).toEqual([
      'r.json: models[0].counts[0]: expected a non-negative integer count, got -1',
    ]);
    expect(refusals((j) => (j.models[0].counts = [3, 2]))).toEqual([
      'r.json: models[0].counts[0]: 3 scored prompts but only 2 validation prompts are in cluster 0',
    ]);
    expect(refusals((j) => (j.provenance.k = 5))).toEqual(['r.json: provenance.k: 5 disagrees with clusters.k 2']);
    expect(
      refusals((j) => (j.embedder = { kind: 'builtin-hashed-tfidf', version: 1, dim: 2, buckets: 4, seed: 0, idf: [1, 1, 1] })),
    ).toEqual(['r.json: embedder.idf: has 3 entries, expected 4']);
  });

  it('duplicates, negative costs, unknown kinds', () => {
    expect(refusals((j) => (j.models[2].name = 'cheap'))).toEqual(['r.json: models[2].name: duplicate LLM name "cheap" (also models[0])']);
    expect(refusals((j) => (j.validationPrompts[3].id = 'v1'))).toEqual([
      'r.json: validationPrompts[3].id: duplicate prompt id "v1" (also validationPrompts[0])',
    ]);
    expect(refusals((j) => (j.models[1].cost = -2))).toEqual(['r.json: models[1].cost: expected a finite cost >= 0, got -2']);
    expect(refusals((j) => (j.method = 'svm'))).toEqual([
      'r.json: method: unknown method "svm" for a version-2 file (expected one of "kmeans", "learnedmap", "knn", "zero-router")',
    ]);
    expect(refusals((j) => (j.method = 'oracle'))).toEqual([
      'r.json: method: unknown method "oracle" for a version-2 file (expected one of "kmeans", "learnedmap", "knn", "zero-router"): ' +
        "the oracle is not a router (it needs each prompt's true labels)",
    ]);
    expect(refusals((j) => (j.embedder.kind = 'openai'))).toEqual([
      'r.json: embedder.kind: unknown embedder "openai" (expected "builtin-hashed-tfidf" or "external")',
    ]);
    expect(refusals((j) => (j.models = []))).toEqual(['r.json: models: a router needs at least one LLM']);
    expect(refusals((j) => (j.models[0].name = ' '))).toEqual(['r.json: models[0].name: must not be empty']);
  });

  it('lists several problems at once, capped', () => {
    const msgs = refusals((j) => {
      j.models[0].cost = -1;
      j.pseudoCount = 'one';
    });
    expect(msgs).toEqual([
      'r.json: models[0].cost: expected a finite cost >= 0, got -1',
      'r.json: pseudoCount: expected a finite number >= 0, got "one"',
    ]);
    const many = refusals((j) => (j.clusters.centroids = [Array(2).fill('x'), Array(2).fill('y')]), tinyRouter());
    expect(many.length).toBe(4);
    const capped = refusals(
      (j) => (j.embedder = { kind: 'builtin-hashed-tfidf', version: 1, dim: 2, buckets: 100, seed: 0, idf: Array(100).fill(null) }),
    );
    expect(capped.length).toBe(26);
    expect(capped[25]).toBe('r.json: and 75 more issues not shown');
  });
});
