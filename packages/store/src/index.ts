// What apps use: connecting (or launching the embedded database), the store's repositories
// and the types of what they return, seeding, and import/export of bot files. Repository
// factories, indexes and file schemas stay inside the package.
export { connectStore, type ConnectedStore, type ConnectOptions } from './connect-store.js';
export {
  launchDevDatabase,
  DevDatabaseError,
  type DevDatabase,
} from './devdb/launch-dev-database.js';
export type { LaunchOptions } from './devdb/launch-dev-database.js';
export type { Store } from './store.js';
export { COLLECTIONS } from './collections.js';
export {
  DuplicateKeyError,
  StoreValidationError,
  isDatabaseUnavailable,
  type ValidationIssue,
} from './errors.js';
export { seedDefaultBot, DEFAULT_BOT_ID, BUILT_IN_INTENTS } from './seed-default-bot.js';
export {
  importBot,
  type ImportOptions,
  type ImportReport,
  type ImportResult,
} from './import-export/import-bot.js';
export { exportBot, exportBotAsAcf } from './import-export/export-bot.js';
export {
  parseBotFile,
  type BotFileFormat,
  type ParsedBotFile,
  type ParseBotFileResult,
} from './import-export/parse-bot-file.js';
export type { Role, ApiKeyRecord, ApiKeyRepository } from './repositories/api-keys.repository.js';
export type { AuditEntry, AuditLogRepository } from './repositories/audit-log.repository.js';
export type { Bot, BotRepository } from './repositories/bots.repository.js';
export type { ChangeStamp } from './repositories/change-stamp.repository.js';
export type {
  ConversationRepository,
  SaveResult,
  StoredConversation,
} from './repositories/conversations.repository.js';
export type { EntityRepository } from './repositories/entities.repository.js';
export type {
  Channel,
  Integration,
  IntegrationRepository,
  IntegrationStatus,
  IntegrationUpdate,
} from './repositories/integrations.repository.js';
export type { IntentRepository } from './repositories/intents.repository.js';
export type { LeaseRepository } from './repositories/leases.repository.js';
export type { LockRepository } from './repositories/locks.repository.js';
export type {
  ModelProgress,
  ModelRecord,
  ModelRepository,
  ModelStatus,
  ModelUpdate,
} from './repositories/models.repository.js';
export type {
  ReviewPage,
  ReviewQuery,
  ReviewRepository,
} from './repositories/review.repository.js';
export type { SessionRecord, SessionRepository } from './repositories/sessions.repository.js';
export type { SettingsRepository } from './repositories/settings.repository.js';
export type {
  ThreadFilter,
  ThreadPage,
  ThreadSummary,
  Turn,
  TurnFields,
  TurnRepository,
} from './repositories/turns.repository.js';
export type { UserRecord, UserRepository, UserUpdate } from './repositories/users.repository.js';
export {
  webhookEventId,
  type NewWebhookEvent,
  type PendingWebhookEvent,
  type QueuedWebhookEvent,
  type RecordResult,
  type WebhookEvent,
  type WebhookEventRepository,
  type WebhookEventStatus,
} from './repositories/webhook-events.repository.js';
