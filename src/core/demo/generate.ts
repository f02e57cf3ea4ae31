/**
 * The built-in synthetic demo dataset: prompts from our own templates x vocabularies x numbers,
 * and 0/1 correctness of fictional LLMs drawn from a latent skill-minus-difficulty model.
 * Deterministic: everything comes from one seeded Rng, so a seed gives byte-identical data.
 */
import { createRng, shuffled } from '../rng';
import type { Rng } from '../rng';
import type { Dataset, Prompt } from '../types';
import { DEMO_FAMILIES, DEMO_MODELS, DEMO_NEWCOMER, demoSkill } from './models';
import type { DemoModel } from './models';
import type { FamilySpec, Level } from './text';
import { pick } from './text';

export interface DemoDatasetOptions {
  /** Seed of the generator (default 2025). */
  seed?: number;
  /** Number of prompts (default 2400), spread evenly over the task families. */
  prompts?: number;
}

export const DEMO_DATASET_NAME = 'RouteLab synthetic demo';
export const DEMO_COST_UNIT = 'USD per 1K calls (synthetic)';

const DEFAULTS: Required<DemoDatasetOptions> = { seed: 2025, prompts: 2400 };

// Latent model constants, in logit units. Half the prompts use a hard template, which sits
// LEVEL_SHIFT.hard above the family's base difficulty; PROMPT_SD spreads prompts within a level
// (some are hard for every model); CELL_SD is model-by-prompt noise, which keeps models from
// agreeing on everything (so the oracle is far above any single model).
const HARD_SHARE = 0.5;
const LEVEL_SHIFT: Record<Level, number> = { easy: 0.3, hard: 2.1 };
const PROMPT_SD = 2.0;
const CELL_SD = 0.5;
// Share of prompts that get a house-style line before / after them (see FamilySpec.prefixes).
const PREFIX_SHARE = 0.65;
const SUFFIX_SHARE = 0.4;
// Retries before a duplicate text is accepted (the template spaces are large; this is a backstop).
const MAX_TEXT_TRIES = 100;

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** A prompt text of `level` not seen before, trying other templates of the family on a clash. */
function freshText(spec: FamilySpec, level: Level, rng: Rng, seen: Set<string>): string {
  const templates = level === 'easy' ? spec.easy : spec.hard;
  let text = '';
  for (let attempt = 0; attempt < MAX_TEXT_TRIES; attempt++) {
    text = styled(spec, templates[rng.int(templates.length)](rng), rng);
    if (!seen.has(text)) break;
  }
  seen.add(text);
  return text;
}

/** `text` with the family's house-style lines added at random (before the uniqueness check). */
function styled(spec: FamilySpec, text: string, rng: Rng): string {
  let out = text;
  if (rng.next() < PREFIX_SHARE) out = pick(rng, spec.prefixes) + out;
  if (rng.next() < SUFFIX_SHARE) out += (out.includes('\n') ? '\n\n' : ' ') + pick(rng, spec.suffixes);
  return out;
}

/** The held-out newcomer LLM (not in the dataset) with its 0/1 score on every demo prompt. */
export interface DemoNewcomer {
  name: string;
  /** c(h) in the demo's cost unit. */
  cost: number;
  /** Tasks it is excellent at. */
  strengths: string[];
  /** Its score on each prompt of the dataset, in prompt order. */
  scores: Float64Array;
}

/** The demo dataset with the latent variables behind it (for tests and explanations). */
export interface DemoGeneration {
  dataset: Dataset;
  /** Difficulty level of each prompt's template. */
  levels: Level[];
  /** Latent difficulty(prompt) of each prompt, in logit units. */
  difficulty: Float64Array;
  /** DEMO_NEWCOMER's scores, drawn from the same prompt difficulties on a stream of its own. */
  newcomer: DemoNewcomer;
}

/**
 * Generates the demo Dataset: `prompts` prompts over 11 task families (Prompt.task), 11 LLMs with
 * costs from 0.4 to 40 USD per 1K calls, and 0/1 scores (row-major prompts x models).
 */
export function generateDemoDataset(options: DemoDatasetOptions = {}): Dataset {
  return generateDemoDetailed(options).dataset;
}

/** generateDemoDataset plus each prompt's level and latent difficulty, and the newcomer's scores. */
export function generateDemoDetailed(options: DemoDatasetOptions = {}): DemoGeneration {
  return generate(options, true);
}

/**
 * The demo with empty prompt texts (ids, tasks, scores and the newcomer are the same as
 * generateDemoDetailed's): the text stream is independent, so skipping it changes no draw.
 */
export function generateDemoLatent(options: DemoDatasetOptions = {}): DemoGeneration {
  return generate(options, false);
}

/** One 0/1 draw per prompt for `model`: P(correct) = sigmoid(skill - sensitivity * difficulty + noise). */
function drawScore(model: DemoModel, f: number, difficulty: number, rng: Rng): number {
  const logit = demoSkill(model, f) - model.sensitivity * difficulty + CELL_SD * rng.normal();
  return rng.next() < sigmoid(logit) ? 1 : 0;
}

function generate(options: DemoDatasetOptions, withText: boolean): DemoGeneration {
  const { seed, prompts: count } = { ...DEFAULTS, ...options };
  if (!Number.isInteger(count) || count < 1) throw new Error(`prompts must be a positive integer, got ${count}`);
  const root = createRng(seed);
  // Separate streams, so changing the wording of a template does not change levels or scores.
  const orderRng = root.fork();
  const textRng = root.fork();
  const latentRng = root.fork();

  const F = DEMO_FAMILIES.length;
  const M = DEMO_MODELS.length;
  const familyOf = shuffled(
    Array.from({ length: count }, (_, i) => i % F),
    orderRng,
  );
  const width = Math.max(4, String(count).length);
  const seen = new Set<string>();
  const prompts: Prompt[] = [];
  const scores = new Float64Array(count * M);
  const levels: Level[] = [];
  const difficulties = new Float64Array(count);

  for (let p = 0; p < count; p++) {
    const f = familyOf[p];
    const spec = DEMO_FAMILIES[f];
    const level: Level = latentRng.next() < HARD_SHARE ? 'hard' : 'easy';
    const text = withText ? freshText(spec, level, textRng, seen) : '';
    prompts.push({ id: `demo-${String(p + 1).padStart(width, '0')}`, text, task: spec.task });

    const difficulty = spec.difficulty + LEVEL_SHIFT[level] + PROMPT_SD * latentRng.normal();
    levels.push(level);
    difficulties[p] = difficulty;
    for (let m = 0; m < M; m++) scores[p * M + m] = drawScore(DEMO_MODELS[m], f, difficulty, latentRng);
  }
  // Forked after the other streams, so the newcomer leaves the dataset exactly as it was without it.
  const newcomerRng = root.fork();
  const newcomerScores = Float64Array.from(difficulties, (d, p) => drawScore(DEMO_NEWCOMER, familyOf[p], d, newcomerRng));

  const dataset: Dataset = {
    name: DEMO_DATASET_NAME,
    prompts,
    models: DEMO_MODELS.map((m) => ({ name: m.name, cost: m.cost })),
    costUnit: DEMO_COST_UNIT,
    scores,
  };
  const newcomer: DemoNewcomer = {
    name: DEMO_NEWCOMER.name,
    cost: DEMO_NEWCOMER.cost,
    strengths: Object.keys(DEMO_NEWCOMER.skills),
    scores: newcomerScores,
  };
  return { dataset, levels, difficulty: difficulties, newcomer };
}
