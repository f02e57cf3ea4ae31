/**
 * Keeps the experiment settings and the dataset they belong to in the URL (history.replaceState,
 * debounced: a slider drag fires often). While a link's settings wait for their dataset, the address
 * bar keeps the link.
 */
import { appStore, type AppState } from '../state/store';
import { DEFAULT_URL_STATE, formatUrlState, type UrlState } from '../state/urlState';

export function urlStateOf(s: AppState): UrlState {
  const t = s.training.settings;
  return {
    k: t.k,
    seed: t.seed,
    method: t.method,
    test: t.testModels,
    split: t.fractions,
    lambda: s.routing.costPenalty,
    cluster: s.ui.selectedCluster,
    view: s.ui.view,
    route: s.routing.method,
    data: s.data.dataset?.name ?? null,
    datahash: s.data.dataHash,
  };
}

/** Starts syncing; returns the unsubscribe function. */
export function startUrlSync(delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = '';
  const write = () => {
    timer = null;
    const state = appStore.getState();
    // A link waiting for its dataset, or settings about to be taken up by the session being built.
    if (state.data.link !== null || state.routing.pending !== null) return;
    const qs = formatUrlState(urlStateOf(state), DEFAULT_URL_STATE);
    if (qs === last) return;
    last = qs;
    history.replaceState(history.state, '', `${location.pathname}${qs}${location.hash}`);
  };
  return appStore.subscribe((s, prev) => {
    if (
      s.training.settings === prev.training.settings &&
      s.routing.costPenalty === prev.routing.costPenalty &&
      s.routing.method === prev.routing.method &&
      s.ui === prev.ui &&
      s.data.dataHash === prev.data.dataHash &&
      s.data.dataset === prev.data.dataset &&
      s.data.link === prev.data.link &&
      s.routing.pending === prev.routing.pending
    )
      return;
    if (timer === null) timer = setTimeout(write, delayMs);
  });
}
