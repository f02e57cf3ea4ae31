/**
 * One training path: the explorer's training handler (here on the main thread, as the app's
 * fallback runs it) and `routelab train` write the same router file for the same data, settings
 * and seed, apart from the time stamp.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetDir } from './core/data/readDir.node';
import { DEFAULTS } from './core/defaults';
import { DEMO_TEST_POOL } from './core/demo';
import { serializeRouter } from './core/routerFile';
import { run } from './cli/run';
import { captureIo } from './cli/testIo.test-util';
import { DEFAULT_SETTINGS } from './state/slices';
import { SAMPLE_DIR, SAMPLE_NAME } from './testing/datasets.node';
import { handlerHarness, type HarnessRequest } from './workers/handlerHarness.test-util';
import type { ProgressEvent, RequestType, ResultOf, TrainSettings } from './workers/protocol';

/** The handler as the client drives it: one request at a time, its result or its error, and every progress event. */
function mainThreadHandler() {
  const send = handlerHarness();
  const events: ProgressEvent[] = [];
  return {
    progress: (): ProgressEvent[] => events,
    async request<T extends RequestType>(request: HarnessRequest<T>): Promise<ResultOf[T]> {
      const { result, progress } = send(request);
      try {
        return (await result) as ResultOf[T];
      } finally {
        events.push(...progress);
      }
    },
  };
}

/** A router file's JSON without its creation time. */
function withoutTimestamp(text: string): unknown {
  const json = JSON.parse(text);
  expect(json.provenance.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  delete json.provenance.createdAt;
  return json;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** `routelab train` in-process; the router file's text. */
async function cliTrain(args: string[]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelab-one-path-'));
  dirs.push(dir);
  const io = captureIo();
  const code = await run(['train', '--data', SAMPLE_DIR, ...args, '--out', path.join(dir, 'router.json')], io);
  expect(code, io.stderr.join('\n')).toBe(0);
  return readFileSync(path.join(dir, 'router.json'), 'utf8');
}

describe('the app and `routelab train` train the same router', () => {
  it('on the in-repo sample with the Train view settings given as flags (learned map)', async () => {
    const app = mainThreadHandler();
    await app.request({ type: 'init', prefer: ['wasm', 'cpu'] });
    // Uploaded as the app reads a dataset folder: the three files as Files (the worker reads them) and the folder's name.
    const files = readDatasetDir(SAMPLE_DIR).map((f) => ({
      name: path.basename(f.name),
      blob: new Blob([f.text]),
      head: f.text.slice(0, 4096),
    }));
    const loaded = await app.request({ type: 'load', files, name: SAMPLE_NAME });
    expect(loaded.ok).toBe(true);
    const settings: TrainSettings = {
      k: 6,
      seed: 3,
      method: 'learnedmap',
      testModels: ['gemma-2-9b-it', 'llama3-chatqa-1.5-70b', 'qwen2.5-7b-instruct'],
      fractions: { train: 0.5, val: 0.2, test: 0.3 },
      epochs: 20,
      maxIterations: 40,
    };
    const trained = await app.request({ type: 'train', settings });
    expect(app.progress().some((e) => e.kind === 'epoch')).toBe(true);
    expect(app.progress().some((e) => e.kind === 'inertia')).toBe(true);

    const cli = await cliTrain([
      ...['--method', 'learnedmap', '--k', '6', '--seed', '3'],
      ...['--test-models', 'gemma-2-9b-it,llama3-chatqa-1.5-70b,qwen2.5-7b-instruct'],
      ...['--fractions', '0.5,0.2,0.3', '--epochs', '20', '--max-iterations', '40'],
    ]);
    const fromApp = withoutTimestamp(serializeRouter(trained.router));
    expect(fromApp).toEqual(withoutTimestamp(cli));
    // The settings reached the router: a check that the comparison is not between two defaults.
    expect(trained.router.provenance).toMatchObject({
      dataset: SAMPLE_NAME,
      seed: 3,
      k: 6,
      split: { train: 600, val: 240, test: 360, testModels: settings.testModels },
    });
    expect(trained.router.clusterMap).not.toBeNull();
    expect(trained.lossHistory.length).toBeLessThanOrEqual(21);
  }, 120_000);

  it('with the defaults on both sides (the app DEFAULT_SETTINGS, no flags)', async () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      k: DEFAULTS.k,
      seed: DEFAULTS.seed,
      method: DEFAULTS.method,
      fractions: DEFAULTS.fractions,
      epochs: DEFAULTS.epochs,
      maxIterations: DEFAULTS.maxIterations,
      testModels: [],
    });
    const app = mainThreadHandler();
    await app.request({ type: 'init', prefer: ['wasm', 'cpu'] });
    const files = readDatasetDir(SAMPLE_DIR).map((f) => ({ name: path.basename(f.name), text: f.text }));
    await app.request({ type: 'load', files, name: SAMPLE_NAME });
    const trained = await app.request({ type: 'train', settings: DEFAULT_SETTINGS });
    expect(withoutTimestamp(serializeRouter(trained.router))).toEqual(withoutTimestamp(await cliTrain([])));
    expect(trained.router.method).toBe(DEFAULTS.method);
  }, 120_000);

  it('the demo: no LLM ticked gives the fixed demo test pool, and a bad pool is refused', async () => {
    const app = mainThreadHandler();
    await app.request({ type: 'init', prefer: ['cpu'] });
    await app.request({ type: 'demo', prompts: 240 });
    const prepared = await app.request({ type: 'prepare' });
    expect(prepared.demo?.testPool).toEqual([...DEMO_TEST_POOL]);
    const quick = { ...DEFAULT_SETTINGS, method: 'kmeans' as const, k: 4, maxIterations: 20 };
    const trained = await app.request({ type: 'train', settings: quick });
    expect([...trained.router.provenance.split.testModels].sort()).toEqual([...DEMO_TEST_POOL].sort());
    await expect(app.request({ type: 'train', settings: { ...quick, testModels: ['nope'] } })).rejects.toThrow(
      'the test pool names LLMs the dataset does not have: nope',
    );
  }, 120_000);
});
