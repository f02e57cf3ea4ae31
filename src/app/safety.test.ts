/**
 * Static safety checks over the app's source: prompt text is never
 * injected as HTML, and the only network request is the dataset URL the user types in.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

// The demo's prompt templates are prompt text (one shows JavaScript that calls fetch), not app code.
const files = sourceFiles(SRC)
  .map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }))
  .filter((f) => !/^core[\\/]demo[\\/]families/.test(f.path));

function filesMatching(pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(f.text)).map((f) => f.path.replace(/\\/g, '/'));
}

describe('app source safety', () => {
  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.path.endsWith('App.tsx'))).toBe(true);
  });

  it('never writes HTML from strings (no dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    expect(filesMatching(/dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/)).toEqual([]);
  });

  it('makes network requests only in the dataset-URL action', () => {
    expect(filesMatching(/\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket|new EventSource/)).toEqual(['state/dataActions.ts']);
  });
});
