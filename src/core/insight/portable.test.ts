/**
 * The shift preview, "is routing paying?" and the prompt-list reader run on the browser's main
 * thread: nothing reachable from src/core/insight/index.ts may import tfjs or Node built-ins (the
 * onboarding simulator, which trains, is outside that face). Same walk as routerFile/portable.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/gms;

function packagesReachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(statement)) {
      if (m[2]) continue; // type-only: erased
      const spec = m[4];
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const hit = [`${base}.ts`, path.join(base, 'index.ts'), base].find((c) => c.endsWith('.ts') && existsSync(c));
      if (!hit) throw new Error(`cannot resolve ${spec} from ${file}`);
      stack.push(hit);
    }
  }
  return packages;
}

describe('src/core/insight is plain TypeScript (no tfjs) but for the onboarding simulator', () => {
  it('its index reaches no tfjs and no Node built-ins', () => {
    const packages = [...packagesReachable(path.join(__dirname, 'index.ts'))];
    expect(packages.filter((p) => p.startsWith('@tensorflow') || p.startsWith('node:'))).toEqual([]);
  });

  it('the onboarding simulator does reach tfjs (so the check above can fail)', () => {
    expect([...packagesReachable(path.join(__dirname, 'onboard.ts'))].some((p) => p.startsWith('@tensorflow'))).toBe(true);
  });
});
