/**
 * `routelab`: the command-line face of the RouteLab core (same code as the browser app).
 * Run with `npm run -s routelab -- <command> [flags]` (tsx, no build step).
 */
import { run } from './run';
import { processIo } from './io';

run(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`routelab: internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
