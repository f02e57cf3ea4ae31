/**
 * Files from a drop, folders included: a dropped folder's files keep "folder/name" as their name,
 * so the dataset takes the folder's name (as `routelab --data DIR` does).
 */
import type { NamedBlob } from '../state/slices';
import { readUploads, uploadOf } from './common';

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?: (ok: (f: File) => void, fail: (e: unknown) => void) => void;
  createReader?: () => { readEntries: (ok: (entries: Entry[]) => void, fail: (e: unknown) => void) => void };
}

async function filesOf(entry: Entry, prefix: string, out: NamedBlob[]): Promise<void> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((ok, fail) => entry.file!(ok, fail));
    out.push(await uploadOf(file, `${prefix}${entry.name}`));
  } else if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    // readEntries answers in batches until it returns none.
    for (;;) {
      const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) break;
      for (const child of batch) await filesOf(child, `${prefix}${entry.name}/`, out);
    }
  }
}

/** The dropped files (read by the worker); a dropped folder contributes the files directly inside it and below. */
export async function readDropped(data: DataTransfer): Promise<NamedBlob[]> {
  const entries: Entry[] = [];
  for (const item of Array.from(data.items ?? [])) {
    const entry = (item.webkitGetAsEntry?.() ?? null) as Entry | null;
    if (entry) entries.push(entry);
  }
  if (entries.length === 0 || !entries.some((e) => e.isDirectory)) return readUploads(data.files);
  const out: NamedBlob[] = [];
  for (const entry of entries) await filesOf(entry, '', out);
  return out;
}
