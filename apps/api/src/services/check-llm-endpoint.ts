import { isIP } from 'node:net';
import { isBlockedAddress } from '@parley/dialogue';
import type { BotSettings } from '@parley/domain';

/**
 * Why a bot's LLM endpoint is refused when it is saved, or null: a loopback, private or
 * metadata address written in the URL needs `nlu.llm.allowPrivateNetworks`. Host names are
 * checked again at every call, after DNS (see createGuardedFetch).
 */
export function llmEndpointProblem(settings: BotSettings): string | null {
  const { baseUrl, allowPrivateNetworks } = settings.nlu.llm;
  if (!baseUrl || allowPrivateNetworks) return null;
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const local = host === 'localhost' || host.endsWith('.localhost');
  if (!local && !(isIP(host) && isBlockedAddress(host))) return null;
  return `${host} is a loopback, private or link-local address; set nlu.llm.allowPrivateNetworks to true to use a local endpoint (such as Ollama)`;
}
