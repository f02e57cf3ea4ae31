/**
 * Data actions: the demo, uploaded files (parsed and validated in the worker), a dataset by URL,
 * the column-mapping retry, and the embedding + 2-D PCA projection of the loaded prompts.
 * A failed load lists its problems and keeps the data already loaded.
 */
import { datasetSummary, fileHeaders } from '../core/explorer';
import { recallMappings, rememberMappings, type ColumnMapping } from '../core/data';
import type { Dataset, DataIssue, NamedText } from '../core/types';
import { headOf, type ProgressEvent, type UploadFile } from '../workers/protocol';
import { getClient } from './clientRef';
import { appStore } from './store';
import { initialData, initialRun, initialSession, type DataSourceKind } from './slices';
import { relive } from './liveActions';
import { cancelProjection, ensureProjection, resetMapForDataset } from './mapActions';
import { enterDataset } from './datasetRouting';
import type { UrlState } from './urlState';
import { loadMappingMemory, saveMappingMemory } from './mappingStore';
import { beginStages, endStages, stageDone, stageEvent } from './pipelineActions';
import { nextTask } from './persist';

function stageProgress(event: ProgressEvent): void {
  if (event.kind === 'stage') appStore.getState().setData({ progress: event.fraction ?? null });
  stageEvent(event);
}

/**
 * Makes `dataset` the loaded one: summary, no session yet (a retrain follows), test pool reset if it
 * names absent LLMs. Lambda starts afresh at the new data's default (a lambda is in its data's cost
 * unit): the dataset's saved settings, if any, are taken up once it is hashed (prepare).
 */
export function adoptDataset(
  dataset: Dataset,
  source: { kind: DataSourceKind; label: string; synthetic: boolean },
  warnings: DataIssue[] = [],
): void {
  const s = appStore.getState();
  const names = new Set(dataset.models.map((h) => h.name));
  const testModels = s.training.settings.testModels.filter((n) => names.has(n));
  // Everything else about the previous data (projection, embedder, hash, demo info, a failed upload) starts afresh.
  s.setData({ ...initialData(), link: s.data.link, dataset, source, summary: datasetSummary(dataset), status: 'ready', warnings });
  if (testModels.length !== s.training.settings.testModels.length) s.setSettings({ testModels });
  s.setSession(initialSession());
  // Nothing of the previous dataset's training is shown as current: its status, curves and notes go.
  s.setTraining(initialRun());
  s.setRouting({ costPenalty: 0, penaltyOrigin: 'default', pending: null, selectedRow: null });
  s.setUi({ selectedCluster: null });
  resetMapForDataset();
  relive();
}

/**
 * Embeds every prompt and projects it to 2-D with PCA (in the worker) for the Clusters view, then
 * takes up the dataset's saved routing settings and a link that fits it (returns the link's fields applied).
 */
export async function prepare(): Promise<Partial<UrlState>> {
  const s = appStore.getState();
  beginStages(`Preparing ${s.data.dataset?.name ?? 'the data'}`, ['embed', 'projection']);
  let res;
  try {
    res = await getClient().request({ type: 'prepare' }, stageEvent);
  } catch (e) {
    endStages('error');
    throw e;
  }
  stageDone('projection');
  appStore.getState().setData({
    projection: { coords: res.coords, explained: res.explained },
    embedder: res.embedder,
    dataHash: res.dataHash,
    demo: res.demo,
  });
  return enterDataset(res.dataHash);
}

/** Generates the synthetic demo dataset in the worker and loads it. */
export async function loadDemo(): Promise<void> {
  appStore.getState().setData({ status: 'loading', progress: null });
  beginStages('Preparing the demo', ['parse', 'embed', 'projection']);
  stageEvent({ kind: 'stage', stage: 'parse', message: 'generating the synthetic demo' });
  const dataset = await getClient().request({ type: 'demo' });
  adoptDataset(dataset, { kind: 'demo', label: dataset.name, synthetic: true });
  await prepare();
}

/**
 * Parses and validates `files` in the worker. On success the dataset replaces the loaded one (true);
 * on failure the problems are listed with file / row / column, the files are kept for a retry with a
 * column mapping, and the loaded data stays (false).
 */
export async function loadFiles(
  files: UploadFile[],
  options: { mappings?: Record<string, ColumnMapping>; kind?: DataSourceKind; label?: string; name?: string } = {},
): Promise<boolean> {
  const s = appStore.getState();
  // The previous data's UMAP would take a core from this upload: it stops, and starts again if the upload fails.
  const mapWasRunning = s.map.umap.status === 'running';
  if (mapWasRunning) cancelProjection();
  s.setData({ status: 'loading', progress: 0, issues: [], warnings: [] });
  beginStages(`Preparing ${options.label ?? (files.map((f) => f.name).join(', ') || 'the upload')}`, ['parse', 'embed', 'projection']);
  stageEvent({ kind: 'stage', stage: 'parse', message: `reading ${files.length} file${files.length === 1 ? '' : 's'}`, fraction: 0 });
  // Each file is read with its own mapping: the one given, else the one remembered for its header set.
  const headers = fileHeaders(files.map(headOf));
  const memory = loadMappingMemory();
  const mappings = options.mappings ?? recallMappings(memory, headers);
  let res;
  try {
    res = await getClient().request(
      {
        type: 'load',
        files,
        mappings,
        name: options.name ?? (options.label && !options.label.includes('/') ? options.label : undefined),
      },
      stageProgress,
    );
    await nextTask();
  } catch (e) {
    res = {
      ok: false as const,
      issues: [{ file: files.map((f) => f.name).join(', ') || '(upload)', message: e instanceof Error ? e.message : String(e) }],
      headers: [],
    };
  }
  if (!res.ok) {
    endStages('error');
    appStore.getState().setData({
      status: appStore.getState().data.dataset ? 'ready' : 'error',
      progress: null,
      issues: res.issues,
      headers: res.headers,
      // A file the browser could no longer read cannot be retried with a mapping: it is chosen again.
      pendingFiles: res.unreadable ? null : files,
      mappings,
    });
    if (mapWasRunning) void ensureProjection(true);
    return false;
  }
  if (options.mappings) saveMappingMemory(rememberMappings(memory, headers, options.mappings));
  adoptDataset(
    res.dataset,
    { kind: options.kind ?? 'upload', label: options.label ?? (files.map((f) => f.name).join(', ') || res.dataset.name), synthetic: false },
    res.warnings,
  );
  appStore.getState().setData({ mappings });
  await prepare();
  return true;
}

/** Retries the last failed upload with a column mapping per file (remembered for each header set once it loads). */
export async function retryWithMapping(mappings: Record<string, ColumnMapping>): Promise<boolean> {
  const files = appStore.getState().data.pendingFiles;
  if (!files) return false;
  return loadFiles(files, { mappings });
}

function fileNameOf(url: URL): string {
  const parts = url.pathname.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? url.hostname;
}

async function fetchText(url: URL): Promise<string> {
  // The one network request the app makes: a dataset URL the user typed in.
  const response = await fetch(url.href, { credentials: 'omit', redirect: 'follow' });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}

/**
 * Opens a dataset by URL: one long-format .csv / .jsonl file, or a folder URL holding the wide
 * layout (prompts.csv, correctness.csv, models.csv, optional costs.csv).
 */
export async function loadUrl(raw: string): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(raw.trim(), globalThis.location?.href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`only http(s) URLs are opened, not ${url.protocol}`);
  } catch (e) {
    appStore.getState().setData({ issues: [{ file: raw, message: e instanceof Error ? e.message : 'not a URL' }] });
    return false;
  }
  appStore.getState().setData({ status: 'loading', progress: null, issues: [] });
  const files: NamedText[] = [];
  const issues: DataIssue[] = [];
  // A folder URL names the dataset after the folder, as `routelab --data DIR` does.
  let folderName: string | undefined;
  if (/\.(csv|jsonl|ndjson)$/i.test(url.pathname)) {
    try {
      files.push({ name: fileNameOf(url), text: await fetchText(url) });
    } catch (e) {
      issues.push({ file: url.href, message: `could not fetch: ${e instanceof Error ? e.message : String(e)}` });
    }
  } else {
    const folder = url.href.endsWith('/') ? url.href : `${url.href}/`;
    folderName = decodeURIComponent(fileNameOf(url));
    for (const name of ['prompts.csv', 'correctness.csv', 'models.csv', 'costs.csv']) {
      try {
        files.push({ name, text: await fetchText(new URL(name, folder)) });
      } catch (e) {
        if (name !== 'costs.csv')
          issues.push({ file: new URL(name, folder).href, message: `could not fetch: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
  }
  if (issues.length) {
    appStore.getState().setData({ status: appStore.getState().data.dataset ? 'ready' : 'error', issues });
    return false;
  }
  return loadFiles(files, { kind: 'url', label: url.href, name: folderName });
}
