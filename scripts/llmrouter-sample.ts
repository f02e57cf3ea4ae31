/**
 * Builds data/llmrouter-sample from ../shared/data/llmrouter_nim9 (MIT, ulab-uiuc/LLMRouter):
 * every GPQA row removed (GPQA asks that its questions are not re-published), then a stratified
 * sample of SAMPLE_SIZE prompts, each benchmark (`source`) keeping its share (largest remainder),
 * drawn with the project's seeded generator. Rows keep the source order; every column and all 9
 * LLMs are kept. Beside it, production-prompts.csv: unlabelled prompts of the benchmarks the sample
 * holds least of, none of them in the sample, for the deployment-shift preview (`route --summary`).
 * Deterministic: the same input gives the same bytes.
 *
 *   npx tsx scripts/llmrouter-sample.ts           # (re)writes data/llmrouter-sample/*.csv
 *   npx tsx scripts/llmrouter-sample.ts --check   # exits 1 when the committed files differ
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { toCsv } from '../src/core/demo/files';
import { createRng, shuffled } from '../src/core/rng';

export const SAMPLE_SIZE = 1200;
export const SAMPLE_SEED = 20251204;
/** Benchmarks whose questions may not be re-published. */
export const REMOVED_SOURCES = ['gpqa'];
/** Unlabelled "production" traffic: PRODUCTION_PER_SOURCE prompts of each of these benchmarks, not in the sample. */
export const PRODUCTION_FILE = 'production-prompts.csv';
export const PRODUCTION_SOURCES = ['agentverse-logicgrid', 'agentverse-mgsm', 'commongen', 'human_eval'];
export const PRODUCTION_PER_SOURCE = 50;
export const PRODUCTION_SEED = 20251205;
export const SAMPLE_FILES = ['prompts.csv', 'correctness.csv', 'models.csv', PRODUCTION_FILE] as const;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_DIR = path.resolve(ROOT, '../shared/data/llmrouter_nim9');
export const SAMPLE_DIR = path.join(ROOT, 'data/llmrouter-sample');

function readTable(file: string): string[][] {
  const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data;
}

/** Per-source counts summing to `size`: floor of each proportional share, then the largest remainders (ties: source name). */
export function allocate(counts: Map<string, number>, size: number): Map<string, number> {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const shares = [...counts].map(([source, n]) => ({ source, exact: (n * size) / total }));
  const out = new Map(shares.map((s) => [s.source, Math.floor(s.exact)]));
  let left = size - [...out.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...shares].sort(
    (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.source.localeCompare(b.source),
  );
  for (const s of byRemainder) {
    if (left-- <= 0) break;
    out.set(s.source, out.get(s.source)! + 1);
  }
  return out;
}

/**
 * PRODUCTION_PER_SOURCE prompts of each PRODUCTION_SOURCES benchmark that the sample left out (so a
 * router trained on the sample never saw them), drawn by a seeded shuffle; source order; only
 * prompt_id, text and source (no scores: production prompts are unlabelled).
 */
function productionPrompts(header: string[], prompts: string[][], inSample: Set<number>): string {
  const [idCol, textCol, sourceCol] = ['prompt_id', 'text', 'source'].map((c) => header.indexOf(c));
  const rng = createRng(PRODUCTION_SEED);
  const chosen = new Set<number>();
  for (const source of PRODUCTION_SOURCES) {
    const left = prompts.flatMap((row, i) => (row[sourceCol] === source && !inSample.has(i) ? [i] : []));
    if (left.length < PRODUCTION_PER_SOURCE) throw new Error(`only ${left.length} ${source} prompts outside the sample`);
    for (const i of shuffled(left, rng).slice(0, PRODUCTION_PER_SOURCE)) chosen.add(i);
  }
  const rows = prompts.filter((_, i) => chosen.has(i)).map((r) => [r[idCol], r[textCol], r[sourceCol]]);
  return toCsv([['prompt_id', 'text', 'source'], ...rows]);
}

/** The files of the sample (its three dataset files and the production prompts), as text. */
export function buildSample(sourceDir = SOURCE_DIR): Record<(typeof SAMPLE_FILES)[number], string> {
  const [pHeader, ...prompts] = readTable(path.join(sourceDir, 'prompts.csv'));
  const [cHeader, ...scores] = readTable(path.join(sourceDir, 'correctness.csv'));
  const sourceCol = pHeader.indexOf('source');
  if (sourceCol < 0) throw new Error('prompts.csv has no source column');
  const kept = prompts.map((row, i) => ({ row, i })).filter(({ row }) => !REMOVED_SOURCES.includes(row[sourceCol]));
  const bySource = new Map<string, number[]>();
  for (const { row, i } of kept) bySource.set(row[sourceCol], [...(bySource.get(row[sourceCol]) ?? []), i]);
  const quota = allocate(new Map([...bySource].map(([s, rows]) => [s, rows.length])), SAMPLE_SIZE);
  const rng = createRng(SAMPLE_SEED);
  const chosen = new Set<number>();
  // Sources in name order, so the draw does not depend on row order within the file.
  for (const source of [...bySource.keys()].sort()) {
    for (const i of shuffled(bySource.get(source)!, rng).slice(0, quota.get(source))) chosen.add(i);
  }
  const scoreOf = new Map(scores.map((r) => [r[0], r]));
  const rows = prompts.filter((_, i) => chosen.has(i));
  return {
    'prompts.csv': toCsv([pHeader, ...rows]),
    'correctness.csv': toCsv([
      cHeader,
      ...rows.map((r) => {
        const s = scoreOf.get(r[0]);
        if (!s) throw new Error(`correctness.csv has no row for prompt ${r[0]}`);
        return s;
      }),
    ]),
    'models.csv': toCsv(readTable(path.join(sourceDir, 'models.csv'))),
    [PRODUCTION_FILE]: productionPrompts(pHeader, prompts, chosen),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(SOURCE_DIR)) {
    console.error(`${SOURCE_DIR} not found: the sample is made from the full LLMRouter data beside the repo`);
    process.exit(2);
  }
  const files = buildSample();
  const check = process.argv.includes('--check');
  let differ = 0;
  mkdirSync(SAMPLE_DIR, { recursive: true });
  for (const name of SAMPLE_FILES) {
    const file = path.join(SAMPLE_DIR, name);
    if (check) {
      const same = existsSync(file) && readFileSync(file, 'utf8') === files[name];
      if (!same) differ++;
      console.log(`${same ? 'same' : 'DIFFERS'} ${file}`);
    } else {
      writeFileSync(file, files[name]);
      console.log(`wrote ${file}`);
    }
  }
  process.exit(differ ? 1 : 0);
}
