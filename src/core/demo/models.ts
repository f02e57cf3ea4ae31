/**
 * The fictional LLMs of the synthetic demo and their latent skills. Correctness is drawn from
 *   P(correct) = sigmoid(skill[model][family] - sensitivity[model] * difficulty(prompt) + noise)
 * Cheap models are more sensitive to difficulty (they fall off faster on hard prompts), strong
 * models less, so routing pays off both between families and between easy and hard prompts.
 */
import type { FamilySpec } from './text';
import { CODE, SQL } from './familiesCode';
import { SUMMARIZATION, TRANSLATION } from './familiesLanguage';
import { LOGIC, MATH } from './familiesMath';
import { COMMONSENSE, READING } from './familiesReading';
import { MEDLAW, SCIENCE } from './familiesScience';
import { TRIVIA } from './familiesTrivia';

/** Every task family of the demo, in a fixed order (the order of skill tables below). */
export const DEMO_FAMILIES: readonly FamilySpec[] = [
  MATH,
  LOGIC,
  SCIENCE,
  CODE,
  SQL,
  TRANSLATION,
  SUMMARIZATION,
  READING,
  COMMONSENSE,
  TRIVIA,
  MEDLAW,
];

export type DemoTask =
  'math' | 'logic' | 'science' | 'code' | 'sql' | 'translation' | 'summarization' | 'reading' | 'commonsense' | 'trivia' | 'medical-legal';

export interface DemoModel {
  name: string;
  /** c(h) in USD per 1K calls (synthetic). */
  cost: number;
  /** Multiplies the prompt difficulty: > 1 for small models, < 1 for strong ones. */
  sensitivity: number;
  /** Skill (logit units) for a family; families not listed get `base`. */
  base: number;
  skills: Partial<Record<DemoTask, number>>;
}

/**
 * Cheap generalists, mid-size and expensive strong generalists, and specialists that win one
 * area at a fraction of the price. The most expensive model is the best single model overall,
 * but in every family some cheaper model matches or beats it.
 */
export const DEMO_MODELS: readonly DemoModel[] = [
  { name: 'pico-chat', cost: 0.4, sensitivity: 1.3, base: 0.9, skills: { commonsense: 1.9, translation: 1.4 } },
  { name: 'atlas-mini', cost: 0.8, sensitivity: 1.25, base: 1.5, skills: { commonsense: 2.4, trivia: 2.0 } },
  { name: 'coder-7b', cost: 0.6, sensitivity: 1.0, base: 0.3, skills: { code: 4.9, sql: 4.8, logic: 1.6, math: 1.2 } },
  { name: 'mathwise-lite', cost: 0.7, sensitivity: 1.0, base: 0.4, skills: { math: 4.9, logic: 4.6, science: 2.2, code: 1.2 } },
  { name: 'interlingo-13b', cost: 1.5, sensitivity: 1.0, base: 1.0, skills: { translation: 4.9, summarization: 3.0, reading: 2.2 } },
  { name: 'quill-8b', cost: 1.0, sensitivity: 1.0, base: 0.8, skills: { summarization: 4.7, reading: 4.6, commonsense: 2.4 } },
  { name: 'nimbus-medium', cost: 4, sensitivity: 1.0, base: 1.7, skills: { commonsense: 4.0, trivia: 2.3, reading: 2.4 } },
  { name: 'sage-70b', cost: 8, sensitivity: 0.9, base: 1.9, skills: { trivia: 4.2, science: 4.1, 'medical-legal': 4.1 } },
  { name: 'atlas-pro', cost: 12, sensitivity: 0.9, base: 2.4, skills: { code: 2.7, logic: 2.6 } },
  { name: 'verity-reasoner', cost: 25, sensitivity: 0.75, base: 2.0, skills: { logic: 3.6, math: 3.4, science: 3.1, code: 3.0 } },
  { name: 'atlas-ultra', cost: 40, sensitivity: 0.8, base: 2.9, skills: { translation: 2.6, summarization: 2.7 } },
];

/** skill[model][family] for the family at index `f` of DEMO_FAMILIES. */
export function demoSkill(model: DemoModel, f: number): number {
  return model.skills[DEMO_FAMILIES[f].task as DemoTask] ?? model.base;
}

/**
 * A held-out LLM that is NOT in the dataset, for the explorer's "Add an LLM" flow: a cheap
 * specialist that is excellent at science and medical-legal questions, the two families where the
 * default test pool (DEMO_TEST_POOL) has only the most expensive model to route to.
 */
export const DEMO_NEWCOMER: DemoModel = {
  name: 'lexica-3b',
  cost: 0.5,
  sensitivity: 1.0,
  base: 0.2,
  skills: { science: 4.9, 'medical-legal': 5.0 },
};
