import { useState } from 'react';
import { useRuntimeConfig } from '../../api/config-context';
import { usePermissions } from '../../auth/session';
import { ChipsInput } from '../../ui/ChipsInput';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CopyField } from './CopyField';
import { useIntegration } from './useIntegration';

const DEFAULTS = {
  title: '',
  greeting: '',
  primaryColor: '#1f6feb',
  position: 'bottom-right',
  language: 'en',
};

/** The languages the widget has its own strings in (the API checks the same list). */
const WIDGET_LANGUAGES: Array<[string, string]> = [
  ['en', 'English'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
];

/** Empty title or greeting: the widget's own default, so the setting is left out. */
function withoutEmpty(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => !(typeof value === 'string' && !value.trim())),
  );
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** The snippet a website pastes to embed the widget, for this deployment. */
export function embedSnippet(publicUrl: string, botId: string, publicKey: string): string {
  return `<script src="${publicUrl}/widget.js" data-bot-id="${botId}" data-api-url="${publicUrl}" data-key="${publicKey}" async></script>`;
}

export function WidgetChannel({ botId }: { botId: string }) {
  const { integration, save } = useIntegration(botId, 'widget');
  const { canWrite } = usePermissions();
  const { publicUrl } = useRuntimeConfig();
  const { publicKey, ...stored } = integration.settings;
  const original = {
    ...DEFAULTS,
    allowedOrigins: [] as string[],
    allowForcedIntents: false,
    ...stored,
  };
  const [draft, setDraft] = useState(original);
  const [enabled, setEnabled] = useState(integration.enabled);
  const dirty =
    JSON.stringify(draft) !== JSON.stringify(original) || enabled !== integration.enabled;
  const bad = (draft.allowedOrigins as string[]).filter((origin) => !isOrigin(origin));
  const disabled = !canWrite;

  return (
    <section className="card" aria-labelledby="widget-title">
      <h2 id="widget-title" style={{ marginTop: 0 }}>
        Web chat widget
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ enabled, settings: withoutEmpty(draft) });
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
        <div className="field">
          <span className="label" id="origins-label">
            Allowed origins
          </span>
          <ChipsInput
            id="widget-origins"
            label="allowed origin"
            values={draft.allowedOrigins as string[]}
            onChange={(allowedOrigins) => setDraft({ ...draft, allowedOrigins })}
            disabled={disabled}
            describedBy="origins-hint"
          />
          <span className="hint" id="origins-hint">
            The sites that may show the widget, as <code>https://shop.example</code> (scheme, host
            and port). Enter adds one.
          </span>
          {bad.length > 0 && (
            <span className="error-text" role="alert">
              Not an origin: {bad.join(', ')}
            </span>
          )}
        </div>
        <div className="columns">
          <div className="field">
            <label htmlFor="widget-title-input">
              Title (empty: “Chat” in the widget’s language)
            </label>
            <input
              id="widget-title-input"
              value={String(draft.title)}
              disabled={disabled}
              onChange={(event) => setDraft({ ...draft, title: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="widget-greeting">Greeting</label>
            <input
              id="widget-greeting"
              value={String(draft.greeting)}
              disabled={disabled}
              onChange={(event) => setDraft({ ...draft, greeting: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="widget-colour">Primary colour</label>
            <input
              id="widget-colour"
              type="color"
              value={String(draft.primaryColor)}
              disabled={disabled}
              onChange={(event) => setDraft({ ...draft, primaryColor: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="widget-position">Position</label>
            <select
              id="widget-position"
              value={String(draft.position)}
              disabled={disabled}
              onChange={(event) => setDraft({ ...draft, position: event.target.value })}
            >
              <option value="bottom-right">Bottom right</option>
              <option value="bottom-left">Bottom left</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="widget-language">Language of the widget’s buttons</label>
            <select
              id="widget-language"
              value={String(draft.language)}
              disabled={disabled}
              onChange={(event) => setDraft({ ...draft, language: event.target.value })}
            >
              {WIDGET_LANGUAGES.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.allowForcedIntents === true}
            disabled={disabled}
            onChange={(event) => setDraft({ ...draft, allowForcedIntents: event.target.checked })}
          />
          Visitors may force any intent with <code>/intent_id{'{…}'}</code> (not only the quick
          replies the bot offered)
        </label>
        <button
          type="submit"
          className="primary"
          disabled={disabled || !dirty || bad.length > 0 || save.isPending}
        >
          Save widget
        </button>
      </form>
      <ErrorNotice error={save.error} title="The widget was not saved" />
      {typeof publicKey === 'string' ? (
        <>
          <CopyField label="Public key" value={publicKey} />
          <CopyField
            label="Embed snippet: paste it into your site’s pages"
            value={embedSnippet(publicUrl, botId, publicKey)}
            multiline
          />
        </>
      ) : (
        <p className="muted">Save the widget once to get its public key and embed snippet.</p>
      )}
    </section>
  );
}
