import type { Db } from 'mongodb';
import { createChangeStamp, type ChangeStamp } from './repositories/change-stamp.repository.js';
import {
  createAuditLogRepository,
  type AuditLogRepository,
} from './repositories/audit-log.repository.js';
import { createLeaseRepository, type LeaseRepository } from './repositories/leases.repository.js';
import { createLockRepository, type LockRepository } from './repositories/locks.repository.js';
import {
  createSettingsRepository,
  type SettingsRepository,
} from './repositories/settings.repository.js';
import { createUserRepository, type UserRepository } from './repositories/users.repository.js';
import {
  createSessionRepository,
  type SessionRepository,
} from './repositories/sessions.repository.js';
import {
  createApiKeyRepository,
  type ApiKeyRepository,
} from './repositories/api-keys.repository.js';
import { createBotRepository, type BotRepository } from './repositories/bots.repository.js';
import {
  createConversationRepository,
  type ConversationRepository,
} from './repositories/conversations.repository.js';
import {
  createEntityRepository,
  type EntityRepository,
} from './repositories/entities.repository.js';
import {
  createIntegrationRepository,
  type IntegrationRepository,
} from './repositories/integrations.repository.js';
import {
  createIntentRepository,
  type IntentRepository,
} from './repositories/intents.repository.js';
import { createModelRepository, type ModelRepository } from './repositories/models.repository.js';
import { createTurnRepository, type TurnRepository } from './repositories/turns.repository.js';
import { createReviewRepository, type ReviewRepository } from './repositories/review.repository.js';
import {
  createWebhookEventRepository,
  type WebhookEventRepository,
} from './repositories/webhook-events.repository.js';

/** Every repository, over one database. */
export interface Store {
  /** Moves whenever something cached per message changes (see ChangeStamp). */
  changes: ChangeStamp;
  bots: BotRepository;
  intents: IntentRepository;
  entities: EntityRepository;
  integrations: IntegrationRepository;
  conversations: ConversationRepository;
  turns: TurnRepository;
  /** The chat log's "needs review" inbox (read-only). */
  review: ReviewRepository;
  models: ModelRepository;
  apiKeys: ApiKeyRepository;
  webhookEvents: WebhookEventRepository;
  users: UserRepository;
  auditLog: AuditLogRepository;
  leases: LeaseRepository;
  locks: LockRepository;
  settings: SettingsRepository;
  sessions: SessionRepository;
}

export function createStore(db: Db): Store {
  const changes = createChangeStamp(db);
  // What API instances cache per message; each write below moves the change stamp.
  const bump = <R extends object>(repository: R, methods: Array<keyof R>) =>
    bumpingOn(repository, methods, changes);
  return {
    changes,
    bots: bump(createBotRepository(db), [
      'updateSettings',
      'setActiveModel',
      'setSecret',
      'deleteSecret',
      'delete',
    ]),
    intents: bump(createIntentRepository(db), [
      'create',
      'replace',
      'delete',
      'replaceAll',
      'deleteAll',
    ]),
    entities: bump(createEntityRepository(db), [
      'create',
      'replace',
      'delete',
      'replaceAll',
      'deleteAll',
    ]),
    integrations: bump(createIntegrationRepository(db), ['upsert', 'deleteAll']),
    conversations: bump(createConversationRepository(db), ['delete', 'deleteAll']),
    turns: createTurnRepository(db),
    review: createReviewRepository(db),
    models: createModelRepository(db),
    apiKeys: bump(createApiKeyRepository(db), ['revoke']),
    webhookEvents: createWebhookEventRepository(db),
    users: createUserRepository(db),
    auditLog: createAuditLogRepository(db),
    leases: createLeaseRepository(db),
    locks: createLockRepository(db),
    settings: createSettingsRepository(db),
    sessions: createSessionRepository(db),
  };
}

/** The repository, with the listed methods moving the change stamp after they succeed. */
function bumpingOn<R extends object>(
  repository: R,
  methods: Array<keyof R>,
  changes: ChangeStamp,
): R {
  const wrapped = { ...repository };
  for (const name of methods) {
    const method = repository[name] as unknown as (...args: unknown[]) => Promise<unknown>;
    (wrapped as Record<keyof R, unknown>)[name] = async (...args: unknown[]) => {
      const result = await method.apply(repository, args);
      await changes.bump();
      return result;
    };
  }
  return wrapped;
}
