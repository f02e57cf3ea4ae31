/**
 * `routelab serve`: the router file as an HTTP service (routeServer.ts). With --workers N, Node's
 * cluster module runs N processes sharing the port (stateless, so each answers any request).
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { AddressInfo } from 'node:net';
import { intFlag, parseFlags, requireString } from './args';
import { inputError, UsageError } from './errors';
import { loadRouterFile } from './routeCommand';
import { createRouteServer } from './routeServer';
import type { Io } from './io';

export const SERVE_USAGE = `routelab serve --router router.json [--port 8787] [--host 127.0.0.1] [--workers N|auto]`;

function workersFlag(value: unknown): number {
  if (value === 'auto') return availableParallelism();
  return intFlag(value, 'workers', 1, 1);
}

/** Serves until SIGINT or SIGTERM; resolves with the exit code once the server has closed. */
export async function serveCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(
    argv,
    { router: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, workers: { type: 'string' } },
    'serve',
  );
  const file = requireString(flags, 'router', 'serve');
  const port = intFlag(flags.port, 'port', 8787, 0);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const host = typeof flags.host === 'string' ? flags.host : '127.0.0.1';
  const workers = workersFlag(flags.workers);
  // Read and validated before listening (and before forking): a bad file exits 2 with its problems.
  const router = loadRouterFile(file);

  if (workers > 1 && cluster.isPrimary) return primary(workers, io, file, host);
  const server = createRouteServer(router, file);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(inputError(`${host}:${port}`, `cannot listen: ${err.message}`)));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  if (cluster.isPrimary) io.progress(`routelab serve: listening on http://${host}:${address.port} (${file})`);
  else process.send?.({ listening: address.port });
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      if (cluster.isPrimary) io.progress(`routelab serve: ${signal}, closing`);
      server.close(() => {
        // A cluster worker's IPC channel would keep it alive: let go of it once the server is closed.
        if (cluster.isWorker) process.disconnect?.();
        resolve(0);
      });
      // Idle keep-alive connections would hold close() open until they time out.
      server.closeIdleConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Forks the workers (each runs this command again as a cluster worker) and reports once all listen. */
function primary(workers: number, io: Io, file: string, host: string): Promise<number> {
  return new Promise((resolve) => {
    let listening = 0;
    let stopping = false;
    for (let i = 0; i < workers; i++) {
      const worker = cluster.fork();
      worker.on('message', (m: { listening?: number }) => {
        if (m.listening !== undefined && ++listening === workers)
          io.progress(`routelab serve: listening on http://${host}:${m.listening} (${file}, ${workers} worker processes)`);
      });
    }
    let failed = false;
    cluster.on('exit', (worker, code) => {
      if (!stopping && listening < workers) {
        // A worker that dies before listening (e.g. the port is taken) would die again: give up.
        io.err(`routelab serve: worker ${worker.process.pid} exited (code ${code}) before listening; stopping`);
        failed = true;
        stop();
      } else if (!stopping) {
        io.err(`routelab serve: worker ${worker.process.pid} exited (code ${code}); starting another`);
        cluster.fork();
      }
      if (stopping && Object.keys(cluster.workers ?? {}).length === 0) resolve(failed ? 1 : 0);
    });
    const stop = (signal?: string) => {
      if (signal) io.progress(`routelab serve: ${signal}, stopping ${workers} workers`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
