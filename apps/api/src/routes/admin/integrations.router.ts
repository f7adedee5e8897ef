import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  CHANNEL_NAMES,
  CHANNEL_SETTINGS,
  readChannelSettings,
  type ChannelName,
} from '@parley/domain';
import type { Integration } from '@parley/store';
import { messengerSetup } from '../../channels/messenger/messenger-setup.js';
import { defineRoute } from '../../http/define-route.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const ZChannel = z.enum(CHANNEL_NAMES as [ChannelName, ...ChannelName[]]);

const ZIntegrationBody = z.object({
  enabled: z.boolean().optional(),
  /** Channel settings, checked with the channel's schema (see ZRestSettings, ZWidgetSettings, ZMessengerSettings). */
  settings: z.record(z.string(), z.unknown()).optional(),
  /** Secrets (page token, app secret, verify token): write-only; null removes one. */
  secrets: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.string().min(1).max(2000).nullable())
    .optional(),
});

/** Per-channel settings. Secret values are accepted, stored and never returned. */
export function addIntegrationRoutes({
  router,
  registry,
  basePath,
  store,
  audit,
  publicUrl,
}: AdminContext): void {
  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/integrations',
    summary: 'List channel integrations',
    tag: 'Integrations',
    role: 'viewer',
    params: ZBotParams,
    errors: [404],
    handler: async ({ params }) => {
      await requireBot(store, params.botId);
      const integrations = await store.integrations.list(params.botId);
      return { integrations: integrations.map((integration) => view(integration, publicUrl)) };
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'put',
    path: '/bots/:botId/integrations/:channel',
    summary: 'Configure a channel (secrets are write-only)',
    tag: 'Integrations',
    role: 'admin',
    params: ZBotParams.extend({ channel: ZChannel }),
    body: ZIntegrationBody,
    errors: [404],
    handler: async ({ params, body, principal }) => {
      await requireBot(store, params.botId);
      if (body.settings) body.settings = checkedSettings(params.channel, body.settings);
      const update =
        params.channel === 'widget' ? await withPublicKey(store, params.botId, body) : body;
      const integration = await store.integrations.upsert(params.botId, params.channel, update);
      await audit(
        principal,
        'integration.update',
        `/bots/${params.botId}/integrations/${params.channel}`,
        params.botId,
        {
          enabled: body.enabled,
          secretsChanged: Object.keys(body.secrets ?? {}),
        },
      );
      return view(integration, publicUrl);
    },
  });
}

/** The settings as the channel's schema reads them; every problem listed with its path. */
function checkedSettings(channel: ChannelName, settings: Record<string, unknown>) {
  const parsed = CHANNEL_SETTINGS[channel].safeParse(settings);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  throw new z.ZodError(
    parsed.error.issues.map((issue) => ({ ...issue, path: ['body', 'settings', ...issue.path] })),
  );
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
  store: AdminContext['store'],
  botId: string,
  body: z.infer<typeof ZIntegrationBody>,
): Promise<z.infer<typeof ZIntegrationBody>> {
  const current = await store.integrations.get(botId, 'widget');
  const settings = body.settings ?? current?.settings ?? {};
  const publicKey =
    typeof current?.settings.publicKey === 'string'
      ? current.settings.publicKey
      : `pub_${randomBytes(16).toString('base64url')}`;
  return { ...body, settings: { ...settings, publicKey } };
}
