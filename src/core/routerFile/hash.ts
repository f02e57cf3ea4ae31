/**
 * The router's provenance data hash: 64-bit FNV-1a over a canonical serialisation of a Dataset, so
 * the same benchmark content gives the same 16 hex digits in Node and the browser, whatever its file
 * layout (wide or long CSV, JSONL) or row order within a file was.
 */
import type { Dataset } from '../types';

/** Incremental 64-bit FNV-1a over UTF-8 bytes. */
export interface Fnv64 {
  update(bytes: Uint8Array): void;
  updateText(text: string): void;
  hex(): string;
}

/**
 * FNV-1a 64 over bytes[0..n) from the state [high, low] (two int32 halves), in place. h * prime
 * mod 2^64 = h * 0x1b3 + (low << 40) in int32 arithmetic: low * 0x1b3 in 16-bit halves (products
 * < 2^26) gives the low word and the carry; Math.imul the high word's low 32 bits. A top-level
 * function over a whole buffer and a length: Chromium ran the same loop in a closure over a fresh
 * subarray per line several times slower (and so did a per-character loop in a closure).
 */
function fnvBytes(state: Int32Array, bytes: Uint8Array, n: number): void {
  let a = state[0];
  let b = state[1];
  for (let i = 0; i < n; i++) {
    b ^= bytes[i];
    const tL = (b & 0xffff) * 0x1b3;
    const tH = (b >>> 16) * 0x1b3 + (tL >>> 16);
    a = (Math.imul(a, 0x1b3) + (b << 8) + (tH >>> 16)) | 0;
    b = (tH << 16) | (tL & 0xffff);
  }
  state[0] = a;
  state[1] = b;
}

/** fnvBytes over the UTF-8 of text's ASCII prefix (its char codes); returns where that prefix ends. */
function fnvAscii(state: Int32Array, text: string): number {
  let a = state[0];
  let b = state[1];
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) break;
    b ^= c;
    const tL = (b & 0xffff) * 0x1b3;
    const tH = (b >>> 16) * 0x1b3 + (tL >>> 16);
    a = (Math.imul(a, 0x1b3) + (b << 8) + (tH >>> 16)) | 0;
    b = (tH << 16) | (tL & 0xffff);
  }
  state[0] = a;
  state[1] = b;
  return i;
}

export function createFnv64(): Fnv64 {
  // Offset basis 0xcbf29ce484222325 as two 32-bit halves; prime 0x100000001b3 = 2^40 + 0x1b3.
  const state = Int32Array.of(0xcbf29ce4 | 0, 0x84222325 | 0);
  const encoder = new TextEncoder();
  let buf = new Uint8Array(1 << 12);
  const updateText = (text: string): void => {
    // UTF-8 of ASCII is its char codes: hashed straight from the string. From the first other
    // character on, encodeInto writes the bytes into one reused buffer (at most 3 per code unit).
    const ascii = fnvAscii(state, text);
    if (ascii === text.length) return;
    const rest = text.slice(ascii);
    if (buf.length < 3 * rest.length) buf = new Uint8Array(Math.max(3 * rest.length, 2 * buf.length));
    fnvBytes(state, buf, encoder.encodeInto(rest, buf).written);
  };
  const hex8 = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return { update: (bytes) => fnvBytes(state, bytes, bytes.length), updateText, hex: () => hex8(state[0]) + hex8(state[1]) };
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
  // Each line is hashed piece by piece: the bytes of JSON.stringify([id, text, task, ...scores]) + '\n'
  // without building the line (a score is JSON's number, NaN and non-finite values null).
  for (const i of promptOrder) {
    const p = dataset.prompts[i];
    h.updateText('[');
    h.updateText(JSON.stringify(p.id));
    h.updateText(',');
    h.updateText(JSON.stringify(p.text));
    h.updateText(p.task === undefined || p.task === null ? ',null' : ',' + JSON.stringify(p.task));
    for (const j of modelOrder) {
      const s = dataset.scores[i * m + j];
      h.updateText(s === 0 ? ',0' : s === 1 ? ',1' : Number.isFinite(s) ? ',' + JSON.stringify(s) : ',null');
    }
    h.updateText(']\n');
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
