import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SUPPORTED_LANGUAGES } from '@parley/domain';
import { z } from 'zod';
import { ZNluConfig } from '../config.js';
import { ModelCorruptError, ModelEncoderUnavailableError, ModelFormatError } from '../errors.js';
import type { DenseEncoder } from '../features/dense-encoder.js';
import { createWordVectorEncoder } from '../features/word-vector-encoder.js';
import { sha256 } from '../util/canonical-json.js';
import { mergeArrays, readPart, StoredArrays } from '../util/persisted.js';
import type { Persisted } from '../util/persisted.js';
import { packArrays, unpackArrays, ZArrayEntry } from './binary-arrays.js';
import { EntityModel } from './entity-model.js';
import { IntentModel } from './intent-model.js';
import { LocalNluModel } from './local-nlu-model.js';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from './model-format.js';

export { MODEL_FORMAT, MODEL_FORMAT_VERSION };

const MANIFEST = 'manifest.json';
/** Each component's JSON part has its file; their arrays share `weights.bin`. */
const FILES = {
  intent: 'intent-model.json',
  entities: 'entity-model.json',
  weights: 'weights.bin',
} as const;

/** `manifest.json`: everything needed to know what a model is without loading it. */
const ZModelManifest = z.object({
  format: z.literal(MODEL_FORMAT),
  formatVersion: z.literal(MODEL_FORMAT_VERSION),
  dataHash: z.string(),
  config: ZNluConfig,
  /** The model's language (primary subtag); models from before languages are English. */
  language: z.enum(SUPPORTED_LANGUAGES).default('en'),
  createdAt: z.string(),
  metrics: z.record(z.string(), z.number().nullable()),
  libraryVersions: z.record(z.string(), z.string()),
  /** The dense encoder the intent classifier was trained with, or null. */
  encoder: z.object({ id: z.string(), dimensions: z.number().int().min(1) }).nullable(),
  /** Reliability of the confidence on the training folds (see `CalibrationReport`). */
  calibration: z
    .object({
      folds: z.number().int(),
      examples: z.number().int(),
      outOfScopeExamples: z.number().int(),
      accuracy: z.number(),
      ece: z.number(),
      eceUncalibrated: z.number(),
      sweep: z.array(
        z.object({
          threshold: z.number(),
          inScopeAccuracy: z.number(),
          fallbackRate: z.number(),
          oosRecall: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
  labels: z.object({
    intents: z.array(z.string()),
    entities: z.array(z.string()),
    system: z.array(z.string()),
  }),
  /** Every file but the manifest, with its size and checksum. */
  files: z.record(z.string(), z.object({ bytes: z.number().int().min(0), sha256: z.string() })),
  /** Bytes of the files listed in `files`. */
  sizeBytes: z.number().int().min(0),
  /** Where each named array lies in `weights.bin`. */
  weightsIndex: z.record(z.string(), ZArrayEntry),
});
export type ModelManifest = z.infer<typeof ZModelManifest>;

/** What `saveModel` wrote. */
export interface SavedModel {
  manifest: ModelManifest;
  /** Bytes of every file of the directory, the manifest included. */
  sizeBytes: number;
}

/** Writes a model directory atomically (temp files, then renames); the manifest goes last. */
export async function saveModel(model: LocalNluModel, dir: string): Promise<SavedModel> {
  await mkdir(dir, { recursive: true });
  const parts: Record<'intent' | 'entities', Persisted> = {
    intent: model.intentModel.persist(),
    entities: model.entityModel.persist(),
  };
  const { buffer, index } = packArrays(mergeArrays(Object.values(parts)));
  const contents: Record<string, Buffer> = {
    [FILES.intent]: Buffer.from(JSON.stringify(parts.intent.json)),
    [FILES.entities]: Buffer.from(JSON.stringify(parts.entities.json)),
    [FILES.weights]: buffer,
  };
  const files: ModelManifest['files'] = {};
  for (const [name, bytes] of Object.entries(contents)) {
    await writeAtomic(path.join(dir, name), bytes);
    files[name] = { bytes: bytes.length, sha256: sha256(bytes) };
  }
  const { labeller, systemEntities } = model.entityModel.artifact;
  const manifest: ModelManifest = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    ...model.info,
    labels: {
      intents: model.intentModel.labels,
      entities: labeller ? [...new Set(Object.values(labeller.intentEntities).flat())].sort() : [],
      system: systemEntities,
    },
    files,
    sizeBytes: Object.values(files).reduce((s, f) => s + f.bytes, 0),
    weightsIndex: index,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  await writeAtomic(path.join(dir, MANIFEST), manifestBytes);
  return { manifest, sizeBytes: manifest.sizeBytes + manifestBytes.length };
}

/**
 * Reads `manifest.json` only: `ModelFormatError` for another format version, `ModelCorruptError`
 * for a manifest that is missing, cut short or malformed.
 */
export async function readManifest(dir: string): Promise<ModelManifest> {
  const file = path.join(dir, MANIFEST);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ModelCorruptError(`No model manifest at ${file}.`);
  });
  const json = parseJson(text, `The model manifest ${file}`);
  const { format, formatVersion } = (json ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (format !== MODEL_FORMAT || formatVersion !== MODEL_FORMAT_VERSION) {
    throw new ModelFormatError(
      `Model at ${dir} has format ${String(format)} v${String(formatVersion)}; this version of @parley/nlu reads ${MODEL_FORMAT} v${MODEL_FORMAT_VERSION}. Retrain the bot to upgrade the model.`,
      formatVersion,
      MODEL_FORMAT_VERSION,
    );
  }
  return readPart(ZModelManifest, json, `The model manifest in ${dir}`);
}

/**
 * Loads a model directory written by `saveModel`. Every file must match its checksum; anything
 * missing, cut short or malformed is a `ModelCorruptError`, another format a `ModelFormatError`.
 */
export async function loadModel(dir: string, options: LoadOptions = {}): Promise<LocalNluModel> {
  const manifest = await readManifest(dir);
  const encoder = encoderFor(manifest, options.encoder, dir);
  const read = async (name: string): Promise<Buffer> => {
    const listed = manifest.files[name];
    if (!listed) throw new ModelCorruptError(`The manifest in ${dir} does not list ${name}.`);
    const bytes = await readFile(path.join(dir, name)).catch(() => {
      throw new ModelCorruptError(`Model file ${name} is missing in ${dir}.`);
    });
    if (sha256(bytes) !== listed.sha256)
      throw new ModelCorruptError(`Model file ${name} in ${dir} does not match its checksum.`);
    return bytes;
  };
  const json = async (name: string): Promise<unknown> =>
    parseJson((await read(name)).toString('utf8'), `Model file ${name} in ${dir}`);
  const arrays = new StoredArrays(unpackArrays(await read(FILES.weights), manifest.weightsIndex));
  const intentModel = IntentModel.load(await json(FILES.intent), arrays);
  const entityModel = EntityModel.load(await json(FILES.entities), arrays);
  if (intentModel.encoderId !== (manifest.encoder?.id ?? null))
    throw new ModelCorruptError(
      `The intent classifier in ${dir} does not match its manifest's encoder.`,
    );
  const { dataHash, config, language, createdAt, metrics, libraryVersions, calibration } = manifest;
  return new LocalNluModel(
    {
      dataHash,
      config,
      language,
      createdAt,
      metrics,
      libraryVersions,
      encoder: manifest.encoder,
      calibration,
    },
    intentModel,
    entityModel,
    encoder,
  );
}

export interface LoadOptions {
  /** The encoder the model was trained with, when it is not the shipped word vectors. */
  encoder?: DenseEncoder;
}

/**
 * The encoder a model needs: the one passed in or the shipped word vectors, if its id is the
 * one the model was trained with; anything else would feed the classifier other features.
 */
function encoderFor(
  manifest: ModelManifest,
  given: DenseEncoder | undefined,
  dir: string,
): DenseEncoder | null {
  const wanted = manifest.encoder?.id;
  if (!wanted) return null;
  const candidates = given ? [given] : [createWordVectorEncoder()];
  const found = candidates.find((e) => e.id === wanted);
  if (found && found.dimensions === manifest.encoder?.dimensions) return found;
  throw new ModelEncoderUnavailableError(
    `The model in ${dir} was trained with the encoder ${wanted}, which is not available here (${candidates.map((e) => e.id).join(', ')}); install it or train the bot again.`,
    wanted,
  );
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ModelCorruptError(`${what} is not valid JSON (cut short?).`);
  }
}

async function writeAtomic(file: string, bytes: Buffer): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, file).catch(async (error: unknown) => {
    await rm(tmp, { force: true });
    throw error;
  });
}
