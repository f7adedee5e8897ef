import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS } from './collections.js';

const INDEXES: Record<string, IndexDescription[]> = {
  [COLLECTIONS.bots]: [{ key: { createdAt: 1 }, name: 'createdAt' }],
  [COLLECTIONS.intents]: [{ key: { botId: 1, intentId: 1 }, name: 'botId_intentId', unique: true }],
  [COLLECTIONS.entities]: [{ key: { botId: 1, name: 1 }, name: 'botId_name', unique: true }],
  [COLLECTIONS.integrations]: [
    { key: { botId: 1, channel: 1 }, name: 'botId_channel', unique: true },
  ],
  [COLLECTIONS.conversations]: [
    { key: { botId: 1, threadId: 1, version: 1 }, name: 'botId_threadId_version' },
  ],
  [COLLECTIONS.turns]: [
    { key: { botId: 1, threadId: 1, seq: 1 }, name: 'botId_threadId_seq', unique: true },
    { key: { botId: 1, at: -1 }, name: 'botId_at' },
    { key: { botId: 1, threadId: 1, at: 1 }, name: 'botId_threadId_at' },
  ],
  [COLLECTIONS.models]: [
    { key: { botId: 1, version: 1 }, name: 'botId_version', unique: true },
    { key: { botId: 1, dataHash: 1 }, name: 'botId_dataHash' },
  ],
  [COLLECTIONS.apiKeys]: [{ key: { hash: 1 }, name: 'hash', unique: true }],
  [COLLECTIONS.webhookEvents]: [
    { key: { botId: 1, channel: 1, eventId: 1 }, name: 'botId_channel_eventId', unique: true },
    { key: { receivedAt: 1 }, name: 'receivedAt' },
  ],
  [COLLECTIONS.webhookOutcomes]: [{ key: { finishedAt: 1 }, name: 'finishedAt' }],
  [COLLECTIONS.webhookQueue]: [
    { key: { botId: 1, channel: 1, threadId: 1 }, name: 'botId_channel_threadId' },
    { key: { receivedAt: 1 }, name: 'receivedAt' },
  ],
  [COLLECTIONS.locks]: [{ key: { expiresAt: 1 }, name: 'expiresAt' }],
  [COLLECTIONS.users]: [{ key: { username: 1 }, name: 'username', unique: true }],
  [COLLECTIONS.leases]: [{ key: { name: 1, term: -1 }, name: 'name_term' }],
  [COLLECTIONS.auditLog]: [{ key: { at: -1 }, name: 'at' }],
  [COLLECTIONS.sessions]: [
    { key: { userId: 1 }, name: 'userId' },
    { key: { expiresAt: 1 }, name: 'expiresAt' },
  ],
};

/** Creates every index the repositories rely on. Safe to run on every start. */
export async function ensureIndexes(db: Db): Promise<void> {
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    // One index per command: FerretDB 1.24 crashes the connection when a multi-index
    // createIndexes names indexes that all exist already.
    for (const index of indexes) await db.collection(collection).createIndexes([index]);
  }
}
