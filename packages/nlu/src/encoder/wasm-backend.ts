import * as tf from '@tensorflow/tfjs';

let ready: Promise<void> | undefined;

/**
 * Registers and initialises TF.js's WASM backend once per process, leaving whichever backend
 * was active before still active (other TF.js code in the same process keeps its choice).
 */
export function initWasmBackend(): Promise<void> {
  ready ??= (async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    const previous = tf.getBackend() as string | undefined;
    if (!(await tf.setBackend('wasm'))) throw new Error('the TF.js WASM backend did not start');
    if (previous && previous !== 'wasm') await tf.setBackend(previous);
  })();
  return ready;
}

/**
 * Runs `fn` on the WASM backend and switches back to the active one afterwards. Synchronous:
 * once a backend is initialised `tf.setBackend` switches before its promise settles, and since
 * `fn` never yields, no other TF.js work (a training step) can run in between.
 */
export function onWasm<T>(fn: () => T): T {
  const previous = tf.getBackend() as string | undefined;
  if (previous !== 'wasm') void tf.setBackend('wasm');
  try {
    return fn();
  } finally {
    if (previous && previous !== 'wasm') void tf.setBackend(previous);
  }
}
