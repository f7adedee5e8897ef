import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { fromStorableKeys, toStorableKeys } from '../safe-keys.js';

export type Channel = 'rest' | 'widget' | 'messenger';

/** Channel settings. Secret values are write-only: only their names come back. */
export interface Integration {
  botId: string;
  channel: Channel;
  enabled: boolean;
  settings: Record<string, unknown>;
  secretNames: string[];
  updatedAt: Date;
  status: IntegrationStatus;
}

/** What the channel adapter last saw, for the admin. */
export interface IntegrationStatus {
  lastEventAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  /** False once the platform refused the channel's credentials, until a send works or the secrets change. */
  healthy: boolean;
}

const UNKNOWN_STATUS: IntegrationStatus = {
  lastEventAt: null,
  lastErrorAt: null,
  lastError: null,
  healthy: true,
};

export interface IntegrationUpdate {
  enabled?: boolean;
  settings?: Record<string, unknown>;
  /** Secrets to set; a null value removes that secret. Absent secrets stay as they are. */
  secrets?: Record<string, string | null>;
}

export interface IntegrationRepository {
  get(botId: string, channel: Channel): Promise<Integration | null>;
  list(botId: string): Promise<Integration[]>;
  upsert(botId: string, channel: Channel, update: IntegrationUpdate): Promise<Integration>;
  /** Secret values, for the channel adapter only. */
  getSecrets(botId: string, channel: Channel): Promise<Record<string, string>>;
  /** Updates the status fields given; nothing happens when the integration does not exist. */
  recordStatus(botId: string, channel: Channel, status: Partial<IntegrationStatus>): Promise<void>;
  deleteAll(botId: string): Promise<number>;
}

interface IntegrationDoc {
  botId: string;
  channel: Channel;
  enabled: boolean;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  updatedAt: Date;
  status?: Partial<IntegrationStatus>;
}

export function createIntegrationRepository(db: Db): IntegrationRepository {
  const integrations = db.collection<IntegrationDoc>(COLLECTIONS.integrations);

  return {
    async get(botId, channel) {
      const doc = await integrations.findOne({ botId, channel });
      return doc ? toIntegration(doc) : null;
    },

    async list(botId) {
      const docs = await integrations.find({ botId }).sort({ channel: 1 }).toArray();
      return docs.map(toIntegration);
    },

    async upsert(botId, channel, update) {
      const current = await integrations.findOne({ botId, channel });
      const secrets = { ...(current ? fromStorableKeys(current.secrets) : {}) };
      for (const [name, value] of Object.entries(update.secrets ?? {})) {
        if (value === null) delete secrets[name];
        else secrets[name] = value;
      }
      const doc: IntegrationDoc = {
        botId,
        channel,
        enabled: update.enabled ?? current?.enabled ?? true,
        settings: toStorableKeys(
          update.settings ?? (current ? fromStorableKeys(current.settings) : {}),
        ),
        secrets: toStorableKeys(secrets),
        updatedAt: new Date(),
        // New credentials may well work: the channel finds out on its next send.
        status: {
          ...current?.status,
          ...(Object.keys(update.secrets ?? {}).length > 0 ? { healthy: true } : {}),
        },
      };
      await integrations.replaceOne({ botId, channel }, doc, { upsert: true });
      return toIntegration(doc);
    },

    async getSecrets(botId, channel) {
      const doc = await integrations.findOne({ botId, channel }, { projection: { secrets: 1 } });
      return doc ? fromStorableKeys(doc.secrets) : {};
    },

    async recordStatus(botId, channel, status) {
      const fields = Object.fromEntries(
        Object.entries(status).map(([name, value]) => [`status.${name}`, value]),
      );
      if (Object.keys(fields).length > 0)
        await integrations.updateOne({ botId, channel }, { $set: fields });
    },

    async deleteAll(botId) {
      const result = await integrations.deleteMany({ botId });
      return result.deletedCount;
    },
  };
}

function toIntegration(doc: IntegrationDoc): Integration {
  return {
    botId: doc.botId,
    channel: doc.channel,
    enabled: doc.enabled,
    settings: fromStorableKeys(doc.settings),
    secretNames: Object.keys(fromStorableKeys(doc.secrets)).sort(),
    updatedAt: doc.updatedAt,
    status: { ...UNKNOWN_STATUS, ...doc.status },
  };
}
