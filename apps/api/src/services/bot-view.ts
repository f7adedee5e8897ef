import type { Bot } from '@parley/store';

/** A bot as the admin API shows it: the LLM key is write-only, so only its presence shows. */
export function botView(bot: Bot) {
  const { apiKey, ...llm } = bot.settings.nlu.llm;
  return {
    id: bot.id,
    ...bot.settings,
    nlu: { ...bot.settings.nlu, llm: { ...llm, hasApiKey: Boolean(apiKey) } },
    activeModelId: bot.activeModelId,
    secretNames: bot.secretNames,
    createdAt: bot.createdAt,
    updatedAt: bot.updatedAt,
  };
}
