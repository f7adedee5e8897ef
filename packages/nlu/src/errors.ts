/** Base class of the errors this package throws on purpose. */
export class NluError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A model directory written by another (older or newer) artifact format. */
export class ModelFormatError extends NluError {
  constructor(
    message: string,
    readonly found: unknown,
    readonly expected: number,
  ) {
    super(message, 'MODEL_FORMAT_UNSUPPORTED');
  }
}

/** A model directory that is missing files or has corrupt ones. */
export class ModelCorruptError extends NluError {
  constructor(message: string) {
    super(message, 'MODEL_CORRUPT');
  }
}

/** A model trained with a dense encoder (word vectors, sentence encoder) that is not available. */
export class ModelEncoderUnavailableError extends NluError {
  constructor(
    message: string,
    readonly encoderId: string,
  ) {
    super(message, 'MODEL_ENCODER_UNAVAILABLE');
  }
}

/** A regex entity pattern that does not compile. */
export class InvalidEntityPatternError extends NluError {
  constructor(
    readonly entity: string,
    readonly pattern: string,
    reason: string,
  ) {
    super(
      `Entity "${entity}" has an invalid pattern /${pattern}/: ${reason}`,
      'INVALID_ENTITY_PATTERN',
    );
  }
}

/** Training data that cannot produce a model (e.g. no intent with examples). */
export class InvalidTrainingDataError extends NluError {
  constructor(message: string) {
    super(message, 'INVALID_TRAINING_DATA');
  }
}
