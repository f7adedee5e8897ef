/** Bump when the model files change incompatibly; older directories then fail to load clearly. */
export const MODEL_FORMAT_VERSION = 4;
export const MODEL_FORMAT = 'parley-nlu-local';
