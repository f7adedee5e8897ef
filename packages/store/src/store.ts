import type { Db } from 'mongodb';
import {
  createAuditLogRepository,
  type AuditLogRepository,
} from './repositories/audit-log.repository.js';
import { createLeaseRepository, type LeaseRepository } from './repositories/leases.repository.js';
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
import {
  createWebhookEventRepository,
  type WebhookEventRepository,
} from './repositories/webhook-events.repository.js';

/** Every repository, over one database. */
export interface Store {
  bots: BotRepository;
  intents: IntentRepository;
  entities: EntityRepository;
  integrations: IntegrationRepository;
  conversations: ConversationRepository;
  turns: TurnRepository;
  models: ModelRepository;
  apiKeys: ApiKeyRepository;
  webhookEvents: WebhookEventRepository;
  users: UserRepository;
  auditLog: AuditLogRepository;
  leases: LeaseRepository;
  settings: SettingsRepository;
  sessions: SessionRepository;
}

export function createStore(db: Db): Store {
  return {
    bots: createBotRepository(db),
    intents: createIntentRepository(db),
    entities: createEntityRepository(db),
    integrations: createIntegrationRepository(db),
    conversations: createConversationRepository(db),
    turns: createTurnRepository(db),
    models: createModelRepository(db),
    apiKeys: createApiKeyRepository(db),
    webhookEvents: createWebhookEventRepository(db),
    users: createUserRepository(db),
    auditLog: createAuditLogRepository(db),
    leases: createLeaseRepository(db),
    settings: createSettingsRepository(db),
    sessions: createSessionRepository(db),
  };
}
