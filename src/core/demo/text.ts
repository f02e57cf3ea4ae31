/**
 * Small text-building kit for the synthetic demo prompts: every choice goes through the seeded Rng,
 * so the same seed gives byte-identical prompts in Node and in the browser.
 */
import type { Rng } from '../rng';

/** Difficulty level of a template: easy and hard variants are worded differently on purpose. */
export type Level = 'easy' | 'hard';

/** Builds one prompt text from the generator. */
export type Template = (rng: Rng) => string;

/** One task family: its name (Prompt.task), base difficulty and its easy / hard templates. */
export interface FamilySpec {
  task: string;
  /** Added to every prompt's latent difficulty (logit units). */
  difficulty: number;
  easy: readonly Template[];
  hard: readonly Template[];
  /**
   * The family's "house style": instruction lines that real benchmarks put around their items.
   * Sometimes added before / after a prompt; they give a family shared vocabulary to cluster on.
   */
  prefixes: readonly string[];
  suffixes: readonly string[];
}

/** One item of `items`, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

/** Uniform integer in [lo, hi] (both inclusive). */
export function between(rng: Rng, lo: number, hi: number): number {
  return lo + rng.int(hi - lo + 1);
}

/** `n` distinct items of `items` in random order (n <= items.length). */
export function pickDistinct<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = items.slice();
  const out: T[] = [];
  for (let i = 0; i < n && pool.length > 0; i++) out.push(pool.splice(rng.int(pool.length), 1)[0]);
  return out;
}

/** `text` with its first letter upper-cased. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `word` preceded by "a" or "an" by its sound: vowels, and numbers read "eight..", "eleven", "eighteen". */
export function withArticle(word: string): string {
  const an = /^[aeiou]/i.test(word) || /^(8|1[18](?!\d))/.test(word);
  return `${an ? 'an' : 'a'} ${word}`;
}

/** `n` followed by `noun`, with a plural "s" unless n is 1. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Joins items as "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Multiple-choice options "(A) x (B) y ..." on one line or one per line. */
export function options(items: readonly string[], perLine = false): string {
  const parts = items.map((item, i) => `(${String.fromCharCode(65 + i)}) ${item}`);
  return perLine ? parts.join('\n') : parts.join(' ');
}

/** Given names used across families (fictional people in word problems and stories). */
export const NAMES = [
  'Amira',
  'Ben',
  'Chloe',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Keiko',
  'Liam',
  'Maya',
  'Nikhil',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Samir',
  'Tara',
  'Umar',
  'Vera',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Marta',
  'Tomas',
  'Priya',
  'Oscar',
  'Lena',
  'Kofi',
] as const;

/** Fictional towns, so no place text is borrowed from any benchmark. */
export const TOWNS = [
  'Brookfield',
  'Larkspur Bay',
  'Eastmere',
  'Westholm',
  'Port Alden',
  'Cedar Falls',
  'Millbridge',
  'Northgate',
  'Ravensworth',
  'Silverdale',
  'Thornbury',
  'Oakhaven',
  'Kestrel Point',
  'Dunmore',
] as const;
