/**
 * Drives the real RouteLab app in headless Chromium for `npm run bench`: builds it with the app's
 * own Vite config into bench/out/app, serves it (no COOP/COEP, as vite preview), opens it in a
 * fresh context (empty IndexedDB), and reads numbers from the read-only hook window.__routelab,
 * the in-page probe (probe.ts), CDP heap usage of the page and of the training worker, and the
 * worker's tfjs engine (tf.memory()).
 */
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { build } from 'vite';
import type { RouteLabTestHook } from '../../src/app/testHook';
import { CHROMIUM_ARGS, serveStatic } from '../browser';
import { PROBE_SCRIPT, type ProbeRecord } from './probe';

export type Snapshot = ReturnType<RouteLabTestHook['snapshot']>;

export interface HeapUse {
  pageMb: number;
  workerMb: number | null;
  pageBuffersMb: number;
  workerBuffersMb: number | null;
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

const ROOT = resolve(import.meta.dirname ?? '.', '../..');
export const APP_OUT = resolve(ROOT, 'bench/out/app');

/** Builds the app exactly as `npm run build` does (vite.config.ts), into bench/out/app. */
export async function buildApp(): Promise<void> {
  await build({ configFile: resolve(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn', build: { outDir: APP_OUT, emptyOutDir: true } });
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  errors: string[];
  snapshot(): Promise<Snapshot>;
  /** Polls the hook until `ok(snapshot)` (or throws after `timeoutMs` with the last snapshot's status). */
  waitFor(what: string, ok: (s: Snapshot) => boolean, timeoutMs?: number): Promise<Snapshot>;
  /**
   * Used JS heap in MB of the page and of the training worker (after a full GC when `collect`),
   * and the ArrayBuffer backing stores (typed arrays, wasm memory) that V8 counts apart.
   */
  heap(collect?: boolean): Promise<HeapUse>;
  /** tf.memory().numTensors inside the training worker (tfjs keeps its engine on the global). */
  workerTensors(): Promise<number | null>;
  probeStart(): Promise<number>;
  probeStop(): Promise<ProbeRecord>;
  close(): Promise<void>;
}

export interface AppServer {
  url: string;
  browser: Browser;
  chromiumVersion: string;
  open(query?: string, options?: { jsFlags?: string }): Promise<AppSession>;
  close(): Promise<void>;
}

const BASE_FLAGS = '--expose-gc';

/** Serves bench/out/app and launches Chromium (one browser per set of V8 flags). */
export async function startApp(executablePath: string): Promise<AppServer> {
  const { server, url } = await serveStatic(APP_OUT);
  const browsers = new Map<string, Browser>();
  const browserFor = async (jsFlags: string): Promise<Browser> => {
    let b = browsers.get(jsFlags);
    if (!b) {
      b = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, `--js-flags=${jsFlags}`] });
      browsers.set(jsFlags, b);
    }
    return b;
  };
  const first = await browserFor(BASE_FLAGS);
  return {
    url,
    browser: first,
    chromiumVersion: first.version(),
    open: async (query = '', options = {}) =>
      openSession(
        await browserFor(options.jsFlags ? `${BASE_FLAGS} ${options.jsFlags}` : BASE_FLAGS),
        `${url}/index.html${query ? `?${query}` : ''}`,
      ),
    close: async () => {
      for (const b of browsers.values()) await b.close();
      server.close();
    },
  };
}

async function openSession(browser: Browser, href: string): Promise<AppSession> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('crash', () => errors.push('the page crashed'));
  const cdp = await context.newCDPSession(page);
  const workerCdp = await attachWorkers(cdp);
  await page.goto(href);
  const snapshot = (): Promise<Snapshot> => page.evaluate('window.__routelab.snapshot()') as Promise<Snapshot>;
  const session: AppSession = {
    page,
    context,
    errors,
    snapshot,
    async waitFor(what, ok, timeoutMs = 180_000) {
      const t0 = Date.now();
      let last: Snapshot | undefined;
      for (;;) {
        if (errors.includes('the page crashed')) throw new Error(`the page crashed while waiting for ${what}`);
        last = (await page.evaluate('window.__routelab ? window.__routelab.snapshot() : null')) as Snapshot | undefined;
        if (last && ok(last)) return last;
        if (last?.training.error) throw new Error(`training failed while waiting for ${what}: ${last.training.error}`);
        if (Date.now() - t0 > timeoutMs)
          throw new Error(
            `timed out after ${timeoutMs} ms waiting for ${what} (data ${last?.data.status}, training ${last?.training.status})`,
          );
        await page.waitForTimeout(100);
      }
    },
    async heap(collect = false) {
      if (collect) {
        await page.evaluate('window.__benchProbe.gc()');
        for (const w of page.workers()) await w.evaluate('typeof gc === "function" && gc()').catch(() => undefined);
      }
      const mine = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
      const worker = (await workerCdp('Runtime.getHeapUsage').catch(() => null)) as HeapUsage | null;
      const MB = 2 ** 20;
      return {
        pageMb: mine.usedSize / MB,
        workerMb: worker ? worker.usedSize / MB : null,
        pageBuffersMb: (mine.backingStorageSize ?? 0) / MB,
        workerBuffersMb: worker ? (worker.backingStorageSize ?? 0) / MB : null,
      };
    },
    async workerTensors() {
      // The training worker, not one of its nested workers (embedding, k-NN, UMAP: no tfjs there).
      const w = page
        .workers()
        .filter((x) => x.url().includes('training.worker'))
        .at(-1);
      if (!w) return null;
      return (await w.evaluate('globalThis._tfengine ? globalThis._tfengine.memory().numTensors : null')) as number | null;
    },
    probeStart: () => page.evaluate('window.__benchProbe.start()') as Promise<number>,
    probeStop: () => page.evaluate('window.__benchProbe.stop()') as Promise<ProbeRecord>,
    close: () => context.close(),
  };
  return session;
}

/**
 * CDP for the page's training worker: auto-attached (non-flat), commands sent through
 * Target.sendMessageToTarget; the newest training worker wins (a cancelled training restarts it).
 */
async function attachWorkers(cdp: CDPSession): Promise<(method: string, params?: object) => Promise<unknown>> {
  let sessionId: string | null = null;
  let nextId = 1;
  const waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker' && e.targetInfo.url.includes('training.worker')) sessionId = e.sessionId;
  });
  cdp.on('Target.detachedFromTarget', (e) => {
    if (e.sessionId === sessionId) sessionId = null;
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = msg.id === undefined ? undefined : waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id!);
    if (msg.error) w.fail(new Error(msg.error.message));
    else w.ok(msg.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return async (method, params = {}) => {
    if (!sessionId) throw new Error('no worker attached');
    const id = nextId++;
    const reply = new Promise<unknown>((ok, fail) => {
      waiting.set(id, { ok, fail });
      setTimeout(() => {
        if (waiting.delete(id)) fail(new Error(`worker CDP ${method} timed out`));
      }, 30_000);
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return reply;
  };
}

/** A tab of the explorer by its visible name. */
export function tab(page: Page, name: string) {
  return page.getByRole('tablist', { name: 'Explorer views' }).getByRole('tab', { name });
}

/** Waits for the demo's first training after boot (every session starts from there). */
export async function waitBooted(s: AppSession): Promise<Snapshot> {
  return s.waitFor(
    'the demo to load and train',
    (x) => x.session !== null && x.routing !== null && x.training.status !== 'running' && x.data.status === 'ready',
    120_000,
  );
}
