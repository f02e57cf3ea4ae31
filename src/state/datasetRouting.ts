/**
 * Lambda belongs to its dataset: the routing settings (lambda, where it came from, the router shown)
 * are kept per dataset in IndexedDB, by content hash, and come back when that dataset is loaded
 * again; a new dataset starts at its own default. A link that names a dataset applies only to it.
 */
import { appStore } from './store';
import { snapshotStore } from './persist';
import type { PenaltyOrigin, RoutingPrefs, TrainSettings } from './slices';
import { ROUTING_METHODS, linkFits, type RoutingMethod, type UrlState } from './urlState';

export const ROUTING_BY_DATASET_KEY = 'routing-by-dataset-v1';
/** Datasets remembered (the least recently saved are dropped). */
const KEEP = 20;

export interface DatasetRouting {
  costPenalty: number;
  origin: PenaltyOrigin;
  route: RoutingMethod;
  savedAt: string;
}

type Table = Record<string, DatasetRouting>;

function validEntry(v: unknown): v is DatasetRouting {
  const e = v as Partial<DatasetRouting> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.costPenalty === 'number' &&
    Number.isFinite(e.costPenalty) &&
    e.costPenalty >= 0 &&
    (ROUTING_METHODS as readonly string[]).includes(e.route as string)
  );
}

async function readTable(): Promise<Table> {
  try {
    const t = await snapshotStore().get<Table>(ROUTING_BY_DATASET_KEY);
    return t && typeof t === 'object' ? t : {};
  } catch {
    return {};
  }
}

/** The routing settings last left on the dataset with this content hash, or null. */
export async function loadDatasetRouting(hash: string): Promise<DatasetRouting | null> {
  const entry = (await readTable())[hash];
  return validEntry(entry) ? entry : null;
}

export async function saveDatasetRouting(hash: string, entry: Omit<DatasetRouting, 'savedAt'>): Promise<void> {
  try {
    const table = await readTable();
    table[hash] = { ...entry, savedAt: new Date().toISOString() };
    const kept = Object.entries(table)
      .sort((a, b) => (a[1].savedAt < b[1].savedAt ? 1 : -1))
      .slice(0, KEEP);
    await snapshotStore().set(ROUTING_BY_DATASET_KEY, Object.fromEntries(kept));
  } catch (e) {
    console.warn('RouteLab: could not save the routing settings of this dataset:', e);
  }
}

/** Saves lambda, its origin and the router for the loaded dataset whenever they change (debounced: a slider drag fires often). */
export function startDatasetRoutingSync(delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const s = appStore.getState();
    // Only a settled session: before its first routing lambda may still be the previous data's.
    if (!s.data.dataHash || !s.routing.live || s.routing.pending) return;
    void saveDatasetRouting(s.data.dataHash, {
      costPenalty: s.routing.costPenalty,
      origin: s.routing.penaltyOrigin,
      route: s.routing.method,
    });
  };
  return appStore.subscribe((s, prev) => {
    if (
      s.routing.costPenalty === prev.routing.costPenalty &&
      s.routing.method === prev.routing.method &&
      s.routing.penaltyOrigin === prev.routing.penaltyOrigin
    )
      return;
    if (timer === null) timer = setTimeout(write, delayMs);
  });
}

/** A link's training settings as the Train view's. */
function settingsOfLink(url: Partial<UrlState>): Partial<TrainSettings> {
  const settings: Partial<TrainSettings> = {};
  if (url.k !== undefined) settings.k = url.k;
  if (url.seed !== undefined) settings.seed = url.seed;
  if (url.method !== undefined) settings.method = url.method;
  if (url.test !== undefined) settings.testModels = url.test;
  if (url.split !== undefined) settings.fractions = url.split;
  return settings;
}

/**
 * A dataset is loaded and hashed: take up its saved routing settings, then a link's settings when
 * the link fits it (a link naming another dataset waits, and says so). Returns the link fields applied
 * (training settings among them are used by the training that follows).
 */
export async function enterDataset(hash: string): Promise<Partial<UrlState>> {
  const saved = await loadDatasetRouting(hash);
  const s = appStore.getState();
  let pending: RoutingPrefs | null = saved
    ? { costPenalty: saved.costPenalty, origin: saved.origin === 'default' ? 'default' : 'saved', method: saved.route }
    : null;
  const link = s.data.link;
  let applied: Partial<UrlState> = {};
  if (link && s.data.dataset) {
    if (linkFits(link.url, s.data.dataset.name, hash)) {
      applied = link.url;
      s.setSettings(settingsOfLink(applied));
      if (applied.cluster !== undefined) s.setUi({ selectedCluster: applied.cluster });
      // A link whose lambda is the one saved on this data only mirrors it (the address bar of a
      // reload): lambda keeps where it came from.
      const mirrors = saved !== null && applied.lambda === saved.costPenalty;
      pending = {
        ...pending,
        ...(applied.lambda !== undefined && !mirrors ? { costPenalty: applied.lambda, origin: 'link' as const } : {}),
        ...(applied.route !== undefined ? { method: applied.route } : {}),
      };
      s.setData({ link: null });
    } else s.setData({ link: { ...link, status: 'waiting' } });
  }
  appStore.getState().setRouting({ pending });
  return applied;
}

/** Keeps a link's settings until a dataset is ready: the view applies at once, the rest with the dataset (see enterDataset). */
export function holdLink(url: Partial<UrlState>): void {
  const s = appStore.getState();
  if (url.view !== undefined) s.setUi({ view: url.view });
  const rest = { ...url };
  delete rest.view;
  s.setData({ link: Object.keys(rest).length > 0 ? { url: rest, status: 'pending' } : null });
}

/** Drops a link that waits for another dataset (the address bar then follows the loaded data again). */
export function dismissLink(): void {
  appStore.getState().setData({ link: null });
}
