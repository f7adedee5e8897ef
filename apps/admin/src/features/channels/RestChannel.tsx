import { useState } from 'react';
import { useRuntimeConfig } from '../../api/config-context';
import { usePermissions } from '../../auth/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CopyField } from './CopyField';
import { useIntegration } from './useIntegration';

/** A new channel key from the browser's cryptographic random source. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `rk_${btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;
}

export function RestChannel({ botId }: { botId: string }) {
  const { integration, save } = useIntegration(botId, 'rest');
  const { canWrite } = usePermissions();
  const { publicUrl } = useRuntimeConfig();
  const [shownKey, setShownKey] = useState<string | null>(null);
  const settings = integration.settings;
  const hasKey = integration.secretNames?.includes('apiKey') ?? false;
  const update = (changes: Record<string, unknown>) =>
    save.mutate({ settings: { ...settings, ...changes } });

  return (
    <section className="card" aria-labelledby="rest-title">
      <h2 id="rest-title" style={{ marginTop: 0 }}>
        REST API
      </h2>
      <p className="small muted">
        For your own servers:{' '}
        <code>
          POST {publicUrl}/api/v1/bots/{botId}/chat
        </code>{' '}
        with <code>Authorization: Bearer &lt;channel key&gt;</code>.
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={integration.enabled}
          disabled={!canWrite || save.isPending}
          onChange={(event) => save.mutate({ enabled: event.target.checked, settings })}
        />
        Enabled
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.allowAnonymous === true}
          disabled={!canWrite || save.isPending}
          onChange={(event) => update({ allowAnonymous: event.target.checked })}
        />
        Anyone may chat without a key (what old ai-chatbot-framework clients need)
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.allowForcedIntents === true}
          disabled={!canWrite || save.isPending}
          onChange={(event) => update({ allowForcedIntents: event.target.checked })}
        />
        Clients may force an intent with <code>/intent_id{'{…}'}</code>
      </label>
      <p>
        Channel key:{' '}
        {hasKey ? <span className="badge ok">set</span> : <span className="badge">none</span>}
      </p>
      <div className="row">
        <button
          type="button"
          disabled={!canWrite || save.isPending}
          onClick={() => {
            const key = newKey();
            save.mutate(
              { enabled: true, settings, secrets: { apiKey: key } },
              { onSuccess: () => setShownKey(key) },
            );
          }}
        >
          {hasKey ? 'Replace the key' : 'Create a key'}
        </button>
        {hasKey && (
          <button
            type="button"
            disabled={!canWrite || save.isPending}
            onClick={() => save.mutate({ secrets: { apiKey: null } })}
          >
            Revoke the key
          </button>
        )}
      </div>
      {shownKey && (
        <div className="notice warn" role="status">
          <p>
            <strong>Copy this key now: it is shown only once.</strong>
          </p>
          <CopyField label="Channel key" value={shownKey} />
        </div>
      )}
      <ErrorNotice error={save.error} title="The REST channel was not saved" />
    </section>
  );
}
