import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Every Prometheus metric Parley exposes at /metrics, in one registry per app. */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  nluParseDuration: Histogram<'bot' | 'source'>;
  messages: Counter<'bot' | 'channel'>;
  fallbacks: Counter<'bot' | 'channel'>;
  trainingDuration: Histogram<'bot' | 'outcome'>;
  toolCallErrors: Counter<'bot' | 'intent'>;
  llmCalls: Counter<'bot' | 'outcome'>;
  llmTokens: Counter<'bot' | 'kind'>;
  messengerEvents: Counter<'bot' | 'kind'>;
  messengerSends: Counter<'bot' | 'outcome'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Default metric names already start with process_ / nodejs_: the prefix keeps them Parley's.
  collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'parley_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'parley_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    nluParseDuration: new Histogram({
      name: 'parley_nlu_parse_duration_seconds',
      help: 'NLU parse latency by bot and the path that answered (local, llm)',
      labelNames: ['bot', 'source'],
      buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5],
      registers,
    }),
    messages: new Counter({
      name: 'parley_messages_total',
      help: 'Chat messages handled',
      labelNames: ['bot', 'channel'],
      registers,
    }),
    fallbacks: new Counter({
      name: 'parley_fallbacks_total',
      help: 'Messages answered by the fallback intent (fallback rate = fallbacks / messages)',
      labelNames: ['bot', 'channel'],
      registers,
    }),
    trainingDuration: new Histogram({
      name: 'parley_training_duration_seconds',
      help: 'Model training duration by outcome',
      labelNames: ['bot', 'outcome'],
      buckets: [1, 5, 10, 30, 60, 120, 300, 900],
      registers,
    }),
    toolCallErrors: new Counter({
      name: 'parley_tool_call_errors_total',
      help: 'Failed HTTP tool calls',
      labelNames: ['bot', 'intent'],
      registers,
    }),
    llmCalls: new Counter({
      name: 'parley_llm_calls_total',
      help: 'LLM endpoint calls by outcome',
      labelNames: ['bot', 'outcome'],
      registers,
    }),
    llmTokens: new Counter({
      name: 'parley_llm_tokens_total',
      help: 'LLM tokens used (prompt, completion)',
      labelNames: ['bot', 'kind'],
      registers,
    }),
    messengerEvents: new Counter({
      name: 'parley_messenger_events_total',
      help: 'Messenger webhook events by kind: text, payload, attachment (answered); echo, delivery, read, unsupported, other_page, duplicate (ignored)',
      labelNames: ['bot', 'kind'],
      registers,
    }),
    messengerSends: new Counter({
      name: 'parley_messenger_sends_total',
      help: 'Send API requests by outcome: sent, retried, failed',
      labelNames: ['bot', 'outcome'],
      registers,
    }),
  };
}
