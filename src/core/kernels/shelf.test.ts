import { afterEach, describe, expect, it, vi } from 'vitest';
import { createShelf } from './shelf';

describe('createShelf', () => {
  afterEach(() => vi.useRealTimers());

  it('hands out the smallest kept item that fits, once; keeps the largest `capacity`; drops all when unused for `ms`', () => {
    vi.useFakeTimers();
    const shelf = createShelf<{ size: number }>((item) => item.size, 2, 1000);
    const [a, b, c] = [{ size: 10 }, { size: 30 }, { size: 20 }];
    shelf.put(a);
    shelf.put(b);
    shelf.put(c); // full: the smallest (a) goes
    expect(shelf.take(5)).toBe(c); // 20 is the smallest that fits
    expect(shelf.take(5)).toBe(b);
    expect(shelf.take(5)).toBeUndefined();
    shelf.put(a);
    expect(shelf.take(11)).toBeUndefined(); // too small: kept
    vi.advanceTimersByTime(999);
    shelf.put(b); // a put restarts the clock
    vi.advanceTimersByTime(999);
    expect(shelf.take(10)).toBe(a);
    vi.advanceTimersByTime(1);
    expect(shelf.take(1)).toBeUndefined(); // dropped: unused for 1000 ms
    shelf.put(c);
    shelf.put(c); // handed back twice (a kernel disposed twice): still one item
    expect(shelf.take(1)).toBe(c);
    expect(shelf.take(1)).toBeUndefined();
  });
});
