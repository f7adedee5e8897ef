import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ZNluConfig } from '../config.js';
import { ModelCorruptError, ModelFormatError } from '../errors.js';
import type { LabellerArtifact } from '../extractors/sequence-labeller.js';
import { sha256 } from '../util/canonical-json.js';
import type { ArrayEntry } from './binary-arrays.js';
import { packArrays, unpackArrays } from './binary-arrays.js';
import { EntityModel } from './entity-model.js';
import type { EntityModelArtifact } from './entity-model.js';
import { IntentModel } from './intent-model.js';
import type { IntentModelArtifact } from './intent-model.js';
import { LocalNluModel } from './local-nlu-model.js';
import type { ModelInfo } from './local-nlu-model.js';

import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from './model-format.js';

export { MODEL_FORMAT, MODEL_FORMAT_VERSION };

const MANIFEST = 'manifest.json';
const FILES = {
  intent: 'intent-model.json',
  entities: 'entity-model.json',
  weights: 'weights.bin',
} as const;

/** `manifest.json`: everything needed to know what a model is without loading it. */
export interface ModelManifest extends ModelInfo {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  labels: { intents: string[]; entities: string[]; system: string[] };
  files: Record<string, { bytes: number; sha256: string }>;
  sizeBytes: number;
}

/** Writes a model directory atomically (temp files, then renames); the manifest goes last. */
export async function saveModel(model: LocalNluModel, dir: string): Promise<ModelManifest> {
  await mkdir(dir, { recursive: true });
  const intent = model.intentModel.artifact;
  const entities = model.entityModel.artifact;
  const { buffer, index } = packArrays({
    'intent.embedding': intent.weights.embedding,
    'intent.hiddenBias': intent.weights.hiddenBias,
    'intent.outputWeights': intent.weights.outputWeights,
    'intent.outputBias': intent.weights.outputBias,
    'intent.centroids.offsets': intent.centroids.offsets,
    'intent.centroids.classes': intent.centroids.classes,
    'intent.centroids.values': intent.centroids.values,
    ...(entities.labeller
      ? {
          'labeller.rowOffsets': entities.labeller.rowOffsets,
          'labeller.rowLabels': entities.labeller.rowLabels,
          'labeller.rowWeights': entities.labeller.rowWeights,
          'labeller.transitions': entities.labeller.transitions,
        }
      : {}),
  });
  const { weights, centroids, ...intentJson } = intent;
  const { labeller, ...entityJson } = entities;
  const contents: Record<string, Buffer> = {
    [FILES.intent]: Buffer.from(
      JSON.stringify({
        ...intentJson,
        shape: {
          inputSize: weights.inputSize,
          hiddenUnits: weights.hiddenUnits,
          classes: weights.classes,
        },
      }),
    ),
    [FILES.entities]: Buffer.from(
      JSON.stringify({
        ...entityJson,
        labeller: labeller
          ? {
              labels: labeller.labels,
              intentEntities: labeller.intentEntities,
              features: labeller.features,
            }
          : null,
      }),
    ),
    [FILES.weights]: buffer,
  };
  const files: ModelManifest['files'] = {};
  for (const [name, bytes] of Object.entries(contents)) {
    await writeAtomic(path.join(dir, name), bytes);
    files[name] = { bytes: bytes.length, sha256: sha256Buffer(bytes) };
  }
  const manifest: ModelManifest & { weightsIndex: Record<string, ArrayEntry> } = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    ...model.info,
    labels: {
      intents: intent.labels,
      entities: labeller ? [...new Set(Object.values(labeller.intentEntities).flat())].sort() : [],
      system: entities.systemEntities,
    },
    files,
    sizeBytes: Object.values(files).reduce((s, f) => s + f.bytes, 0),
    weightsIndex: index,
  };
  await writeAtomic(path.join(dir, MANIFEST), Buffer.from(JSON.stringify(manifest, null, 2)));
  return manifest;
}

/** Reads `manifest.json` only, checking the format version. */
export async function readManifest(
  dir: string,
): Promise<ModelManifest & { weightsIndex: Record<string, ArrayEntry> }> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    throw new ModelCorruptError(`No model manifest at ${path.join(dir, MANIFEST)}.`);
  }
  const manifest = JSON.parse(text) as ModelManifest & { weightsIndex: Record<string, ArrayEntry> };
  if (manifest.format !== MODEL_FORMAT || manifest.formatVersion !== MODEL_FORMAT_VERSION) {
    throw new ModelFormatError(
      `Model at ${dir} has format ${String(manifest.format)} v${String(manifest.formatVersion)}; this version of @parley/nlu reads ${MODEL_FORMAT} v${MODEL_FORMAT_VERSION}. Retrain the bot to upgrade the model.`,
      manifest.formatVersion,
      MODEL_FORMAT_VERSION,
    );
  }
  return manifest;
}

/** Loads a model directory written by `saveModel`; throws `ModelFormatError` for another format version. */
export async function loadModel(dir: string): Promise<LocalNluModel> {
  const manifest = await readManifest(dir);
  const read = async (name: string): Promise<Buffer> => {
    const bytes = await readFile(path.join(dir, name)).catch(() => {
      throw new ModelCorruptError(`Model file ${name} is missing in ${dir}.`);
    });
    if (manifest.files[name] && sha256Buffer(bytes) !== manifest.files[name].sha256) {
      throw new ModelCorruptError(`Model file ${name} in ${dir} does not match its checksum.`);
    }
    return bytes;
  };
  const arrays = unpackArrays(await read(FILES.weights), manifest.weightsIndex);
  const intentJson = JSON.parse((await read(FILES.intent)).toString('utf8')) as Omit<
    IntentModelArtifact,
    'weights' | 'centroids'
  > & {
    shape: { inputSize: number; hiddenUnits: number; classes: number };
  };
  const entityJson = JSON.parse((await read(FILES.entities)).toString('utf8')) as Omit<
    EntityModelArtifact,
    'labeller'
  > & {
    labeller: Pick<LabellerArtifact, 'labels' | 'intentEntities' | 'features'> | null;
  };
  const { shape, ...intentRest } = intentJson;
  const intentModel = new IntentModel({
    ...intentRest,
    weights: {
      ...shape,
      embedding: arrays['intent.embedding'] as Float32Array,
      hiddenBias: arrays['intent.hiddenBias'] as Float32Array,
      outputWeights: arrays['intent.outputWeights'] as Float32Array,
      outputBias: arrays['intent.outputBias'] as Float32Array,
    },
    centroids: {
      offsets: arrays['intent.centroids.offsets'] as Int32Array,
      classes: arrays['intent.centroids.classes'] as Int32Array,
      values: arrays['intent.centroids.values'] as Float32Array,
    },
  });
  const labeller: LabellerArtifact | null = entityJson.labeller
    ? {
        ...entityJson.labeller,
        rowOffsets: arrays['labeller.rowOffsets'] as Int32Array,
        rowLabels: arrays['labeller.rowLabels'] as Int32Array,
        rowWeights: arrays['labeller.rowWeights'] as Float32Array,
        transitions: arrays['labeller.transitions'] as Float32Array,
      }
    : null;
  const info: ModelInfo = {
    dataHash: manifest.dataHash,
    config: ZNluConfig.parse(manifest.config),
    createdAt: manifest.createdAt,
    metrics: manifest.metrics,
    libraryVersions: manifest.libraryVersions,
  };
  return new LocalNluModel(info, intentModel, new EntityModel({ ...entityJson, labeller }));
}

/** Total bytes of a model directory's files, as listed in its manifest plus the manifest itself. */
export async function modelSizeBytes(dir: string): Promise<number> {
  const manifest = await readManifest(dir);
  const manifestBytes = (await stat(path.join(dir, MANIFEST))).size;
  return manifest.sizeBytes + manifestBytes;
}

async function writeAtomic(file: string, bytes: Buffer): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, file).catch(async (error: unknown) => {
    await rm(tmp, { force: true });
    throw error;
  });
}

function sha256Buffer(bytes: Buffer): string {
  return sha256(bytes);
}
