import { describe, expect, it } from 'vitest';
import { formatTimeLeft, secondsLeft } from './timeLeft';

describe('time left', () => {
  it('extrapolates the elapsed time from the fraction done', () => {
    expect(secondsLeft(0.25, 10_000)).toBe(30);
    expect(secondsLeft(0.5, 4_000)).toBe(4);
    expect(secondsLeft(1, 4_000)).toBe(0);
  });
  it('says nothing before the fraction means something', () => {
    expect(secondsLeft(null, 1000)).toBeNull();
    expect(secondsLeft(0.01, 1000)).toBeNull();
    expect(secondsLeft(NaN, 1000)).toBeNull();
    // Just started: no estimate yet, whatever the fraction.
    expect(secondsLeft(0.45, 100)).toBeNull();
  });
  it('reads as words', () => {
    expect(formatTimeLeft(null)).toBe('estimating time left…');
    expect(formatTimeLeft(0.4)).toBe('almost done');
    expect(formatTimeLeft(0.4, 0.95)).toBe('almost done');
    expect(formatTimeLeft(0.4, 0.45)).toBe('a few seconds left');
    expect(formatTimeLeft(42.4)).toBe('about 42 s left');
    expect(formatTimeLeft(200)).toBe('about 3 min left');
  });
});
