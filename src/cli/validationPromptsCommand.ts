/** `routelab validation-prompts`: the representative prompts an unseen LLM must answer to join a router. */
import { toCsv } from '../core/demo/files';
import { parseFlags, requireString } from './args';
import { loadRouterFile, writeOutput } from './routeCommand';
import type { Io } from './io';

export const VALIDATION_PROMPTS_USAGE = 'routelab validation-prompts --router router.json --out prompts.csv';

export async function validationPromptsCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(argv, { router: { type: 'string' }, out: { type: 'string' } }, 'validation-prompts');
  const routerFile = requireString(flags, 'router', 'validation-prompts');
  const out = requireString(flags, 'out', 'validation-prompts');
  const router = loadRouterFile(routerFile);
  // RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
  writeOutput(out, toCsv([['prompt_id', 'text', 'cluster'], ...router.validationPrompts.map((p) => [p.id, p.text, String(p.cluster)])]));
  io.out(
    `wrote ${router.validationPrompts.length} validation prompts (${router.centroids.rows} clusters) to ${out}\n` +
      `next: score the new LLM on every one (a CSV with header prompt_id,score, scores in [0,1]) and run\n` +
      `  routelab add-model --router ${routerFile} --name NAME --cost X --scores scores.csv --out new-router.json`,
  );
  return 0;
}
