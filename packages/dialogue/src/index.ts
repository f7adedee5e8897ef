export * from './ports.js';
export * from './types.js';
export {
  ZConversationState,
  ZSlotFrame,
  MAX_SUSPENDED_FRAMES,
  createInitialState,
  startingState,
  type ConversationState,
  type SlotFrame,
  type SessionOptions,
} from './conversation-state.js';
export {
  createDialogueManager,
  type DialogueManager,
  type DialogueManagerDeps,
} from './dialogue-manager.js';
export { processTurn, type TurnInput, type TurnOutcome } from './turn/process-turn.js';
export type { TurnEnv } from './turn/turn-env.js';
export { parseForcedIntent, type ForcedIntent } from './turn/forced-intent.js';
export { checkForcedValues, type ExtractEntities } from './turn/forced-values.js';
export { resolveIntent, type Resolution, type FallbackReason } from './turn/resolve-intent.js';
export {
  createTemplateRenderer,
  checkTemplate,
  TemplateRenderError,
  type TemplateRenderer,
  type TemplateRendererOptions,
  type RenderLocale,
  type RenderMode,
} from './templates/template-renderer.js';
export { splitMessages, MESSAGE_SEPARATOR } from './templates/split-messages.js';
export {
  createHttpToolCaller,
  type ToolCaller,
  type ToolRequest,
  type ToolResponse,
  type ToolErrorCode,
  type HttpMethod,
  type HttpToolCallerOptions,
} from './tools/http-tool-caller.js';
export {
  isBlockedAddress,
  BlockedAddressError,
  createGuardedLookup,
  type Resolver,
} from './tools/address-guard.js';
export { createGuardedFetch, type GuardedFetchOptions } from './tools/guarded-fetch.js';
export { renderToolRequest, redactSecrets, checkToolCallUrl } from './tools/render-tool-request.js';
