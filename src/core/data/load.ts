/**
 * loadDataset: recognises the layout from the file names (and an embeddings file from its header),
 * validates everything, and returns a Dataset or every issue found. Nothing loads half-way.
 */
import Papa from 'papaparse';
import type { Dataset, NamedText, Result } from '../types';
import type { ColumnMapping } from './columns';
import type { LoadContext, LoadedTables } from './context';
import { readCsv } from './csv';
import { isEmbeddingsHeader, readEmbeddings } from './embeddings';
import { createIssueList } from './issues';
import { isJsonlName, loadLong } from './long';
import { createProgress } from './progress';
import { stripBom } from './text';
import { loadWide, type WideFiles } from './wide';

export interface LoadOptions {
  /** Dataset name; default: the folder of the files, else the long file's stem, else "dataset". */
  name?: string;
  /** The user's header names for our canonical columns, for every file without a mapping of its own. */
  mapping?: ColumnMapping;
  /**
   * A mapping per file, keyed by the file's name as given (the UI's column-mapping step maps each
   * file on its own: `id` may be the prompt id in prompts.csv while correctness.csv says prompt_id).
   */
  mappings?: Readonly<Record<string, ColumnMapping>>;
  /** Called with a non-decreasing fraction in [0, 1] while loading (for a progress bar). */
  onProgress?: (fraction: number) => void;
}

/** What a file is for: one of the wide layout's files, the long file, embeddings, or not ours. */
export type FileRole = 'prompts' | 'correctness' | 'models' | 'costs' | 'long' | 'embeddings' | 'ignored';

const WIDE_NAMES: Readonly<Record<string, FileRole>> = {
  'prompts.csv': 'prompts',
  'correctness.csv': 'correctness',
  'models.csv': 'models',
  'costs.csv': 'costs',
};

function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1];
}

function firstRecord(text: string): string[] {
  // Only the header is needed; it may be long (prompt_id, e0 ... e4095), so cut after its line end.
  const head = Papa.parse<string[]>(stripBom(text.slice(0, Math.max(65536, text.indexOf('\n') + 1))), { delimiter: ',', preview: 1 });
  return (head.data[0] ?? []).map((cell) => cell.trim());
}

/** The role of each file: wide names by base name (case-insensitive), other CSVs by their header. */
export function classifyFiles(files: readonly NamedText[], mappingFor: (file: string) => ColumnMapping = () => ({})): FileRole[] {
  return files.map((file) => {
    const base = baseName(file.name).toLowerCase();
    const wide = WIDE_NAMES[base];
    if (wide !== undefined) return wide;
    if (isJsonlName(base)) return 'long';
    if (!base.endsWith('.csv')) return 'ignored';
    return isEmbeddingsHeader(firstRecord(file.text), mappingFor(file.name)) ? 'embeddings' : 'long';
  });
}

function defaultName(files: readonly NamedText[], long: NamedText | undefined): string {
  const parts = files[0]?.name.split(/[\\/]/) ?? [];
  if (parts.length >= 2 && parts[parts.length - 2] !== '' && parts[parts.length - 2] !== '.') return parts[parts.length - 2];
  if (long !== undefined) return baseName(long.name).replace(/\.[^.]*$/, '');
  return 'dataset';
}

/**
 * Loads a benchmark from its files: the wide layout (prompts.csv, correctness.csv, models.csv,
 * optional costs.csv) or one long-format .csv/.jsonl, plus an optional embeddings CSV.
 */
export function loadDataset(files: NamedText[], options: LoadOptions = {}): Result<Dataset> {
  const shared = options.mapping ?? {};
  const perFile = options.mappings ?? {};
  const mappingFor = (file: string): ColumnMapping => (Object.prototype.hasOwnProperty.call(perFile, file) ? perFile[file] : shared);
  const total = 2 * files.reduce((sum, f) => sum + f.text.length, 0);
  const ctx: LoadContext = {
    mappingFor,
    issues: createIssueList(),
    warnings: createIssueList(),
    progress: createProgress(total, options.onProgress),
  };
  const roles = classifyFiles(files, mappingFor);
  const wide: WideFiles = {};
  const longs: NamedText[] = [];
  const embeddings: NamedText[] = [];
  const ignored: NamedText[] = [];
  files.forEach((file, i) => {
    const role = roles[i];
    switch (role) {
      case 'prompts':
      case 'correctness':
      case 'models':
      case 'costs':
        if (wide[role] !== undefined)
          ctx.issues.add(file.name, undefined, undefined, `two ${role}.csv files given (also ${wide[role]?.name})`);
        wide[role] = file;
        break;
      case 'long':
        longs.push(file);
        break;
      case 'embeddings':
        embeddings.push(file);
        break;
      case 'ignored':
        ignored.push(file);
        break;
      default: {
        const never: never = role;
        throw new Error(`unhandled file role ${String(never)}`);
      }
    }
  });

  const isWide = Object.keys(wide).length > 0;
  let tables: LoadedTables | null = null;
  if (isWide) {
    // Other CSVs beside a wide layout are not ours (notes, splits): say so, load the rest.
    for (const file of longs) ignored.push(file);
    tables = loadWide(wide, ctx);
  } else if (longs.length === 1) {
    tables = loadLong(longs[0], ctx);
  } else if (longs.length > 1) {
    ctx.issues.add(
      longs[0].name,
      undefined,
      undefined,
      `found ${longs.length} long-format files (${longs.map((f) => f.name).join(', ')}): expected exactly one`,
    );
  } else {
    const given = files.length === 0 ? 'no files were given' : `got ${files.map((f) => f.name).join(', ')}`;
    ctx.issues.add(
      '(dataset)',
      undefined,
      undefined,
      `no benchmark files: expected prompts.csv + correctness.csv + models.csv, or one long-format .csv/.jsonl file; ${given}`,
    );
  }

  if (embeddings.length > 1) {
    ctx.issues.add(
      embeddings[1].name,
      undefined,
      undefined,
      `found ${embeddings.length} embeddings files (${embeddings.map((f) => f.name).join(', ')}): expected at most one`,
    );
  }
  let matrix: Dataset['embeddings'];
  if (embeddings.length === 1) {
    const file = embeddings[0];
    const table = readCsv(file.name, file.text, ctx.issues);
    ctx.progress.add(file.text.length);
    const ids = tables === null ? null : tables.prompts.map((p) => p.id);
    if (table !== null) matrix = readEmbeddings(file.name, table, ids, ctx.issues, { mapping: mappingFor(file.name) }) ?? undefined;
  }

  const notes = ignored.map((file) => ({
    file: file.name,
    message: isWide ? 'ignored: not part of the wide layout and not an embeddings file' : 'ignored: not a .csv or .jsonl file',
  }));
  if (tables === null || ctx.issues.count > 0) {
    // Ignored files may explain a failure (e.g. a dropped .xlsx), so list them with the issues.
    return { ok: false, issues: [...ctx.issues.toArray(), ...notes] };
  }
  ctx.progress.done();
  const dataset: Dataset = {
    name: options.name ?? defaultName(files, isWide ? undefined : longs[0]),
    prompts: tables.prompts,
    models: tables.models,
    costUnit: tables.costUnit,
    scores: tables.scores,
  };
  if (matrix !== undefined) dataset.embeddings = matrix;
  return { ok: true, data: dataset, warnings: [...notes, ...ctx.warnings.toArray()] };
}
