/**
 * What the explorer does differently on the demo: a fixed default unseen test pool H_te (a seeded
 * third of the demo's LLMs can be all generalists, where routing has little to win) and the
 * held-out newcomer's scores file for adding an unseen LLM.
 */
import type { Dataset, NamedText } from '../types';
import { toCsv } from './files';
import { DEMO_COST_UNIT, DEMO_DATASET_NAME, generateDemoLatent, type DemoNewcomer } from './generate';
import { DEMO_MODELS } from './models';

/**
 * The demo's default H_te: four cheap specialists (code + SQL, maths + logic, translation,
 * summarisation + reading) and the most expensive, most accurate generalist. The six other LLMs
 * train the learned map, and no cheap test LLM is good at science, medical-legal, trivia or
 * commonsense, which is where the newcomer (DEMO_NEWCOMER) helps.
 */
export const DEMO_TEST_POOL: readonly string[] = ['coder-7b', 'mathwise-lite', 'interlingo-13b', 'quill-8b', 'atlas-ultra'];

/** True when `dataset` is the generated demo (its name, cost unit and LLMs with their costs). */
export function isDemoDataset(dataset: Dataset): boolean {
  return (
    dataset.name === DEMO_DATASET_NAME &&
    dataset.costUnit === DEMO_COST_UNIT &&
    dataset.models.length === DEMO_MODELS.length &&
    dataset.models.every((h, j) => h.name === DEMO_MODELS[j].name && h.cost === DEMO_MODELS[j].cost)
  );
}

/** The test pool used when none is chosen: DEMO_TEST_POOL on the demo, [] (the seeded split) otherwise. */
export function defaultTestPool(dataset: Dataset): string[] {
  return isDemoDataset(dataset) ? [...DEMO_TEST_POOL] : [];
}

/**
 * The newcomer of this demo dataset, or null when `dataset` is not a demo generated with the
 * default seed: the latent draws are replayed and must give exactly the dataset's ids and scores.
 */
export function demoNewcomerFor(dataset: Dataset): DemoNewcomer | null {
  if (!isDemoDataset(dataset) || dataset.prompts.length === 0) return null;
  const latent = generateDemoLatent({ prompts: dataset.prompts.length });
  const same =
    latent.dataset.scores.length === dataset.scores.length &&
    latent.dataset.prompts.every((p, i) => p.id === dataset.prompts[i].id) &&
    latent.dataset.scores.every((s, i) => Object.is(s, dataset.scores[i]));
  return same ? latent.newcomer : null;
}

/** The newcomer's scores file (`prompt_id,score`) for the dataset rows `rows`, in the given order. */
export function newcomerScoresFile(dataset: Dataset, newcomer: DemoNewcomer, rows: readonly number[]): NamedText {
  const text = toCsv([['prompt_id', 'score'], ...rows.map((r) => [dataset.prompts[r].id, String(newcomer.scores[r])])]);
  return { name: `${newcomer.name}-scores.csv`, text };
}
