/** `routelab add-model` / `remove-model`: an unseen LLM joins a router from its validation scores alone, or leaves it. */
import { addModel, parseScoresCsv, removeModel } from '../core/routerFile';
import { numberFlag, parseFlags, requireString } from './args';
import { InputError } from './errors';
import { readText } from './load';
import { loadRouterFile, writeRouterFile } from './routeCommand';
import type { Io } from './io';

export const ADD_MODEL_USAGE = 'routelab add-model --router router.json --name NAME --cost X --scores FILE --out new.json';
export const REMOVE_MODEL_USAGE = 'routelab remove-model --router router.json --name NAME --out new.json';

export async function addModelCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(
    argv,
    { router: { type: 'string' }, name: { type: 'string' }, cost: { type: 'string' }, scores: { type: 'string' }, out: { type: 'string' } },
    'add-model',
  );
  const routerFile = requireString(flags, 'router', 'add-model');
  const name = requireString(flags, 'name', 'add-model');
  const cost = numberFlag(requireString(flags, 'cost', 'add-model'), 'cost', 0, 0);
  const scoresFile = requireString(flags, 'scores', 'add-model');
  const out = requireString(flags, 'out', 'add-model');
  const router = loadRouterFile(routerFile);
  const scores = parseScoresCsv(scoresFile, readText(scoresFile));
  if (!scores.ok) throw new InputError(scores.issues);
  const res = addModel(router, { name, cost, scores: scores.data.scores, source: { file: scoresFile, rows: scores.data.rows } });
  if (!res.ok) throw new InputError(res.issues);
  writeRouterFile(out, res.data);
  const added = res.data.models[res.data.models.length - 1];
  const psi = Array.from(added.psi, (x, c) => `${x.toFixed(3)} (n=${added.counts[c]})`).join(', ');
  io.out(
    `added ${added.name} (cost ${added.cost}${router.costUnit ? ` ${router.costUnit}` : ''}) from ${router.validationPrompts.length} validation prompts, no retraining; ` +
      `overall error ${added.overall.toFixed(4)}\nPsi per cluster: ${psi}\n` +
      `wrote ${out} (${res.data.models.length} LLMs; ${added.name} joins the routing pool, now ${res.data.pool.length})`,
  );
  return 0;
}

export async function removeModelCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(argv, { router: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' } }, 'remove-model');
  const routerFile = requireString(flags, 'router', 'remove-model');
  const name = requireString(flags, 'name', 'remove-model');
  const out = requireString(flags, 'out', 'remove-model');
  const res = removeModel(loadRouterFile(routerFile), name, routerFile);
  if (!res.ok) throw new InputError(res.issues);
  writeRouterFile(out, res.data);
  io.out(`removed ${name}; wrote ${out} (${res.data.models.length} LLMs)`);
  return 0;
}
