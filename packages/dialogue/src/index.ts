// What apps use: the dialogue manager, the ports it is wired with, the checks that saving and
// importing run with the runtime's own rules (templates, tool-call URLs, private addresses),
// and the renderer and tool caller the admin's previews run. Test doubles and contract suites
// are under `@parley/dialogue/testing`.
export {
  createDialogueManager,
  type DialogueManager,
  type DialogueManagerDeps,
} from './dialogue-manager.js';
export type {
  BotMessage,
  BotRuntime,
  BotRuntimePort,
  Button,
  ConversationStore,
  QuickReply,
  SaveConversationResult,
  StoredConversation,
  ToolCallOutcome,
  TurnRecord,
} from './ports.js';
export type {
  DialogueErrorCode,
  DialogueReply,
  ForcingPolicy,
  HandleMessageResult,
  UserMessage,
} from './types.js';
export type { ConversationState } from './conversation-state.js';
export {
  checkTemplate,
  createTemplateRenderer,
  type RenderMode,
  type TemplateRenderer,
} from './templates/template-renderer.js';
export { splitMessages } from './templates/split-messages.js';
export { checkToolCallUrl, redactSecrets, renderToolRequest } from './tools/render-tool-request.js';
export {
  createHttpToolCaller,
  type ToolCaller,
  type ToolRequest,
  type ToolResponse,
} from './tools/http-tool-caller.js';
export { createGuardedFetch, type GuardedFetchOptions } from './tools/guarded-fetch.js';
export { isBlockedAddress } from './tools/address-guard.js';
