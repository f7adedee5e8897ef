import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys, useBot, useModels } from '../../api/queries';
import type { Bot } from '../../api/types';
import { usePermissions } from '../../auth/session';
import { ErrorNotice, fieldError } from '../../ui/ErrorNotice';
import { percent } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { UnsavedDialog } from '../../ui/UnsavedDialog';
import { useUnsavedGuard } from '../../ui/useUnsavedGuard';
import { SecretsEditor } from './SecretsEditor';
import { diffPatch } from './diff-patch';
import { SUPPORTED_LANGUAGES } from '@parley/domain/languages';

function timeZones(): string[] {
  const all = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.(
    'timeZone',
  );
  return all ? ['UTC', ...all.filter((zone) => zone !== 'UTC')] : ['UTC'];
}

type Editable = Pick<
  Bot,
  'name' | 'description' | 'language' | 'timeZone' | 'nlu' | 'dialogue' | 'toolCalls'
>;

function editable(bot: Bot): Editable {
  const { name, description, language, timeZone, nlu, dialogue, toolCalls } = bot;
  return { name, description, language, timeZone, nlu, dialogue, toolCalls };
}

export default function SettingsPage() {
  const { botId = '' } = useParams();
  const bot = useBot(botId);
  if (bot.isPending) return <Loading what="Loading settings" />;
  if (bot.error) return <ErrorNotice error={bot.error} />;
  return <SettingsForm key={bot.data.id} bot={bot.data} />;
}

function SettingsForm({ bot }: { bot: Bot }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { canWrite } = usePermissions();
  const models = useModels(bot.id);
  // What is saved: the starting point of the form, replaced by the API's answer on save.
  const [original, setOriginal] = useState<Editable>(() => editable(bot));
  const [draft, setDraft] = useState<Editable>(original);
  const [newKey, setNewKey] = useState<string | null>(null);
  const zones = useMemo(timeZones, []);
  const patch = diffPatch(original, draft) as Record<string, unknown>;
  const dirty = Object.keys(patch).length > 0 || newKey !== null;
  const blocker = useUnsavedGuard(dirty);
  const disabled = !canWrite;
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.patch<Bot>(`/admin/bots/${enc(bot.id)}`, body),
    onSuccess: (updated) => {
      setNewKey(null);
      setOriginal(editable(updated));
      setDraft(editable(updated));
      queryClient.setQueryData(keys.bot(bot.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.bots });
    },
  });
  const test = useMutation({
    mutationFn: () =>
      api.post<{ ok: boolean; outcome: string; latencyMs: number | null; error?: string }>(
        `/admin/bots/${enc(bot.id)}/llm/test`,
        {
          ...(draft.nlu.llm.baseUrl && { baseUrl: draft.nlu.llm.baseUrl }),
          ...(draft.nlu.llm.model && { model: draft.nlu.llm.model }),
        },
      ),
  });
  const nlu = (changes: Partial<Bot['nlu']>) =>
    setDraft((d) => ({ ...d, nlu: { ...d.nlu, ...changes } }));
  const llm = (changes: Partial<Bot['nlu']['llm']>) =>
    nlu({ llm: { ...draft.nlu.llm, ...changes } });
  const dialogue = (changes: Partial<Bot['dialogue']>) =>
    setDraft((d) => ({ ...d, dialogue: { ...d.dialogue, ...changes } }));
  const errorFor = (path: string) => fieldError(save.error, path);
  const active = models.data?.models.find((m) => m.id === models.data?.activeModelId);
  const tradeoff = active?.metrics?.thresholdTradeoff ?? [];
  const atThreshold = tradeoff.reduce<(typeof tradeoff)[number] | undefined>(
    (best, point) =>
      !best ||
      Math.abs(point.threshold - draft.nlu.threshold) <
        Math.abs(best.threshold - draft.nlu.threshold)
        ? point
        : best,
    undefined,
  );
  const untaught = new Map(
    (active?.metrics?.outOfScopeRecall ?? []).map((point) => [point.threshold, point.oosRecall]),
  );
  const untaughtAtThreshold = atThreshold ? untaught.get(atThreshold.threshold) : undefined;

  const submit = () => {
    const body: Record<string, unknown> = { ...patch };
    if (newKey !== null) {
      const nluPatch = (body.nlu as Record<string, unknown> | undefined) ?? {};
      const llmPatch = (nluPatch.llm as Record<string, unknown> | undefined) ?? {};
      body.nlu = { ...nluPatch, llm: { ...llmPatch, apiKey: newKey === '' ? null : newKey } };
    }
    const llmBody = (body.nlu as { llm?: Record<string, unknown> } | undefined)?.llm;
    if (llmBody) delete llmBody.hasApiKey;
    save.mutate(body);
  };

  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="page-head">
          <h1>Settings</h1>
          <div className="actions">
            {dirty && <span className="badge warn">Unsaved changes</span>}
            <button
              type="submit"
              className="primary"
              disabled={disabled || !dirty || save.isPending}
            >
              {save.isPending ? 'Saving…' : 'Save settings'}
            </button>
          </div>
        </div>
        <ErrorNotice error={save.error} title="The settings were not saved" />
        {save.isSuccess && !dirty && (
          <p className="notice ok" role="status">
            Saved.
          </p>
        )}
        <fieldset>
          <legend>Bot</legend>
          <div className="columns">
            <div className="field">
              <label htmlFor="set-name">Name</label>
              <input
                id="set-name"
                value={draft.name}
                disabled={disabled}
                onChange={(event) => setDraft({ ...draft, name: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="set-description">Description</label>
              <input
                id="set-description"
                value={draft.description}
                disabled={disabled}
                onChange={(event) => setDraft({ ...draft, description: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="set-language">Language</label>
              <select
                id="set-language"
                value={draft.language}
                disabled={disabled}
                onChange={(event) => setDraft({ ...draft, language: event.target.value })}
              >
                {[...new Set([draft.language, ...SUPPORTED_LANGUAGES])].map((code) => (
                  <option key={code} value={code}>
                    {new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code} ({code})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="set-timezone">Time zone</label>
              <select
                id="set-timezone"
                value={draft.timeZone}
                disabled={disabled}
                onChange={(event) => setDraft({ ...draft, timeZone: event.target.value })}
                aria-invalid={Boolean(errorFor('timeZone'))}
              >
                {[...new Set([draft.timeZone, ...zones])].map((zone) => (
                  <option key={zone}>{zone}</option>
                ))}
              </select>
              <span className="error-text">{errorFor('timeZone')}</span>
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>Understanding (NLU)</legend>
          <div className="field" role="radiogroup" aria-labelledby="pipeline-label">
            <span className="label" id="pipeline-label">
              Pipeline
            </span>
            {(
              [
                ['local', 'Local model (trained here)'],
                ['llm', 'LLM (zero-shot, through an OpenAI-compatible endpoint)'],
                ['hybrid', 'Hybrid: the local model first, the LLM when it is unsure'],
              ] as const
            ).map(([value, label]) => (
              <label className="checkbox" key={value}>
                <input
                  type="radio"
                  name="pipeline"
                  value={value}
                  checked={draft.nlu.pipeline === value}
                  disabled={disabled}
                  onChange={() => nlu({ pipeline: value })}
                />
                {label}
              </label>
            ))}
          </div>
          <div className="columns">
            <div className="field">
              <label htmlFor="set-threshold">
                Confidence threshold: {draft.nlu.threshold.toFixed(2)}
              </label>
              <input
                id="set-threshold"
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={draft.nlu.threshold}
                disabled={disabled}
                aria-describedby="threshold-tradeoff"
                onChange={(event) => nlu({ threshold: Number(event.target.value) })}
              />
              <div id="threshold-tradeoff" className="small">
                {atThreshold ? (
                  <>
                    At {atThreshold.threshold.toFixed(2)}, in cross-validation of the active model:{' '}
                    <strong>{percent(atThreshold.inScopeAccuracy)}</strong> of messages answered by
                    the right intent, <strong>{percent(atThreshold.fallbackRate)}</strong> fall
                    back.
                    {untaughtAtThreshold !== undefined && (
                      <>
                        {' '}
                        Of messages about things the bot was never taught,{' '}
                        <strong>{percent(untaughtAtThreshold)}</strong> get the fallback (intents
                        held out while training).
                      </>
                    )}
                  </>
                ) : (
                  <span className="muted">
                    Below it the fallback answers. Train a model to see the trade-off here.
                  </span>
                )}
              </div>
              {tradeoff.length > 0 && (
                <table className="small">
                  <caption className="visually-hidden">
                    Accuracy and fallback rate by threshold, from cross-validation, and the share of
                    messages of untaught intents that fall back, from training
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Threshold</th>
                      <th scope="col" className="num">
                        Answered right
                      </th>
                      <th scope="col" className="num">
                        Fall back
                      </th>
                      {untaught.size > 0 && (
                        <th scope="col" className="num">
                          Untaught caught
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {tradeoff.map((point) => (
                      <tr
                        key={point.threshold}
                        aria-current={point === atThreshold ? 'true' : undefined}
                        className={point === atThreshold ? 'kbd-selected' : undefined}
                      >
                        <td>{point.threshold.toFixed(2)}</td>
                        <td className="num">{percent(point.inScopeAccuracy)}</td>
                        <td className="num">{percent(point.fallbackRate)}</td>
                        {untaught.size > 0 && (
                          <td className="num">
                            {untaught.has(point.threshold)
                              ? percent(untaught.get(point.threshold) ?? 0)
                              : '–'}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
            <div>
              <div className="field">
                <label htmlFor="set-margin">Ambiguity margin</label>
                <input
                  id="set-margin"
                  type="number"
                  min={0}
                  max={1}
                  step={0.01}
                  value={draft.nlu.ambiguityMargin}
                  disabled={disabled}
                  aria-describedby="margin-hint"
                  onChange={(event) => nlu({ ambiguityMargin: Number(event.target.value) })}
                />
                <span className="hint" id="margin-hint">
                  When the two best intents are closer than this, the message is ambiguous (0 turns
                  it off).
                </span>
              </div>
              <div className="field">
                <label htmlFor="set-ambiguity">When ambiguous</label>
                <select
                  id="set-ambiguity"
                  value={draft.nlu.ambiguity}
                  disabled={disabled}
                  onChange={(event) =>
                    nlu({ ambiguity: event.target.value as Bot['nlu']['ambiguity'] })
                  }
                >
                  <option value="fallback">Fall back</option>
                  <option value="clarify">Ask which one was meant</option>
                </select>
              </div>
              {typeof draft.nlu.entityThreshold === 'number' && (
                <div className="field">
                  <label htmlFor="set-entity-threshold">Entity confidence threshold</label>
                  <input
                    id="set-entity-threshold"
                    type="number"
                    min={0}
                    max={1}
                    step={0.05}
                    value={draft.nlu.entityThreshold}
                    disabled={disabled}
                    aria-describedby="entity-threshold-hint"
                    onChange={(event) => nlu({ entityThreshold: Number(event.target.value) })}
                  />
                  <span className="hint" id="entity-threshold-hint">
                    A less confident entity does not fill a parameter; the bot asks again.
                  </span>
                </div>
              )}
            </div>
          </div>
          {draft.nlu.pipeline !== 'local' && (
            <fieldset>
              <legend>LLM endpoint</legend>
              <div className="columns">
                <div className="field">
                  <label htmlFor="set-llm-url">Base URL</label>
                  <input
                    id="set-llm-url"
                    type="url"
                    className="mono"
                    placeholder="http://localhost:11434/v1"
                    value={draft.nlu.llm.baseUrl ?? ''}
                    disabled={disabled}
                    onChange={(event) => llm({ baseUrl: event.target.value || undefined })}
                    aria-invalid={Boolean(errorFor('nlu.llm.baseUrl'))}
                  />
                  <span className="error-text">{errorFor('nlu.llm.baseUrl')}</span>
                </div>
                <div className="field">
                  <label htmlFor="set-llm-model">Model</label>
                  <input
                    id="set-llm-model"
                    className="mono"
                    value={draft.nlu.llm.model ?? ''}
                    disabled={disabled}
                    onChange={(event) => llm({ model: event.target.value || undefined })}
                  />
                </div>
              </div>
              <div className="field">
                <span className="label" id="llm-key-label">
                  API key
                </span>
                <p aria-labelledby="llm-key-label">
                  {bot.nlu.llm.hasApiKey ? (
                    <span className="badge ok">set</span>
                  ) : (
                    <span className="badge">not set</span>
                  )}{' '}
                  <span className="small muted">Write-only: it is never shown again.</span>
                </p>
                {newKey === null ? (
                  <div className="row">
                    <button type="button" disabled={disabled} onClick={() => setNewKey(' ')}>
                      {bot.nlu.llm.hasApiKey ? 'Replace key' : 'Set key'}
                    </button>
                    {bot.nlu.llm.hasApiKey && (
                      <button type="button" disabled={disabled} onClick={() => setNewKey('')}>
                        Remove key
                      </button>
                    )}
                  </div>
                ) : newKey === '' ? (
                  <p>
                    The key will be removed when you save.{' '}
                    <button type="button" className="link" onClick={() => setNewKey(null)}>
                      Keep it
                    </button>
                  </p>
                ) : (
                  <div className="row">
                    <input
                      aria-label="New API key"
                      type="password"
                      autoComplete="off"
                      value={newKey.trim()}
                      onChange={(event) => setNewKey(event.target.value || ' ')}
                      autoFocus
                    />
                    <button type="button" onClick={() => setNewKey(null)}>
                      Cancel
                    </button>
                  </div>
                )}
              </div>
              <button
                type="button"
                disabled={disabled || test.isPending}
                onClick={() => test.mutate()}
              >
                {test.isPending ? 'Testing…' : 'Test connection'}
              </button>
              <ErrorNotice error={test.error} title="The test could not run" />
              {test.data && (
                <p className={`notice ${test.data.ok ? 'ok' : 'error'}`} role="status">
                  {test.data.outcome}
                  {test.data.latencyMs !== null && ` (${test.data.latencyMs} ms)`}
                  {test.data.error && <span className="small"> {test.data.error}</span>}
                </p>
              )}
            </fieldset>
          )}
        </fieldset>

        <fieldset>
          <legend>Conversation</legend>
          <div className="columns">
            <div className="field">
              <label htmlFor="set-idle">Session ends after (minutes idle)</label>
              <input
                id="set-idle"
                type="number"
                min={1}
                value={draft.dialogue.sessionIdleMinutes}
                disabled={disabled}
                onChange={(event) => dialogue({ sessionIdleMinutes: Number(event.target.value) })}
              />
            </div>
            <div className="field">
              <label htmlFor="set-giveup">When a parameter is never answered</label>
              <input
                id="set-giveup"
                value={draft.dialogue.giveUpText}
                disabled={disabled}
                onChange={(event) => dialogue({ giveUpText: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="set-errortext">When something fails</label>
              <input
                id="set-errortext"
                value={draft.dialogue.errorText}
                disabled={disabled}
                onChange={(event) => dialogue({ errorText: event.target.value })}
              />
            </div>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.toolCalls.allowPrivateNetworks}
              disabled={disabled}
              onChange={(event) =>
                setDraft({ ...draft, toolCalls: { allowPrivateNetworks: event.target.checked } })
              }
            />
            Tool calls may reach private networks (localhost, 10.x, 192.168.x …)
          </label>
        </fieldset>
        <UnsavedDialog blocker={blocker} />
      </form>
      <SecretsEditor bot={bot} />
    </>
  );
}
