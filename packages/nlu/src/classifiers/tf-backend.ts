import * as tf from '@tensorflow/tfjs';

export type TfBackendName = 'auto' | 'cpu' | 'wasm';

// The native binding cannot install everywhere, so it is an optional import resolved at runtime.
const TFJS_NODE = '@tensorflow/tfjs-node';
let ready: Promise<string> | undefined;

/**
 * Picks the TF.js backend once per process: `@tensorflow/tfjs-node` when it is installed,
 * otherwise the pure-JS CPU backend (or WASM when asked). Returns the backend's name.
 */
export function initTf(preferred: TfBackendName = 'auto'): Promise<string> {
  ready ??= selectBackend(preferred);
  return ready;
}

async function selectBackend(preferred: TfBackendName): Promise<string> {
  tf.enableProdMode();
  if (preferred === 'auto') {
    try {
      await import(/* webpackIgnore: true */ TFJS_NODE);
      if (await tf.setBackend('tensorflow')) return 'tensorflow';
    } catch {
      // Not installed: fall through to the CPU backend.
    }
  }
  if (preferred === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    if (await tf.setBackend('wasm')) return 'wasm';
  }
  await tf.setBackend('cpu');
  return 'cpu';
}

export { tf };
