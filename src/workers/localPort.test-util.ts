/**
 * For tests: a nested worker's port on this thread. Requests and replies go through structured
 * clones and a macrotask each way, as between real threads; after terminate() the replies stop.
 */
import type { NestedPort } from './nested';

export type LocalPort<Req, Rep> = NestedPort<Req, Rep> & { requests: Req[]; terminated: number };

export function localPort<Req, Rep>(
  createHandler: (reply: (r: Rep, transfer: Transferable[]) => void) => (m: Req) => unknown,
  alter: (copy: Req) => void = () => undefined,
): LocalPort<Req, Rep> {
  const port: LocalPort<Req, Rep> = {
    requests: [],
    terminated: 0,
    onmessage: null,
    onerror: null,
    postMessage(m: Req) {
      port.requests.push(m);
      const copy = structuredClone(m);
      alter(copy);
      setTimeout(() => void handle(copy), 0);
    },
    terminate() {
      port.terminated++;
    },
  };
  const handle = createHandler((reply) => {
    const copy = structuredClone(reply);
    setTimeout(() => {
      if (port.terminated === 0) port.onmessage?.({ data: copy });
    }, 0);
  });
  return port;
}
