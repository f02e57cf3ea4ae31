/**
 * The job's stages in the store: begun by a load, a preparation or a training, advanced by the
 * worker's progress events, ended when the router is ready (or the job stops).
 */
import type { ProgressEvent } from '../workers/protocol';
import { appStore } from './store';
import { advancePipeline, beginPipeline, endPipeline, finishStage, pipelineStageOf, type PipelineStageId } from './pipeline';

const now = (): number => globalThis.performance?.now() ?? Date.now();

function update(fn: (p: ReturnType<typeof appStore.getState>['training']['pipeline']) => typeof p): void {
  const s = appStore.getState();
  const next = fn(s.training.pipeline);
  if (next !== s.training.pipeline) s.setTraining({ pipeline: next });
}

/** Starts (or, while one is active, extends) the job with `ids`, titled `title`. */
export function beginStages(title: string, ids: PipelineStageId[]): void {
  update((p) => beginPipeline(p, title, ids));
}

/** A worker progress event: its stage runs with its fraction; events of no stage are ignored. */
export function stageEvent(e: ProgressEvent): void {
  if (e.kind !== 'stage') return;
  const id = pipelineStageOf(e.stage);
  if (id) update((p) => advancePipeline(p, id, e.fraction ?? null, e.message, now()));
}

/** Stage `id` (and those before it) finished without a later one starting yet. */
export function stageDone(id: PipelineStageId): void {
  update((p) => finishStage(p, id, now()));
}

export function endStages(outcome: 'done' | 'cancelled' | 'error'): void {
  update((p) => endPipeline(p, outcome, now()));
}
