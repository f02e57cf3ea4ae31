/**
 * Seeded synthetic benchmarks in the app's wide layout (prompts.csv with text and task,
 * correctness.csv, models.csv), written to bench/out/app-data for upload into the real app.
 * Prompts come from task families with their own vocabulary, so the built-in embedder separates
 * them; each LLM has a per-family accuracy that grows with its cost, plus noise, so routing pays.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitPrompts, type SplitFractions } from '../../src/core/eval';
import { createRng } from '../../src/core/rng';

export interface AppDatasetSpec {
  id: string;
  prompts: number;
  models: number;
  families: number;
  seed: number;
  /** Extra LLM columns drawn with the rest but kept out of the files (scored later, as an added LLM). */
  hidden?: number;
  /** Words per prompt: `min` plus a uniform draw below `span` (default 10 + [0, 25): short questions). */
  words?: { min: number; span: number };
}

export interface AppDataset {
  spec: AppDatasetSpec;
  dir: string;
  /** Paths of prompts.csv, correctness.csv, models.csv. */
  files: string[];
  names: string[];
  costs: number[];
  bytes: number;
  /** Scores of the hidden LLMs, prompt-major (prompts x hidden). */
  hiddenScores: Uint8Array;
  hiddenNames: string[];
  hiddenCosts: number[];
  promptIds: string[];
}

const COMMON = [
  'please',
  'explain',
  'the',
  'answer',
  'to',
  'this',
  'question',
  'about',
  'a',
  'short',
  'given',
  'when',
  'what',
  'why',
  'how',
];

/** Family f's own words: pseudo-words the hashed TF-IDF embedder sees as distinct tokens. */
function familyWords(f: number): string[] {
  return Array.from(
    { length: 14 },
    (_, j) => `${String.fromCharCode(97 + (f % 26))}${String.fromCharCode(97 + ((f * 7 + j) % 26))}topic${f}w${j}`,
  );
}

/** Writes the dataset (and returns the hidden LLMs' scores) under `root/<id>`. */
export function writeAppDataset(root: string, spec: AppDatasetSpec): AppDataset {
  const rng = createRng(spec.seed);
  const total = spec.models + (spec.hidden ?? 0);
  const width = Math.max(2, String(total - 1).length);
  const allNames = Array.from({ length: total }, (_, h) => `llm-${String(h).padStart(width, '0')}`);
  // Costs log-uniform over 2.5 decades; accuracy rises with log cost, with a per-family twist.
  const allCosts = allNames.map(() => Math.round(0.02 * 10 ** (2.5 * rng.next()) * 10000) / 10000);
  const quality = allCosts.map((c) => 0.35 + 0.18 * Math.log10(c / 0.02));
  const skill = new Float64Array(total * spec.families);
  for (let h = 0; h < total; h++)
    for (let f = 0; f < spec.families; f++)
      skill[h * spec.families + f] = Math.min(0.97, Math.max(0.03, quality[h] + 0.5 * (rng.next() - 0.5)));
  const words = Array.from({ length: spec.families }, (_, f) => familyWords(f));
  const promptIds = Array.from({ length: spec.prompts }, (_, p) => `p${p}`);
  const promptRows = ['prompt_id,text,task'];
  const scoreRows = [['prompt_id', ...allNames.slice(0, spec.models)].join(',')];
  const hidden = spec.hidden ?? 0;
  const hiddenScores = new Uint8Array(spec.prompts * hidden);
  const cells = new Array<string>(spec.models + 1);
  for (let p = 0; p < spec.prompts; p++) {
    const f = rng.int(spec.families);
    const len = (spec.words?.min ?? 10) + rng.int(spec.words?.span ?? 25);
    const tokens: string[] = [];
    for (let t = 0; t < len; t++) tokens.push(rng.next() < 0.7 ? words[f][rng.int(14)] : COMMON[rng.int(COMMON.length)]);
    // Quotes, commas and a newline inside the text exercise the CSV parser's quoting.
    const text = p % 7 === 0 ? `${tokens.join(' ')}, "quoted"\nsecond line` : tokens.join(' ');
    promptRows.push(`${promptIds[p]},"${text.replace(/"/g, '""')}",family-${f}`);
    cells[0] = promptIds[p];
    for (let h = 0; h < total; h++) {
      const right = rng.next() < skill[h * spec.families + f] ? 1 : 0;
      if (h < spec.models) cells[h + 1] = right ? '1' : '0';
      else hiddenScores[p * hidden + h - spec.models] = right;
    }
    scoreRows.push(cells.join(','));
  }
  const modelRows = ['model,cost,cost_unit', ...allNames.slice(0, spec.models).map((n, h) => `${n},${allCosts[h]},usd_per_call`)];
  const dir = join(root, spec.id);
  mkdirSync(dir, { recursive: true });
  const texts: [string, string][] = [
    ['prompts.csv', promptRows.join('\n') + '\n'],
    ['correctness.csv', scoreRows.join('\n') + '\n'],
    ['models.csv', modelRows.join('\n') + '\n'],
  ];
  let bytes = 0;
  for (const [name, text] of texts) {
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return {
    spec,
    dir,
    files: texts.map(([name]) => join(dir, name)),
    names: allNames.slice(0, spec.models),
    costs: allCosts.slice(0, spec.models),
    bytes,
    hiddenScores,
    hiddenNames: allNames.slice(spec.models),
    hiddenCosts: allCosts.slice(spec.models),
    promptIds,
  };
}

/**
 * The scores file of hidden LLM `j` for the Add-an-LLM view: `prompt_id,score` for every validation
 * prompt (what its Psi needs) and every test prompt (so its test accuracy is exact), from the same
 * seeded split the app draws (createRng(seed) -> splitPrompts, as the training worker does).
 */
export function writeNewcomerScores(
  ds: AppDataset,
  j: number,
  seed: number,
  fractions: SplitFractions,
  withTest: boolean,
): { path: string; rows: number } {
  const split = splitPrompts(ds.spec.prompts, createRng(seed), fractions);
  const hidden = ds.hiddenNames.length;
  const rows = ['prompt_id,score'];
  const ids = withTest ? [...split.val, ...split.test] : split.val;
  for (const p of ids) rows.push(`${ds.promptIds[p]},${ds.hiddenScores[p * hidden + j]}`);
  const path = join(ds.dir, `${ds.hiddenNames[j]}${withTest ? '' : '-val'}.csv`);
  writeFileSync(path, rows.join('\n') + '\n');
  return { path, rows: ids.length };
}
