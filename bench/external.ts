/**
 * Child processes of `npm run bench`: the Python comparators (Debian's /usr/bin/python3 with numpy
 * and scikit-learn; skipped with a note when absent) and the `routelab eval` CLI. OPENBLAS_* and
 * OMP_* are passed through untouched (scikit-learn uses the machine's threads as it would for a
 * user) unless a one-thread comparison asks for ONE_THREAD.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PYTHON = process.env.ROUTELAB_BENCH_PYTHON ?? '/usr/bin/python3';

/** Why Python comparators cannot run, or undefined when they can. */
export function pythonMissing(modules: string[]): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found (Debian: apt-get install -y python3-sklearn)`;
  const r = spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' });
  if (r.status !== 0) return `${PYTHON} lacks ${modules.join('/')}: ${(r.stderr || '').trim().split('\n').pop()}`;
  return undefined;
}

export interface PythonResult {
  bestMs?: number;
  timesMs?: number[];
  iterations?: number;
  skipped?: string;
  [key: string]: unknown;
}

/** Environment of a comparator limited to one thread (OpenBLAS and OpenMP). */
export const ONE_THREAD = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };

/**
 * Runs a comparator script on a manifest written next to the data files; parses its JSON line.
 * `env` adds variables (ONE_THREAD for a one-thread comparison); otherwise the machine's defaults.
 */
export function runPython(
  script: string,
  dataDir: string,
  manifestName: string,
  manifest: object,
  modules: string[],
  env?: Record<string, string>,
): PythonResult {
  const missing = pythonMissing(modules);
  if (missing) return { skipped: missing };
  writeFileSync(join(dataDir, manifestName), JSON.stringify(manifest));
  const r = spawnSync(PYTHON, [script, join(dataDir, manifestName)], {
    encoding: 'utf8',
    timeout: 600_000,
    env: env ? { ...process.env, ...env } : process.env,
  });
  if (r.status !== 0)
    return { skipped: `${script} failed (exit ${r.status}): ${(r.stderr || '').trim().split('\n').slice(-3).join(' | ')}` };
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as PythonResult;
}

/** Times `routelab eval --data DIR --json` as a child process (tsx startup included, as a user runs it). */
export function timeEvalCli(repoRoot: string, dataDir: string): { ms?: number; skipped?: string; methods?: string[] } {
  if (!existsSync(dataDir)) return { skipped: `${dataDir} not found` };
  const t0 = performance.now();
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'eval', '--data', dataDir, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) return { skipped: `eval exited ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-2).join(' | ')}` };
  try {
    const out = JSON.parse(r.stdout) as { methods?: Record<string, unknown> };
    return { ms, methods: Object.keys(out.methods ?? {}) };
  } catch {
    return { skipped: 'eval --json did not print one JSON object' };
  }
}
