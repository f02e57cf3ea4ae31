/** Benchmark data: parse and validate benchmark files into a typed Dataset (see loadDataset). */
export { loadDataset, classifyFiles, type LoadOptions, type FileRole } from './load';
export { parseEmbeddings, isEmbeddingsHeader, type EmbeddingsOptions } from './embeddings';
export { parseCsvText, type Table } from './csv';
export { parseJsonlText } from './jsonl';
export { guessMapping, DEFAULT_COLUMN_NAMES, type CanonicalColumn, type ColumnMapping } from './columns';
export { DEFAULT_ISSUE_CAP } from './issues';
export {
  headerKey,
  mappableColumns,
  recallMappings,
  rememberMappings,
  parseMappingMemory,
  type MappingMemory,
  type HeaderOf,
} from './mappingMemory';
export { notJsonReason } from './fileKind';
