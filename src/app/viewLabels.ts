/** The explorer's views in tab order with their tab labels (shared by the app, the e2e specs and the bench). */
import { VIEW_IDS, type ViewId } from '../state/urlState';

export const VIEW_LABELS: Record<ViewId, string> = {
  data: 'Data',
  train: 'Train',
  clusters: 'Clusters',
  profiles: 'Error profiles',
  routing: 'Routing',
  curves: 'Deferral curves',
  add: 'Add an LLM',
  export: 'Export / import',
};

/** [tab label, view id] in tab order. */
export const VIEW_TABS: [string, ViewId][] = VIEW_IDS.map((id) => [VIEW_LABELS[id], id]);
