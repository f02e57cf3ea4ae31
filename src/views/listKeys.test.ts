import { describe, expect, it } from 'vitest';
import { nextIndex } from './listKeys';

describe('prompt list keys', () => {
  it('moves by one with the arrows, by ten with Page keys, to the ends with Home / End, clamped', () => {
    expect(nextIndex('ArrowDown', 3, 50)).toBe(4);
    expect(nextIndex('ArrowUp', 3, 50)).toBe(2);
    expect(nextIndex('ArrowUp', 0, 50)).toBe(0);
    expect(nextIndex('ArrowDown', 49, 50)).toBe(49);
    expect(nextIndex('PageDown', 45, 50)).toBe(49);
    expect(nextIndex('PageUp', 5, 50)).toBe(0);
    expect(nextIndex('Home', 30, 50)).toBe(0);
    expect(nextIndex('End', 3, 50)).toBe(49);
  });

  it('starts at the first prompt when nothing listed is selected, and ignores other keys', () => {
    expect(nextIndex('ArrowDown', -1, 5)).toBe(0);
    expect(nextIndex('ArrowUp', -1, 5)).toBe(0);
    expect(nextIndex('Enter', 2, 5)).toBeNull();
    expect(nextIndex('ArrowDown', -1, 0)).toBeNull();
  });
});
