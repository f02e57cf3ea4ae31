/**
 * `routelab route --router FILE --prompts FILE --summary [--json]`: the deployment-shift preview of
 * a file of unlabelled production prompts (CSV with a text column, JSON Lines, or .txt with one
 * prompt per line), or of vectors with --embedding for a router on external embeddings.
 */
import type { RouteInput, Router } from '../core/routerFile';
import { MIN_VALIDATION, shiftPreview, type ShiftPreview } from '../core/insight/shift';
import { inputError, UsageError } from './errors';
import { readPromptsFile } from './load';
import { parseEmbeddingArg } from './embeddingArg';
import { fixed4, percent, textTable } from './textTable';
import type { Io } from './io';

function summaryInput(flags: Record<string, string | boolean | undefined>, router: Router): RouteInput {
  if (flags.prompt !== undefined)
    throw new UsageError('routelab route --summary: give a file of prompts with --prompts (or vectors with --embedding)');
  if (flags.embedding !== undefined) {
    if (flags.prompts !== undefined) throw new UsageError('routelab route --summary: give --prompts or --embedding, not both');
    return { embeddings: parseEmbeddingArg(String(flags.embedding), router.centroids.cols) };
  }
  if (flags.prompts === undefined) throw new UsageError('routelab route --summary needs --prompts FILE');
  const file = String(flags.prompts);
  if (router.embedder.kind === 'external')
    throw inputError(
      file,
      `this router uses external ${router.embedder.dim}-d embeddings, which RouteLab cannot compute from text: pass the prompts' vectors with --embedding`,
    );
  return { texts: readPromptsFile(file).texts };
}

/** Runs the preview and prints it (one JSON object with --json). */
export function routeSummaryCommand(
  flags: Record<string, string | boolean | undefined>,
  router: Router,
  costPenalty: number,
  io: Io,
): number {
  const preview = shiftPreview(router, summaryInput(flags, router), costPenalty);
  io.out(flags.json ? JSON.stringify(preview) : formatShift(preview));
  return 0;
}

const cost = (x: number) => (x === 0 ? '0' : x >= 1e6 || x < 1e-4 ? x.toExponential(3) : x.toPrecision(4));

export function formatShift(s: ShiftPreview): string {
  const unit = s.costUnit ? ` ${s.costUnit}` : '';
  const lines = [
    `${s.prompts} production prompts, ${s.method === 'learnedmap' ? 'learned map (soft Phi)' : 'K-means'} router at lambda = ${s.costPenalty}`,
    `cluster mix against the validation mix: total-variation distance ${fixed4(s.totalVariation)}`,
    '',
    ...textTable(
      ['cluster', 'validation', 'new prompts', 'validation prompts', ''],
      s.mix.map((r) => [
        String(r.cluster),
        percent(r.validation),
        percent(r.production),
        String(r.validationPrompts),
        r.productionPrompts > 0 && r.validationPrompts < MIN_VALIDATION
          ? `flagged: Psi rests on < ${MIN_VALIDATION} validation prompts`
          : '',
      ]),
    ),
    '',
    'predicted at this lambda (accuracy = 1 - gamma of the chosen LLM, from the error profiles):',
  ];
  const at = s.atValidation;
  const rows = s.predicted.shares.map((x, i) => [x.name, percent(x.share), at ? percent(at.shares[i]?.share ?? NaN) : 'n/a']);
  lines.push(...textTable(['LLM', 'share (new)', 'share (validation)'], rows));
  lines.push(
    `mean cost: ${cost(s.predicted.meanCost)}${unit} (validation mix: ${at ? cost(at.meanCost) + unit : 'n/a'})`,
    `predicted accuracy: ${fixed4(s.predicted.accuracy)} (validation mix: ${at ? fixed4(at.accuracy) : 'n/a'})`,
  );
  if (s.flagged.length > 0)
    lines.push(
      `flagged clusters (hit by new prompts, Psi on < ${MIN_VALIDATION} validation prompts): ${s.flagged.map((f) => f.cluster).join(', ')}`,
    );
  for (const note of s.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
