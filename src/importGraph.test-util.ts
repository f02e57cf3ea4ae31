/** Reading the import graph of our TypeScript sources (for the layer and portability tests). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Runtime import specifiers of a TS file (`import type` / `export type` are erased, so skipped);
 * with `dynamic`, also the targets of dynamic imports.
 */
export function runtimeImports(source: string, dynamic = true): string[] {
  const out: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/gms;
  for (const m of source.matchAll(statement)) if (!m[2]) out.push(m[4]);
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]);
  if (dynamic) for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

/** The TS file a local specifier names; null for an asset (a stylesheet, a wasm file) that exists as named. */
function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  if (!/\.tsx?$/.test(base) && existsSync(base) && !existsSync(path.join(base, 'index.ts'))) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

/** Local files a file imports at run time (resolved paths). */
export function localImports(file: string, dynamic = true): string[] {
  return runtimeImports(readFileSync(file, 'utf8'), dynamic)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolveLocal(file, spec))
    .filter((f): f is string => f !== null);
}

/** Every file reachable from `entries` and every package they import (package -> first importer). */
export function importGraph(entries: string[], dynamic = true): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of runtimeImports(readFileSync(file, 'utf8'), dynamic)) {
      if (spec.startsWith('.')) {
        const local = resolveLocal(file, spec);
        if (local) stack.push(local);
      } else if (!packages.has(spec)) packages.set(spec, file);
    }
  }
  return { files, packages };
}

/** The import cycles among `files` (strongly connected components of more than one file, or a file importing itself). */
export function importCycles(files: string[], dynamic = true): string[][] {
  const edges = new Map<string, string[]>();
  const out = (f: string): string[] => {
    let e = edges.get(f);
    if (!e) edges.set(f, (e = localImports(f, dynamic)));
    return e;
  };
  // Tarjan's strongly connected components.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of out(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || out(v).includes(v)) cycles.push(component);
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}
