import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { isDuplicateKeyError } from '../errors.js';
import { newId } from '../ids.js';
import { fromStorableKeys, toStorableKeys } from '../safe-keys.js';

export type ModelStatus = 'queued' | 'training' | 'ready' | 'failed';

/** A job in one of these states still belongs to the instance that queued it. */
const PENDING: ModelStatus[] = ['queued', 'training'];

export interface ModelProgress {
  phase: string;
  epoch?: number;
  epochs?: number;
  percent: number;
}

/** A model version in the registry. */
export interface ModelRecord {
  id: string;
  botId: string;
  /** 1, 2, 3 … per bot. */
  version: number;
  status: ModelStatus;
  progress: ModelProgress;
  dataHash: string;
  config: Record<string, unknown>;
  metrics: Record<string, unknown> | null;
  /** Directory of the artifact, relative to MODELS_DIR. */
  artifactPath: string | null;
  sizeBytes: number | null;
  durationMs: number | null;
  /** Why training failed, in words a bot builder understands. */
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The API instance whose queue holds the job while it is queued or training. */
  instanceId: string | null;
  /** Last sign of life of that instance for this job (see `heartbeat`). */
  heartbeatAt: Date | null;
}

export type ModelUpdate = Partial<
  Pick<
    ModelRecord,
    | 'status'
    | 'progress'
    | 'metrics'
    | 'artifactPath'
    | 'sizeBytes'
    | 'durationMs'
    | 'error'
    | 'startedAt'
    | 'finishedAt'
  >
>;

export interface ModelRepository {
  /** Registers a new version (the next number for the bot). */
  create(
    botId: string,
    input: { dataHash: string; config: Record<string, unknown>; instanceId?: string },
  ): Promise<ModelRecord>;
  get(botId: string, modelId: string): Promise<ModelRecord | null>;
  /** Newest first. */
  list(botId: string): Promise<ModelRecord[]>;
  update(botId: string, modelId: string, update: ModelUpdate): Promise<ModelRecord | null>;
  /** The newest ready model trained on exactly this data, if any. */
  findReadyByHash(botId: string, dataHash: string): Promise<ModelRecord | null>;
  delete(botId: string, modelId: string): Promise<boolean>;
  deleteAll(botId: string): Promise<number>;
  /** Marks every queued or training job of `instanceId` as alive at `at`. */
  heartbeat(instanceId: string, at: Date): Promise<void>;
  /**
   * Fails the queued or training jobs whose instance has given no sign of life since
   * `staleBefore` (it stopped or crashed): their jobs would otherwise wait forever.
   * Returns the jobs it failed.
   */
  failAbandoned(staleBefore: Date, error: string): Promise<ModelRecord[]>;
}

type ModelDoc = Omit<ModelRecord, 'id'> & { _id: string };

const MAX_VERSION_RACES = 5;

export function createModelRepository(db: Db): ModelRepository {
  const models = db.collection<ModelDoc>(COLLECTIONS.models);

  return {
    async create(botId, { dataHash, config, instanceId }) {
      for (let attempt = 0; ; attempt++) {
        const [latest] = await models.find({ botId }).sort({ version: -1 }).limit(1).toArray();
        const doc: ModelDoc = {
          _id: newId('model'),
          botId,
          version: (latest?.version ?? 0) + 1,
          status: 'queued',
          progress: { phase: 'queued', percent: 0 },
          dataHash,
          config: toStorableKeys(config),
          metrics: null,
          artifactPath: null,
          sizeBytes: null,
          durationMs: null,
          error: null,
          createdAt: new Date(),
          startedAt: null,
          finishedAt: null,
          instanceId: instanceId ?? null,
          heartbeatAt: new Date(),
        };
        try {
          await models.insertOne(doc);
          return toRecord(doc);
        } catch (error) {
          // Two instances numbered the same version at once: take the next number.
          if (!isDuplicateKeyError(error) || attempt >= MAX_VERSION_RACES) throw error;
        }
      }
    },

    async get(botId, modelId) {
      const doc = await models.findOne({ _id: modelId, botId });
      return doc ? toRecord(doc) : null;
    },

    async list(botId) {
      const docs = await models.find({ botId }).sort({ version: -1 }).toArray();
      return docs.map(toRecord);
    },

    async update(botId, modelId, update) {
      const set: Record<string, unknown> = { ...update };
      if (update.metrics) set.metrics = toStorableKeys(update.metrics);
      const doc = await models.findOneAndUpdate(
        { _id: modelId, botId },
        { $set: set },
        { returnDocument: 'after' },
      );
      return doc ? toRecord(doc) : null;
    },

    async findReadyByHash(botId, dataHash) {
      const [doc] = await models
        .find({ botId, dataHash, status: 'ready' })
        .sort({ version: -1 })
        .limit(1)
        .toArray();
      return doc ? toRecord(doc) : null;
    },

    async delete(botId, modelId) {
      const result = await models.deleteOne({ _id: modelId, botId });
      return result.deletedCount === 1;
    },

    async deleteAll(botId) {
      const result = await models.deleteMany({ botId });
      return result.deletedCount;
    },

    async heartbeat(instanceId, at) {
      await models.updateMany(
        { instanceId, status: { $in: PENDING } },
        { $set: { heartbeatAt: at } },
      );
    },

    async failAbandoned(staleBefore, error) {
      // Records written before heartbeats existed have none: their age decides.
      const stale = {
        status: { $in: PENDING },
        $or: [
          { heartbeatAt: { $lt: staleBefore } },
          { heartbeatAt: null, createdAt: { $lt: staleBefore } },
        ],
      };
      const failed: ModelRecord[] = [];
      for (const doc of await models.find(stale).toArray()) {
        const updated = await models.findOneAndUpdate(
          { _id: doc._id, ...stale },
          { $set: { status: 'failed', error, finishedAt: new Date() } },
          { returnDocument: 'after' },
        );
        if (updated) failed.push(toRecord(updated));
      }
      return failed;
    },
  };
}

function toRecord({ _id, ...doc }: ModelDoc): ModelRecord {
  return {
    ...doc,
    instanceId: doc.instanceId ?? null,
    heartbeatAt: doc.heartbeatAt ?? null,
    id: _id,
    config: fromStorableKeys(doc.config),
    metrics: doc.metrics ? fromStorableKeys(doc.metrics) : null,
  };
}
