/** Flag parsing shared by every `routelab` command (node:util parseArgs, strict: unknown flags are errors). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

export type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `--cost -1` as `--cost=-1`: parseArgs calls a value that starts with a dash ambiguous, which would
 * hide the real problem (a negative number) behind a message about option syntax.
 */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') && !argv[i].includes('=') ? argv[i].slice(2) : undefined;
    const next = argv[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d|Infinity)/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

export function parseFlags(argv: string[], options: Options, command: string): Record<string, string | boolean | undefined> {
  try {
    const { values } = parseArgs({ args: joinNegativeValues(argv, options), options, strict: true, allowPositionals: false });
    return values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new UsageError(`routelab ${command}: ${(err as Error).message}`);
  }
}

export function requireString(values: Record<string, unknown>, name: string, command: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`routelab ${command}: --${name} is required`);
  return v;
}

/** An integer flag, or `auto` when `allowAuto`. */
export function intFlag(value: unknown, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^-?\d+$/.test(value) || n < min)
    throw new UsageError(`--${name} must be an integer >= ${min}, got "${String(value)}"`);
  return n;
}

export function intOrAuto(value: unknown, name: string, fallback: number | 'auto'): number | 'auto' {
  if (value === 'auto') return 'auto';
  return value === undefined ? fallback : intFlag(value, name, 1, 1);
}

/** A flag that takes one of `choices`. */
export function choiceFlag<T extends string>(value: unknown, name: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly unknown[]).includes(value)) {
    const allowed = choices.length === 2 ? choices.join(' or ') : `one of ${choices.join(', ')}`;
    throw new UsageError(`--${name} must be ${allowed}, got "${String(value)}"`);
  }
  return value as T;
}

export function numberFlag(value: unknown, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n) || n < min)
    throw new UsageError(`--${name} must be a number >= ${min}, got "${String(value)}"`);
  return n;
}
