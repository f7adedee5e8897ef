// The admin API's shapes as the UI reads them (see /api/v1/openapi.json).

export type Role = 'admin' | 'viewer';

export interface SessionInfo {
  user: { id: string; username: string; role: Role };
  expiresAt: string;
  csrfToken: string;
}

export interface Bot {
  id: string;
  name: string;
  description: string;
  language: string;
  timeZone: string;
  nlu: {
    pipeline: 'local' | 'llm' | 'hybrid';
    threshold: number;
    ambiguityMargin: number;
    ambiguity: 'fallback' | 'clarify';
    entityThreshold?: number;
    llm: {
      baseUrl?: string;
      model?: string;
      timeoutMs: number;
      hasApiKey: boolean;
      allowPrivateNetworks?: boolean;
    };
  };
  dialogue: {
    fallbackIntentId: string;
    cancelIntentId: string;
    welcomeIntentId: string;
    sessionIdleMinutes: number;
    keepContextOnExpiry: boolean;
    giveUpText: string;
    errorText: string;
  };
  toolCalls: { allowPrivateNetworks: boolean };
  activeModelId: string | null;
  secretNames: string[];
  createdAt: string;
  updatedAt: string;
}

export interface EntitySpan {
  name: string;
  value: string;
  begin: number;
  end: number;
}

export interface TrainingExample {
  text: string;
  entities: EntitySpan[];
}

export interface Parameter {
  name: string;
  entity?: string;
  required: boolean;
  prompt: string;
  reprompt?: string;
  maxTries: number;
}

export interface ToolCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Array<{ name: string; value: string }>;
  bodyType: 'none' | 'json' | 'form';
  body: string;
  timeoutMs: number;
}

export interface QuickReply {
  title: string;
  payload?: string;
}

export interface Intent {
  intentId: string;
  name: string;
  description: string;
  userDefined: boolean;
  responses: string[];
  quickReplies: QuickReply[];
  buttons: Array<{ title: string; payload?: string; url?: string }>;
  errorResponse?: string;
  parameters: Parameter[];
  toolCall: ToolCall | null;
  onInterrupt: 'switch' | 'resume';
  trainingData: TrainingExample[];
}

export interface IntentSummary {
  intentId: string;
  name: string;
  userDefined: boolean;
  examples: number;
  parameters: number;
  updatedAt: string | null;
}

export interface EntityDefinition {
  name: string;
  values: Array<{ value: string; synonyms: string[] }>;
  patterns: string[];
  fuzzy: boolean;
  allowUnlisted: boolean;
}

export interface ExtractedEntity {
  name: string;
  value: unknown;
  raw: string;
  begin: number;
  end: number;
  confidence?: number;
  extractor?: string;
}

export interface ParseResult {
  intent: { name: string; confidence: number };
  ranking: Array<{ name: string; confidence: number }>;
  entities: ExtractedEntity[];
  source?: string;
  [key: string]: unknown;
}

export interface ModelProgress {
  phase: string;
  epoch?: number;
  epochs?: number;
  percent: number;
  etaSeconds?: number;
}

export interface ModelMetrics {
  folds: number;
  intentAccuracy: number;
  macroF1: number;
  perIntent: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion: Record<string, Record<string, number>>;
  entityF1: number | null;
  misclassified?: Array<{ text: string; expected: string; predicted: string; confidence: number }>;
  thresholdTradeoff?: Array<{ threshold: number; inScopeAccuracy: number; fallbackRate: number }>;
  /** How far the confidence is from the share of right answers (0..1; models before format 2 lack it). */
  calibrationError?: number;
  /** Share of messages of intents held out while training (never taught) that fall back, by threshold. */
  outOfScopeRecall?: Array<{ threshold: number; oosRecall: number }>;
}

export interface ModelVersion {
  id: string;
  version: number;
  status: 'queued' | 'training' | 'ready' | 'failed';
  progress: ModelProgress;
  error: string | null;
  metrics: ModelMetrics | null;
  dataHash: string;
  sizeBytes: number | null;
  durationMs: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface BotMessage {
  text: string;
  quickReplies?: QuickReply[];
  buttons?: Array<{ title: string; payload?: string; url?: string }>;
}

export interface ToolCallOutcome {
  method: string;
  url: string;
  status: number | null;
  ok: boolean;
  durationMs: number;
  error?: string;
  code?: string;
}

export interface ChatReply {
  threadId: string;
  messages: BotMessage[];
  intent: { name: string; confidence: number } | null;
  entities: ExtractedEntity[];
  complete: boolean;
  missingParameters: string[];
  parameters: Record<string, unknown>;
  context: Record<string, unknown>;
  fellBack: boolean;
  nlu: ParseResult | null;
  seq: number;
}

export interface Turn {
  threadId: string;
  seq: number;
  at: string;
  channel: string;
  userText: string;
  intentId: string | null;
  fellBack: boolean;
  nlu: ParseResult | null;
  parameters: Record<string, unknown>;
  messages: BotMessage[];
  toolCall: ToolCallOutcome | null;
  error: string | null;
  latencyMs: number;
}

export interface ThreadSummary {
  threadId: string;
  firstAt: string;
  lastAt: string;
  turns: number;
  fallbacks: number;
}

export interface Integration {
  channel: 'rest' | 'widget' | 'messenger';
  enabled: boolean;
  settings: Record<string, unknown>;
  secretNames?: string[];
  [key: string]: unknown;
}

export interface User {
  id: string;
  username: string;
  role: Role;
  createdAt?: string;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt?: string | null;
  prefix?: string;
}

export interface AuditEntry {
  id?: string;
  at: string;
  actor: { kind: string; id: string; name: string };
  action: string;
  target: string;
  botId: string | null;
  details?: Record<string, unknown>;
}
