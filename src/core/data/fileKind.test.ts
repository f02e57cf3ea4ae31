import { describe, expect, it } from 'vitest';
import { notJsonReason } from './fileKind';

describe('notJsonReason', () => {
  it('accepts what may be JSON (objects and arrays, after a BOM or blanks)', () => {
    expect(notJsonReason('{"schema":"x"}')).toBeNull();
    expect(notJsonReason('\uFEFF  \n[1]')).toBeNull();
  });

  it('names the kind of a binary file instead of quoting its bytes', () => {
    // A PNG read as UTF-8 text starts with a replacement character where its 0x89 byte was.
    expect(notJsonReason('\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toBe('not a JSON text file: it looks like a PNG image');
    expect(notJsonReason('PK\u0003\u0004rest')).toMatch(/^not a JSON text file: it looks like a ZIP archive/);
    expect(notJsonReason('%PDF-1.7\n')).toBe('not a JSON text file: it looks like a PDF document');
    expect(notJsonReason('')).toBe('file is empty');
  });

  it('recognises CSV and HTML, and says what a router starts with otherwise', () => {
    expect(notJsonReason('prompt_id,text\nq1,hi\n')).toBe('not a JSON file: it looks like a CSV table');
    expect(notJsonReason('<!DOCTYPE html><html>')).toBe('not a JSON file: it looks like an HTML or XML document');
    expect(notJsonReason('hello')).toBe('not a JSON file: it does not start with { or [');
  });
});
