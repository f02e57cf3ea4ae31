/**
 * Where the column mappings the user gave are remembered between visits (localStorage, per header
 * set; see core/data/mappingMemory). Storage that is full or blocked only means nothing is recalled.
 */
import { parseMappingMemory, type MappingMemory } from '../core/data';

export const MAPPING_STORAGE_KEY = 'routelab-column-mappings-v1';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadMappingMemory(): MappingMemory {
  try {
    const raw = storage()?.getItem(MAPPING_STORAGE_KEY);
    return raw ? parseMappingMemory(JSON.parse(raw)) : {};
  } catch {
    return {};
  }
}

export function saveMappingMemory(memory: MappingMemory): void {
  try {
    storage()?.setItem(MAPPING_STORAGE_KEY, JSON.stringify(memory));
  } catch {
    /* storage full or blocked: the mapping is asked again next time */
  }
}
