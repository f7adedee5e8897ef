import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useEntities, useIntent, useSaveIntent, useSystemEntities } from '../../api/queries';
import type { Intent } from '../../api/types';
import { usePermissions } from '../../auth/session';
import { ErrorNotice, fieldError } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { UnsavedDialog } from '../../ui/UnsavedDialog';
import { useUnsavedGuard } from '../../ui/useUnsavedGuard';
import { ModelStatusBadge } from '../models/ModelStatusBadge';
import { ParametersEditor } from './ParametersEditor';
import { TemplateField } from './TemplateField';
import { ToolCallEditor } from './ToolCallEditor';

const EMPTY: Intent = {
  intentId: '',
  name: '',
  description: '',
  userDefined: true,
  responses: [''],
  quickReplies: [],
  buttons: [],
  parameters: [],
  toolCall: null,
  onInterrupt: 'switch',
  trainingData: [],
};

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, '_$1')
    .slice(0, 64);
}

export default function IntentEditorPage() {
  const { botId = '', intentId } = useParams();
  const isNew = !intentId;
  const intent = useIntent(botId, intentId ?? '');
  if (!isNew && intent.isPending) return <Loading what="Loading the intent" />;
  if (!isNew && intent.error) return <ErrorNotice error={intent.error} />;
  return (
    <IntentForm
      key={intentId ?? 'new'}
      botId={botId}
      original={isNew ? EMPTY : intent.data!}
      isNew={isNew}
    />
  );
}

function IntentForm({
  botId,
  original,
  isNew,
}: {
  botId: string;
  original: Intent;
  isNew: boolean;
}) {
  const navigate = useNavigate();
  const { canWrite } = usePermissions();
  const entities = useEntities(botId);
  const systemEntities = useSystemEntities();
  const save = useSaveIntent(botId);
  const [draft, setDraft] = useState<Intent>(original);
  const [idTouched, setIdTouched] = useState(!isNew);
  const [sample, setSample] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const dirty = useMemo(
    () => JSON.stringify(draft) !== JSON.stringify(original),
    [draft, original],
  );
  const [leaving, setLeaving] = useState(false);
  const blocker = useUnsavedGuard(dirty && !save.isPending && !leaving);
  const disabled = !canWrite;
  const errorFor = (path: string) => fieldError(save.error, path);
  const set = (patch: Partial<Intent>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const submit = () => {
    const intent: Intent = { ...draft, responses: draft.responses.filter((r) => r.trim() !== '') };
    save.mutate(
      { currentId: isNew ? null : original.intentId, intent },
      {
        onSuccess: (result) => {
          setSaved(true);
          // What the API stored (with its defaults) is the new starting point.
          setDraft(result);
          if (isNew || result.intentId !== original.intentId) {
            // Saved: the guard must not ask on the way to the intent's new address.
            setLeaving(true);
            setTimeout(() => navigate(`/bots/${botId}/intents/${result.intentId}`), 0);
          }
        },
      },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="page-head">
        <h1>{isNew ? 'New intent' : `Intent “${original.name}”`}</h1>
        <ModelStatusBadge botId={botId} />
        <div className="actions">
          {!isNew && (
            <Link to={`/bots/${botId}/intents/${original.intentId}/examples`}>
              Training examples ({original.trainingData.length})
            </Link>
          )}
          {dirty && <span className="badge warn">Unsaved changes</span>}
          <button type="submit" className="primary" disabled={disabled || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save intent'}
          </button>
        </div>
      </div>
      <ErrorNotice error={save.error} title="The intent was not saved" />
      {saved && !dirty && (
        <p className="notice ok" role="status">
          Saved.
        </p>
      )}
      <div className="card">
        <div className="columns">
          <div className="field">
            <label htmlFor="intent-name">Name</label>
            <input
              id="intent-name"
              value={draft.name}
              disabled={disabled}
              required
              onChange={(event) =>
                set({
                  name: event.target.value,
                  ...(!idTouched && { intentId: slug(event.target.value) }),
                })
              }
              aria-invalid={Boolean(errorFor('name'))}
            />
            <span className="error-text">{errorFor('name')}</span>
          </div>
          <div className="field">
            <label htmlFor="intent-id">Id</label>
            <input
              id="intent-id"
              className="mono"
              value={draft.intentId}
              disabled={disabled}
              required
              onChange={(event) => {
                setIdTouched(true);
                set({ intentId: event.target.value });
              }}
              aria-invalid={Boolean(errorFor('intentId'))}
              aria-describedby="intent-id-hint"
            />
            <span className="hint" id="intent-id-hint">
              Letters, digits, _ and -. Changing it keeps the examples.
            </span>
            <span className="error-text">{errorFor('intentId')}</span>
          </div>
        </div>
        <div className="field">
          <label htmlFor="intent-description">Description</label>
          <input
            id="intent-description"
            value={draft.description}
            disabled={disabled}
            onChange={(event) => set({ description: event.target.value })}
          />
        </div>
      </div>

      <fieldset>
        <legend>Responses</legend>
        <p className="small muted">
          One variant is picked at random. <code>###</code> splits a variant into several messages.
          Templates may use <code>{'{{parameters.name}}'}</code>, <code>{'{{context.x}}'}</code> and{' '}
          <code>{'{{result.…}}'}</code> (the tool call&apos;s answer).
        </p>
        {draft.responses.map((response, index) => (
          <div key={index} className="row" style={{ alignItems: 'flex-start' }}>
            <div style={{ flex: 1 }}>
              <TemplateField
                botId={botId}
                label={`Variant ${index + 1}`}
                value={response}
                disabled={disabled}
                sample={sample}
                serverError={errorFor(`responses.${index}`)}
                onChange={(value) =>
                  set({ responses: draft.responses.map((r, i) => (i === index ? value : r)) })
                }
              />
            </div>
            <button
              type="button"
              disabled={disabled}
              aria-label={`Remove variant ${index + 1}`}
              onClick={() => set({ responses: draft.responses.filter((_r, i) => i !== index) })}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={disabled}
          onClick={() => set({ responses: [...draft.responses, ''] })}
        >
          Add variant
        </button>
        <h3>Quick replies</h3>
        {draft.quickReplies.map((reply, index) => (
          <div className="row" key={index}>
            <div className="field">
              <label htmlFor={`qr-title-${index}`}>Title</label>
              <input
                id={`qr-title-${index}`}
                value={reply.title}
                disabled={disabled}
                onChange={(event) =>
                  set({
                    quickReplies: draft.quickReplies.map((q, i) =>
                      i === index ? { ...q, title: event.target.value } : q,
                    ),
                  })
                }
              />
            </div>
            <div className="field">
              <label htmlFor={`qr-payload-${index}`}>Payload (sent when chosen)</label>
              <input
                id={`qr-payload-${index}`}
                className="mono"
                value={reply.payload ?? ''}
                disabled={disabled}
                onChange={(event) =>
                  set({
                    quickReplies: draft.quickReplies.map((q, i) =>
                      i === index ? { ...q, payload: event.target.value || undefined } : q,
                    ),
                  })
                }
              />
            </div>
            <div className="field">
              <button
                type="button"
                disabled={disabled}
                aria-label={`Remove quick reply ${reply.title || index + 1}`}
                onClick={() =>
                  set({ quickReplies: draft.quickReplies.filter((_q, i) => i !== index) })
                }
              >
                Remove
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          disabled={disabled}
          onClick={() => set({ quickReplies: [...draft.quickReplies, { title: '' }] })}
        >
          Add quick reply
        </button>
      </fieldset>

      <ParametersEditor
        parameters={draft.parameters}
        onChange={(parameters) => set({ parameters })}
        entityOptions={{
          custom: entities.data?.map((e) => e.name) ?? [],
          system: systemEntities.data ?? [],
        }}
        disabled={disabled}
        errorFor={errorFor}
      />

      <fieldset>
        <legend>Sample values</legend>
        <p className="small muted">
          Used by the previews above and by “Try this call”; never saved.
        </p>
        {draft.parameters.length === 0 && <p className="small muted">No parameters yet.</p>}
        <div className="row">
          {draft.parameters
            .filter((p) => p.name)
            .map((parameter) => (
              <div className="field" key={parameter.name}>
                <label htmlFor={`sample-${parameter.name}`}>{parameter.name}</label>
                <input
                  id={`sample-${parameter.name}`}
                  value={sample[parameter.name] ?? ''}
                  onChange={(event) =>
                    setSample((s) => ({ ...s, [parameter.name]: event.target.value }))
                  }
                />
              </div>
            ))}
        </div>
      </fieldset>

      <ToolCallEditor
        botId={botId}
        toolCall={draft.toolCall}
        onChange={(toolCall) => set({ toolCall })}
        sample={sample}
        disabled={disabled}
        errorFor={errorFor}
      />

      <fieldset>
        <legend>Behaviour</legend>
        <div className="field">
          <label htmlFor="intent-interrupt">
            When another intent arrives while collecting parameters
          </label>
          <select
            id="intent-interrupt"
            value={draft.onInterrupt}
            disabled={disabled}
            onChange={(event) => set({ onInterrupt: event.target.value as Intent['onInterrupt'] })}
          >
            <option value="switch">Switch to it</option>
            <option value="resume">Answer it, then come back here</option>
          </select>
        </div>
        <TemplateField
          botId={botId}
          label="Error response (when the tool call or a template fails)"
          value={draft.errorResponse ?? ''}
          disabled={disabled}
          sample={sample}
          preview={false}
          rows={2}
          onChange={(value) => set({ errorResponse: value || undefined })}
        />
      </fieldset>
      <button type="submit" className="primary" disabled={disabled || save.isPending}>
        {save.isPending ? 'Saving…' : 'Save intent'}
      </button>
      <UnsavedDialog blocker={blocker} />
    </form>
  );
}
