import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { fromStorableKeys, toStorableKeys } from '../safe-keys.js';

/** Who changed what, when. Details never hold secrets: callers pass redacted data. */
export interface AuditEntry {
  at: Date;
  actor: { kind: 'apiKey' | 'user' | 'system'; id: string; name: string };
  action: string;
  /** The resource path, e.g. `/bots/default/intents/greet`. */
  target: string;
  botId: string | null;
  details: Record<string, unknown>;
}

export interface AuditLogRepository {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first; `before` pages backwards through time. */
  list(options?: { botId?: string; before?: Date; limit?: number }): Promise<AuditEntry[]>;
}

export function createAuditLogRepository(db: Db): AuditLogRepository {
  const log = db.collection<AuditEntry>(COLLECTIONS.auditLog);

  return {
    async record(entry) {
      await log.insertOne(toStorableKeys({ ...entry }));
    },

    async list({ botId, before, limit = 50 } = {}) {
      const docs = await log
        .find(
          { ...(botId && { botId }), ...(before && { at: { $lt: before } }) },
          { projection: { _id: 0 } },
        )
        .sort({ at: -1 })
        .limit(Math.min(Math.max(limit, 1), 500))
        .toArray();
      return docs.map((doc) => fromStorableKeys(doc) as AuditEntry);
    },
  };
}
