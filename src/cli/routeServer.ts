/**
 * `routelab serve`'s HTTP server: POST /route answers with the same JSON as `routelab route --json`
 * (the core's routeResponse), GET /healthz says what is loaded. Stateless: the router is read once
 * and never changes, so any number of replicas can sit behind a load balancer. Bad requests get a
 * 4xx with a message; nothing a client sends stops the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { routeResponse, routerPool, type RouteInput, type RouteOptions, type Router } from '../core/routerFile';

/** Largest request body accepted (bytes): 1,000 prompts of 8 KB each fit; a larger body gets 413. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Most prompts (or vectors) in one request. */
export const MAX_PROMPTS = 10_000;
const FIELDS = ['prompt', 'prompts', 'embedding', 'embeddings', 'costPenalty', 'allModels'];

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The body as text, refusing more than MAX_BODY_BYTES (413) without reading the rest into memory. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES) return reject(new HttpError(413, tooLarge(declared)));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, tooLarge(size)));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const tooLarge = (bytes: number) =>
  `request body of ${bytes} bytes is over the ${MAX_BODY_BYTES}-byte limit (${MAX_BODY_BYTES / 2 ** 20} MiB)`;

function vectors(v: unknown, field: string, dim: number): RouteInput {
  const rows = (field === 'embedding' ? [v] : v) as unknown[];
  if (!Array.isArray(rows) || rows.length === 0)
    throw new HttpError(
      400,
      `"${field}" must be ${field === 'embedding' ? 'an array of numbers' : 'a non-empty array of arrays of numbers'}`,
    );
  if (rows.length > MAX_PROMPTS) throw new HttpError(400, `"${field}" has ${rows.length} vectors; at most ${MAX_PROMPTS} per request`);
  const data = new Float32Array(rows.length * dim);
  rows.forEach((row, r) => {
    const at = field === 'embedding' ? `"embedding"` : `"embeddings"[${r}]`;
    if (!Array.isArray(row) || row.length !== dim)
      throw new HttpError(400, `${at} must be an array of ${dim} numbers (this router's dimension)`);
    row.forEach((x, d) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new HttpError(400, `${at}[${d}] must be a finite number, got ${JSON.stringify(x)}`);
      data[r * dim + d] = x;
    });
  });
  return { embeddings: { rows: rows.length, cols: dim, data } };
}

/** The routing request in a POST /route body, checked field by field (400 with the reason). */
export function parseRouteRequest(text: string, router: Router): { input: RouteInput; options: RouteOptions } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, `body is not JSON: ${(err as Error).message}`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(400, 'body must be a JSON object such as {"prompt": "..."} or {"prompts": ["...", "..."]}');
  const o = body as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0)
    throw new HttpError(400, `unknown field ${unknown.map((k) => `"${k}"`).join(', ')} (fields: ${FIELDS.join(', ')})`);
  const given = ['prompt', 'prompts', 'embedding', 'embeddings'].filter((k) => o[k] !== undefined);
  if (given.length !== 1)
    throw new HttpError(
      400,
      `give exactly one of "prompt", "prompts", "embedding" or "embeddings"${given.length ? ` (got ${given.map((g) => `"${g}"`).join(', ')})` : ''}`,
    );
  const options: RouteOptions = {};
  if (o.costPenalty !== undefined) {
    if (typeof o.costPenalty !== 'number' || !Number.isFinite(o.costPenalty) || o.costPenalty < 0)
      throw new HttpError(400, `"costPenalty" must be a finite number >= 0, got ${JSON.stringify(o.costPenalty)}`);
    options.costPenalty = o.costPenalty;
  }
  if (o.allModels !== undefined) {
    if (typeof o.allModels !== 'boolean') throw new HttpError(400, `"allModels" must be true or false, got ${JSON.stringify(o.allModels)}`);
    options.allModels = o.allModels;
  }
  const field = given[0];
  if (field === 'embedding' || field === 'embeddings') return { input: vectors(o[field], field, router.centroids.cols), options };
  if (router.embedder.kind === 'external')
    throw new HttpError(
      400,
      `this router uses external ${router.embedder.dim}-d embeddings, which RouteLab cannot compute from text: send "embedding" or "embeddings"`,
    );
  if (field === 'prompt') {
    if (typeof o.prompt !== 'string') throw new HttpError(400, `"prompt" must be a string, got ${JSON.stringify(o.prompt)}`);
    return { input: { texts: [o.prompt] }, options };
  }
  const prompts = o.prompts;
  if (!Array.isArray(prompts) || prompts.length === 0) throw new HttpError(400, '"prompts" must be a non-empty array of strings');
  if (prompts.length > MAX_PROMPTS) throw new HttpError(400, `"prompts" has ${prompts.length} prompts; at most ${MAX_PROMPTS} per request`);
  const bad = prompts.findIndex((p) => typeof p !== 'string');
  if (bad >= 0) throw new HttpError(400, `"prompts"[${bad}] must be a string, got ${JSON.stringify(prompts[bad])}`);
  return { input: { texts: prompts as string[] }, options };
}

/** What GET /healthz reports: the loaded router, so a load balancer or a person can check it. */
export function healthOf(router: Router, file: string) {
  const p = router.provenance;
  return {
    status: 'ok',
    router: {
      file,
      method: router.method,
      costPenalty: router.costPenalty,
      costUnit: router.costUnit,
      pool: routerPool(router),
      models: router.models.length,
      dataset: p.dataset,
      dataHash: p.dataHash,
    },
  };
}

async function handle(router: Router, file: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'use GET /healthz' }, { allow: 'GET, HEAD' });
    return send(res, 200, healthOf(router, file));
  }
  if (url.pathname !== '/route') return send(res, 404, { error: `no ${url.pathname}: POST /route or GET /healthz` });
  if (req.method !== 'POST') return send(res, 405, { error: 'use POST /route with a JSON body' }, { allow: 'POST' });
  const { input, options } = parseRouteRequest(await readBody(req), router);
  let answer;
  try {
    answer = routeResponse(router, input, options);
  } catch (err) {
    // The core refuses input it cannot route (e.g. text for an external embedder): the client's to fix.
    throw new HttpError(400, (err as Error).message);
  }
  send(res, 200, answer);
}

/** The server for one loaded router (not listening yet). */
export function createRouteServer(router: Router, file = 'router.json'): Server {
  const server = createServer((req, res) => {
    handle(router, file, req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      const message = err instanceof Error ? err.message : String(err);
      if (res.headersSent) return void res.destroy();
      // After a refused oversized body the connection is closed rather than drained.
      send(res, status, { error: message }, status === 413 ? { connection: 'close' } : {});
    });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}
