/**
 * An explicit split file, used verbatim: {"train": [prompt ids], "val": [...], "test": [...],
 * "trainModels": [names], "testModels": [names]} -> sorted indices, or every problem found.
 */
import type { DataIssue, Result } from '../types';
import type { PromptSplit } from './split';

/** The split file's JSON shape. */
export interface SplitFile {
  train: string[];
  val: string[];
  test: string[];
  trainModels: string[];
  testModels: string[];
}

/** A split as indices into dataset.prompts and dataset.models, each list ascending. */
export interface SplitIndices extends PromptSplit {
  trainModels: number[];
  testModels: number[];
}

const PROMPT_KEYS = ['train', 'val', 'test'] as const;
const MODEL_KEYS = ['trainModels', 'testModels'] as const;
type SplitKey = (typeof PROMPT_KEYS)[number] | (typeof MODEL_KEYS)[number];

/** Past this many, problems are summarised in one line (a wrong file can have thousands). */
const MAX_ISSUES = 50;

/** Why an empty list cannot be evaluated. */
const EMPTY_REASON: Record<SplitKey, string> = {
  train: 'K-means needs training prompts',
  val: 'error profiles need validation prompts',
  test: 'there are no test prompts to evaluate on',
  trainModels: '',
  testModels: 'at least one test LLM is needed',
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function knownList(names: string[]): string {
  const shown = names
    .slice(0, 10)
    .map((s) => JSON.stringify(s))
    .join(', ');
  return names.length > 10 ? `${shown}, ... (${names.length} in all)` : shown;
}

/**
 * Validates a parsed split file against the dataset's prompt ids and model names and returns the
 * indices. Errors: not an object, a missing key, a key that is not a list of strings, unknown ids
 * or models, an id or model listed twice or in two sets, an empty train / val / test set or an
 * empty test pool. Warnings: unknown keys, prompts and models the file leaves out.
 */
export function applySplitFile(split: unknown, promptIds: string[], modelNames: string[], file: string): Result<SplitIndices> {
  const issues: DataIssue[] = [];
  const warnings: DataIssue[] = [];
  const fail = (message: string): void => {
    issues.push({ file, message });
  };
  if (typeof split !== 'object' || split === null || Array.isArray(split)) {
    fail(
      `a split file must be a JSON object {"train": [...], "val": [...], "test": [...], "trainModels": [...], "testModels": [...]}, got ${describe(split)}`,
    );
    return { ok: false, issues };
  }
  const record = split as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(PROMPT_KEYS as readonly string[]).includes(key) && !(MODEL_KEYS as readonly string[]).includes(key)) {
      warnings.push({ file, message: `unknown key "${key}" ignored` });
    }
  }

  const lists = new Map<SplitKey, string[]>();
  for (const key of [...PROMPT_KEYS, ...MODEL_KEYS]) {
    const what = key.endsWith('Models') ? 'model names' : 'prompt ids';
    if (!(key in record)) {
      fail(`missing key "${key}" (a list of ${what})`);
      continue;
    }
    const value = record[key];
    if (!Array.isArray(value)) {
      fail(`"${key}" must be a list of ${what}, got ${describe(value)}`);
      continue;
    }
    const bad = value.findIndex((v) => typeof v !== 'string');
    if (bad >= 0) {
      fail(`"${key}"[${bad}] must be a string, got ${describe(value[bad])}`);
      continue;
    }
    lists.set(key, value as string[]);
  }
  if (issues.length > 0) return { ok: false, issues };

  const resolve = (keys: readonly SplitKey[], names: string[], noun: string): Map<SplitKey, number[]> => {
    const index = new Map(names.map((name, i) => [name, i] as const));
    const owner = new Map<number, SplitKey>();
    const out = new Map<SplitKey, number[]>();
    for (const key of keys) {
      const indices: number[] = [];
      for (const name of lists.get(key) ?? []) {
        const i = index.get(name);
        if (i === undefined) {
          fail(
            noun === 'model'
              ? `unknown model "${name}" in "${key}" (models: ${knownList(names)})`
              : `unknown prompt id "${name}" in "${key}"`,
          );
          continue;
        }
        const previous = owner.get(i);
        if (previous === key) fail(`${noun} "${name}" is listed twice in "${key}"`);
        else if (previous !== undefined) fail(`${noun} "${name}" is in both "${previous}" and "${key}"`);
        else {
          owner.set(i, key);
          indices.push(i);
        }
      }
      if ((lists.get(key) ?? []).length === 0 && EMPTY_REASON[key] !== '') {
        fail(`"${key}" is empty: ${EMPTY_REASON[key]}`);
      }
      out.set(
        key,
        indices.sort((a, b) => a - b),
      );
    }
    const left = names.length - owner.size;
    if (left > 0 && noun === 'prompt id') {
      warnings.push({ file, message: `${left} prompt${left === 1 ? ' is' : 's are'} in no set and left out` });
    }
    if (noun === 'model') {
      for (let i = 0; i < names.length; i++) {
        if (!owner.has(i)) warnings.push({ file, message: `model "${names[i]}" is in neither pool and left out` });
      }
    }
    return out;
  };
  const prompts = resolve(PROMPT_KEYS, promptIds, 'prompt id');
  const models = resolve(MODEL_KEYS, modelNames, 'model');

  if (issues.length > 0) {
    const shown = issues.slice(0, MAX_ISSUES);
    if (issues.length > MAX_ISSUES) shown.push({ file, message: `... and ${issues.length - MAX_ISSUES} more problems` });
    return { ok: false, issues: shown };
  }
  const get = (map: Map<SplitKey, number[]>, key: SplitKey): number[] => map.get(key) ?? [];
  return {
    ok: true,
    data: {
      train: get(prompts, 'train'),
      val: get(prompts, 'val'),
      test: get(prompts, 'test'),
      trainModels: get(models, 'trainModels'),
      testModels: get(models, 'testModels'),
    },
    warnings,
  };
}
