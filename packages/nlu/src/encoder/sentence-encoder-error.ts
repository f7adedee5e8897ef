import { NluError } from '../errors.js';

/** A sentence-encoder folder with a missing, corrupt or unsupported file. */
export class SentenceEncoderError extends NluError {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Sentence encoder: ${file} ${reason}`, 'SENTENCE_ENCODER_INVALID');
  }
}
