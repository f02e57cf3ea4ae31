/** Reading a dataset folder, an embeddings file and a split file from disk for the CLI. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadDataset } from '../core/data';
import { readDatasetDir } from '../core/data/readDir.node.ts';
import { applySplitFile } from '../core/eval/split';
import type { ResolvedSplit } from '../core/eval/evaluate';
import type { Dataset } from '../core/types';
import { InputError, inputError } from './errors';

export function readText(file: string): string {
  if (!existsSync(file)) throw inputError(file, 'file not found');
  if (statSync(file).isDirectory()) throw inputError(file, 'is a folder, expected a file');
  return readFileSync(file, 'utf8');
}

/** Loads and validates `--data DIR` (+ `--embeddings FILE`); every problem is reported at once. */
export function loadDataDir(dir: string, embeddingsFile?: string): Dataset {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw inputError(dir, 'dataset folder not found');
  let files;
  try {
    files = readDatasetDir(dir);
  } catch (err) {
    throw inputError(dir, (err as Error).message);
  }
  if (embeddingsFile) files.push({ name: embeddingsFile, text: readText(embeddingsFile) });
  const loaded = loadDataset(files, { name: basename(dir) });
  if (!loaded.ok) throw new InputError(loaded.issues);
  return loaded.data;
}

/** `--split FILE`: {"train","val","test","trainModels","testModels"} used verbatim. */
export function loadSplitFile(file: string, dataset: Dataset): ResolvedSplit {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw inputError(file, `not valid JSON: ${(err as Error).message}`);
  }
  const res = applySplitFile(json, dataset.prompts.map((p) => p.id), dataset.models.map((h) => h.name), file);
  if (!res.ok) throw new InputError(res.issues);
  const d = res.data;
  return { prompts: { train: d.train, val: d.val, test: d.test }, trainModels: d.trainModels, testModels: d.testModels };
}
