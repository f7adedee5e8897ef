import type { Integration } from '@parley/store';
import { WEBHOOK_PATH } from './webhook.router.js';

/** Secret names of the `messenger` integration, as the admin API and the README name them. */
export const MESSENGER_SECRETS = {
  pageAccessToken: 'pageAccessToken',
  appSecret: 'appSecret',
  verifyToken: 'verifyToken',
} as const;

/** What the admin shows to connect a Page: the callback URL and which secrets are in place. */
export interface MessengerSetup {
  /** The callback path to paste into Meta's console, after the API's public address. */
  webhookPath: string;
  /** The full callback URL, when the API knows its public address. */
  webhookUrl: string | null;
  /** Deliveries can be verified (an app secret is stored); without it every delivery is refused. */
  signatureConfigured: boolean;
  verifyTokenConfigured: boolean;
  pageAccessTokenConfigured: boolean;
}

export function messengerSetup(integration: Integration, publicUrl?: string): MessengerSetup {
  const webhookPath = WEBHOOK_PATH.replace(':botId', encodeURIComponent(integration.botId));
  const has = (name: string) => integration.secretNames.includes(name);
  return {
    webhookPath,
    webhookUrl: publicUrl ? `${publicUrl.replace(/\/+$/, '')}${webhookPath}` : null,
    signatureConfigured: has(MESSENGER_SECRETS.appSecret),
    verifyTokenConfigured: has(MESSENGER_SECRETS.verifyToken),
    pageAccessTokenConfigured: has(MESSENGER_SECRETS.pageAccessToken),
  };
}
