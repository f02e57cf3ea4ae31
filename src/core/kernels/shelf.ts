/**
 * A few large buffers kept on a thread for reuse, each taken at most once, and all dropped when
 * none was handed back for `ms` (an idle thread does not hold tens of megabytes). The Lloyd
 * kernels keep their wasm memory here, and the sharded k-means engine the blocks its workers hand
 * back: the pages of a fresh buffer are faulted in on first write, which costs about twice the
 * copy that fills it.
 */
export interface Shelf<T> {
  /** The smallest kept item of at least `size`, removed from the shelf; undefined when none fits. */
  take(size: number): T | undefined;
  /** Keeps `item` (the smallest goes when the shelf is full). */
  put(item: T): void;
}

export function createShelf<T>(sizeOf: (item: T) => number, capacity: number, ms = 10_000): Shelf<T> {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    take(size) {
      let best = -1;
      items.forEach((item, i) => {
        if (sizeOf(item) >= size && (best < 0 || sizeOf(item) < sizeOf(items[best]))) best = i;
      });
      return best < 0 ? undefined : items.splice(best, 1)[0];
    },
    put(item) {
      if (items.includes(item)) return; // handed back twice: still one item
      items.push(item);
      items.sort((a, b) => sizeOf(b) - sizeOf(a));
      items = items.slice(0, capacity);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        items = [];
        timer = undefined;
      }, ms);
      // Node: a pending drop must not keep a finished command running.
      (timer as { unref?: () => void }).unref?.();
    },
  };
}
