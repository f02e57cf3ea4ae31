/// <reference lib="webworker" />
/**
 * The training worker: a thin switch (handlers.ts) over core calls; tfjs runs here, on WebGL through
 * OffscreenCanvas or on wasm, so the page stays responsive while k-means and the learned map train.
 */
import { createHandler } from './handlers';
import { WASM_PATHS } from './wasmPaths';
import type { WorkerRequest, WorkerResponse } from './protocol';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createHandler({ post: (message) => scope.postMessage(message), thread: 'worker', wasmPaths: WASM_PATHS });
scope.onmessage = (event) => {
  void handle(event.data);
};
