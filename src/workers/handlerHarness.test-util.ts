/**
 * For tests: the worker's handlers on this thread, as a page would drive them, with a promise per
 * request and the progress events it posted. `store` stands for the worker's IndexedDB; `context`
 * adds to the handler's context (nested workers' stand-ins).
 */
import { createHandler, type HandlerContext } from './handlers';
import type { KeyValueStore } from './idb';
import type { ProgressEvent, RequestType, ResultOf, WorkerRequest, WorkerResponse } from './protocol';

type Body = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** A request as a page sends it, without its id. */
export type HarnessRequest<T extends RequestType> = Extract<Body, { type: T }>;

export type HarnessSend = <T extends RequestType>(body: HarnessRequest<T>) => { result: Promise<ResultOf[T]>; progress: ProgressEvent[] };

export function handlerHarness(store?: KeyValueStore, context: Partial<Omit<HandlerContext, 'post'>> = {}): HarnessSend {
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; progress: ProgressEvent[] }>();
  const handle = createHandler({
    thread: 'main',
    ...(store && { store: () => store }),
    ...context,
    post: (m: WorkerResponse) => {
      const w = waiting.get(m.id);
      if (!w) return;
      if (m.type === 'progress') w.progress.push(m.event);
      else if (m.type === 'result') w.resolve(m.result);
      else w.reject(new Error(m.message));
    },
  });
  let id = 0;
  return (body) => {
    const progress: ProgressEvent[] = [];
    const result = new Promise<never>((resolve, reject) => {
      waiting.set(++id, { resolve: resolve as (v: unknown) => void, reject, progress });
    });
    void handle({ ...body, id } as WorkerRequest);
    return { result, progress };
  };
}
