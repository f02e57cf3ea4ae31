/**
 * The router must route in a Node service or an edge function: nothing reachable from
 * src/core/routerFile (but train.ts, which trains with tfjs) may import tfjs, Node built-ins or the DOM layers.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTER_DIR = path.resolve(__dirname);
/** train.ts is the documented exception: it runs k-means and the learned-map trainer (tfjs). */
const TRAINING_ONLY = new Set(['train.ts']);

/** Runtime import specifiers of a TS file (`import type` / `export type` are erased, so skipped). */
export function runtimeImports(source: string): string[] {
  const out: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/gms;
  for (const m of source.matchAll(statement)) if (!m[2]) out.push(m[4]);
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

function resolveLocal(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

/** Every file reachable from `entries` and every package they import. */
function importGraph(entries: string[]): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) stack.push(resolveLocal(file, spec));
      else packages.set(spec, path.relative(ROUTER_DIR, file));
    }
  }
  return { files, packages };
}

describe('src/core/routerFile is portable (no tfjs)', () => {
  it('finds runtime imports and skips type-only ones', () => {
    const src = `import type { A } from './a';\nimport { b, type C } from "./b";\nexport * from './c';\nexport type { D } from './d';\nimport {\n  e,\n} from '@tensorflow/tfjs';\nimport './side';`;
    expect(runtimeImports(src).sort()).toEqual(['./b', './c', './side', '@tensorflow/tfjs'].sort());
  });

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
