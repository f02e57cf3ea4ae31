/**
 * Experiment settings in the URL query string, so a link reproduces a run on the demo data
 * (a typed, URL-serialisable schema in the manner of tensorflow/playground's state.ts): every
 * field has a codec; unknown or invalid values are ignored (the default stays), never thrown.
 */
import type { RouterMethod } from '../core/routerFile';
import type { SplitFractions } from '../core/eval';
import { DEFAULTS } from '../core/defaults';

export const VIEW_IDS = ['data', 'train', 'clusters', 'profiles', 'routing', 'curves', 'add', 'export'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** Routing methods the Routing view can drive (MethodName). */
export const ROUTING_METHODS = ['uniroute-kmeans', 'uniroute-learnedmap', 'knn', 'zero-router', 'oracle'] as const;
export type RoutingMethod = (typeof ROUTING_METHODS)[number];

export interface UrlState {
  /** K, the number of clusters, or 'auto'. */
  k: number | 'auto';
  seed: number;
  method: RouterMethod;
  /** Names of the LLMs in the unseen test pool; [] = the seeded split. */
  test: string[];
  /** Train / validation / test fractions of the prompts. */
  split: SplitFractions;
  /** Cost penalty lambda. */
  lambda: number;
  /** Selected cluster, or null. */
  cluster: number | null;
  view: ViewId;
  /** Method the Routing view routes with. */
  route: RoutingMethod;
  /** Name of the dataset the link was made on (null: any loaded dataset). */
  data: string | null;
  /** Its content hash (datasetHash, 16 hex digits; a prefix of at least 4 is accepted). */
  datahash: string | null;
}

interface Codec<T> {
  parse(raw: string): T | undefined;
  format(value: T): string;
}

const int = (min: number, max: number): Codec<number> => ({
  parse: (raw) => (/^-?\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : undefined),
  format: String,
});

const oneOf = <T extends string>(values: readonly T[]): Codec<T> => ({
  parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
  format: (v) => v,
});

const K_CODEC: Codec<number | 'auto'> = {
  parse: (raw) => (raw === 'auto' ? 'auto' : int(1, 1000).parse(raw)),
  format: String,
};

const LAMBDA_CODEC: Codec<number> = {
  parse: (raw) => {
    const v = Number(raw);
    return raw.trim() !== '' && Number.isFinite(v) && v >= 0 ? v : undefined;
  },
  // Shortest round-trip text: the link gives back exactly the same lambda.
  format: (v) => String(v),
};

const LIST_CODEC: Codec<string[]> = {
  parse: (raw) => {
    const names = raw
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    return names.length ? names : undefined;
  },
  format: (v) => v.join(','),
};

/** "60-10-30": integer percentages of train, validation and test, summing to 100. */
const SPLIT_CODEC: Codec<SplitFractions> = {
  parse: (raw) => {
    const m = /^(\d{1,3})-(\d{1,3})-(\d{1,3})$/.exec(raw);
    if (!m) return undefined;
    const [tr, va, te] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (tr + va + te !== 100 || tr === 0 || va === 0 || te === 0) return undefined;
    return { train: tr / 100, val: va / 100, test: te / 100 };
  },
  format: (v) => [v.train, v.val, v.test].map((f) => Math.round(f * 100)).join('-'),
};

const CLUSTER_CODEC: Codec<number | null> = {
  parse: (raw) => int(0, 100_000).parse(raw),
  format: (v) => (v === null ? '' : String(v)),
};

const NAME_CODEC: Codec<string | null> = {
  parse: (raw) => (raw.trim() !== '' && raw.length <= 200 ? raw.trim() : undefined),
  format: (v) => v ?? '',
};

const HASH_CODEC: Codec<string | null> = {
  parse: (raw) => (/^[0-9a-f]{4,16}$/i.test(raw) ? raw.toLowerCase() : undefined),
  format: (v) => v ?? '',
};

const CODECS: { [K in keyof UrlState]: Codec<UrlState[K]> } = {
  k: K_CODEC,
  seed: int(-2147483648, 2147483647),
  method: oneOf(['kmeans', 'learnedmap'] as const),
  test: LIST_CODEC,
  split: SPLIT_CODEC,
  lambda: LAMBDA_CODEC,
  cluster: CLUSTER_CODEC,
  view: oneOf(VIEW_IDS),
  route: oneOf(ROUTING_METHODS),
  data: NAME_CODEC,
  datahash: HASH_CODEC,
};

const KEYS = Object.keys(CODECS) as (keyof UrlState)[];

export const DEFAULT_URL_STATE: UrlState = {
  k: DEFAULTS.k,
  seed: DEFAULTS.seed,
  method: DEFAULTS.method,
  test: [],
  split: { ...DEFAULTS.fractions },
  lambda: 0,
  cluster: null,
  view: 'routing',
  route: 'uniroute-learnedmap',
  data: null,
  datahash: null,
};

/** The fields a query string sets validly (others are absent). */
export function parseUrlState(search: string): Partial<UrlState> {
  const params = new URLSearchParams(search);
  const out: Partial<UrlState> = {};
  for (const key of KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const value = CODECS[key].parse(raw);
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The query string (with '?', or '' when everything is default) of the non-default fields, in schema order. */
export function formatUrlState(state: UrlState, defaults: UrlState = DEFAULT_URL_STATE): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (same(value, defaults[key])) continue;
    const text = (CODECS[key] as Codec<unknown>).format(value);
    if (text !== '') params.set(key, text);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** True when the query string sets any of the fields that change a training run. */
export function hasTrainingParams(partial: Partial<UrlState>): boolean {
  return ['k', 'seed', 'method', 'test', 'split'].some((k) => k in partial);
}

/** True when the link names the dataset it was made on (its settings then wait for that dataset). */
export function namesDataset(partial: Partial<UrlState>): boolean {
  return partial.data !== undefined || partial.datahash !== undefined;
}

/**
 * Whether a link fits the loaded dataset: by content hash when the link gives one (a name can be
 * shared: every wide-layout upload is called "dataset"), else by name. A link without either fits any.
 */
export function linkFits(partial: Partial<UrlState>, name: string, hash: string | null): boolean {
  if (partial.datahash) return hash !== null && hash.toLowerCase().startsWith(partial.datahash);
  if (partial.data) return partial.data === name;
  return true;
}
