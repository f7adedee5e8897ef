import type { Router } from 'express';
import type { Store } from '@parley/store';
import { HttpProblem } from '../../http/problem.js';
import type { OpenApiRegistry } from '../../openapi/openapi-registry.js';
import type { Audit } from '../../services/audit.js';

/**
 * What the admin routers share: where to register, the store and the audit trail. Each router
 * names the store collections it uses (`AdminContext<'bots' | 'intents'>`), so its tests and
 * readers see its reach at a glance.
 */
export interface AdminContext<K extends keyof Store = keyof Store> {
  router: Router;
  registry: OpenApiRegistry;
  basePath: string;
  store: Pick<Store, K>;
  audit: Audit;
  /** The API's public base URL (PUBLIC_URL), for URLs the admin shows; absent in some tests. */
  publicUrl?: string;
}

/** Throws a 404 problem unless the bot exists; returns it otherwise. */
export async function requireBot(store: Pick<Store, 'bots'>, botId: string) {
  const bot = await store.bots.get(botId);
  if (!bot) throw HttpProblem.notFound(`Bot "${botId}"`);
  return bot;
}
