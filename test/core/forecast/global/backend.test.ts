import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { BackendEnvironment } from '../../../../core/forecast/global/backend';
import { BACKEND_ORDER, describeSelection, selectBackend } from '../../../../core/forecast/global/backend';

/** A scripted environment: which packages exist, which load, which start. */
function fakeEnvironment(spec: { installed: string[]; loadFails?: string[]; startFails?: string[]; startThrows?: string[] }) {
  const calls: string[] = [];
  const env: BackendEnvironment = {
    resolve(packageName) {
      calls.push(`resolve ${packageName}`);
      if (!spec.installed.includes(packageName)) throw new Error(`Cannot find module '${packageName}'`);
      return `/node_modules/${packageName}/index.js`;
    },
    async load(packageName) {
      calls.push(`load ${packageName}`);
      if (spec.loadFails?.includes(packageName)) throw new Error(`libtensorflow.so: cannot open shared object file\nstack`);
    },
    async activate(tfBackend) {
      calls.push(`activate ${tfBackend}`);
      if (spec.startThrows?.includes(tfBackend)) throw new Error('wasm instantiate failed');
      return !spec.startFails?.includes(tfBackend);
    },
  };
  return { env, calls };
}

const all = BACKEND_ORDER.map((c) => c.packageName);

describe('TensorFlow.js backend selection', () => {
  it('prefers the CUDA build when it is installed and starts', async () => {
    const { env } = fakeEnvironment({ installed: all });
    const selection = await selectBackend(env);
    expect(selection.chosen.id).toBe('tfjs-node-gpu');
    expect(selection.attempts).toEqual([{ id: 'tfjs-node-gpu', outcome: 'chosen' }]);
  });

  it('falls back to native CPU when the GPU build fails to load', async () => {
    const { env } = fakeEnvironment({ installed: all, loadFails: ['@tensorflow/tfjs-node-gpu'] });
    const selection = await selectBackend(env);
    expect(selection.chosen.id).toBe('tfjs-node');
    expect(selection.attempts[0]).toEqual({ id: 'tfjs-node-gpu', outcome: 'failed to load', detail: 'libtensorflow.so: cannot open shared object file' });
  });

  it('uses WebAssembly when no native package is installed (this machine)', async () => {
    const { env, calls } = fakeEnvironment({ installed: ['@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs'] });
    const selection = await selectBackend(env);
    expect(selection.chosen.id).toBe('wasm');
    expect(selection.attempts.map((a) => a.outcome)).toEqual(['not installed', 'not installed', 'chosen']);
    expect(calls).not.toContain('load @tensorflow/tfjs-node');
    expect(describeSelection(selection)).toBe('wasm (WebAssembly, CPU); tfjs-node-gpu not installed, tfjs-node not installed');
  });

  it('falls back to the plain JavaScript backend when native and WebAssembly fail', async () => {
    const { env } = fakeEnvironment({
      installed: all,
      startFails: ['tensorflow'],
      startThrows: ['wasm'],
    });
    const selection = await selectBackend(env);
    expect(selection.chosen.id).toBe('cpu');
    expect(selection.attempts).toEqual([
      { id: 'tfjs-node-gpu', outcome: 'failed to start', detail: undefined },
      { id: 'tfjs-node', outcome: 'failed to start', detail: undefined },
      { id: 'wasm', outcome: 'failed to start', detail: 'wasm instantiate failed' },
      { id: 'cpu', outcome: 'chosen' },
    ]);
  });

  it('says what it tried when nothing starts', async () => {
    const { env } = fakeEnvironment({ installed: [] });
    await expect(selectBackend(env)).rejects.toThrow(
      'No TensorFlow.js backend could start (tfjs-node-gpu: not installed; tfjs-node: not installed; wasm: not installed; cpu: not installed).',
    );
  });

  it('selects and activates a real backend here, and can be restricted to one', async () => {
    const selection = await selectBackend();
    expect(BACKEND_ORDER.map((c) => c.id)).toContain(selection.chosen.id);
    expect(tf.getBackend()).toBe(selection.chosen.tfBackend);
    const cpuOnly = await selectBackend(undefined, { only: ['cpu'] });
    expect(cpuOnly.chosen.id).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });
});
