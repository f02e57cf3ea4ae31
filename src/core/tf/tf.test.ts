import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { currentBackend, initTf, isSoftwareRenderer } from './index';

describe('initTf in Node', () => {
  it('falls through webgl (not available in Node) to wasm and records the failure', async () => {
    // Nothing picked yet in this fresh test process.
    expect(() => currentBackend()).toThrow('no tfjs backend picked yet: call initTf() first');
    const info = await initTf({ prefer: ['webgl', 'wasm', 'cpu'] });
    expect(info.backend).toBe('wasm');
    expect(currentBackend()).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.renderer).toBeUndefined();
    expect(info.softwareRenderer).toBe(false);
    expect(info.tried.map((t) => [t.name, t.ok])).toEqual([
      ['webgl', false],
      ['wasm', true],
    ]);
    expect(info.tried[0].error).toMatch(/webgl/);
    // Picking again (the sanity matMul runs again) leaks no tensor.
    const before = tf.memory().numTensors;
    await initTf({ prefer: ['webgl', 'wasm', 'cpu'] });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives cpu when asked for cpu only', async () => {
    const info = await initTf({ prefer: ['cpu'] });
    expect(info).toEqual({ backend: 'cpu', renderer: undefined, softwareRenderer: false, tried: [{ name: 'cpu', ok: true }] });
    expect(currentBackend()).toBe('cpu');
  });

  it('with probe times every backend but keeps the first that works', async () => {
    const before = tf.memory().numTensors;
    const info = await initTf({ prefer: ['wasm', 'webgl', 'cpu'], probe: true });
    expect(info.backend).toBe('wasm');
    expect(currentBackend()).toBe('wasm');
    expect(info.tried.map((t) => t.name)).toEqual(['wasm', 'webgl', 'cpu']);
    expect(info.tried.map((t) => t.ok)).toEqual([true, false, true]);
    for (const t of info.tried.filter((x) => x.ok)) expect(t.probeMs).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an empty or unknown preference list, and fails when nothing works', async () => {
    await expect(initTf({ prefer: [] })).rejects.toThrow('prefer lists no backend');
    await expect(initTf({ prefer: ['gpu' as never] })).rejects.toThrow("unknown backend 'gpu'");
    await expect(initTf({ prefer: ['webgl'] })).rejects.toThrow(/^no tfjs backend works: webgl: /);
  });
});

describe('isSoftwareRenderer', () => {
  it('flags CPU rasterisers only', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver (Software)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
    expect(isSoftwareRenderer(undefined)).toBe(false);
  });
});
