/**
 * `npm run bench` (not a test): the performance figures (k-means and the learned map against
 * scikit-learn and numpy, k-means per backend, the app targets, eval time). Generates seeded problems, runs the Python comparators, Node and headless
 * Chromium on the same bytes in one run, and writes bench/results.json and bench/RESULTS.md.
 * Flags: --quick (fewer repeats, skips the slow tfjs cpu / SwiftShader webgl k-means runs),
 * --no-browser, --no-python, --no-eval, --no-app (skip the targets measured in the built app),
 * --app-only (only those: the app targets 3-9), --only=3,4,5,6,7,8,9 (a subset of the app targets, nothing else),
 * --kernels (only the k-means and learned-map rows, with their Python comparators, in Chromium and
 * Node: the two ratio targets), --trust (only the bootstrap and onboarding rows, in Node),
 * --no-serve, --serve-only (only `routelab serve` throughput and p99, merged into the committed table).
 * With --app-only, --only, --kernels or --trust the report goes to bench/out/ (a check), not over
 * bench/RESULTS.md; --kernels --merge (and --trust --merge, and --app-only / --only=... --merge for the app rows) also puts
 * its rows into bench/RESULTS.md in place of the earlier ones of the same figure, keeping every other
 * row (the header names both runs).
 */
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { initTf } from '../src/core/tf';
import { buildBenchPage, openBenchPage, type BenchPage } from './browser';
import { timeEvalCli, type PythonResult } from './external';
import { machineInfo } from './machine';
import { csvLoadHook, tenRetrainsHook } from './nodeTargets';
import { liveRoutingHook, type HookResult } from './otherTargets';
import { kernelRows, type Timed } from './kernelTargets';
import { mergeReport, writeReport, type Row } from './report';
import { serveRows } from './serveTargets';
import { runAppTargets } from './app/run';
import { sessionPoolHook } from './sessionTargets';
import { bootstrapHook, onboardingHook } from './trustTargets';

const flags = new Set(process.argv.slice(2));
const quick = flags.has('--quick');
const appOnly = flags.has('--app-only');
const kernelsOnly = flags.has('--kernels');
const trustOnly = flags.has('--trust');
const only = [...flags]
  .find((f) => f.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .map(Number);
const ROOT = resolve(import.meta.dirname ?? '.', '..');
const OUT = join(ROOT, 'bench/out');
const DATA = join(OUT, 'data');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEED = 20250208;
const FAST = quick ? 3 : 5; // repeats of sub-second runs
const SLOW = quick ? 1 : 2; // repeats of multi-second runs
const rows: Row[] = [];
const log = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);

async function attempt(what: string, f: () => Promise<Timed> | Timed): Promise<Timed> {
  log(what);
  try {
    const r = await f();
    log(
      `  ${what}: ${r.bestMs === undefined ? r.skipped : `${r.bestMs.toFixed(0)} ms (runs ${r.runsMs?.map((v) => v.toFixed(0)).join(', ')})`}`,
    );
    return r;
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    log(`  ${what} failed: ${msg}`);
    return { skipped: `failed: ${msg}` };
  }
}

/** One table row comparing a timed task with a Python comparator (or information only). */
function row(
  figure: string,
  measured: string,
  t: Timed,
  cmp?: { name: string; py: PythonResult; limit?: number; target?: string },
  note?: string,
): void {
  const { output: _, ...kept } = t;
  const base: Row = { figure, measured, ms: t.bestMs, backend: t.engine, extra: kept as Record<string, unknown> };
  const notes = [t.skipped ? `skipped: ${t.skipped}` : undefined, note, t.note].filter(Boolean);
  if (cmp) {
    base.comparator = cmp.name;
    base.comparatorMs = cmp.py.bestMs;
    if (cmp.py.skipped) notes.push(`comparator skipped: ${cmp.py.skipped}`);
    if (t.bestMs !== undefined && cmp.py.bestMs !== undefined) {
      // scikit-learn stops early once no label changes: compare per iteration if the counts differ.
      const same = t.iterations === undefined || cmp.py.iterations === undefined || t.iterations === cmp.py.iterations;
      base.ratio = same ? t.bestMs / cmp.py.bestMs : t.bestMs / t.iterations! / (cmp.py.bestMs / cmp.py.iterations!);
      if (!same) notes.push(`iterations differ (${t.iterations} vs ${cmp.py.iterations}): ratio per iteration`);
      if (cmp.limit !== undefined) base.pass = base.ratio <= cmp.limit;
    }
    base.target = cmp.target;
  }
  if (notes.length > 0) base.note = notes.join('; ');
  rows.push(base);
}

function hookRow(
  figure: string,
  where: string,
  h: HookResult,
  target: string | undefined,
  pass: (h: HookResult) => boolean | undefined,
): void {
  rows.push({
    figure,
    measured: where,
    ms: h.ms,
    target,
    pass: h.skipped ? undefined : pass(h),
    note: h.skipped
      ? `skipped: ${h.skipped}`
      : Object.entries(h.details ?? {})
          .map(([k, v]) => `${k} ${typeof v === 'number' ? Math.round(v * 100) / 100 : v}`)
          .join(', '),
    extra: h.details,
  });
}

/** The session maths at 10,000 x 50 (bench/sessionTargets.ts), core only, where the app runs them. */
function sessionRows(where: string, h: ReturnType<typeof sessionPoolHook>): void {
  const d = { ...h.details, basePoolMs: h.poolMs, ...Object.fromEntries(Object.entries(h.curves).map(([k, v]) => [`${k}CurveMs`, v])) };
  hookRow(
    'Session maths: add an LLM at 10,000 x 50 (evaluatePool: every gamma column, exact curve, front, metrics, live index)',
    `${where}, core only (bench/sessionProblem.ts)`,
    { ms: h.ms, details: d },
    '(info; the app figure is the target)',
    () => undefined,
  );
  const lm = h.curves['uniroute-learnedmap'];
  hookRow(
    'Exact deferral curve, 10,000 x 50, learned-map gamma (every prompt its own path)',
    `${where}, deferralCurve`,
    {
      ms: lm,
      details: { points: Number(h.details?.['uniroute-learnedmapPoints'] ?? 0), knnCurveMs: h.curves.knn, oracleCurveMs: h.curves.oracle },
    },
    '< 100 ms',
    (x) => (x.ms ?? Infinity) < 100,
  );
  hookRow(
    'Live routing per slider move, 10,000 x 50 (routeLive)',
    `${where}, replay of the exact sweep vs the direct pass`,
    { ms: h.routeFastMs, details: { directPassMs: h.routeDirectMs } },
    '(info)',
    () => undefined,
  );
}

/** The `routelab serve` rows (one process, one per core; 1 and 1,000 prompts per request), or a skipped row. */
async function serveTargets(): Promise<void> {
  log('routelab serve: requests/s and p99 latency');
  try {
    rows.push(...(await serveRows({ root: ROOT, out: OUT, quick, log })));
  } catch (e) {
    rows.push({
      figure: 'routelab serve: POST /route',
      measured: 'Node',
      note: `skipped: failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    });
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, load ${machine.loadStart}`);
  if (flags.has('--serve-only')) {
    await serveTargets();
    machine.loadEnd = Math.round(loadavg()[0] * 100) / 100;
    const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`;
    const bench = join(ROOT, 'bench');
    const partial = { generatedAt: new Date().toISOString(), command, machine, rows };
    writeReport(
      bench,
      mergeReport(bench, partial, (row) => row.figure.startsWith('routelab serve'), 'routelab serve rows'),
    );
    log(`merged ${rows.length} rows into bench/results.json and bench/RESULTS.md`);
    return;
  }
  if (trustOnly) await trustRows('Node');
  // --only=... names app targets: like --app-only, it runs nothing else.
  if (!appOnly && !only && !trustOnly) await kernelsAndNode(machine);
  if (!flags.has('--no-app') && !flags.has('--no-browser') && !kernelsOnly && !trustOnly) {
    log(`app targets ${only ? only.join(', ') : '3-9'} in the built app`);
    try {
      const app = await runAppTargets({ chromium: CHROMIUM, out: OUT, quick, only, log });
      rows.push(...app.rows);
      machine.chromium ??= app.chromiumVersion;
      machine.webglRenderer ??= app.renderer ?? undefined;
    } catch (e) {
      log(`app targets failed: ${e instanceof Error ? e.message : String(e)}`);
      rows.push({
        figure: 'App targets 3-9',
        measured: 'headless Chromium',
        note: `skipped: failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      });
    }
  }
  if (!flags.has('--no-eval') && !appOnly && !only && !kernelsOnly && !trustOnly) {
    log('routelab eval on routerdc_7b (child process)');
    const ev = timeEvalCli(ROOT, '../shared/data/routerdc_7b');
    rows.push({
      figure: 'routelab eval --data ../shared/data/routerdc_7b --json',
      measured: 'Node CLI as a child process (tsx start-up included)',
      ms: ev.ms,
      note: ev.skipped ? `skipped: ${ev.skipped}` : `methods: ${ev.methods?.join(', ')}`,
    });
  }
  if (!appOnly && !only && !trustOnly && !kernelsOnly && !flags.has('--no-serve')) await serveTargets();
  machine.loadEnd = Math.round(loadavg()[0] * 100) / 100;
  const args = process.argv.slice(2).join(' ');
  // A subset of the app targets is a check, not the table: it goes to bench/out, not over bench/RESULTS.md.
  const dir = appOnly || only || kernelsOnly || trustOnly ? OUT : join(ROOT, 'bench');
  mkdirSync(dir, { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${args ? ` -- ${args}` : ''}`,
    machine,
    browser: browserInfo,
    rows,
  };
  writeReport(dir, report);
  if ((appOnly || only) && !kernelsOnly && flags.has('--merge')) {
    // The app rows just measured replace the committed rows of the same figure; new figures go beside them.
    const bench = join(ROOT, 'bench');
    const measured = new Set(rows.map((r) => r.figure));
    writeReport(
      bench,
      mergeReport(
        bench,
        report,
        (row) => measured.has(row.figure),
        `app rows (${only ? `target${only.length > 1 ? 's' : ''} ${only.join(', ')}` : 'all'})`,
      ),
    );
    log(`merged the app rows into ${bench}/RESULTS.md`);
  }
  if (trustOnly && flags.has('--merge')) {
    const bench = join(ROOT, 'bench');
    const isTrustRow = (row: Row) => row.figure.startsWith('Paired bootstrap') || row.figure.startsWith('Onboarding simulator');
    writeReport(bench, mergeReport(bench, report, isTrustRow, 'trust rows (bootstrap, onboarding)'));
    log(`merged the trust rows into ${bench}/RESULTS.md`);
  }
  if (kernelsOnly && flags.has('--merge')) {
    const bench = join(ROOT, 'bench');
    writeReport(bench, mergeReport(bench, report, isKernelRow, 'k-means and learned-map ratio rows'));
    log(`merged the kernel rows into ${bench}/RESULTS.md`);
  }
  log(`wrote ${dir}/results.json and ${dir}/RESULTS.md`);
}

let browserInfo: Record<string, unknown> | undefined;

/** Live routing and the session maths in Chromium (not kernel rows). */
async function chromiumRouting(p: BenchPage): Promise<void> {
  const live = await attempt('Chromium live routing', async () => {
    const h = await p.call('liveRouting');
    hookRow(
      'Live routing: 10,000 prompts x 50 LLMs, scripted drag (p95)',
      'Chromium, routeAt + routingSummary',
      h,
      '< 16 ms',
      (x) => (x.ms ?? Infinity) < 16,
    );
    hookRow(
      'Exact deferral curve, 10,000 x 50',
      'Chromium, deferralCurve',
      { ms: h.details?.curveMs as number, details: { points: h.details?.curvePoints ?? 0 } },
      '< 100 ms',
      (x) => (x.ms ?? Infinity) < 100,
    );
    return { bestMs: h.ms, runsMs: [h.ms ?? NaN] };
  });
  void live;
  await attempt('Chromium session maths (evaluatePool, curves, routeLive)', async () => {
    const h = await p.call('sessionPool', FAST);
    sessionRows('Chromium', h);
    return { bestMs: h.ms, runsMs: [h.ms ?? NaN] };
  });
  await attempt('Chromium paired bootstrap B = 200 at 10,000 x 50', async () => {
    const h = await p.call('bootstrap', FAST);
    hookRow(
      'Paired bootstrap, B = 200, 10,000 test prompts x 50 LLMs, every method (intervals, bands, verdicts)',
      'Chromium, bootstrapSync + summariseBootstrap (the code the training worker runs)',
      h,
      '< 1 s',
      (x) => (x.ms ?? Infinity) < 1000,
    );
    return { bestMs: h.ms, runsMs: [h.ms ?? NaN] };
  });
}

/** The trust rows: the paired bootstrap at 10,000 x 50 and the onboarding simulator on the demo (core only). */
async function trustRows(where: string): Promise<void> {
  await initTf({ prefer: ['wasm'] });
  log(`${where}: bootstrap B = 200 at 10,000 x 50`);
  hookRow(
    'Paired bootstrap, B = 200, 10,000 test prompts x 50 LLMs, every method (intervals, bands, verdicts)',
    `${where}, bootstrapSync + summariseBootstrap (bench/trustTargets.ts)`,
    bootstrapHook(FAST),
    '< 1 s',
    (h) => (h.ms ?? Infinity) < 1000,
  );
  log(`${where}: onboarding simulator on the demo`);
  hookRow(
    'Onboarding simulator on the demo: 11 LLMs, n in 5, 10, 20, 50, all, 5 repeats (train without the LLM, add it back)',
    `${where}, simulateOnboarding (bench/trustTargets.ts)`,
    await onboardingHook(SLOW),
    '< 5 s',
    (h) => (h.ms ?? Infinity) < 5000,
  );
}

/** The kernel rows (bench/kernelTargets.ts) in Chromium's bench page and Node, plus the learned map in tfjs and the session maths. */
async function kernelsAndNode(machine: ReturnType<typeof machineInfo>): Promise<void> {
  let page: BenchPage | undefined;
  if (!flags.has('--no-browser')) {
    try {
      log('building bench.html with Vite');
      await buildBenchPage();
      page = await openBenchPage(OUT, CHROMIUM);
    } catch (e) {
      log(`Chromium unavailable: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let env: Awaited<ReturnType<BenchPage['call']>> | undefined;
  if (page) {
    const e = await page.call('env');
    env = e;
    browserInfo = e as unknown as Record<string, unknown>;
    machine.chromium = page.chromiumVersion;
    machine.webglRenderer = e.tf.renderer;
    log(`Chromium ${page.chromiumVersion}, tfjs picks ${e.tf.backend} (${e.tf.renderer ?? 'no renderer'}), wasm SIMD ${e.wasmSimd}`);
  }
  const info = env as { hardwareConcurrency?: number; tf?: { backend: string; softwareRenderer?: boolean } } | undefined;
  rows.push(
    ...(await kernelRows(
      {
        root: ROOT,
        dataDir: DATA,
        seed: SEED,
        quick,
        kernelsOnly,
        noPython: flags.has('--no-python') ? '--no-python' : undefined,
        log,
        attempt,
      },
      page,
      {
        cores: Number(info?.hardwareConcurrency ?? 1),
        tfBackend: { name: info?.tf?.backend ?? 'cpu', softwareRenderer: info?.tf?.softwareRenderer === true },
      },
    )),
  );
  if (page) {
    const p = page;
    if (!kernelsOnly) {
      for (const backend of quick ? (['wasm'] as const) : (['wasm', 'webgl'] as const)) {
        const t = await attempt(`Chromium learned-map epoch in tfjs ops (${backend})`, async () => {
          await p.call('backend', backend);
          return p.call('learnedMapTf', 'learnedmap20k', SLOW);
        });
        row('Learned map: 1 epoch (same problem)', `Chromium, tfjs ops with a hand-written gradient (${backend})`, t);
      }
      const tc = await attempt('Chromium trainClusterMap epochs=1 (wasm)', async () => {
        await p.call('backend', 'wasm');
        return p.call('trainClusterMap', 'learnedmap20k', 1);
      });
      row(
        'Learned map: 1 epoch (same problem)',
        "Chromium, the app's trainClusterMap({epochs: 1}), tfjs backend wasm (engine: see backend column)",
        tc,
      );
      await chromiumRouting(p);
    }
    await p.close();
  }
  if (kernelsOnly) return;
  log('Node figures');
  await initTf({ prefer: ['wasm'] });
  if (!page)
    hookRow(
      'Live routing: 10,000 prompts x 50 LLMs, scripted drag (p95)',
      'Node, routeAt + routingSummary',
      liveRoutingHook(),
      '< 16 ms (browser)',
      () => undefined,
    );
  sessionRows('Node', sessionPoolHook(FAST));
  await trustRows('Node');
  log('hooks: CSV load, ten retrains');
  hookRow(
    'Load 20,000 x 100 correctness CSV (2M cells) + prompt text',
    'Node, loadDataset (main thread)',
    csvLoadHook(),
    '< 2 s (browser worker)',
    (h) => (h.ms ?? Infinity) < 2000,
  );
  hookRow(
    'Ten retrains in a row (k-means + learned map, default engines)',
    'Node, tfjs wasm backend',
    await tenRetrainsHook(),
    'tensors and heap flat',
    (h) => h.details?.tensorsFlat === true,
  );
}

/** The rows a --kernels run measures (the ratio targets and the rows beside them), for --merge. */
function isKernelRow(row: Row): boolean {
  const f = row.figure;
  return (
    (f.startsWith('K-means') && !f.includes('(per backend)')) ||
    f.startsWith('Learned map: 1 epoch, N=') ||
    (f === 'Learned map: 1 epoch (same problem)' && row.measured.startsWith('Node, wasm SIMD kernel')) ||
    f === 'Kernel ratio targets'
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
