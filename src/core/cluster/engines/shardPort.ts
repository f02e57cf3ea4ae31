/**
 * Both ends of a shard worker's messages, written once for the k-means shards (sharded.ts,
 * shard.ts) and the learned map's peer (routing/clusterMapPeer.ts), which share the workers: the
 * caller waits for each reply in request order, and the worker handles requests one at a time.
 */

/** The caller's end of a shard worker: a Worker, or anything that behaves like one (tests, Node adapters). */
export interface ShardPort<Request, Reply> {
  postMessage(message: Request, transfer?: Transferable[]): void;
  onmessage: ((event: { data: Reply }) => void) | null;
  onerror?: ((event: unknown) => void) | null;
  terminate(): void;
  /**
   * Hands an idle shard back for reuse (set by a pool, pool.ts); the caller calls it instead of
   * terminate after a run that went well, having asked the shard to drop its kernel.
   */
  release?: () => void;
}

/** A worker's answer to a request that threw. */
export interface ErrorReply {
  type: 'error';
  message: string;
}

const messageOf = (e: unknown): string | undefined => (e as { message?: string } | undefined)?.message;

/** Errors of ports before anyone waited for a reply (the caller awaits between starting a worker and asking it). */
const earlyErrors = new WeakMap<object, unknown>();

/** Keeps the port's error until nextReply asks; returns the port. */
export function catchEarly<P extends Pick<ShardPort<never, never>, 'onerror'>>(port: P): P {
  port.onerror = (e) => {
    (e as { preventDefault?: () => void } | undefined)?.preventDefault?.();
    earlyErrors.set(port, e);
  };
  return port;
}

/**
 * The port's next reply (replies come in request order): an error reply rejects with
 * `${what}: message`, the worker's failure (now, or kept by catchEarly) with `${what} failed: message`.
 */
export function nextReply<Reply extends { type: string }>(port: ShardPort<never, Reply | ErrorReply>, what: string): Promise<Reply> {
  const failed = (e: unknown): Error => new Error(`${what} failed${messageOf(e) ? `: ${messageOf(e)}` : ''}`);
  if (earlyErrors.has(port)) return Promise.reject(failed(earlyErrors.get(port)));
  return new Promise((resolve, reject) => {
    port.onmessage = (e) => {
      port.onmessage = null;
      const reply = e.data;
      if (reply.type === 'error') reject(new Error(`${what}: ${(reply as ErrorReply).message}`));
      else resolve(reply as Reply);
    };
    port.onerror = (e) => {
      port.onerror = null;
      reject(failed(e));
    };
  });
}

/** A worker's handler taking requests one at a time (replies keep their order); a request that throws is answered with an error. */
export function inOrder<Request>(
  handle: (m: Request) => Promise<void>,
  post: (reply: ErrorReply, transfer: ArrayBuffer[]) => void,
): (m: Request) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  const guarded = async (m: Request): Promise<void> => {
    try {
      await handle(m);
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) }, []);
    }
  };
  return (m) => (queue = queue.then(() => guarded(m)));
}
