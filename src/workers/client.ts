/**
 * Main-thread API of the training worker: promises, progress callbacks and cancel. When the Worker
 * cannot start (no module workers, a CSP, a crash during init) the same handlers run on the main
 * thread instead, so the app still works, only less responsively.
 */
import type { BackendName } from '../core/tf';
import type { Dataset } from '../core/types';
import type { ProgressEvent, RequestType, ResultOf, WorkerRequest, WorkerResponse } from './protocol';
import { paceProgress, type ProgressPace } from './progressPace';

/** Error of a request that was cancelled (training stopped by the user). */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

type Omit2<T> = T extends unknown ? Omit<T, 'id'> : never;
export type RequestBody = Omit2<WorkerRequest>;

interface Pending {
  type: RequestType;
  resolve: (value: never) => void;
  reject: (reason: Error) => void;
  /** The caller's progress callback, paced (progressPace.ts). */
  onProgress?: ProgressPace;
}

export interface ClientOptions {
  /** Run the handlers on the main thread from the start (tests, or a browser without module workers). */
  forceMainThread?: boolean;
  /** Backends to try (default: webgl, wasm, cpu with the software-renderer rule). */
  prefer?: BackendName[];
  /** How long the worker may take to answer 'init' before the main-thread fallback takes over. */
  initTimeoutMs?: number;
}

export interface RouteLabClient {
  /** Starts tfjs (in the worker, or on the main thread as a fallback) and reports the backend. */
  init(): Promise<ResultOf['init']>;
  request<T extends RequestType>(
    body: Extract<RequestBody, { type: T }>,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<ResultOf[T]>;
  /** Stops a running training: terminates the worker (then restarts it with the current dataset). */
  cancelTraining(): void;
  /** 'worker' or 'main' (after a fallback). */
  readonly thread: 'worker' | 'main';
  dispose(): void;
}

type Channel = { send(message: WorkerRequest): void; close(): void };

/** Creates the client; the worker is created lazily by init(). */
export function createClient(options: ClientOptions = {}): RouteLabClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let channel: Channel | null = null;
  let thread: 'worker' | 'main' = options.forceMainThread ? 'main' : 'worker';
  /** The dataset the handlers hold: re-sent to a restarted worker. */
  let currentDataset: Dataset | null = null;
  let initResult: Promise<ResultOf['init']> | null = null;

  const receive = (message: WorkerResponse): void => {
    const p = pending.get(message.id);
    if (!p) return;
    if (message.type === 'progress') {
      p.onProgress?.(message.event);
      return;
    }
    p.onProgress?.cancel();
    pending.delete(message.id);
    if (message.type === 'result') {
      const result = message.result as ResultOf[RequestType];
      if (p.type === 'demo') currentDataset = result as Dataset;
      if (p.type === 'load' && (result as ResultOf['load']).ok)
        currentDataset = (result as Extract<ResultOf['load'], { ok: true }>).dataset;
      p.resolve(result as never);
    } else p.reject(new Error(message.message));
  };

  async function mainChannel(): Promise<Channel> {
    const [{ createHandler }, { WASM_PATHS }] = await Promise.all([import('./handlers'), import('./wasmPaths')]);
    // Answers go through a macrotask, as they would from a worker, so callers never see a synchronous reply.
    const handle = createHandler({ post: (m) => setTimeout(() => receive(m), 0), thread: 'main', wasmPaths: WASM_PATHS });
    return { send: (m) => void handle(m), close: () => {} };
  }

  function workerChannel(): Channel {
    const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'routelab-training' });
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => receive(e.data);
    worker.onerror = (e) => {
      // A crash fails every request in flight; the next init() decides about the fallback.
      e.preventDefault?.();
      for (const [id, p] of pending) {
        p.onProgress?.cancel();
        pending.delete(id);
        p.reject(new Error(`the training worker failed: ${e.message || 'unknown error'}`));
      }
    };
    return { send: (m) => worker.postMessage(m), close: () => worker.terminate() };
  }

  function send<T extends RequestType>(
    body: Extract<RequestBody, { type: T }>,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<ResultOf[T]> {
    if (!channel) return Promise.reject(new Error('the client is not started: call init() first'));
    const id = nextId++;
    const request = { ...body, id } as WorkerRequest;
    return new Promise<ResultOf[T]>((resolve, reject) => {
      pending.set(id, {
        type: body.type,
        resolve: resolve as (v: never) => void,
        reject,
        onProgress: onProgress && paceProgress(onProgress),
      });
      if (body.type === 'setDataset') currentDataset = (body as Extract<RequestBody, { type: 'setDataset' }>).dataset;
      channel!.send(request);
    });
  }

  async function start(): Promise<ResultOf['init']> {
    const prefer = options.prefer;
    if (thread === 'worker') {
      try {
        channel = workerChannel();
        const timeout = options.initTimeoutMs ?? 45_000;
        return await Promise.race([
          send({ type: 'init', prefer }),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`the worker did not start within ${timeout / 1000} s`)), timeout),
          ),
        ]);
      } catch (e) {
        console.warn('RouteLab: training worker unavailable, running on the main thread:', e);
        channel?.close();
        thread = 'main';
      }
    }
    channel = await mainChannel();
    return send({ type: 'init', prefer });
  }

  return {
    init() {
      initResult ??= start();
      return initResult;
    },
    request: send,
    cancelTraining() {
      const running = [...pending.entries()].filter(([, p]) => p.type === 'train');
      if (running.length === 0) return;
      if (thread === 'main') {
        // Same thread: the handlers poll the flag between k-means iterations and epochs.
        void send({ type: 'cancel' });
        return;
      }
      // A busy worker reads no messages until training ends (tfjs read-backs resolve as microtasks
      // on wasm / cpu), so cancelling means terminating it and starting a fresh one.
      channel?.close();
      for (const [id, p] of pending) {
        p.onProgress?.cancel();
        pending.delete(id);
        p.reject(p.type === 'train' ? new CancelledError() : new Error('the training worker was restarted'));
      }
      channel = workerChannel();
      // Sent back to back: the worker answers in arrival order, so any request made after this
      // (a new training) finds tfjs started and the dataset set.
      const dataset = currentDataset;
      initResult = send({ type: 'init', prefer: options.prefer });
      if (dataset) void send({ type: 'setDataset', dataset }).catch(() => {});
    },
    get thread() {
      return thread;
    },
    dispose() {
      channel?.close();
      channel = null;
      for (const p of pending.values()) p.onProgress?.cancel();
      pending.clear();
    },
  };
}
