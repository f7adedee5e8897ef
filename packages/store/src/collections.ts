/** Collection names, in one place (see DESIGN.md, Data). */
export const COLLECTIONS = {
  bots: 'bots',
  intents: 'intents',
  entities: 'entities',
  integrations: 'integrations',
  conversations: 'conversations',
  turns: 'turns',
  models: 'models',
  apiKeys: 'apiKeys',
  webhookEvents: 'webhookEvents',
  webhookQueue: 'webhookQueue',
  locks: 'locks',
  users: 'users',
  auditLog: 'auditLog',
  leases: 'leases',
  settings: 'settings',
  sessions: 'sessions',
} as const;
