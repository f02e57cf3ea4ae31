/**
 * The shift preview, "is routing paying?" and the prompt-list reader run on the browser's main
 * thread: nothing reachable from src/core/insight/index.ts may import tfjs or Node built-ins (the
 * onboarding simulator, which trains, is outside that face). The walk is the import-graph helper's,
 * as in routerFile/portable.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../../importGraph.test-util';

const packagesFrom = (file: string) => [...importGraph([path.join(__dirname, file)]).packages.keys()];

describe('src/core/insight is plain TypeScript (no tfjs) but for the onboarding simulator', () => {
  it('its index reaches no tfjs and no Node built-ins', () => {
    const { files, packages } = importGraph([path.join(__dirname, 'index.ts')]);
    expect([...packages.keys()].filter((p) => p.startsWith('@tensorflow') || p.startsWith('node:'))).toEqual([]);
    for (const file of files) expect(file.includes(`${path.sep}tf${path.sep}`), file).toBe(false);
  });

  it('the onboarding simulator does reach tfjs (so the check above can fail)', () => {
    expect(packagesFrom('onboard.ts').some((p) => p.startsWith('@tensorflow'))).toBe(true);
  });
});
