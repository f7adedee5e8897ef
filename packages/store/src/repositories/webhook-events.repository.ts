import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { isDuplicateKeyError } from '../errors.js';

export interface WebhookEventRepository {
  /** True the first time an event id is seen for a bot and channel; false for a redelivery. */
  recordOnce(botId: string, channel: string, eventId: string): Promise<boolean>;
  /** Forgets events older than the date (a cleanup timer calls it; no TTL index needed). */
  deleteOlderThan(date: Date): Promise<number>;
}

interface WebhookEventDoc {
  botId: string;
  channel: string;
  eventId: string;
  receivedAt: Date;
}

export function createWebhookEventRepository(db: Db): WebhookEventRepository {
  const events = db.collection<WebhookEventDoc>(COLLECTIONS.webhookEvents);

  return {
    async recordOnce(botId, channel, eventId) {
      try {
        await events.insertOne({ botId, channel, eventId, receivedAt: new Date() });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },

    async deleteOlderThan(date) {
      const result = await events.deleteMany({ receivedAt: { $lt: date } });
      return result.deletedCount;
    },
  };
}
