/**
 * Renaming the loaded dataset (the header's name): the name is a label only (the data hash ignores
 * it), so the router, split and session stay; the worker's copy and the router's provenance follow,
 * so a router exported or trained afterwards carries the new name.
 */
import { getClient } from './clientRef';
import { appStore } from './store';
import { afterNextPaint, saveSnapshot } from './persist';

/** Longest dataset name kept (the header has one line for it). */
export const MAX_DATASET_NAME = 80;

/** The name as it will be kept: trimmed, inner whitespace collapsed, at most MAX_DATASET_NAME characters; null when blank. */
export function cleanDatasetName(raw: string): string | null {
  const name = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_DATASET_NAME).trim();
  return name === '' ? null : name;
}

/** Renames the loaded dataset; false (nothing changes) for a blank name or when nothing is loaded. */
export async function renameDataset(raw: string): Promise<boolean> {
  const name = cleanDatasetName(raw);
  const s = appStore.getState();
  const dataset = s.data.dataset;
  if (!name || !dataset) return false;
  if (name === dataset.name) return true;
  s.setData({ dataset: { ...dataset, name } });
  const router = s.session.router;
  if (router) s.setSession({ router: { ...router, provenance: { ...router.provenance, dataset: name } } });
  try {
    await getClient().request({ type: 'rename', name });
  } catch {
    /* a worker that is restarting gets the dataset (with this name) again from the store */
  }
  await afterNextPaint();
  await saveSnapshot(appStore.getState());
  return true;
}
