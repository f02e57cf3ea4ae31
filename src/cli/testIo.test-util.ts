/** A capturing Io for in-process CLI tests, and the CLI run in-process with it. */
import type { Io } from './io';
import { run } from './run';

export function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), progress: (t) => stderr.push(t) };
}

/** Runs `routelab ARGV` in-process: the exit code, stdout (lines and text) and stderr (errors, progress and warnings). */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string[]; out: string; err: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
