import type { Model, Prompt } from '../types';
import type { LoadContext } from './context';
import { listSome } from './wideMatrix';

/** Warnings (not issues) for prompts and models that have no score at all: they load, but evaluations skip them. */
export function warnUnscored(
  prompts: readonly Prompt[],
  models: readonly Model[],
  scores: Float64Array,
  file: string,
  ctx: LoadContext,
  skip?: Int32Array,
): void {
  const M = models.length;
  const allBlank: string[] = [];
  const modelScored = new Uint8Array(M);
  for (let p = 0; p < prompts.length; p++) {
    if (skip !== undefined && skip[p] === 0) continue;
    let any = false;
    for (let m = 0; m < M; m++) {
      if (!Number.isNaN(scores[p * M + m])) {
        any = true;
        modelScored[m] = 1;
      }
    }
    if (!any) allBlank.push(prompts[p].id);
  }
  if (allBlank.length > 0)
    ctx.warnings.add(file, undefined, undefined, `${allBlank.length} prompts have no score at all: ${listSome(allBlank)}`);
  for (let m = 0; m < M; m++) {
    if (modelScored[m] === 0) ctx.warnings.add(file, undefined, models[m].name, `model "${models[m].name}" has no score on any prompt`);
  }
}
