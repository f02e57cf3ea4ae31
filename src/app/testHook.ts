/**
 * A read-only test hook, window.__routelab, so end-to-end specs assert numbers rather than pixels:
 * the backend, counts, the current routing and every method's metrics, as plain JSON-able data.
 */
import { METHOD_NAMES } from '../core/eval';
import { penaltyRange, routeLive } from '../core/explorer';
import type { AppState } from '../state/store';
import { appStore } from '../state/store';
// The map's own layout maths (plain TS files: the e2e type-check reads this hook without JSX).
import { MAP_PADDING, toPixels as mapToPixels } from '../charts/mapView';
import { dataBounds } from '../charts/scatterLayout';
import {
  selectMapCategories,
  selectMapCoords,
  selectMapHighlight,
  selectSearchMatches,
  selectSelectionSummary,
} from '../state/mapSelectors';
import { trustSnapshot } from './trustHook';

export interface RouteLabTestHook {
  /** A plain snapshot of what the app shows now. */
  snapshot(): ReturnType<typeof snapshotOf>;
  /** For each pool LLM, how many test prompts of each task the current routing sends to it. */
  routedTasks(): Record<string, Record<string, number>>;
  /** CSS-pixel positions of prompts (dataset rows) on the prompt map as drawn now, relative to its canvas; null when not drawn. */
  mapPixels(rows: number[]): [number, number][] | null;
  /** Every test prompt (id, text) and the LLM the Routing view chooses for it now. */
  testChoices(): { id: string; text: string; chosen: string }[];
  /** A few counters, cheap enough to poll while a large dataset loads and trains (the snapshot serialises every curve). */
  progress(): ReturnType<typeof progressOf>;
}

function progressOf(s: AppState) {
  return {
    prompts: s.data.dataset?.prompts.length ?? 0,
    dataStatus: s.data.status,
    projected: s.data.projection ? s.data.projection.coords.length / 2 : 0,
    embeddingsCached: s.data.embedder?.cached ?? false,
    training: s.training.status,
    stage: s.training.pipeline.stages.find((st) => st.status === 'running')?.id ?? '',
    runs: s.training.runs,
    inertia: s.training.inertia.length,
    epochs: s.training.trainLoss.length,
    error: s.training.error ?? s.training.backendError,
    session: s.session.base !== null,
    restored: s.session.restored,
    routed: s.routing.live !== null,
  };
}

/** The prompt map: projection and its quality, colouring and legend, search, highlight, selection, focus, zoom. */
function mapOf(s: AppState) {
  const coords = selectMapCoords(s);
  const categories = selectMapCategories(s);
  const highlight = selectMapHighlight(s);
  const summary = selectSelectionSummary(s);
  const { umap, neighbours } = s.map;
  return {
    method: s.map.method,
    shown: coords?.shown ?? null,
    points: coords ? coords.coords.length / 2 : 0,
    umap: {
      status: umap.status,
      fraction: umap.fraction,
      message: umap.message,
      source: umap.source,
      error: umap.error,
      ms: umap.ms,
      info: umap.info ? { ...umap.info } : null,
    },
    quality: umap.quality ? { umap: { ...umap.quality.umap }, pca: { ...umap.quality.pca } } : null,
    explained: s.data.projection ? [...s.data.projection.explained] : null,
    colouring: s.map.colouring,
    legend: categories ? categories.labels.map((label, c) => ({ label, count: categories.counts[c] })) : [],
    none: categories ? { ...categories.none } : null,
    search: s.map.search,
    matches: selectSearchMatches(s).length,
    highlight: highlight ? { count: highlight.count, reason: highlight.reason } : null,
    selection: summary
      ? { count: summary.count, tasks: summary.tasks.map((t) => ({ ...t })), models: summary.models.map((m) => ({ ...m })) }
      : null,
    focus: s.map.focus,
    neighbours: neighbours ? { row: neighbours.row, rows: Array.from(neighbours.rows), distances: Array.from(neighbours.distances) } : null,
    viewport: { ...s.map.viewport },
  };
}

function mapPixelsOf(s: AppState, rows: number[]): [number, number][] | null {
  const coords = selectMapCoords(s);
  const canvas = document.querySelector<HTMLCanvasElement>('#panel-clusters-map canvas');
  if (!coords || !canvas) return null;
  const n = coords.coords.length / 2;
  const x = Float32Array.from({ length: n }, (_, i) => coords.coords[2 * i]);
  const y = Float32Array.from({ length: n }, (_, i) => coords.coords[2 * i + 1]);
  const frame = { bounds: dataBounds(x, y), width: canvas.clientWidth, height: canvas.clientHeight, padding: MAP_PADDING };
  const { px, py } = mapToPixels(
    rows.map((r) => x[r]),
    rows.map((r) => y[r]),
    frame,
    s.map.viewport,
  );
  return rows.map((_, j) => [px[j], py[j]]);
}

/** The Routing view's choice for every test prompt, by the core's routeLive (choiceAt on the exact sweep). */
function testChoicesOf(s: AppState): { id: string; text: string; chosen: string }[] {
  const { pool, base } = s.session;
  const dataset = s.data.dataset;
  const live = s.routing.live;
  if (!pool || !base || !dataset || !live) return [];
  const choice = new Int32Array(pool.n);
  routeLive(pool, live.method, live.costPenalty, choice);
  return Array.from(choice, (h, p) => {
    const prompt = dataset.prompts[base.testRows[p]];
    return { id: prompt.id, text: prompt.text, chosen: pool.names[h] };
  });
}

/** Re-routes the test prompts at the current penalty with the core's routeLive, keeping each prompt's choice. */
function routedTasksOf(s: AppState): Record<string, Record<string, number>> {
  const { pool, base } = s.session;
  const dataset = s.data.dataset;
  const live = s.routing.live;
  if (!pool || !base || !dataset || !live) return {};
  const choice = new Int32Array(pool.n);
  routeLive(pool, live.method, live.costPenalty, choice);
  const out: Record<string, Record<string, number>> = {};
  for (let p = 0; p < pool.n; p++) {
    const byTask = (out[pool.names[choice[p]]] ??= {});
    const task = dataset.prompts[base.testRows[p]].task ?? '(no task)';
    byTask[task] = (byTask[task] ?? 0) + 1;
  }
  return out;
}

function snapshotOf(s: AppState) {
  const pool = s.session.pool;
  const live = s.routing.live;
  const metrics: Record<
    string,
    { area: number; area50: number; qnc: number | null; aiq: number; peakAccuracy: number; estimated: boolean; front: [number, number][] }
  > = {};
  for (const m of METHOD_NAMES) {
    const v = pool?.methods[m];
    if (v) metrics[m] = { ...v.metrics, estimated: v.estimated, front: v.front.map((p) => [p.cost, p.accuracy]) };
  }
  return {
    backend: s.training.backend
      ? {
          backend: s.training.backend.backend,
          renderer: s.training.backend.renderer ?? null,
          softwareRenderer: s.training.backend.softwareRenderer,
          thread: s.training.backend.thread,
          reason: s.training.backend.reason,
        }
      : null,
    backendError: s.training.backendError,
    data: {
      status: s.data.status,
      name: s.data.dataset?.name ?? null,
      synthetic: s.data.source?.synthetic ?? false,
      prompts: s.data.dataset?.prompts.length ?? 0,
      models: s.data.dataset?.models.length ?? 0,
      issues: s.data.issues.map((i) => ({ ...i })),
      projected: s.data.projection ? s.data.projection.coords.length / 2 : 0,
      /** phi(x) and the PCA map came from IndexedDB (phiCache), not computed. */
      embeddingsCached: s.data.embedder?.cached ?? false,
      hash: s.data.dataHash,
      costUnit: s.data.dataset?.costUnit ?? null,
      /** A link's settings waiting for the dataset it names (null when none waits). */
      link: s.data.link ? { status: s.data.link.status, url: { ...s.data.link.url } } : null,
      /** The column mapping each file of the last upload was read with (given, or remembered for its header set). */
      mappings: Object.fromEntries(Object.entries(s.data.mappings).map(([f, m]) => [f, { ...m }])),
    },
    training: {
      status: s.training.status,
      runs: s.training.runs,
      error: s.training.error,
      inertia: s.training.inertia.length,
      epochs: s.training.trainLoss.length,
      engines: s.training.engines ? { ...s.training.engines } : null,
      settings: { ...s.training.settings },
      pipeline: {
        title: s.training.pipeline.title,
        active: s.training.pipeline.active,
        outcome: s.training.pipeline.outcome,
        stages: s.training.pipeline.stages.map((st) => ({ id: st.id, status: st.status, fraction: st.fraction })),
      },
    },
    session: s.session.base
      ? {
          k: s.session.base.k,
          restored: s.session.restored,
          testPrompts: s.session.base.testRows.length,
          valPrompts: s.session.base.valRows.length,
          pool: pool?.names ?? [],
          /** Accuracy of the most accurate test-pool LLM (QNC's target). */
          qncTarget: pool?.qncTarget ?? null,
          added: s.session.added.map((a) => a.name),
          addedEstimated: s.session.added.map((a) => a.estimated),
          routerCreatedAt: s.session.router?.provenance.createdAt ?? null,
          routerModels: s.session.router?.models.map((h) => h.name) ?? [],
          /** The dataset name in the router's provenance (follows a rename). */
          routerDataset: s.session.router?.provenance.dataset ?? null,
        }
      : null,
    routing: live
      ? {
          method: s.routing.method,
          costPenalty: s.routing.costPenalty,
          share: Object.fromEntries((pool?.names ?? []).map((n, h) => [n, live.share[h]])),
          meanCost: live.meanCost,
          accuracy: live.accuracy,
          operatingPoint: { ...live.operatingPoint },
          estimatedPrompts: live.estimatedPrompts,
          /** Test-prompt row picked in the Routing view's list. */
          selectedRow: s.routing.selectedRow,
          ms: s.routing.liveMs,
          /** Where lambda came from: 'default' (follows the session), 'user', 'link', 'import', 'saved'. */
          origin: s.routing.penaltyOrigin,
          /** The slider's log range for the current method. */
          range: penaltyRange(pool?.methods[s.routing.method]?.points, s.routing.costPenalty),
        }
      : null,
    /** An imported router of other data (routes typed prompts at its own lambda and pool). */
    imported: s.session.importedRouter
      ? {
          dataset: s.session.importedRouter.provenance.dataset,
          costPenalty: s.session.importedRouter.costPenalty,
          pool: [...s.session.importedRouter.pool],
        }
      : null,
    metrics,
    /** The last "Check backends" run: tfjs k-means per backend against the plain-TS reference. */
    backendCheck: {
      status: s.training.backendCheckStatus,
      error: s.training.backendCheckError,
      result: s.training.backendCheck
        ? {
            ...s.training.backendCheck,
            problem: { ...s.training.backendCheck.problem },
            rows: s.training.backendCheck.rows.map((r) => ({ ...r })),
          }
        : null,
    },
    /** The demo's default test pool and held-out newcomer (null when the data is not the demo). */
    demo: s.data.demo
      ? {
          testPool: [...s.data.demo.testPool],
          newcomer: s.data.demo.newcomer ? { ...s.data.demo.newcomer, strengths: [...s.data.demo.newcomer.strengths] } : null,
        }
      : null,
    ui: { ...s.ui, chartZoom: { ...s.ui.chartZoom } },
    map: mapOf(s),
    addIssues: s.session.addIssues.map((i) => ({ ...i })),
    /** Trust the numbers: bootstrap, splits, onboarding, is routing paying, shift preview. */
    trust: trustSnapshot(s),
  };
}

declare global {
  interface Window {
    __routelab?: RouteLabTestHook;
  }
}

export function installTestHook(): void {
  const hook: RouteLabTestHook = {
    snapshot: () => snapshotOf(appStore.getState()),
    routedTasks: () => routedTasksOf(appStore.getState()),
    mapPixels: (rows) => mapPixelsOf(appStore.getState(), rows),
    testChoices: () => testChoicesOf(appStore.getState()),
    progress: () => progressOf(appStore.getState()),
  };
  Object.defineProperty(window, '__routelab', { value: Object.freeze(hook), configurable: false, writable: false });
}
