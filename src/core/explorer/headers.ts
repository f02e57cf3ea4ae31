/** Header row of each uploaded CSV file, for the Data view's column-mapping step. */
import Papa from 'papaparse';
import type { NamedText } from '../types';

/** The first record of every .csv file (BOM stripped, cells trimmed); other files are skipped. */
export function fileHeaders(files: readonly NamedText[]): { file: string; columns: string[] }[] {
  return files
    .filter((f) => /\.csv$/i.test(f.name))
    .map((f) => {
      const head = f.text.replace(/^\uFEFF/, '').slice(0, Math.max(65536, f.text.indexOf('\n') + 1));
      const parsed = Papa.parse<string[]>(head, { delimiter: ',', preview: 1 });
      return { file: f.name, columns: (parsed.data[0] ?? []).map((c) => c.trim()).filter((c) => c !== '') };
    });
}
