/** Reading a dataset folder, an embeddings file, a split file and a prompts file from disk for the CLI. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { loadDataset } from '../core/data';
import { readCsv } from '../core/data/csv';
import { readEmbeddings } from '../core/data/embeddings';
import { createIssueList } from '../core/data/issues';
import { readDatasetDir } from '../core/data/readDir.node.ts';
import { applySplitFile } from '../core/eval';
import { parsePromptList, type PromptList } from '../core/insight';
import type { ResolvedSplit } from '../core/eval/pipeline';
import type { Dataset, DataIssue, Matrix, NamedText } from '../core/types';
import { InputError, inputError } from './errors';

export function readText(file: string): string {
  if (!existsSync(file)) throw inputError(file, 'file not found');
  if (statSync(file).isDirectory()) throw inputError(file, 'is a folder, expected a file');
  return readFileSync(file, 'utf8');
}

/**
 * `--embeddings FILE` read as an embeddings CSV whatever its name or header: loadDataset recognises
 * embeddings by header, so a file with another header would be set aside as "not ours" and the run
 * would silently fall back to the built-in embedder. With promptIds null only the file is checked.
 */
function readEmbeddingsFile(file: NamedText, promptIds: string[] | null): { matrix: Matrix | null; issues: DataIssue[] } {
  const issues = createIssueList();
  // JSON would otherwise parse as CSV into a flood of quote errors.
  if (/^\s*[[{]/.test(file.text.slice(0, 1024))) {
    issues.add(
      file.name,
      undefined,
      undefined,
      'not a CSV file: it looks like JSON; --embeddings takes a CSV with the header prompt_id,e0,e1,...,e{D-1}',
    );
    return { matrix: null, issues: issues.toArray() };
  }
  const table = readCsv(file.name, file.text, issues);
  const matrix = table === null ? null : readEmbeddings(file.name, table, promptIds, issues);
  return { matrix, issues: issues.toArray() };
}

/**
 * Loads and validates `--data DIR` (+ `--embeddings FILE`); every problem of the dataset and of the
 * embeddings file is reported at once. Warnings (data that loads but is worth knowing) go to `warn`.
 */
export function loadDataDir(dir: string, embeddingsFile?: string, warn?: (issue: DataIssue) => void): Dataset {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw inputError(dir, 'dataset folder not found');
  let files: NamedText[];
  try {
    files = readDatasetDir(dir);
  } catch (err) {
    throw inputError(dir, (err as Error).message);
  }
  const embeddings = embeddingsFile === undefined ? undefined : { name: embeddingsFile, text: readText(embeddingsFile) };
  // The same file found in a long-format folder and named by --embeddings is one file, not two.
  if (embeddingsFile !== undefined) files = files.filter((f) => resolve(f.name) !== resolve(embeddingsFile));
  const loaded = loadDataset(files, { name: basename(dir) });
  const ids = loaded.ok ? loaded.data.prompts.map((p) => p.id) : null;
  const read = embeddings === undefined ? null : readEmbeddingsFile(embeddings, ids);
  const embeddingIssues = read?.issues ?? [];
  if (!loaded.ok || embeddingIssues.length > 0) throw new InputError([...(loaded.ok ? [] : loaded.issues), ...embeddingIssues]);
  if (loaded.data.embeddings !== undefined && read !== null) {
    throw inputError(embeddingsFile ?? '', `the dataset folder already holds an embeddings file; give one or the other`);
  }
  if (read?.matrix) loaded.data.embeddings = read.matrix;
  for (const w of loaded.warnings) warn?.(w);
  return loaded.data;
}

/** `--split FILE`: {"train","val","test","trainModels","testModels"} used verbatim; what it leaves out goes to `warn`. */
export function loadSplitFile(file: string, dataset: Dataset, warn?: (issue: DataIssue) => void): ResolvedSplit {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw inputError(file, `not valid JSON: ${(err as Error).message}`);
  }
  const res = applySplitFile(
    json,
    dataset.prompts.map((p) => p.id),
    dataset.models.map((h) => h.name),
    file,
  );
  if (!res.ok) throw new InputError(res.issues);
  for (const w of res.warnings) warn?.(w);
  const d = res.data;
  return { prompts: { train: d.train, val: d.val, test: d.test }, trainModels: d.trainModels, testModels: d.testModels };
}

/**
 * `--prompts FILE` of `route` and `route --summary`: a CSV with a text (or prompt) column and an
 * optional prompt_id (or id), JSON Lines with a text field, or a .txt with one prompt per line;
 * every problem with its file, row and column (exit 2).
 */
export function readPromptsFile(file: string): PromptList {
  const list = parsePromptList({ name: file, text: readText(file) });
  if (!list.ok) throw new InputError(list.issues);
  return list.data;
}
