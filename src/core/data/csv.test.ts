import { describe, expect, it } from 'vitest';
import { parseCsvText } from './csv';
import { parseJsonlText } from './jsonl';

function ok<T>(r: { ok: true; data: T } | { ok: false; issues: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.data;
}

describe('parseCsvText', () => {
  it('reads quoted fields holding newlines, commas and doubled quotes', () => {
    const text = 'prompt_id,text\np1,"line one\nline two, with a comma"\np2,"she said ""hi"""\n';
    const t = ok(parseCsvText('prompts.csv', text));
    expect(t.header).toEqual(['prompt_id', 'text']);
    expect(t.rows).toEqual([
      ['p1', 'line one\nline two, with a comma'],
      ['p2', 'she said "hi"'],
    ]);
    // p1's record spans lines 2-3, so p2 is record 3 (not line 4).
    expect(Array.from(t.rowNumbers)).toEqual([2, 3]);
  });

  it('handles CRLF, a UTF-8 BOM and header whitespace; keeps LF inside quotes of a CRLF file', () => {
    const text = '\uFEFFprompt_id, text \r\np1,"a\nb"\r\np2,c\r\n';
    const t = ok(parseCsvText('x.csv', text));
    expect(t.header).toEqual(['prompt_id', 'text']);
    expect(t.rows).toEqual([
      ['p1', 'a\nb'],
      ['p2', 'c'],
    ]);
  });

  it('skips blank lines but still counts them, so rows match line numbers', () => {
    const t = ok(parseCsvText('x.csv', 'a,b\n1,2\n\n3,4\n\n'));
    expect(t.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(Array.from(t.rowNumbers)).toEqual([2, 4]);
  });

  it('accepts a header with no data rows (the layout decides whether that is an error)', () => {
    const t = ok(parseCsvText('x.csv', 'a,b\n'));
    expect(t.rows).toEqual([]);
  });

  it('reports every ragged row with its row number', () => {
    const r = parseCsvText('c.csv', 'a,b,c\n1,2,3\n1,2\n1,2,3,4\n');
    expect(r).toEqual({
      ok: false,
      issues: [
        { file: 'c.csv', row: 3, message: 'row has 2 fields but the header has 3' },
        { file: 'c.csv', row: 4, message: 'row has 4 fields but the header has 3 (quote fields that contain commas)' },
      ],
    });
  });

  it('rejects empty and whitespace-only files', () => {
    expect(parseCsvText('e.csv', '')).toEqual({ ok: false, issues: [{ file: 'e.csv', message: 'file is empty' }] });
    expect(parseCsvText('e.csv', ' \n\r\n')).toEqual({ ok: false, issues: [{ file: 'e.csv', message: 'file is empty' }] });
  });

  it('rejects a file whose first line is blank (no header)', () => {
    expect(parseCsvText('h.csv', '\np1,0\n')).toEqual({
      ok: false,
      issues: [{ file: 'h.csv', row: 1, message: 'no header row: the first line is blank' }],
    });
  });

  it('rejects binary files: NUL bytes, PNG, ZIP/xlsx, PDF', () => {
    const msg = (text: string): string => {
      const r = parseCsvText('b.csv', text);
      return r.ok ? 'ok' : r.issues[0].message;
    };
    expect(msg('a,b\n1,\u0000\n')).toBe('not a CSV text file: it contains NUL bytes (binary data)');
    expect(msg('\u0089PNG\r\n\u001a\n')).toBe('not a CSV text file: it looks like a PNG image');
    // A PNG read as UTF-8 text: 0x89 is not valid UTF-8 and becomes U+FFFD.
    expect(msg('\uFFFDPNG\r\n\u001a\n')).toBe('not a CSV text file: it looks like a PNG image');
    expect(msg('PK\u0003\u0004\u0014\u0000')).toBe(
      'not a CSV text file: it looks like a ZIP archive (an .xlsx workbook is one; export the sheet as CSV)',
    );
    expect(msg('%PDF-1.7\n')).toBe('not a CSV text file: it looks like a PDF document');
    expect(msg('x'.repeat(50) + '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f')).toBe(
      'not a CSV text file: 10 of its first 60 characters are binary or invalid UTF-8',
    );
  });

  it('tolerates the odd control character inside real text', () => {
    const t = ok(parseCsvText('x.csv', `a,b\n1,"colour \u001b[31mred\u001b[0m"\n${'2,plain\n'.repeat(100)}`));
    expect(t.rows.length).toBe(101);
  });

  it('reports unterminated and malformed quotes with their row', () => {
    const r = parseCsvText('q.csv', 'a,b\n1,"open\n2,x\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toEqual({ file: 'q.csv', row: 2, message: 'unterminated quoted field: a field opened with " is never closed' });
    const bad = parseCsvText('q.csv', 'a,b\n1,"x"y\n');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues[0]).toMatchObject({ file: 'q.csv', row: 2, message: expect.stringMatching(/^malformed quotes/) });
  });

  it('says so when a file is tab- or semicolon-separated', () => {
    expect(parseCsvText('t.csv', 'prompt_id;text\np1;hello\n')).toEqual({
      ok: false,
      issues: [
        {
          file: 't.csv',
          row: 1,
          message: 'header has one column "prompt_id;text": expected comma-separated values (this looks tab- or semicolon-separated)',
        },
      ],
    });
  });

  it('caps a flood of issues at 200 plus one "and N more" line', () => {
    const r = parseCsvText('f.csv', 'a,b\n' + '1\n'.repeat(250).replace(/\n/g, ',2,3\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.length).toBe(201);
    expect(r.issues[199]).toEqual({
      file: 'f.csv',
      row: 201,
      message: 'row has 3 fields but the header has 2 (quote fields that contain commas)',
    });
    expect(r.issues[200]).toEqual({ file: 'f.csv', message: 'and 50 more issues not shown' });
  });
});

describe('parseJsonlText', () => {
  it('reads one object per line; blank lines allowed; keys in order of first appearance; row = line', () => {
    const text = '{"prompt_id":"p1","score":1,"ok":true}\n\n{"prompt_id":"p2","score":0.5,"extra":null,"meta":{"a":1}}\r\n';
    const t = ok(parseJsonlText('l.jsonl', text));
    expect(t.header).toEqual(['prompt_id', 'score', 'ok', 'extra', 'meta']);
    expect(t.rows).toEqual([
      ['p1', '1', 'true', '', ''],
      ['p2', '0.5', '', '', '{"a":1}'],
    ]);
    expect(Array.from(t.rowNumbers)).toEqual([1, 3]);
  });

  it('reports every bad line with its line number', () => {
    const r = parseJsonlText('l.jsonl', '{"a":1}\n{"a":\n[1,2]\n"text"\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.row, i.message.replace(/:.*$/, '')])).toEqual([
      [2, 'invalid JSON'],
      [3, 'expected a JSON object on each line, got an array'],
      [4, 'expected a JSON object on each line, got a string'],
    ]);
  });

  it('recognises a JSON array, an empty file and binary data', () => {
    expect(parseJsonlText('a.jsonl', '[\n{"a":1}\n]')).toEqual({
      ok: false,
      issues: [{ file: 'a.jsonl', row: 1, message: 'this is a JSON array: expected JSON Lines (one JSON object per line)' }],
    });
    expect(parseJsonlText('a.jsonl', '\n\n')).toEqual({ ok: false, issues: [{ file: 'a.jsonl', message: 'file is empty' }] });
    expect(parseJsonlText('a.jsonl', 'PK\u0003\u0004')).toEqual({
      ok: false,
      issues: [
        {
          file: 'a.jsonl',
          message: 'not a JSON Lines text file: it looks like a ZIP archive (an .xlsx workbook is one; export the sheet as CSV)',
        },
      ],
    });
  });
});
