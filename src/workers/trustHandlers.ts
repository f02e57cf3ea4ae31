/**
 * The worker's "trust the numbers" requests (docs/trust.md), each one core call with progress and
 * Cancel: the paired bootstrap of the session's evidence, eval over N seeded splits, the onboarding
 * simulator, and the deployment-shift preview of production prompts (parsed, embedded with the
 * router's embedder in chunks so progress shows and Cancel is heard, then previewed).
 */
import { bootstrap, summariseBootstrap } from '../core/eval';
import { evaluate } from '../core/eval/pipeline';
import { simulateOnboarding } from '../core/insight/onboard';
import { parsePromptList, shiftPreview } from '../core/insight';
import { embedTexts, type EmbedderSettings } from '../core/embed';
import { fnv1a64, type Router } from '../core/routerFile';
import type { SpawnLloydShard, TfBackendHint } from '../core/cluster';
import type { MethodName } from '../core/eval';
import type { Dataset, Matrix } from '../core/types';
import type { ProgressEvent } from './protocol';
import type {
  BootstrapRequest,
  BootstrapRun,
  OnboardRequest,
  OnboardRun,
  ShiftRequest,
  ShiftRun,
  SplitsRequest,
  SplitsRun,
} from './trustProtocol';

export interface TrustContext {
  dataset(): Dataset;
  /** phi(x) of every prompt of the dataset (cached by the handler). */
  /** phi(x) of the loaded dataset and its embedder, computed once per dataset. */
  embedded(progress: (e: ProgressEvent) => void): { embeddings: Matrix; settings: EmbedderSettings };
  shouldStop(): boolean;
  tfBackend(): TfBackendHint | undefined;
  spawnShard?: SpawnLloydShard;
}

type Progress = (e: ProgressEvent) => void;

const now = (): number => globalThis.performance?.now() ?? Date.now();
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/** Prompts embedded between two looks at the message queue (progress, Cancel). */
const EMBED_CHUNK = 256;
/** Progress goes to the page at most this often per stage: a resample takes about a millisecond. */
const PROGRESS_EVERY_MS = 100;

/** `progress` passing a new stage at once and its updates at most every PROGRESS_EVERY_MS. */
function throttled(progress: Progress): Progress {
  let stage = '';
  let last = -Infinity;
  return (e) => {
    const t = now();
    const key = e.kind === 'stage' ? e.stage : e.kind;
    if (key === stage && t - last < PROGRESS_EVERY_MS) return;
    stage = key;
    last = t;
    progress(e);
  };
}

/** The four requests over one context; the shift preview keeps the last production prompts it read. */
export function createTrustHandlers(ctx: TrustContext) {
  let production: { file: string; texts: string[]; embedder: string | null; embeddings: Matrix | null } | null = null;

  async function runBootstrap(req: BootstrapRequest, post: Progress): Promise<BootstrapRun> {
    const t0 = now();
    const progress = throttled(post);
    progress({
      kind: 'stage',
      stage: 'bootstrap',
      message: `${req.resamples} paired resamples of ${req.evidence.n} test prompts`,
      fraction: 0,
    });
    const draws = await bootstrap(req.evidence, {
      resamples: req.resamples,
      seed: req.seed,
      onProgress: (done, total) =>
        progress({ kind: 'stage', stage: 'bootstrap', message: `resample ${done} of ${total}`, fraction: done / total }),
      shouldStop: ctx.shouldStop,
    });
    if (draws.completed === 0) throw new Error('cancelled before the first resample');
    return { summary: summariseBootstrap([draws]), cancelled: draws.completed < draws.resamples, ms: now() - t0 };
  }

  async function runSplits(req: SplitsRequest, post: Progress): Promise<SplitsRun> {
    const t0 = now();
    const progress = throttled(post);
    const s = req.settings;
    const methods: MethodName[] = ['oracle', 'zero-router', 'knn', 'uniroute-kmeans'];
    if (s.method === 'learnedmap') methods.push('uniroute-learnedmap');
    const n = req.trials;
    try {
      // The same call as `routelab eval --trials N --seed S --k K --fractions ...`: trial t uses seed S + t.
      const report = await evaluate(ctx.dataset(), {
        trials: n,
        seed: s.seed,
        k: s.k,
        fractions: s.fractions,
        methods,
        clusterMap: { epochs: s.epochs },
        maxIterations: s.maxIterations,
        tfBackend: ctx.tfBackend(),
        spawnShard: ctx.spawnShard,
        shouldStop: ctx.shouldStop,
        // The worker's phi(x) of this dataset: N splits never embed the prompts again.
        embedded: ctx.embedded(progress),
        onProgress: (e) =>
          progress({
            kind: 'stage',
            stage: e.stage,
            message: e.trial > 0 ? `split ${e.trial} of ${n}: ${e.message}` : e.message,
            fraction: e.trial > 0 ? Math.min(1, (e.trial - 1 + (e.fraction ?? 0)) / n) : undefined,
          }),
      });
      return { report, cancelled: report.trials < n, ms: now() - t0 };
    } catch (e) {
      if (ctx.shouldStop()) return { report: null, cancelled: true, ms: now() - t0 };
      throw e;
    }
  }

  async function runOnboard(req: OnboardRequest, post: Progress): Promise<OnboardRun> {
    const t0 = now();
    const progress = throttled(post);
    const dataset = ctx.dataset();
    const { embeddings } = ctx.embedded(progress);
    const report = await simulateOnboarding(dataset, embeddings, {
      ...req,
      tfBackend: ctx.tfBackend(),
      onStage: (stage, message) => progress({ kind: 'stage', stage, message: `training without ${req.model}: ${message}` }),
      onProgress: (done, total) =>
        progress({ kind: 'stage', stage: 'onboard', message: `label budget repeats ${done} of ${total}`, fraction: done / total }),
      shouldStop: ctx.shouldStop,
    });
    return { report, ms: now() - t0 };
  }

  /** phi(x) of the production prompts with the router's embedder, in chunks; null when cancelled. */
  async function embedProduction(router: Router, texts: string[], progress: Progress): Promise<Matrix | null> {
    if (router.embedder.kind === 'external')
      throw new Error('this router was trained on uploaded embeddings: new prompt texts cannot be embedded in the browser');
    const dim = router.embedder.dim;
    const data = new Float32Array(texts.length * dim);
    for (let start = 0; start < texts.length; start += EMBED_CHUNK) {
      progress({
        kind: 'stage',
        stage: 'embed',
        message: `embedding prompt ${start + 1} of ${texts.length}`,
        fraction: start / texts.length,
      });
      await yieldToEventLoop();
      if (ctx.shouldStop()) return null;
      data.set(embedTexts(texts.slice(start, start + EMBED_CHUNK), router.embedder).data, start * dim);
    }
    return { rows: texts.length, cols: dim, data };
  }

  async function runShift(req: ShiftRequest, post: Progress): Promise<ShiftRun> {
    const t0 = now();
    const progress = throttled(post);
    let next = production;
    if (req.file) {
      progress({ kind: 'stage', stage: 'parse', message: `reading ${req.file.name}` });
      const parsed = parsePromptList(req.file);
      if (!parsed.ok) return { ok: false, issues: parsed.issues };
      next = { file: req.file.name, texts: parsed.data.texts, embedder: null, embeddings: null };
    }
    if (!next) throw new Error('no production prompts are loaded (a restarted worker forgets them): choose the file again');
    const fingerprint = fnv1a64(JSON.stringify(req.router.embedder));
    if (next.embedder !== fingerprint || !next.embeddings) {
      const embeddings = await embedProduction(req.router, next.texts, progress);
      // Cancelled: the prompts previewed before stay the ones kept.
      if (!embeddings) return { ok: true, cancelled: true };
      next = { ...next, embedder: fingerprint, embeddings };
    }
    progress({ kind: 'stage', stage: 'preview', message: 'assigning clusters and routing', fraction: 1 });
    const preview = shiftPreview(req.router, { embeddings: next.embeddings! }, req.costPenalty);
    production = next;
    return { ok: true, preview, file: next.file, ms: now() - t0, cancelled: false };
  }

  return { runBootstrap, runSplits, runOnboard, runShift };
}
