/**
 * What a file that should be JSON (a router file) is instead: the same detection as the CSV and
 * JSON Lines readers (images, archives, binary data), plus CSV and HTML, so a wrong file gets a
 * message naming its kind rather than a parser error quoting its bytes.
 */
import { notTextReason, stripBom } from './text';

/** Why `text` is not a JSON document, or null when it may be one (it starts with { or [). */
export function notJsonReason(text: string): string | null {
  const binary = notTextReason(text, 'JSON');
  if (binary) return binary;
  const body = stripBom(text).trimStart();
  if (body.startsWith('{') || body.startsWith('[')) return null;
  const firstLine = body.slice(0, 4096).split(/\r?\n/, 1)[0];
  if (/^<(\?xml|svg|!doctype|html)/i.test(body)) return 'not a JSON file: it looks like an HTML or XML document';
  if (/^[^,]+(,[^,]*)+$/.test(firstLine)) return 'not a JSON file: it looks like a CSV table';
  return 'not a JSON file: it does not start with { or [';
}
