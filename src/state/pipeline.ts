/**
 * The stages that prepare a dataset and train its router, each with its own progress: parse, embed,
 * projection (PCA), k-means, learned map, routing the test prompts. Plain data and pure updates; the
 * worker's stage names map onto these ids, and a stage that starts closes the ones before it.
 */

export type PipelineStageId = 'parse' | 'embed' | 'projection' | 'kmeans' | 'learnedmap' | 'session';

export const PIPELINE_LABELS: Record<PipelineStageId, string> = {
  parse: 'Parse and validate',
  embed: 'Embed prompts',
  projection: 'Projection (PCA)',
  kmeans: 'k-means',
  learnedmap: 'Learned cluster map',
  session: 'Route the test prompts',
};

export const PIPELINE_ORDER: PipelineStageId[] = ['parse', 'embed', 'projection', 'kmeans', 'learnedmap', 'session'];

export type StageStatus = 'waiting' | 'running' | 'done' | 'skipped' | 'stopped';

export interface PipelineStage {
  id: PipelineStageId;
  status: StageStatus;
  /** Fraction done in [0, 1] while running; null when the stage cannot say. */
  fraction: number | null;
  message: string;
  /** performance.now() when it started and ended (null until then). */
  startedAt: number | null;
  endedAt: number | null;
}

export interface Pipeline {
  /** What the stages prepare, e.g. "Preparing routerbench_subset"; empty when none ran. */
  title: string;
  /** True until the last stage ends (or the job stops). */
  active: boolean;
  outcome: 'done' | 'cancelled' | 'error' | null;
  stages: PipelineStage[];
}

export const emptyPipeline = (): Pipeline => ({ title: '', active: false, outcome: null, stages: [] });

const waiting = (id: PipelineStageId): PipelineStage => ({
  id,
  status: 'waiting',
  fraction: null,
  message: '',
  startedAt: null,
  endedAt: null,
});

/** The worker's stage names (core's onProgress) as pipeline stages; others (notes, 'start') are not stages. */
const WORKER_STAGES: Record<string, PipelineStageId> = {
  load: 'parse',
  parse: 'parse',
  embed: 'embed',
  pca: 'projection',
  projection: 'projection',
  'k-selection': 'kmeans',
  kmeans: 'kmeans',
  'learned-map': 'learnedmap',
  learnedmap: 'learnedmap',
  session: 'session',
};

export function pipelineStageOf(workerStage: string): PipelineStageId | null {
  return WORKER_STAGES[workerStage] ?? null;
}

/**
 * A pipeline over `ids` (kept in PIPELINE_ORDER). When `previous` is still active its stages are
 * kept and the missing ones added, so a load followed by a training reads as one job.
 */
export function beginPipeline(previous: Pipeline, title: string, ids: PipelineStageId[]): Pipeline {
  const keep = previous.active ? previous.stages : [];
  const have = new Set(keep.map((s) => s.id));
  const wanted = new Set<PipelineStageId>([...have, ...ids]);
  const stages = PIPELINE_ORDER.filter((id) => wanted.has(id)).map((id) => keep.find((s) => s.id === id) ?? waiting(id));
  return { title: previous.active ? previous.title : title, active: true, outcome: null, stages };
}

/**
 * A progress event of stage `id` at time `now`: it runs (started now if it was waiting), earlier
 * stages still running or waiting are closed (done, or skipped when they never ran).
 */
export function advancePipeline(p: Pipeline, id: PipelineStageId, fraction: number | null, message: string, now: number): Pipeline {
  if (!p.active) return p;
  const at = p.stages.findIndex((s) => s.id === id);
  if (at < 0) return p;
  const stages = p.stages.map((s, i): PipelineStage => {
    if (i < at) return close(s, now);
    if (i > at) return s;
    const startedAt = s.status === 'running' ? s.startedAt : now;
    const clamped = fraction === null || !Number.isFinite(fraction) ? null : Math.min(1, Math.max(0, fraction));
    return { ...s, status: 'running', fraction: clamped, message, startedAt, endedAt: null };
  });
  return { ...p, stages };
}

function close(s: PipelineStage, now: number): PipelineStage {
  if (s.status === 'running') return { ...s, status: 'done', fraction: 1, endedAt: now };
  if (s.status === 'waiting') return { ...s, status: 'skipped', fraction: null };
  return s;
}

/** Marks stage `id` done at `now` (and earlier ones closed) without starting a later one. */
export function finishStage(p: Pipeline, id: PipelineStageId, now: number): Pipeline {
  const at = p.stages.findIndex((s) => s.id === id);
  if (!p.active || at < 0) return p;
  return { ...p, stages: p.stages.map((s, i) => (i <= at ? close(s, now) : s)) };
}

/**
 * Ends the job: on success every running stage is done and every waiting one skipped (it had
 * nothing to do); on cancel or error the running stage is stopped and the rest stay waiting.
 */
export function endPipeline(p: Pipeline, outcome: 'done' | 'cancelled' | 'error', now: number): Pipeline {
  if (!p.active) return p;
  const stages = p.stages.map((s): PipelineStage => {
    if (outcome === 'done') return close(s, now);
    return s.status === 'running' ? { ...s, status: 'stopped', endedAt: now } : s;
  });
  return { ...p, active: false, outcome, stages };
}

/** The running stage, if any. */
export function runningStage(p: Pipeline): PipelineStage | null {
  return p.stages.find((s) => s.status === 'running') ?? null;
}
