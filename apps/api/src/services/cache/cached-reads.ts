import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { ApiKeyRecord, Bot, Channel, Integration, Store } from '@parley/store';
import type { ChangeWatcher } from './change-watcher.js';

/** `lastUsedAt` of an API key is written at most this often, off the request path. */
const TOUCH_EVERY_MS = 60_000;

export interface CachedReads {
  bots: Pick<Store['bots'], 'get'>;
  integrations: Pick<Store['integrations'], 'get' | 'getSecrets'>;
  apiKeys: Pick<Store['apiKeys'], 'verify'>;
}

/**
 * What every chat message reads and rarely changes — the bot document, channel settings and
 * secrets, API key checks — kept per instance until the change watcher says something changed
 * (see ChangeWatcher for the bound). Unknown keys are not cached: a new key works at once.
 */
export function createCachedReads(deps: {
  store: Pick<Store, 'bots' | 'integrations' | 'apiKeys'>;
  watcher: ChangeWatcher;
  logger?: Logger;
}): CachedReads {
  const { store } = deps;
  const bots = new Map<string, Promise<Bot | null>>();
  const integrations = new Map<string, Promise<Integration | null>>();
  const secrets = new Map<string, Promise<Record<string, string>>>();
  const keys = new Map<string, { record: ApiKeyRecord; touchedAt: number }>();
  deps.watcher.onChange(() => {
    bots.clear();
    integrations.clear();
    secrets.clear();
    keys.clear();
  });

  function memo<V>(map: Map<string, Promise<V>>, id: string, read: () => Promise<V>): Promise<V> {
    const hit = map.get(id);
    if (hit) return hit;
    const value = read();
    map.set(id, value);
    // A failed read is not remembered.
    value.catch(() => map.delete(id));
    return value;
  }

  return {
    bots: { get: (botId) => memo(bots, botId, () => store.bots.get(botId)) },
    integrations: {
      get: (botId, channel: Channel) =>
        memo(integrations, `${botId}\u0000${channel}`, () =>
          store.integrations.get(botId, channel),
        ),
      getSecrets: (botId, channel: Channel) =>
        memo(secrets, `${botId}\u0000${channel}`, () =>
          store.integrations.getSecrets(botId, channel),
        ),
    },
    apiKeys: {
      async verify(key) {
        const id = createHash('sha256').update(key).digest('base64url');
        const hit = keys.get(id);
        if (hit) {
          if (Date.now() - hit.touchedAt > TOUCH_EVERY_MS) {
            hit.touchedAt = Date.now();
            store.apiKeys.touch(hit.record.id).catch((error: unknown) => {
              deps.logger?.warn({ err: error }, 'could not record an API key’s last use');
            });
          }
          return hit.record;
        }
        const record = await store.apiKeys.verify(key);
        if (record) keys.set(id, { record, touchedAt: Date.now() });
        return record;
      },
    },
  };
}
