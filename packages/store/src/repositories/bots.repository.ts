import type { Db } from 'mongodb';
import {
  readBotSettings,
  ZBotSettings,
  ZSlug,
  type BotSettings,
  type BotSettingsInput,
} from '@parley/domain';
import { COLLECTIONS } from '../collections.js';
import { DuplicateKeyError, isDuplicateKeyError } from '../errors.js';
import { newId } from '../ids.js';

export interface Bot {
  id: string;
  settings: BotSettings;
  /** The model every API instance answers with; null until one is trained. */
  activeModelId: string | null;
  /** Names of the secrets tool calls may use; the values are never returned. */
  secretNames: string[];
  /** Grows with every change to the bot's intents or entities (cache key for readers). */
  definitionVersion: number;
  /**
   * Grows with every change to the bot's settings or secrets, never with a model activation
   * (cache key for readers of what a bot says and calls, who need not rebuild on a new model).
   */
  settingsVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

interface BotDoc {
  _id: string;
  settings: BotSettings;
  activeModelId: string | null;
  secrets: Record<string, string>;
  definitionVersion?: number;
  settingsVersion?: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface BotRepository {
  create(settings: BotSettingsInput, id?: string): Promise<Bot>;
  get(botId: string): Promise<Bot | null>;
  list(): Promise<Bot[]>;
  /** Replaces the settings; null when the bot does not exist. */
  updateSettings(botId: string, settings: BotSettingsInput): Promise<Bot | null>;
  setActiveModel(botId: string, modelId: string | null): Promise<boolean>;
  /** Only the id and pointer: what replicas poll to hot-swap models. */
  getActiveModelId(botId: string): Promise<string | null | undefined>;
  setSecret(botId: string, name: string, value: string): Promise<boolean>;
  deleteSecret(botId: string, name: string): Promise<boolean>;
  /** Secret values, for tool calls only: never return them from an API. */
  getSecrets(botId: string): Promise<Record<string, string>>;
  delete(botId: string): Promise<boolean>;
}

export function createBotRepository(db: Db): BotRepository {
  const bots = db.collection<BotDoc>(COLLECTIONS.bots);

  return {
    async create(input, id = newId('bot')) {
      const now = new Date();
      const doc: BotDoc = {
        _id: id,
        settings: ZBotSettings.parse(input),
        activeModelId: null,
        secrets: {},
        createdAt: now,
        updatedAt: now,
      };
      try {
        await bots.insertOne(doc);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateKeyError(COLLECTIONS.bots, { id });
        throw error;
      }
      return toBot(doc);
    },

    async get(botId) {
      const doc = await bots.findOne({ _id: botId });
      return doc ? toBot(doc) : null;
    },

    async list() {
      const docs = await bots.find({}).sort({ createdAt: 1, _id: 1 }).toArray();
      return docs.map(toBot);
    },

    async updateSettings(botId, input) {
      const settings = ZBotSettings.parse(input);
      const doc = await bots.findOneAndUpdate(
        { _id: botId },
        { $set: { settings, updatedAt: new Date() }, $inc: { settingsVersion: 1 } },
        { returnDocument: 'after' },
      );
      return doc ? toBot(doc) : null;
    },

    async setActiveModel(botId, modelId) {
      const result = await bots.updateOne(
        { _id: botId },
        { $set: { activeModelId: modelId, updatedAt: new Date() } },
      );
      return result.matchedCount === 1;
    },

    async getActiveModelId(botId) {
      const doc = await bots.findOne({ _id: botId }, { projection: { activeModelId: 1 } });
      return doc ? doc.activeModelId : undefined;
    },

    async setSecret(botId, name, value) {
      ZSlug.parse(name);
      const doc = await bots.findOne({ _id: botId }, { projection: { secrets: 1 } });
      if (!doc) return false;
      // Secret names are user-chosen: keep them as values of an object rewritten whole,
      // never as dotted update paths.
      const secrets = { ...doc.secrets, [name]: value };
      await bots.updateOne(
        { _id: botId },
        { $set: { secrets, updatedAt: new Date() }, $inc: { settingsVersion: 1 } },
      );
      return true;
    },

    async deleteSecret(botId, name) {
      const doc = await bots.findOne({ _id: botId }, { projection: { secrets: 1 } });
      if (!doc || !(name in doc.secrets)) return false;
      const secrets = Object.fromEntries(
        Object.entries(doc.secrets).filter(([key]) => key !== name),
      );
      await bots.updateOne(
        { _id: botId },
        { $set: { secrets, updatedAt: new Date() }, $inc: { settingsVersion: 1 } },
      );
      return true;
    },

    async getSecrets(botId) {
      const doc = await bots.findOne({ _id: botId }, { projection: { secrets: 1 } });
      return doc?.secrets ?? {};
    },

    async delete(botId) {
      const result = await bots.deleteOne({ _id: botId });
      return result.deletedCount === 1;
    },
  };
}

function toBot(doc: BotDoc): Bot {
  return {
    id: doc._id,
    settings: readBotSettings(doc.settings).settings,
    activeModelId: doc.activeModelId,
    secretNames: Object.keys(doc.secrets ?? {}).sort(),
    definitionVersion: doc.definitionVersion ?? 0,
    settingsVersion: doc.settingsVersion ?? 0,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
