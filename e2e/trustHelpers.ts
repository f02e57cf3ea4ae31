/** Shared steps of the "trust the numbers" specs: panel screenshots at two widths, frame gaps while the worker runs. */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, snapshot, type HookSnapshot } from './fixtures';

export type TrustSnapshot = HookSnapshot['trust'];

export async function trust(page: Page): Promise<TrustSnapshot> {
  return (await snapshot(page)).trust;
}

/** Screenshots one panel at 1440 and 1024 px wide; at 1024 the page must not scroll sideways. */
export async function shootPanel(page: Page, panelId: string, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: width === 1440 ? 960 : 768 });
    // Charts measured with ResizeObserver redraw at the new width a frame or two later.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
        message: `${name} overflows sideways at ${width}px`,
        timeout: 5_000,
      })
      .toBeLessThanOrEqual(0);
    await page.waitForTimeout(200);
    // A clip of the full page, so the sticky header does not cover the panel's title.
    const clip = await page.locator(`#${panelId}`).evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
    });
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${width}.png`, fullPage: true, clip });
  }
  await page.setViewportSize({ width: 1440, height: 960 });
}

/** Gaps between animation frames (ms) over the next `frames` frames: the main thread's responsiveness. */
export async function frameGaps(page: Page, frames = 12): Promise<number[]> {
  return page.evaluate(
    (count) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = -1;
        const tick = (t: number) => {
          if (last >= 0) out.push(t - last);
          last = t;
          if (out.length < count) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * Clicks a job's Cancel button from inside the page on the first animation frame it exists, so a
 * short job cannot finish between "running" and a click that waits for the button to settle.
 */
export async function cancelAtOnce(page: Page, testId: string): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const button = document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
      button?.click();
      return button !== null;
    },
    testId,
    { polling: 'raf' },
  );
}
