/** `routelab eval`: every method's deferral metrics on a dataset, as a table or one JSON object. */
import { DEFAULT_RESAMPLES, METHOD_LABELS, METHOD_NAMES, QNC_DENOMINATORS } from '../core/eval';
import { evaluate, type EvalReport } from '../core/eval/pipeline';
import { initTf } from '../core/tf';
import { formatIssue, type DataIssue } from '../core/types';
import { KMEANS_ENGINES } from '../core/cluster';
import { DEFAULTS } from '../core/defaults';
import { choiceFlag, intFlag, intOrAuto, numberFlag, parseFlags, requireString } from './args';
import { formatPaying, payingOf } from './evalPaying';
import { loadDataDir, loadSplitFile } from './load';
import { nodeShardHost } from './lloydShards';
import type { Io } from './io';
import { percentOrNotReached } from './textTable';

export const EVAL_USAGE = `routelab eval --data DIR [--embeddings FILE] [--split FILE] [--seed N] [--k N|auto]
              [--knn-k N|auto] [--trials N] [--qnc-denominator max-test-cost|most-accurate]
              [--kmeans-engine auto|wasm-simd-elkan|wasm-simd|tfjs|ts] [--bootstrap B] [--cost-penalty X] [--json]`;

export async function evalCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(
    argv,
    {
      data: { type: 'string' },
      embeddings: { type: 'string' },
      split: { type: 'string' },
      seed: { type: 'string' },
      k: { type: 'string' },
      'knn-k': { type: 'string' },
      trials: { type: 'string' },
      'qnc-denominator': { type: 'string' },
      'kmeans-engine': { type: 'string' },
      bootstrap: { type: 'string' },
      'cost-penalty': { type: 'string' },
      json: { type: 'boolean' },
    },
    'eval',
  );
  const dataDir = requireString(flags, 'data', 'eval');
  const seed = intFlag(flags.seed, 'seed', DEFAULTS.seed);
  const k = intOrAuto(flags.k, 'k', DEFAULTS.k);
  const knnK = intOrAuto(flags['knn-k'], 'knn-k', DEFAULTS.knnK);
  const trials = intFlag(flags.trials, 'trials', DEFAULTS.trials, 1);
  const resamples = flags.bootstrap === undefined ? undefined : intFlag(flags.bootstrap, 'bootstrap', DEFAULT_RESAMPLES, 1);
  const costPenalty = flags['cost-penalty'] === undefined ? undefined : numberFlag(flags['cost-penalty'], 'cost-penalty', 0, 0);
  const qncDenominator = choiceFlag(flags['qnc-denominator'], 'qnc-denominator', QNC_DENOMINATORS, DEFAULTS.qncDenominator);
  const engine = choiceFlag(flags['kmeans-engine'], 'kmeans-engine', KMEANS_ENGINES, 'auto');
  const warn = (issue: DataIssue) => io.progress(`warning: ${formatIssue(issue)}`);
  const dataset = loadDataDir(dataDir, flags.embeddings as string | undefined, warn);
  const split = flags.split ? loadSplitFile(flags.split as string, dataset, warn) : undefined;
  const backend = await initTf({ prefer: ['wasm', 'cpu'] });
  io.progress(`loaded ${dataset.prompts.length} prompts x ${dataset.models.length} LLMs; tfjs backend ${backend.backend}`);
  const report = await evaluate(dataset, {
    seed,
    k,
    knnK,
    trials,
    split,
    qncDenominator,
    kmeansEngine: engine,
    bootstrap: resamples === undefined ? undefined : { resamples },
    keepEvidence: costPenalty !== undefined,
    tfBackend: { name: backend.backend, softwareRenderer: backend.softwareRenderer },
    ...nodeShardHost(),
    onProgress: (e) => {
      if (e.fraction === undefined || (e.stage !== 'kmeans' && e.stage !== 'bootstrap'))
        io.progress(`[trial ${e.trial}] ${e.stage}: ${e.message}`);
    },
  });
  const paying = costPenalty === undefined ? undefined : payingOf(report, dataset, costPenalty, resamples);
  delete report.evidence;
  if (flags.json) io.out(JSON.stringify({ ...report, ...(paying ? { paying } : {}), backend: backend.backend }));
  else io.out([formatReport(report, dataset.name), ...(paying ? formatPaying(paying) : [])].join('\n'));
  return 0;
}

const num = (x: number) => x.toFixed(4);

/** The readable table printed without --json. */
export function formatReport(report: EvalReport, name: string): string {
  const lines: string[] = [];
  const s = report.split;
  lines.push(`${name}: ${report.trials} trial(s), seed ${report.seed}, embedder ${report.embedder.kind} (${report.embedder.dim}-d)`);
  lines.push(
    `split: ${s.train} train / ${s.val} val / ${s.test} test prompts (${s.testScored} scored for the whole test pool, ${report.dropped} dropped); ${s.trainModels} training LLMs, ${s.testModels} test LLMs`,
  );
  lines.push(`chosen: K = ${report.chosen.k.join(', ')}; K-NN k = ${report.chosen.knnK.join(', ')}`);
  if (report.engines)
    lines.push(`engines: k-means ${report.engines.kmeans}${report.engines.clusterMap ? `, learned map ${report.engines.clusterMap}` : ''}`);
  lines.push('');
  const header = ['method', 'Area', 'Area(50%)', 'QNC', 'AIQ', 'peak acc'];
  const rows = METHOD_NAMES.filter((m) => report.methods[m]).map((m) => {
    const r = report.methods[m]!;
    return [METHOD_LABELS[m], num(r.area), num(r.area50), percentOrNotReached(r.qnc), num(r.aiq), num(r.peakAccuracy)];
  });
  lines.push(...table(header, rows));
  lines.push(...formatBootstrap(report));
  lines.push('');
  lines.push(
    ...table(
      ['test LLM', 'cost (normalised)', 'accuracy'],
      Object.entries(report.singles)
        .sort((a, b) => a[1].cost - b[1].cost)
        .map(([n, p]) => [n, num(p.cost), num(p.accuracy)]),
    ),
  );
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

const interval = (i: [number | null, number | null], f: (x: number | null) => string) => `[${f(i[0])}, ${f(i[1])}]`;

/** With --bootstrap: every method's 95% intervals, then the paired verdicts. */
function formatBootstrap(report: EvalReport): string[] {
  if (!report.bootstrap || !report.comparisons) return [];
  const b = report.bootstrap;
  const lines = [
    '',
    `95% intervals, paired bootstrap over test prompts (${b.completed} resamples${b.trials > 1 ? ` per trial, ${b.combine}` : ''}):`,
  ];
  const rows = METHOD_NAMES.filter((m) => report.methods[m]?.ci).map((m) => {
    const ci = report.methods[m]!.ci!;
    return [
      METHOD_LABELS[m],
      interval(ci.area, (x) => num(x!)),
      interval(ci.area50, (x) => num(x!)),
      interval(ci.qnc, percentOrNotReached),
      interval(ci.aiq, (x) => num(x!)),
      interval(ci.peakAccuracy, (x) => num(x!)),
    ];
  });
  lines.push(...table(['method', 'Area', 'Area(50%)', 'QNC', 'AIQ', 'peak acc'], rows));
  lines.push('');
  const name = (m: string) =>
    m === 'best-single' ? `best single LLM (${b.bestModels.join(', ')})` : METHOD_LABELS[m as keyof typeof METHOD_LABELS];
  lines.push(
    ...table(
      ['comparison', 'delta Area', '95% interval', 'wins', 'verdict'],
      report.comparisons.map((c) => [
        `${name(c.a)} vs ${name(c.b)}`,
        c.deltaArea.toFixed(4),
        interval(c.ci, (x) => x!.toFixed(4)),
        `${(100 * c.winShare).toFixed(0)}%`,
        c.verdict,
      ]),
    ),
  );
  return lines;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)];
}
