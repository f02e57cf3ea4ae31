/**
 * Node-only helper for the CLI (not part of core's browser bundle): reads a dataset folder into the
 * NamedText list that loadDataset takes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NamedText } from '../types';

const WIDE = ['prompts.csv', 'correctness.csv', 'models.csv', 'costs.csv'];
const TABLE = /\.(csv|jsonl|ndjson)$/i;

/**
 * The files of a dataset folder: the wide layout's prompts.csv, correctness.csv, models.csv and
 * costs.csv when any of them is there (names matched case-insensitively), else every .csv/.jsonl
 * file in it (the long-format file; loadDataset reports if there is not exactly one). `extra` paths
 * (e.g. an embeddings CSV) are appended. Names are the paths as read, so issues point at the files.
 * Throws when `dir` is not a readable folder or a file cannot be read.
 */
export function readDatasetDir(dir: string, extra: string[] = []): NamedText[] {
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  const entries = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
  const wide = entries.filter((name) => WIDE.includes(name.toLowerCase()));
  const chosen = wide.length > 0 ? wide : entries.filter((name) => TABLE.test(name));
  const read = (path: string): NamedText => ({ name: path, text: readFileSync(path, 'utf8') });
  return [...chosen.map((name) => read(join(dir, name))), ...extra.map(read)];
}
