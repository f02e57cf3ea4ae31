/**
 * Fixtures: page objects, the read-only test hook window.__routelab, and an app that has loaded the
 * demo and finished its first training (every spec starts from there, in a fresh browser context).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { AddModelPage, DataPage, ExplorerPage, ExportPage, PenaltyPage, RoutingPage, TrainPage } from './pages';

import type { RouteLabTestHook } from '../src/app/testHook';

/** What window.__routelab.snapshot() returns (the hook module also declares window.__routelab). */
export type HookSnapshot = ReturnType<RouteLabTestHook['snapshot']>;

export const ARTIFACTS = 'e2e/artifacts';

/** The app's state as numbers (never pixels). */
export async function snapshot(page: Page): Promise<HookSnapshot> {
  return page.evaluate(() => window.__routelab!.snapshot());
}

/** Waits until the first training finished (or failed: then the error shows in the assertion). */
export async function waitTrained(page: Page, timeout = 120_000): Promise<HookSnapshot> {
  await page.waitForFunction(
    () => {
      const s = window.__routelab?.snapshot();
      return (
        !!s &&
        (s.training.status === 'error' ||
          s.backendError !== null ||
          (s.session !== null && s.routing !== null && s.training.status !== 'running'))
      );
    },
    undefined,
    { timeout },
  );
  const s = await snapshot(page);
  expect(s.training.error, 'training error').toBeNull();
  expect(s.backendError, 'backend error').toBeNull();
  return s;
}

/** Waits for the next training to finish (e.g. the one a load starts), and for its routing. */
export async function nextTraining(page: Page, runs: number): Promise<HookSnapshot> {
  await expect.poll(async () => (await snapshot(page)).training.runs, { timeout: 120_000 }).toBeGreaterThan(runs);
  return waitTrained(page);
}

/** A record of the app's IndexedDB key-value store (what a reload reads), or undefined. */
export async function storedRecord(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise((resolve) => {
        const open = indexedDB.open('routelab');
        // Never create the app's database here (it would skip the app's own upgrade).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onsuccess = () => {
          try {
            const get = open.result.transaction('kv').objectStore('kv').get(k);
            get.onsuccess = () => {
              resolve(get.result);
              open.result.close();
            };
            get.onerror = () => resolve(undefined);
          } catch {
            open.result.close();
            resolve(undefined);
          }
        };
        open.onerror = () => resolve(undefined);
      }),
    key,
  );
}

export async function screenshotView(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // From the top: a full-page shot of a scrolled page paints the sticky header mid-page.
  const scrolled = await page.evaluate(() => {
    const y = window.scrollY;
    window.scrollTo(0, 0);
    return y;
  });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  await page.evaluate((y) => window.scrollTo(0, y), scrolled);
}

interface Fixtures {
  explorer: ExplorerPage;
  data: DataPage;
  trainPage: TrainPage;
  routing: RoutingPage;
  addModel: AddModelPage;
  exportPage: ExportPage;
  penalty: PenaltyPage;
  /** The app on the demo, trained, showing the Routing view. */
  trained: HookSnapshot;
}

export const test = base.extend<Fixtures>({
  explorer: async ({ page }, provide) => provide(new ExplorerPage(page)),
  data: async ({ page }, provide) => provide(new DataPage(page)),
  trainPage: async ({ page }, provide) => provide(new TrainPage(page)),
  routing: async ({ page }, provide) => provide(new RoutingPage(page)),
  addModel: async ({ page }, provide) => provide(new AddModelPage(page)),
  exportPage: async ({ page }, provide) => provide(new ExportPage(page)),
  penalty: async ({ page }, provide) => provide(new PenaltyPage(page)),
  trained: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('./');
    const s = await waitTrained(page);
    await provide(s);
    expect(errors, 'uncaught page errors').toEqual([]);
  },
});

export { expect };
