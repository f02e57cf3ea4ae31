/** The prompt ids of a dataset as one array per dataset, so core can keep an index built on it. */
import type { Dataset } from '../core/types';

const ids = new WeakMap<Dataset, string[]>();

export function promptIdsOf(dataset: Dataset): string[] {
  let list = ids.get(dataset);
  if (!list) ids.set(dataset, (list = dataset.prompts.map((p) => p.id)));
  return list;
}
