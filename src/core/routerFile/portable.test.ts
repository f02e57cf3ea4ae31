/**
 * The router must route in a Node service or an edge function: nothing reachable from
 * src/core/routerFile (but train.ts, which trains with tfjs) may import tfjs, Node built-ins or the DOM layers.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../../importGraph.test-util';

const ROUTER_DIR = path.resolve(__dirname);
/** train.ts is the documented exception: it runs k-means and the learned-map trainer (tfjs). */
const TRAINING_ONLY = new Set(['train.ts']);

describe('src/core/routerFile is portable (no tfjs)', () => {
  it('no file reachable from the router (train.ts aside) imports @tensorflow or Node built-ins', () => {
    const entries = readdirSync(ROUTER_DIR)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !TRAINING_ONLY.has(f))
      .map((f) => path.join(ROUTER_DIR, f));
    expect(entries.length).toBeGreaterThanOrEqual(8);
    const { files, packages } = importGraph(entries);
    const offenders = [...packages].filter(
      ([pkg]) => pkg.startsWith('@tensorflow') || pkg.startsWith('node:') || ['fs', 'path', 'react', 'zustand'].includes(pkg),
    );
    expect(offenders).toEqual([]);
    // Only the CSV library is allowed (scores files); everything else is our own plain TS.
    expect([...packages.keys()].sort()).toEqual(['papaparse']);
    for (const file of files) expect(file.includes(`${path.sep}tf${path.sep}`), file).toBe(false);
  });

  it('train.ts is the one that reaches tfjs (so the check above can fail)', () => {
    const { packages } = importGraph([path.join(ROUTER_DIR, 'train.ts')]);
    expect([...packages.keys()].some((p) => p.startsWith('@tensorflow'))).toBe(true);
  });
});
