/**
 * The nested embedding worker's side of embedShard.ts: document frequencies, then embeddings, of the
 * texts of its first request. Imports the embedder only (no tfjs), so the worker starts fast.
 */
import { documentFrequencies, embedTexts, type EmbedderSettings } from '../core/embed';

export type EmbedShardRequest = { type: 'df'; texts: string[]; buckets: number } | { type: 'embed'; settings: EmbedderSettings };
export type EmbedShardReply = { type: 'df'; df: Float64Array } | { type: 'embed'; data: Float32Array } | { type: 'error'; message: string };

export function createEmbedShardHandler(reply: (r: EmbedShardReply, transfer: Transferable[]) => void): (m: EmbedShardRequest) => void {
  let texts: string[] = [];
  return (m) => {
    try {
      if (m.type === 'df') {
        texts = m.texts;
        const df = documentFrequencies(texts, m.buckets);
        reply({ type: 'df', df }, [df.buffer]);
      } else {
        const { data } = embedTexts(texts, m.settings);
        reply({ type: 'embed', data }, [data.buffer]);
      }
    } catch (e) {
      reply({ type: 'error', message: e instanceof Error ? e.message : String(e) }, []);
    }
  };
}
