import { describe, expect, it } from 'vitest';
import { rovingTarget } from './useRovingList';

describe('roving tab stop', () => {
  it('moves with arrows, Home / End and pages, staying inside the list', () => {
    expect(rovingTarget('ArrowDown', 3, 5)).toBe(4);
    expect(rovingTarget('ArrowDown', 4, 5)).toBe(4);
    expect(rovingTarget('ArrowUp', 0, 5)).toBe(0);
    expect(rovingTarget('Home', 3, 5)).toBe(0);
    expect(rovingTarget('End', 0, 5)).toBe(4);
    expect(rovingTarget('PageDown', 1, 50)).toBe(11);
    expect(rovingTarget('PageUp', 4, 50)).toBe(0);
    expect(rovingTarget('a', 1, 5)).toBeNull();
    expect(rovingTarget('ArrowDown', 0, 0)).toBeNull();
  });

  it('starts at the first row when none is active yet (a listbox with nothing selected)', () => {
    expect(rovingTarget('ArrowDown', -1, 5)).toBe(0);
    expect(rovingTarget('ArrowUp', -1, 5)).toBe(0);
    expect(rovingTarget('PageDown', -1, 50)).toBe(10);
    expect(rovingTarget('End', -1, 5)).toBe(4);
    expect(rovingTarget('Enter', -1, 5)).toBeNull();
    expect(rovingTarget('ArrowDown', -1, 0)).toBeNull();
  });
});
