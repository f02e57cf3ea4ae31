/**
 * The router's provenance data hash: 64-bit FNV-1a over a canonical serialisation of a Dataset, so
 * the same benchmark content gives the same 16 hex digits in Node and the browser, whatever its file
 * layout (wide or long CSV, JSONL) or row order within a file was.
 */
import type { Dataset } from '../types';

/** Incremental 64-bit FNV-1a, kept as four 16-bit limbs so plain doubles never lose bits. */
export interface Fnv64 {
  update(bytes: Uint8Array): void;
  updateText(text: string): void;
  hex(): string;
}

export function createFnv64(): Fnv64 {
  // Offset basis 0xcbf29ce484222325; prime 0x100000001b3 = 2^40 + 0x1b3.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const encoder = new TextEncoder();
  const update = (bytes: Uint8Array): void => {
    for (let i = 0; i < bytes.length; i++) {
      h0 ^= bytes[i];
      // h * 0x1b3 limb by limb, plus h << 40 (limbs 0 and 1 shifted by 8 bits into limbs 2 and 3).
      const t0 = h0 * 0x1b3;
      let t1 = h1 * 0x1b3;
      let t2 = h2 * 0x1b3 + (h0 << 8);
      let t3 = h3 * 0x1b3 + (h1 << 8);
      t1 += t0 >>> 16;
      h0 = t0 & 0xffff;
      t2 += t1 >>> 16;
      h1 = t1 & 0xffff;
      t3 += t2 >>> 16;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
  };
  const hex4 = (x: number) => x.toString(16).padStart(4, '0');
  return {
    update,
    updateText: (text) => update(encoder.encode(text)),
    hex: () => hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0),
  };
}

/** FNV-1a 64 of a string's UTF-8 bytes, 16 hex digits. */
export function fnv1a64(text: string): string {
  const h = createFnv64();
  h.updateText(text);
  return h.hex();
}

/**
 * Canonical content: one JSON line per model [name, cost], the cost unit, one line per prompt
 * [id, text, task, scores...] (NaN as null) with prompts sorted by id and scores in model-name
 * order, then the embeddings' float32 bytes (little-endian) in the same prompt order.
 */
export function datasetHash(dataset: Dataset): string {
  const h = createFnv64();
  const m = dataset.models.length;
  const modelOrder = dataset.models.map((_, j) => j).sort((a, b) => cmp(dataset.models[a].name, dataset.models[b].name));
  for (const j of modelOrder) h.updateText(JSON.stringify([dataset.models[j].name, dataset.models[j].cost]) + '\n');
  h.updateText(JSON.stringify(['costUnit', dataset.costUnit]) + '\n');
  const promptOrder = dataset.prompts.map((_, i) => i).sort((a, b) => cmp(dataset.prompts[a].id, dataset.prompts[b].id));
  for (const i of promptOrder) {
    const p = dataset.prompts[i];
    const scores = modelOrder.map((j) => {
      const s = dataset.scores[i * m + j];
      return Number.isNaN(s) ? null : s;
    });
    h.updateText(JSON.stringify([p.id, p.text, p.task ?? null, ...scores]) + '\n');
  }
  const e = dataset.embeddings;
  if (e) {
    h.updateText(`embeddings ${e.rows}x${e.cols}\n`);
    const row = new DataView(new ArrayBuffer(e.cols * 4));
    for (const i of promptOrder) {
      for (let d = 0; d < e.cols; d++) row.setFloat32(d * 4, e.data[i * e.cols + d], true);
      h.update(new Uint8Array(row.buffer));
    }
  }
  return h.hex();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
