/**
 * The layer rule (shared DESIGN.md): src/core is pure TypeScript and imports no React, DOM, zustand,
 * UI code or Node built-ins. ESLint's no-restricted-imports enforces it; this test checks both that
 * the rule fires on a probe and that the real core is clean.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

describe('core layer rule', () => {
  it('rejects React, zustand, UI and Node imports inside src/core', async () => {
    const probe = [
      "import { useState } from 'react';",
      "import { create } from 'zustand';",
      "import { readFileSync } from 'node:fs';",
      "import { useStore } from '../state/store';",
      'export const all = [useState, create, readFileSync, useStore];',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(probe, { filePath: 'src/core/eval/probe.ts' });
    const restricted = result.messages.filter((m) => m.ruleId === 'no-restricted-imports');
    expect(restricted).toHaveLength(4);
  });

  it('src/core itself passes the rule', async () => {
    const results = await eslint.lintFiles(['src/core/**/*.ts']);
    const errors = results.flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId} ${m.message}`),
    );
    expect(errors).toEqual([]);
  });
});
