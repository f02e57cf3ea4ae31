/**
 * Writes the bench problems as raw little-endian float32 files plus a manifest, under
 * bench/out/data, for the Python comparators and the Chromium page (served over HTTP).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvText } from '../src/core/data';
import type { Manifest } from './manifest';
import type { KMeansProblem, LearnedMapBenchProblem } from './problems';

function writeF32(dir: string, name: string, data: Float32Array): string {
  writeFileSync(join(dir, name), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return name;
}

export function readF32(path: string): Float32Array {
  const b = readFileSync(path);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/**
 * The prompt texts of real datasets under `root` (each folder's prompts.csv, column `text`), in
 * folder order; undefined when a folder is missing (the shared data is not in the repository).
 */
export function sharedPromptTexts(root: string, folders: string[]): string[] | undefined {
  const texts: string[] = [];
  for (const folder of folders) {
    const file = join(root, folder, 'prompts.csv');
    if (!existsSync(file)) return undefined;
    const parsed = parseCsvText(file, readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => i.message).join('; ')}`);
    const column = parsed.data.header.indexOf('text');
    if (column < 0) throw new Error(`${file}: no 'text' column`);
    for (const row of parsed.data.rows) texts.push(row[column]);
  }
  return texts;
}

export function writeProblems(dir: string, kmeans: KMeansProblem[], learnedMap: LearnedMapBenchProblem[]): Manifest {
  mkdirSync(dir, { recursive: true });
  const manifest: Manifest = {
    kmeans: kmeans.map((p) => ({
      id: p.id,
      about: p.about,
      n: p.n,
      d: p.d,
      k: p.k,
      iterations: p.iterations,
      points: writeF32(dir, `${p.id}.points.f32`, p.points.data),
      init: writeF32(dir, `${p.id}.init.f32`, p.init.data),
    })),
    learnedMap: learnedMap.map((p) => ({
      id: p.id,
      n: p.n,
      d: p.d,
      k: p.k,
      h: p.h,
      batchSize: p.batchSize,
      learningRate: p.learningRate,
      l2: p.l2,
      x: writeF32(dir, `${p.id}.x.f32`, p.x.data),
      errors: writeF32(dir, `${p.id}.errors.f32`, p.errors),
      psi: writeF32(dir, `${p.id}.psi.f32`, p.psi),
      theta: writeF32(dir, `${p.id}.theta.f32`, p.theta),
    })),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}
