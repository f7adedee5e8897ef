import type { ParseOptions, ParseResult } from '@parley/nlu';
import type { BotRuntime } from '../ports.js';
import type { RenderLocale, TemplateRenderer } from '../templates/template-renderer.js';
import type { ToolRequest, ToolResponse } from '../tools/http-tool-caller.js';

/** What processing one message may use besides the state: the bot and injected effects. */
export interface TurnEnv {
  bot: BotRuntime;
  renderer: TemplateRenderer;
  random: () => number;
  parse: (text: string, options: ParseOptions) => Promise<ParseResult>;
  callTool: (request: ToolRequest) => Promise<ToolResponse>;
}

export function localeOf(bot: BotRuntime): RenderLocale {
  return { language: bot.settings.language, timeZone: bot.settings.timeZone };
}
