/** Command dispatch; returns the exit code (0 ok, 2 bad input or usage) so tests can call it in-process. */
import { formatIssue } from '../core/types';
import { InputError, UsageError } from './errors';
import { EVAL_USAGE, evalCommand } from './evalCommand';
import { ADD_MODEL_USAGE, REMOVE_MODEL_USAGE, addModelCommand, removeModelCommand } from './addModelCommand';
import { ONBOARD_USAGE, onboardCommand } from './onboardCommand';
import { ROUTE_USAGE, routeCommand } from './routeCommand';
import { SERVE_USAGE, serveCommand } from './serveCommand';
import { TRAIN_USAGE, trainCommand } from './trainCommand';
import { VALIDATION_PROMPTS_USAGE, validationPromptsCommand } from './validationPromptsCommand';
import type { Io } from './io';

const COMMANDS: Record<string, { usage: string; run: (argv: string[], io: Io) => Promise<number> }> = {
  eval: { usage: EVAL_USAGE, run: evalCommand },
  train: { usage: TRAIN_USAGE, run: trainCommand },
  route: { usage: ROUTE_USAGE, run: routeCommand },
  serve: { usage: SERVE_USAGE, run: serveCommand },
  'validation-prompts': { usage: VALIDATION_PROMPTS_USAGE, run: validationPromptsCommand },
  'add-model': { usage: ADD_MODEL_USAGE, run: addModelCommand },
  'remove-model': { usage: REMOVE_MODEL_USAGE, run: removeModelCommand },
  onboard: { usage: ONBOARD_USAGE, run: onboardCommand },
};

/** Every command's usage, indented under `usage:` (continuation lines keep their alignment). */
export function usage(): string {
  return ['usage:', ...Object.values(COMMANDS).map((c) => c.usage.replace(/^/gm, '  '))].join('\n');
}

/** Each command's usage text, as `usage()` prints it before indenting. */
export function usages(): string[] {
  return Object.values(COMMANDS).map((c) => c.usage);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(usage());
    return command ? 0 : 2;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.err(`routelab: unknown command "${command}"\n${usage()}`);
    return 2;
  }
  try {
    return await entry.run(rest, io);
  } catch (err) {
    if (err instanceof InputError) {
      for (const issue of err.issues) io.err(formatIssue(issue));
      return 2;
    }
    if (err instanceof UsageError) {
      io.err(`${err.message}\n${entry.usage}`);
      return 2;
    }
    throw err;
  }
}
