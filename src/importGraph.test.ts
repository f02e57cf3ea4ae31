/**
 * What the import graph must keep: no module imports itself through others (a cycle would need a
 * lazy import to work, as routing/clusterMap.ts once had), and the main thread (the app, its views,
 * store and charts) never loads tfjs: it imports eval's plain face (index.ts), never the pipeline.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, runtimeImports } from './importGraph.test-util';

const SRC = path.resolve(__dirname);
const rel = (f: string) => path.relative(SRC, f);

/** Every non-test source file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$|\.test-util\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('import graph', () => {
  it('finds runtime imports and skips type-only ones', () => {
    const src = `import type { A } from './a';\nimport { b, type C } from "./b";\nexport * from './c';\nexport type { D } from './d';\nimport {\n  e,\n} from '@tensorflow/tfjs';\nimport './side';\nconst f = () => import('./lazy');`;
    expect(runtimeImports(src).sort()).toEqual(['./b', './c', './lazy', './side', '@tensorflow/tfjs'].sort());
    expect(runtimeImports(src, false)).not.toContain('./lazy');
  });

  it('has no cycles, lazy imports included', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(150);
    expect(importCycles(files).map((c) => c.map(rel).sort())).toEqual([]);
  });

  it('finds a cycle closed by a lazy import (so the check above can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cycle-'));
    try {
      writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
      writeFileSync(path.join(dir, 'b.ts'), "export async function b() {\n  return (await import('./a')).a;\n}\n");
      writeFileSync(path.join(dir, 'c.ts'), "import { a } from './a';\nexport const c = a;\n");
      const files = ['a.ts', 'b.ts', 'c.ts'].map((f) => path.join(dir, f));
      expect(importCycles(files).map((c) => c.map((f) => path.basename(f)).sort())).toEqual([['a.ts', 'b.ts']]);
      expect(importCycles(files, false)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('eval/index.ts, explorer/index.ts and the main thread reach no tfjs (eval/pipeline.ts does)', () => {
    const tfjs = (entries: string[]) => [...importGraph(entries, false).packages.keys()].filter((p) => p.startsWith('@tensorflow'));
    expect(tfjs([path.join(SRC, 'core', 'eval', 'index.ts')])).toEqual([]);
    expect(tfjs([path.join(SRC, 'core', 'explorer', 'index.ts')])).toEqual([]);
    expect(tfjs([path.join(SRC, 'main.tsx')])).toEqual([]);
    expect(tfjs([path.join(SRC, 'core', 'eval', 'pipeline.ts')])).not.toEqual([]);
  });
});
