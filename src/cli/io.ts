/** Where a command writes: stdout holds only the result (one JSON object with --json), stderr the rest. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  progress(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  progress: (text) => process.stderr.write(text + '\n'),
};
