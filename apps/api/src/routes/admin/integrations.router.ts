import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  CHANNEL_NAMES,
  CHANNEL_SETTINGS,
  readChannelSettings,
  type ChannelName,
} from '@parley/domain';
import type { Integration, Store } from '@parley/store';
import { messengerSetup } from '../../channels/messenger/messenger-setup.js';
import { ZIntegrationView } from './admin.responses.js';
import { defineRoute } from '../../http/define-route.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

/** One body schema per channel, so the published schema is the validator (settings included). */
const integrationBody = (channel: ChannelName) =>
  z.object({
    enabled: z.boolean().optional(),
    /** The channel's settings (ZRestSettings, ZWidgetSettings, ZMessengerSettings). */
    settings: CHANNEL_SETTINGS[channel].optional(),
    /** Secrets (channel key, page token, app secret, verify token): write-only; null removes one. */
    secrets: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.string().min(1).max(2000).nullable())
      .optional(),
  });
type IntegrationBody = {
  enabled?: boolean;
  settings?: Record<string, unknown>;
  secrets?: Record<string, string | null>;
};

/** Per-channel settings. Secret values are accepted, stored and never returned. */
export function addIntegrationRoutes({
  router,
  registry,
  basePath,
  store,
  audit,
  publicUrl,
}: AdminContext<'bots' | 'integrations'>): void {
  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/integrations',
    summary: 'List channel integrations',
    tag: 'Integrations',
    role: 'viewer',
    response: z.object({ integrations: z.array(ZIntegrationView) }),
    params: ZBotParams,
    errors: [404],
    handler: async ({ params }) => {
      await requireBot(store, params.botId);
      const integrations = await store.integrations.list(params.botId);
      return { integrations: integrations.map((integration) => view(integration, publicUrl)) };
    },
  });

  for (const channel of CHANNEL_NAMES) {
    defineRoute(router, registry, basePath, {
      method: 'put',
      path: `/bots/:botId/integrations/${channel}`,
      summary: `Configure the ${channel} channel (secrets are write-only)`,
      tag: 'Integrations',
      role: 'admin',
      response: ZIntegrationView,
      params: ZBotParams,
      body: integrationBody(channel),
      errors: [404],
      handler: async ({ params, body, principal }) => {
        await requireBot(store, params.botId);
        const given = body as IntegrationBody;
        const update =
          channel === 'widget' ? await withPublicKey(store, params.botId, given) : given;
        const integration = await store.integrations.upsert(params.botId, channel, update);
        await audit(
          principal,
          'integration.update',
          `/bots/${params.botId}/integrations/${channel}`,
          params.botId,
          { enabled: given.enabled, secretsChanged: Object.keys(given.secrets ?? {}) },
        );
        return view(integration, publicUrl);
      },
    });
  }
}

/** An integration as the admin sees it: its settings read with the channel's schema, its status, and for Messenger how to connect it. */
function view(integration: Integration, publicUrl: string | undefined) {
  const read = {
    ...integration,
    settings: readChannelSettings(integration.channel, integration.settings),
  };
  return integration.channel === 'messenger'
    ? { ...read, messenger: messengerSetup(integration, publicUrl) }
    : read;
}

/** The widget's public key identifies the bot in browsers; it is made once and kept. */
async function withPublicKey(
  store: Pick<Store, 'integrations'>,
  botId: string,
  body: IntegrationBody,
): Promise<IntegrationBody> {
  const current = await store.integrations.get(botId, 'widget');
  const settings = body.settings ?? current?.settings ?? {};
  const publicKey =
    typeof current?.settings.publicKey === 'string'
      ? current.settings.publicKey
      : `pub_${randomBytes(16).toString('base64url')}`;
  return { ...body, settings: { ...settings, publicKey } };
}
