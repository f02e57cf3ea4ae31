/**
 * The training worker's nested workers (the embedding half, the k-NN lists, the UMAP map): one port
 * type, one way to ask a question and wait for its answer, and spares started ahead of need.
 *
 * Why spares: Chromium starts a nested worker, and hands it the messages posted before it started,
 * only when the parent thread yields. The training worker parses, hashes and counts without yielding,
 * so a worker spawned at the start of an upload sat unstarted for a second, holding its half of the
 * work (measured: the embedding half's request arrived 1.07 s after it was posted). A worker spawned
 * while the thread was idle is running by then and receives the message at once.
 */

/** What the training worker needs of a nested Worker (tests pass a stand-in on the same thread). */
export interface NestedPort<Req, Rep> {
  postMessage(message: Req, transfer?: Transferable[]): void;
  onmessage: ((e: { data: Rep }) => void) | null;
  onerror?: ((e: { message?: string; preventDefault?: () => void }) => void) | null;
  terminate(): void;
}

/** A nested worker's failure reply: every protocol has this one. */
export interface ErrorReply {
  type: 'error';
  message: string;
}

/**
 * Posts `message` and resolves with the first reply of type `want`; an error reply, a reply of a type
 * neither wanted nor passed to `onOther`, or the worker's own error event rejects. `what` names the
 * worker in that last message. The port keeps its handlers; the caller terminates it.
 */
export function ask<Req, Rep extends { type: string }, T extends Rep['type']>(
  port: NestedPort<Req, Rep>,
  message: Req,
  want: T,
  what: string,
  options: { transfer?: Transferable[]; onOther?: (reply: Rep) => boolean } = {},
): Promise<Extract<Rep, { type: T }>> {
  return new Promise((resolve, reject) => {
    port.onmessage = (e) => {
      const reply = e.data;
      if (reply.type === want) resolve(reply as Extract<Rep, { type: T }>);
      else if (reply.type === 'error') reject(new Error((reply as unknown as ErrorReply).message));
      else if (!options.onOther?.(reply)) reject(new Error(`${what}: unexpected ${reply.type} reply`));
    };
    port.onerror = (e) => {
      // Handled here: the failure falls back or is reported by the caller, not bubbled to the page.
      e.preventDefault?.();
      reject(new Error(e.message || `${what} failed`));
    };
    try {
      port.postMessage(message, options.transfer ?? []);
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

/**
 * A spawner that keeps one started spare: `spawn` runs now (the thread is idle at start-up), each
 * call hands out the spare and starts the next one; a spawn that throws leaves no spare, and the call
 * then spawns (and throws) directly. A spare whose worker failed while it waited (its script did not
 * load, it crashed) is dropped, not handed out: its error event has fired already, so a question put
 * to it would never be answered. `dispose` terminates an unused spare.
 */
export function withSpare<P extends { terminate(): void; onerror?: ((e: { preventDefault?: () => void }) => void) | null }>(
  spawn: () => P,
): (() => P) & { dispose(): void } {
  let spare: { port: P; failed: boolean } | null = null;
  const refill = (): void => {
    try {
      const s = { port: spawn(), failed: false };
      s.port.onerror = (e) => {
        e.preventDefault?.();
        s.failed = true;
      };
      spare = s;
    } catch {
      spare = null;
    }
  };
  refill();
  const take = (): P => {
    const s = spare;
    spare = null;
    if (s?.failed) s.port.terminate();
    const p = s && !s.failed ? s.port : spawn();
    refill();
    return p;
  };
  return Object.assign(take, {
    dispose: () => {
      spare?.port.terminate();
      spare = null;
    },
  });
}
