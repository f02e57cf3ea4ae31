/** `routelab route`: the chosen LLM of each prompt, and every LLM's predicted error, cost and penalised score. */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import {
  MAX_ROUTER_CHARS,
  parseRouter,
  routePrompts,
  routeResponse,
  routerPool,
  serializeRouter,
  type RouteDecision,
  type RouteInput,
  type Router,
} from '../core/routerFile';
import { numberFlag, parseFlags, requireString } from './args';
import { InputError, inputError, UsageError } from './errors';
import { readPromptsFile, readText } from './load';
import { parseEmbeddingArg } from './embeddingArg';
import { routeSummaryCommand } from './routeSummary';
import type { Io } from './io';

export const ROUTE_USAGE = `routelab route --router router.json (--prompt TEXT | --prompts FILE | --embedding JSON)
               [--cost-penalty X] [--all-models] [--summary] [--json]`;

/** Reads and validates a router file (exit 2 with the JSON path of every problem). */
export function loadRouterFile(file: string): Router {
  // Refuse a huge file before reading it into memory (parseRouter checks the text length too).
  if (existsSync(file) && statSync(file).size > MAX_ROUTER_CHARS * 4) {
    throw inputError(
      file,
      `file is ${(statSync(file).size / 2 ** 20).toFixed(0)} MB, over the ${MAX_ROUTER_CHARS / 2 ** 20} MB limit for a router file`,
    );
  }
  const res = parseRouter(readText(file), file);
  if (!res.ok) throw new InputError(res.issues);
  return res.data;
}

export function writeRouterFile(file: string, router: Router): number {
  const text = serializeRouter(router);
  writeOutput(file, text);
  return text.length;
}

export function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (err) {
    throw inputError(file, `cannot write: ${(err as Error).message}`);
  }
}

interface Prompts {
  ids: string[] | null;
  input: RouteInput;
  texts: string[] | null;
}

function readPrompts(flags: Record<string, string | boolean | undefined>, router: Router): Prompts {
  const given = (['prompt', 'prompts', 'embedding'] as const).filter((f) => flags[f] !== undefined);
  if (given.length !== 1)
    throw new UsageError(
      `routelab route: give exactly one of --prompt, --prompts or --embedding${given.length ? ` (got ${given.map((g) => `--${g}`).join(', ')})` : ''}`,
    );
  const external = router.embedder.kind === 'external';
  if (flags.embedding !== undefined) {
    const x = parseEmbeddingArg(String(flags.embedding), router.centroids.cols);
    return { ids: null, texts: null, input: { embeddings: x } };
  }
  if (external) {
    throw inputError(
      '--' + given[0],
      `this router uses external ${router.embedder.dim}-d embeddings, which RouteLab cannot compute from text: pass each prompt's vector with --embedding`,
    );
  }
  if (flags.prompt !== undefined) return { ids: null, texts: [String(flags.prompt)], input: { texts: [String(flags.prompt)] } };
  const { ids, texts } = readPromptsFile(String(flags.prompts));
  return { ids, texts, input: { texts } };
}

export async function routeCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(
    argv,
    {
      router: { type: 'string' },
      prompt: { type: 'string' },
      prompts: { type: 'string' },
      embedding: { type: 'string' },
      'cost-penalty': { type: 'string' },
      'all-models': { type: 'boolean' },
      json: { type: 'boolean' },
      summary: { type: 'boolean' },
    },
    'route',
  );
  const router = loadRouterFile(requireString(flags, 'router', 'route'));
  if (flags.summary)
    return routeSummaryCommand(flags, router, numberFlag(flags['cost-penalty'], 'cost-penalty', router.costPenalty, 0), io);
  const prompts = readPrompts(flags, router);
  const options = {
    costPenalty: numberFlag(flags['cost-penalty'], 'cost-penalty', router.costPenalty, 0),
    allModels: flags['all-models'] === true,
  };
  if (flags.json) io.out(JSON.stringify(routeResponse(router, prompts.input, options, prompts.ids ?? undefined)));
  else io.out(formatDecisions(routePrompts(router, prompts.input, options), prompts, router, options));
  return 0;
}

const num = (x: number) => (Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(4) : x.toExponential(3));
/** Costs span many magnitudes (USD per call ~1e-4, parameter counts ~1e10): 4 significant digits. */
const costText = (x: number) => (x === 0 ? '0' : x >= 1e6 || x < 1e-6 ? x.toExponential(3) : x.toPrecision(4));

/** One block per prompt: the chosen LLM, then every LLM by penalised score (the routing rule's order). */
function formatDecisions(
  decisions: RouteDecision[],
  prompts: Prompts,
  router: Router,
  { costPenalty, allModels }: { costPenalty: number; allModels: boolean },
): string {
  const blocks = decisions.map((d, i) => {
    const label = prompts.ids ? `prompt ${prompts.ids[i]}` : decisions.length > 1 ? `embedding ${i}` : 'prompt';
    const text = prompts.texts ? `: ${oneLine(prompts.texts[i])}` : '';
    const order = d.perModel
      .map((_, j) => j)
      .sort((a, b) => d.perModel[a].penalised - d.perModel[b].penalised || d.perModel[a].cost - d.perModel[b].cost || a - b);
    const rows = order.map((j) => {
      const s = d.perModel[j];
      return [s.name === d.chosen ? `* ${s.name}` : `  ${s.name}`, num(s.predictedError), costText(s.cost), num(s.penalised)];
    });
    return [
      `${label}${text}`,
      `-> ${d.chosen} (cluster ${d.cluster})`,
      ...table(['  LLM', 'predicted error', 'cost', 'penalised'], rows),
    ].join('\n');
  });
  const unit = router.costUnit ? `; cost in ${router.costUnit}` : '';
  const pool = routerPool(router);
  const among = allModels
    ? `every LLM of the file (${router.models.length})`
    : pool.length === router.models.length
      ? `the file's routing pool: all ${pool.length} LLMs`
      : `the file's routing pool: ${pool.length} of ${router.models.length} LLMs (--all-models for every one)`;
  return [
    `${methodLabel(router)} routing among ${among}`,
    `cost penalty lambda = ${costPenalty}${costPenalty === router.costPenalty ? " (the file's operating point)" : ''}; penalised = predicted error + lambda * cost; * = chosen${unit}`,
    '',
    blocks.join('\n\n'),
  ].join('\n');
}

const METHOD_TEXT: Record<Router['method'], string> = {
  kmeans: 'UniRoute (K-means)',
  learnedmap: 'UniRoute (learned map)',
  knn: 'K-NN',
  'zero-router': 'ZeroRouter',
};

function methodLabel(router: Router): string {
  return METHOD_TEXT[router.method];
}

function oneLine(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [fmt(header), ...rows.map(fmt)];
}
