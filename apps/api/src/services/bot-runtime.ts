import { createGuardedFetch, type BotRuntime, type BotRuntimePort } from '@parley/dialogue';
import {
  createHybridParser,
  createLlmParser,
  type LlmCallRecord,
  type NluParser,
} from '@parley/nlu';
import type { Store } from '@parley/store';
import type { Metrics } from '../metrics/metrics.js';
import type { ModelRuntime } from './models/model-runtime.js';
import type { NluEngine } from './nlu-engine.js';

/**
 * Assembles what the dialogue manager needs per bot: settings, intents, entities, secrets
 * and the parser its pipeline asks for (local model, LLM, or local first then LLM).
 * Each message reads the bot document; intents, entities and secrets are read again only when
 * the bot's settings version or its definition version moved (edits on any instance show at
 * once). The LLM parser, with its cache and circuit breaker, lives as long as those versions
 * do: activating another model moves neither, so it keeps them.
 */
export function createBotRuntimePort(deps: {
  store: { bots: Pick<Store['bots'], 'get' | 'getSecrets'> } & Pick<Store, 'intents' | 'entities'>;
  models: ModelRuntime;
  engine: Pick<NluEngine, 'extractorsOnly'>;
  metrics?: Metrics;
}): BotRuntimePort {
  /** What is built once per version of a bot: its definition, extractors and LLM parser. */
  const guardedFetch = createGuardedFetch();
  type Definition = Omit<BotRuntime, 'nlu' | 'extractEntities'> & {
    extractors: NluParser;
    llm?: NluParser;
  };
  const definitions = new Map<string, { key: string; value: Promise<Definition> }>();

  async function definition(botId: string): Promise<Definition | null> {
    const bot = await deps.store.bots.get(botId);
    if (!bot) return null;
    // createdAt: a bot deleted and created again under its id starts its versions at 0.
    const key = `${bot.createdAt.getTime()}:${bot.definitionVersion}:${bot.settingsVersion}`;
    const cached = definitions.get(botId);
    if (cached?.key === key) return cached.value;
    const value = (async () => {
      const [intents, entities, secrets] = await Promise.all([
        deps.store.intents.list(botId),
        deps.store.entities.list(botId),
        deps.store.bots.getSecrets(botId),
      ]);
      return {
        botId,
        settings: bot.settings,
        intents,
        entities,
        secrets,
        extractors: deps.engine.extractorsOnly(entities, bot.settings.language),
      };
    })();
    definitions.set(botId, { key, value });
    value.catch(() => definitions.delete(botId));
    return value;
  }

  /** Built on first use per bot version, so its cache, queue and circuit breaker persist between messages. */
  function llmParser(runtime: Definition): NluParser {
    if (runtime.llm) return runtime.llm;
    const { llm } = runtime.settings.nlu;
    const parser = createLlmParser({
      bot: {
        intents: runtime.intents,
        entities: runtime.entities,
        language: runtime.settings.language,
      },
      settings: llm,
      ...(!llm.allowPrivateNetworks && { fetch: guardedFetch }),
      fallbackIntentId: runtime.settings.dialogue.fallbackIntentId,
      onCall: (call: LlmCallRecord) => {
        deps.metrics?.llmCalls.inc({ bot: runtime.botId, outcome: call.outcome });
        if (call.promptTokens)
          deps.metrics?.llmTokens.inc({ bot: runtime.botId, kind: 'prompt' }, call.promptTokens);
        if (call.completionTokens)
          deps.metrics?.llmTokens.inc(
            { bot: runtime.botId, kind: 'completion' },
            call.completionTokens,
          );
      },
    });
    runtime.llm = parser;
    return parser;
  }

  return {
    async get(botId) {
      const found = await definition(botId);
      if (!found) return null;
      const { extractors, llm: _llm, ...runtime } = found;
      const local = await deps.models.get(botId);
      const { pipeline, threshold } = runtime.settings.nlu;
      let nlu: NluParser = local ?? extractors;
      if (pipeline === 'llm') nlu = llmParser(found);
      if (pipeline === 'hybrid') {
        nlu = createHybridParser({
          local,
          llm: llmParser(found),
          threshold,
          fallbackIntentId: runtime.settings.dialogue.fallbackIntentId,
        });
      }
      return {
        ...runtime,
        nlu: timed(nlu, botId, deps.metrics),
        extractEntities: async (text, options) => (await extractors.parse(text, options)).entities,
      };
    },
  };
}

function timed(parser: NluParser, botId: string, metrics: Metrics | undefined): NluParser {
  if (!metrics) return parser;
  return {
    get warnings() {
      return parser.warnings ?? [];
    },
    async parse(text, options) {
      const started = performance.now();
      const result = await parser.parse(text, options);
      metrics.nluParseDuration.observe(
        { bot: botId, source: result.source },
        (performance.now() - started) / 1000,
      );
      return result;
    },
  };
}
