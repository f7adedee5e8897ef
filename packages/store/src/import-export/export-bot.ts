import type { Store } from '../store.js';
import type { AcfBot } from './acf-format.js';
import { toJinjaTemplate } from './jinja-to-handlebars.js';
import { PARLEY_FORMAT_VERSION, type ParleyBotFile } from './parley-format.js';

/** A bot's definition in Parley's versioned format; null when the bot does not exist. */
export async function exportBot(
  store: Pick<Store, 'bots' | 'intents' | 'entities'>,
  botId: string,
): Promise<ParleyBotFile | null> {
  const bot = await store.bots.get(botId);
  if (!bot) return null;
  const { llm, ...nlu } = bot.settings.nlu;
  // The LLM key is a secret: exports never carry it.
  const { apiKey: _apiKey, ...llmWithoutKey } = llm;
  return {
    format: 'parley',
    version: PARLEY_FORMAT_VERSION,
    bot: { ...bot.settings, nlu: { ...nlu, llm: llmWithoutKey } },
    intents: await store.intents.list(botId),
    entities: await store.entities.list(botId),
  };
}

/** The same bot in ai-chatbot-framework's format (what ACF can express of it). */
export async function exportBotAsAcf(
  store: Pick<Store, 'bots' | 'intents' | 'entities'>,
  botId: string,
): Promise<AcfBot | null> {
  const file = await exportBot(store, botId);
  if (!file) return null;
  return {
    intents: file.intents.map((intent) => ({
      name: intent.name,
      intentId: intent.intentId,
      userDefined: intent.userDefined,
      speechResponse: toJinjaTemplate(intent.responses),
      apiTrigger: intent.toolCall !== null,
      apiDetails: intent.toolCall
        ? {
            url: toJinjaTemplate([intent.toolCall.url]),
            requestType: intent.toolCall.method,
            headers: intent.toolCall.headers.map(({ name, value }) => ({
              headerKey: name,
              headerValue: value,
            })),
            isJson: intent.toolCall.bodyType === 'json',
            jsonData:
              intent.toolCall.bodyType === 'json' ? toJinjaTemplate([intent.toolCall.body]) : '',
          }
        : null,
      parameters: intent.parameters.map((parameter) => ({
        name: parameter.name,
        type: parameter.entity ?? 'free_text',
        required: parameter.required,
        prompt: parameter.prompt,
      })),
      trainingData: intent.trainingData,
    })),
    entities: file.entities.map((entity) => ({
      name: entity.name,
      entity_values: entity.values.map(({ value, synonyms }) => ({ value, synonyms })),
    })),
  };
}
