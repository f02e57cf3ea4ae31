import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { curvesCsv, metricsCsv, neutraliseCell, toSafeCsv, validationPromptsCsv } from './csvExport';
import { buildSessionBase } from './session';
import { evaluatePool } from './pool';
import { tinyDataset, tinyEmbeddings, tinyRouter, TINY_SETUP } from './fixture.test-util';

describe('CSV export', () => {
  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx', 'safe', ''].map(neutraliseCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@cmd",
      "'\tx",
      "'\rx",
      'safe',
      '',
    ]);
    // Quoting comes after neutralising: a formula with a comma stays one (quoted, prefixed) cell.
    expect(toSafeCsv([['=HYPERLINK("x","y")', 1.5, null]])).toBe('"\'=HYPERLINK(""x"",""y"")",1.5,\n');
  });

  it('writes every front point and metric of the tiny session', () => {
    const pool = evaluatePool(buildSessionBase(tinyDataset(), tinyEmbeddings(), TINY_SETUP, tinyRouter()));
    const curves = Papa.parse<string[]>(curvesCsv(pool).trim()).data;
    expect(curves[0]).toEqual(['method', 'label', 'kind', 'normalised_cost', 'accuracy', 'cost_penalty', 'estimated']);
    const km = curves.filter((r) => r[0] === 'uniroute-kmeans');
    // Front of the fixture: (0.1, 0.5) and (0.15, 1).
    expect(km.map((r) => [Number(r[3]).toFixed(2), r[4]])).toEqual([
      ['0.10', '0.5'],
      ['0.15', '1'],
    ]);
    expect(curves.filter((r) => r[2] === 'llm').map((r) => r[1])).toEqual(['cheap', 'strong', 'spec']);
    const metrics = Papa.parse<string[]>(metricsCsv(pool).trim()).data;
    expect(metrics[0]).toEqual(['method', 'label', 'area', 'area50', 'qnc', 'aiq', 'peak_accuracy', 'estimated']);
    const row = metrics.find((r) => r[0] === 'uniroute-kmeans')!;
    expect(Number(row[2])).toBeCloseTo(0.9375, 12);
    expect(row[1]).toBe('UniRoute (K-means)');
  });

  it('lists the validation prompts with a blank score column, text neutralised, ids verbatim', () => {
    const csv = validationPromptsCsv({
      validationPrompts: [
        { id: 'v1', text: '=cmd, "quoted"\nline', cluster: 3 },
        { id: 'v2', text: 'plain', cluster: 0 },
      ],
    });
    expect(csv).toBe('prompt_id,text,cluster,score\nv1,"\'=cmd, ""quoted""\nline",3,\nv2,plain,0,\n');
  });
});

describe('fileHeaders', () => {
  it('reads the header of each CSV file, skipping others', async () => {
    const { fileHeaders } = await import('./headers');
    expect(
      fileHeaders([
        { name: 'a.csv', text: '\uFEFFid, question ,"ans, wer"\n1,2,3\n' },
        { name: 'b.jsonl', text: '{}' },
      ]),
    ).toEqual([{ file: 'a.csv', columns: ['id', 'question', 'ans, wer'] }]);
  });
});
