/** A capturing Io for in-process CLI tests. */
import type { Io } from './io';

export function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), progress: (t) => stderr.push(t) };
}
