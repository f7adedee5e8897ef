import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const ZChannel = z.enum(['rest', 'widget', 'messenger']);

const ZIntegrationBody = z.object({
  enabled: z.boolean().optional(),
  /** Channel settings: widget allowed origins and look, Messenger page id … */
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
      return { integrations: await store.integrations.list(params.botId) };
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
      return integration;
    },
  });
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
