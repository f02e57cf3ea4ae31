/**
 * The layer rules of eslint.config.js (docs/ARCHITECTURE.md): for every folder, each restriction
 * reports an import that breaks it and lets the allowed ones through, and the tree itself is clean.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });

interface Probe {
  /** A file of the layer (it need not exist). */
  file: string;
  bad: string[];
  good: string[];
}

const PROBES: Probe[] = [
  {
    file: 'src/core/eval/probe.ts',
    bad: [
      'react',
      'react-dom/client',
      'zustand',
      'recharts',
      'node:fs',
      'path',
      '../../state/store',
      '../../views/DataView',
      '../../workers/protocol',
      '../../app/App',
      '../../cli/run',
      '../../charts',
      '../eval/sweep',
    ],
    good: ['./sweep', '../routing/route', '../types', '@tensorflow/tfjs'],
  },
  {
    file: 'src/core/kernels/probe.ts',
    bad: [
      '../cluster',
      '../routing/clusterMap',
      '../eval',
      'react',
      'zustand',
      'recharts',
      'node:fs',
      '../../state/store',
      '../eval/sweep',
    ],
    good: ['../types', './wasmKernels'],
  },
  {
    file: 'src/core/explorer/probe.ts',
    bad: ['../eval/sweep', '../eval/sweepBuild', '../eval/trial', 'react', 'zustand', 'recharts', 'node:fs', '../../state/store'],
    good: ['../eval', '../eval/pipeline', '../routing/knn'],
  },
  {
    file: 'src/core/explorer/probe.test.ts',
    bad: ['../eval/curve', '../../state/store', 'react', 'zustand', 'recharts'],
    good: ['node:fs', '../eval/sharedData.node', '../eval', './pool'],
  },
  {
    file: 'src/core/data/probe.node.ts',
    bad: ['../../cli/load', '../eval/split', 'react', 'zustand', 'recharts'],
    good: ['node:fs', '../eval'],
  },
  {
    file: 'src/charts/Probe.tsx',
    bad: [
      '../state/store',
      '../views/DataView',
      '../workers/client',
      '../app/App',
      '../cli/run',
      'zustand',
      '@tensorflow/tfjs',
      '../core/eval/methods',
    ],
    good: ['react', 'recharts', './format', '../core/eval', '../core/types'],
  },
  {
    file: 'src/views/Probe.tsx',
    bad: [
      '../workers/protocol',
      '../app/App',
      '../cli/run',
      'zustand',
      '@tensorflow/tfjs',
      '../core/eval/methods',
      '../core/eval/pipeline',
      '../core/explorer/session',
    ],
    good: ['react', '../state/store', '../state/slices', '../charts', '../core/explorer', '../core/eval', '../core/types'],
  },
  {
    file: 'src/app/Probe.tsx',
    bad: ['../workers/protocol', '../cli/run', 'zustand', '@tensorflow/tfjs', '../core/routing/route'],
    good: ['react', '../views/DataView', '../state/store', '../charts', '../core/explorer'],
  },
  {
    file: 'src/main.tsx',
    bad: ['./workers/client', 'zustand', '@tensorflow/tfjs', './core/eval/methods'],
    good: ['react-dom/client', './app/App'],
  },
  {
    file: 'src/state/probe.ts',
    bad: ['../views/DataView', '../charts', '../app/App', '../cli/run', '@tensorflow/tfjs', '../core/eval/split'],
    good: ['zustand', '../workers/client', '../workers/protocol', '../core/eval', '../core/routerFile'],
  },
  {
    file: 'src/workers/probe.ts',
    bad: [
      '../state/store',
      '../state/slices',
      '../views/DataView',
      '../charts',
      '../app/App',
      '../cli/run',
      'react',
      'zustand',
      'recharts',
      '../core/eval/trial',
    ],
    good: ['../core/eval', '../core/eval/pipeline', '../core/explorer/session', '@tensorflow/tfjs', './protocol'],
  },
  {
    file: 'src/workers/probe.test.ts',
    bad: ['../state/store', '../state/slices', '../views/DataView', '../core/eval/split', 'react', 'zustand', 'recharts'],
    good: ['./handlers', '../core/defaults'],
  },
  {
    file: 'src/cli/probe.ts',
    bad: [
      '../workers/client',
      '../state/store',
      '../views/DataView',
      '../charts',
      '../app/App',
      'react-dom',
      'zustand',
      'recharts',
      '../core/eval/evaluate',
    ],
    good: ['node:fs', '../core/eval/pipeline', '../core/data/csv', '../core/routerFile'],
  },
  {
    file: 'bench/probe.ts',
    bad: [
      '../src/state/store',
      '../src/views/DataView',
      '../src/charts',
      '../src/cli/run',
      'react',
      'zustand',
      'recharts',
      '../src/core/eval/curve',
    ],
    good: ['node:fs', '../src/core/eval', '../src/core/kernels/lloydRun', '../src/app/viewLabels', '../src/workers/wasmPaths'],
  },
  {
    file: 'e2e/probe.spec.ts',
    bad: ['../src/core/explorer', '../src/state/store', '../src/app/App'],
    good: ['@playwright/test', '../src/app/testHook', '../src/app/viewLabels', './pages'],
  },
];

async function restricted(file: string, specs: string[]): Promise<{ line: number; message: string }[]> {
  const [result] = await eslint.lintText(specs.map((s) => `import '${s}';`).join('\n') + '\n', { filePath: file });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => ({ line: m.line, message: m.message }));
}

/** Every pattern message the config gives `file`. */
async function patternMessages(file: string): Promise<string[]> {
  const config = await eslint.calculateConfigForFile(file);
  const entry = config.rules?.['no-restricted-imports'];
  return Array.isArray(entry)
    ? entry.slice(1).flatMap((o: { patterns?: { message: string }[] }) => (o.patterns ?? []).map((p) => p.message))
    : [];
}

describe('layer rules (eslint.config.js)', () => {
  it.each(PROBES)('$file: every forbidden import is reported, every allowed one passes', async ({ file, bad, good }) => {
    const hits = await restricted(file, bad);
    expect(
      bad.filter((_, i) => !hits.some((h) => h.line === i + 1)),
      'not reported',
    ).toEqual([]);
    expect(await restricted(file, good), 'reported but allowed').toEqual([]);
  });

  it('each restriction of each folder is proved by a probe above', async () => {
    const unproved: string[] = [];
    for (const { file, bad } of PROBES) {
      const hits = await restricted(file, bad);
      for (const message of await patternMessages(file))
        if (!hits.some((h) => h.message.includes(message))) unproved.push(`${file}: ${message}`);
    }
    expect(unproved).toEqual([]);
  });

  it('the tree itself keeps every layer rule', async () => {
    const results = await eslint.lintFiles(['src', 'bench', 'e2e']);
    expect(results.length).toBeGreaterThan(200);
    const errors = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(errors).toEqual([]);
  });
});
