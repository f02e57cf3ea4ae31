/**
 * Headless Chromium for `npm run bench`: builds bench.html with Vite into bench/out/page, serves
 * bench/out from a tiny node:http static server on 127.0.0.1 (no COOP/COEP headers, so tfjs-wasm
 * stays single-threaded as in the app), and drives the page through window.routelabBench.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import type { BenchApi } from './page/main';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.f32': 'application/octet-stream',
};

export const CHROMIUM_ARGS = ['--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** Serves files under `root` (GET only, no directory listing, no path escape). */
export function serveStatic(root: string): Promise<{ server: Server; url: string }> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = normalize(join(base, decodeURIComponent((req.url ?? '/').split('?')[0])));
    if (!path.startsWith(base) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

export interface BenchPage {
  chromiumVersion: string;
  call<K extends keyof BenchApi>(method: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>>;
  close(): Promise<void>;
}

export async function buildBenchPage(): Promise<void> {
  await build({ configFile: resolve(import.meta.dirname ?? '.', 'vite.bench.config.ts') });
}

/** Opens the built page (bench/out/page/bench.html) in headless Chromium. */
export async function openBenchPage(outDir: string, executablePath: string): Promise<BenchPage> {
  const { server, url } = await serveStatic(outDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const page: Page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/page/bench.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 }).catch(() => {
      throw new Error(`bench page did not start: ${errors.join('; ') || 'no error reported'}`);
    });
    const b = browser;
    return {
      chromiumVersion: b.version(),
      call: (method, ...args) =>
        page.evaluate(
          ([m, a]) =>
            (globalThis as unknown as { routelabBench: Record<string, (...x: unknown[]) => Promise<unknown>> }).routelabBench[m](...a),
          [method, args] as [string, unknown[]],
        ) as never,
      close: async () => {
        await b.close();
        server.close();
      },
    };
  } catch (e) {
    await browser?.close();
    server.close();
    throw e;
  }
}
