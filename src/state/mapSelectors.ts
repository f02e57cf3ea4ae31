/**
 * What the prompt map draws, read from the store through core (the UI computes nothing): the
 * coordinates of the projection shown, each prompt's colour category, the search matches and the
 * selection's summary. Each selector remembers its last inputs, so it returns the same object
 * until they change (safe as a zustand selector, and cheap on every render).
 */
import {
  clusterCategories,
  correctnessCategories,
  promptSearchIndex,
  routedCategories,
  searchPrompts,
  selectionSummary,
  splitCategories,
  taskCategories,
  type PromptCategories,
  type SelectionSummary,
} from '../core/explorer';
import type { MethodName } from '../core/eval';
import type { AppState } from './slices';
import type { MapMethod } from './mapSlice';

/** Remembers the last result for inputs that are identical (Object.is) to the previous call's. */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

export interface MapCoords {
  /** n x 2 coordinates of the map shown. */
  coords: Float32Array;
  /** The projection shown (PCA while UMAP is not ready). */
  shown: MapMethod;
}

const coordsOf = memo((umap: Float32Array | null, pca: Float32Array | undefined, method: MapMethod): MapCoords | null => {
  if (method === 'umap' && umap) return { coords: umap, shown: 'umap' };
  return pca ? { coords: pca, shown: 'pca' } : null;
});

export function selectMapCoords(s: AppState): MapCoords | null {
  const umap =
    s.map.umap.status === 'done' && s.data.dataset && s.map.umap.coords?.length === 2 * s.data.dataset.prompts.length
      ? s.map.umap.coords
      : null;
  return coordsOf(umap, s.data.projection?.coords, s.map.method);
}

function categoriesOf(s: AppState['map']['colouring'], st: AppState): PromptCategories | null {
  const { dataset } = st.data;
  const { base, pool, setup } = st.session;
  if (!dataset) return null;
  switch (s) {
    case 'cluster':
      return base
        ? clusterCategories(base, (c) => (base.clusters[c]?.tasks[0] ? `#${c} · ${base.clusters[c].tasks[0].task}` : `#${c}`))
        : null;
    case 'task':
      return taskCategories(dataset);
    case 'split':
      return base && setup ? splitCategories(dataset.prompts.length, setup, base) : null;
    case 'correctness':
      return dataset.models.length ? correctnessCategories(dataset, Math.min(st.map.correctnessModel, dataset.models.length - 1)) : null;
    case 'routed': {
      const live = st.routing.live;
      return base && pool && live
        ? routedCategories(dataset.prompts.length, base, pool, live.method as MethodName, live.costPenalty)
        : null;
    }
    default: {
      const never: never = s;
      throw new Error(`unknown colouring ${String(never)}`);
    }
  }
}

/** Each prompt's colour category under the chosen colouring (null until what it needs is there). */
export function selectMapCategories(s: AppState): PromptCategories | null {
  const c = s.map.colouring;
  // Only what the colouring reads decides whether it is recomputed.
  const key =
    c === 'cluster'
      ? [s.session.base]
      : c === 'task'
        ? [s.data.dataset]
        : c === 'split'
          ? [s.session.base, s.session.setup]
          : c === 'correctness'
            ? [s.data.dataset, s.map.correctnessModel]
            : [s.session.base, s.session.pool, s.routing.live];
  return categoriesFor(c, s, key);
}

const categoriesFor = (() => {
  let last: { c: string; key: unknown[]; result: PromptCategories | null } | null = null;
  return (c: AppState['map']['colouring'], s: AppState, key: unknown[]): PromptCategories | null => {
    if (last && last.c === c && last.key.length === key.length && last.key.every((k, i) => Object.is(k, key[i]))) return last.result;
    const result = categoriesOf(c, s);
    last = { c, key, result };
    return result;
  };
})();

const indexOf = memo((dataset: AppState['data']['dataset']) => (dataset ? promptSearchIndex(dataset) : []));
const matchesOf = memo((index: string[], search: string) => searchPrompts(index, search));

/** Dataset rows whose text contains the search (ascending). */
export function selectSearchMatches(s: AppState): Int32Array {
  return matchesOf(indexOf(s.data.dataset), s.map.search);
}

const summaryOf = memo((dataset: AppState['data']['dataset'], rows: Int32Array | null): SelectionSummary | null =>
  dataset && rows ? selectionSummary(dataset, rows) : null,
);

/** Task mix and per-LLM accuracy of the box or lasso selection. */
export function selectSelectionSummary(s: AppState): SelectionSummary | null {
  return summaryOf(s.data.dataset, s.map.selection);
}

export type HighlightReason = 'search' | 'selection' | 'category' | 'cluster';

export interface MapHighlight {
  /** 1 for highlighted prompts. */
  mask: Uint8Array;
  count: number;
  reason: HighlightReason;
}

const highlightOf = memo(
  (
    n: number,
    matches: Int32Array,
    search: string,
    selection: Int32Array | null,
    categories: PromptCategories | null,
    category: number | null,
    clusters: Int32Array | null,
    cluster: number | null,
  ): MapHighlight | null => {
    const mask = new Uint8Array(n);
    let reason: HighlightReason;
    if (search.trim()) {
      for (const r of matches) mask[r] = 1;
      reason = 'search';
    } else if (selection) {
      for (const r of selection) if (r < n) mask[r] = 1;
      reason = 'selection';
    } else if (category !== null && categories) {
      for (let i = 0; i < n; i++) if (categories.category[i] === category) mask[i] = 1;
      reason = 'category';
    } else if (cluster !== null && clusters) {
      for (let i = 0; i < n; i++) if (clusters[i] === cluster) mask[i] = 1;
      reason = 'cluster';
    } else return null;
    let count = 0;
    for (let i = 0; i < n; i++) count += mask[i];
    return { mask, count, reason };
  },
);

/**
 * The prompts the map draws on top (the rest dimmed), first of: the search matches, the box or lasso
 * selection, the legend category (colourings other than cluster), the selected cluster.
 */
export function selectMapHighlight(s: AppState): MapHighlight | null {
  const n = s.data.dataset?.prompts.length ?? 0;
  const category = s.map.colouring === 'cluster' ? null : s.map.category;
  return highlightOf(
    n,
    selectSearchMatches(s),
    s.map.search,
    s.map.selection,
    category === null ? null : selectMapCategories(s),
    category,
    s.session.base?.promptClusters ?? null,
    s.ui.selectedCluster,
  );
}
