import { useState } from 'react';
import { useRuntimeConfig } from '../../api/config-context';
import { usePermissions } from '../../auth/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { CopyField } from './CopyField';
import { useIntegration } from './useIntegration';
import { WriteOnlySecret } from './WriteOnlySecret';

const SECRETS = [
  [
    'pageAccessToken',
    'Page access token',
    'From Meta’s console: Messenger settings → access tokens.',
  ],
  [
    'appSecret',
    'App secret',
    'App settings → Basic. Signs every webhook call; without it nothing is accepted.',
  ],
  ['verifyToken', 'Verify token', 'Any random text; paste the same text in Meta’s webhook form.'],
] as const;

export function MessengerChannel({ botId }: { botId: string }) {
  const { integration, save } = useIntegration(botId, 'messenger');
  const { canWrite } = usePermissions();
  const { publicUrl } = useRuntimeConfig();
  const settings = integration.settings;
  const [enabled, setEnabled] = useState(integration.enabled);
  const [pageId, setPageId] = useState(String(settings.pageId ?? ''));
  const [attachmentReply, setAttachmentReply] = useState(
    String(settings.attachmentReply ?? 'Sorry, I can only read text messages.'),
  );
  const [secrets, setSecrets] = useState<Record<string, string | null | undefined>>({});
  const disabled = !canWrite;
  const status = integration as {
    healthy?: boolean;
    lastEventAt?: string | null;
    lastError?: string | null;
    status?: { healthy?: boolean; lastEventAt?: string | null; lastError?: string | null };
  };
  const health = status.status ?? status;
  // What the Messenger backend reports about its setup, once it is there.
  const setup = (
    integration as { messenger?: { webhookUrl?: string | null; signatureConfigured?: boolean } }
  ).messenger;
  const webhookUrl = setup?.webhookUrl ?? `${publicUrl}/api/v1/channels/messenger/${botId}/webhook`;
  const signed = setup?.signatureConfigured ?? integration.secretNames?.includes('appSecret');
  const changedSecrets = Object.fromEntries(
    Object.entries(secrets).filter(
      (entry): entry is [string, string | null] => entry[1] !== undefined,
    ),
  );

  return (
    <section className="card" aria-labelledby="messenger-title">
      <h2 id="messenger-title" style={{ marginTop: 0 }}>
        Facebook Messenger
      </h2>
      <CopyField
        label="Webhook URL: paste it as the callback URL in Meta’s console"
        value={webhookUrl}
      />
      <p>
        Signature check:{' '}
        {signed ? (
          <span className="badge ok">configured</span>
        ) : (
          <span className="badge warn">not configured — set the app secret</span>
        )}
      </p>
      {(health.lastEventAt !== undefined || health.healthy !== undefined) && (
        <p>
          {health.healthy === false ? (
            <span className="badge danger">unhealthy</span>
          ) : (
            <span className="badge ok">healthy</span>
          )}{' '}
          Last event: {formatDate(health.lastEventAt ?? null)}
          {health.lastError && <span className="notice error">{health.lastError}</span>}
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            {
              enabled,
              settings: {
                ...settings,
                ...(pageId ? { pageId } : { pageId: undefined }),
                attachmentReply,
              },
              ...(Object.keys(changedSecrets).length > 0 && { secrets: changedSecrets }),
            },
            { onSuccess: () => setSecrets({}) },
          );
        }}
      >
        <label className="checkbox">
          <input
            type="checkbox"
            checked={enabled}
            disabled={disabled}
            onChange={(event) => setEnabled(event.target.checked)}
          />
          Enabled
        </label>
        <div className="columns">
          <div className="field">
            <label htmlFor="messenger-page">Page id</label>
            <input
              id="messenger-page"
              inputMode="numeric"
              value={pageId}
              disabled={disabled}
              onChange={(event) => setPageId(event.target.value.trim())}
            />
          </div>
          <div className="field">
            <label htmlFor="messenger-attachment">Reply to attachments</label>
            <input
              id="messenger-attachment"
              value={attachmentReply}
              disabled={disabled}
              onChange={(event) => setAttachmentReply(event.target.value)}
            />
          </div>
        </div>
        {SECRETS.map(([name, label, hint]) => (
          <WriteOnlySecret
            key={name}
            label={label}
            hint={hint}
            isSet={integration.secretNames?.includes(name) ?? false}
            value={secrets[name]}
            disabled={disabled}
            onChange={(value) => setSecrets((s) => ({ ...s, [name]: value }))}
          />
        ))}
        <button type="submit" className="primary" disabled={disabled || save.isPending}>
          Save Messenger
        </button>
      </form>
      <ErrorNotice error={save.error} title="Messenger was not saved" />
    </section>
  );
}
