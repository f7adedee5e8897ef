import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys, useEntities } from '../../api/queries';
import type { EntityDefinition } from '../../api/types';
import { usePermissions } from '../../auth/session';
import { ChipsInput } from '../../ui/ChipsInput';
import { ErrorNotice, fieldError } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { UnsavedDialog } from '../../ui/UnsavedDialog';
import { useUnsavedGuard } from '../../ui/useUnsavedGuard';
import { ModelStatusBadge } from '../models/ModelStatusBadge';
import { checkPattern, duplicateWords, firstMatch } from './entity-checks';

export default function EntityEditorPage() {
  const { botId = '', name = '' } = useParams();
  const entities = useEntities(botId);
  if (entities.isPending) return <Loading what="Loading the entity" />;
  if (entities.error) return <ErrorNotice error={entities.error} />;
  const entity = entities.data.find((e) => e.name === name);
  if (!entity) return <p className="notice error">There is no entity “{name}”.</p>;
  return <EntityForm key={name} botId={botId} original={entity} />;
}

function EntityForm({ botId, original }: { botId: string; original: EntityDefinition }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { canWrite } = usePermissions();
  const [draft, setDraft] = useState(original);
  const [newValue, setNewValue] = useState('');
  const [samples, setSamples] = useState('');
  const [saved, setSaved] = useState(original);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const blocker = useUnsavedGuard(dirty);
  const duplicates = useMemo(() => duplicateWords(draft.values), [draft.values]);
  const save = useMutation({
    mutationFn: () =>
      api.put<EntityDefinition>(`/admin/bots/${enc(botId)}/entities/${enc(original.name)}`, draft),
    onSuccess: (entity) => {
      setSaved(entity);
      setDraft(entity);
      void queryClient.invalidateQueries({ queryKey: keys.entities(botId) });
      void queryClient.invalidateQueries({ queryKey: keys.modelStatus(botId) });
      if (entity.name !== original.name)
        setTimeout(() => navigate(`/bots/${botId}/entities/${entity.name}`), 0);
    },
  });
  const disabled = !canWrite;
  const set = (patch: Partial<EntityDefinition>) => setDraft((d) => ({ ...d, ...patch }));

  const addValue = () => {
    const value = newValue.trim();
    if (!value) return;
    set({ values: [...draft.values, { value, synonyms: [] }] });
    setNewValue('');
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="page-head">
        <h1>Entity “{original.name}”</h1>
        <ModelStatusBadge botId={botId} />
        <div className="actions">
          {dirty && <span className="badge warn">Unsaved changes</span>}
          <button type="submit" className="primary" disabled={disabled || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save entity'}
          </button>
        </div>
      </div>
      <ErrorNotice error={save.error} title="The entity was not saved" />
      {!dirty && save.isSuccess && (
        <p className="notice ok" role="status">
          Saved.
        </p>
      )}
      <div className="card">
        <div className="field">
          <label htmlFor="entity-name">Name</label>
          <input
            id="entity-name"
            className="mono"
            value={draft.name}
            disabled={disabled}
            onChange={(event) => set({ name: event.target.value })}
            aria-invalid={Boolean(fieldError(save.error, 'name'))}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.fuzzy}
            disabled={disabled}
            onChange={(event) => set({ fuzzy: event.target.checked })}
          />
          Fuzzy matching: also find values written with small typos
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.allowUnlisted}
            disabled={disabled}
            onChange={(event) => set({ allowUnlisted: event.target.checked })}
          />
          The LLM may return values that are not listed here
        </label>
      </div>

      <fieldset>
        <legend>Values and synonyms</legend>
        <p className="small muted">
          Each value is what a parameter receives; its synonyms are other ways people write it. In a
          synonym box, Enter adds and Backspace removes the last one.
        </p>
        {duplicates.length > 0 && (
          <p className="notice warn" role="status">
            Written more than once: {duplicates.map((word) => `“${word}”`).join(', ')}. A word
            should belong to one value only.
          </p>
        )}
        <table>
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">Synonyms</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.values.map((value, index) => (
              <tr key={index}>
                <td>
                  <input
                    aria-label={`Value ${index + 1}`}
                    value={value.value}
                    disabled={disabled}
                    aria-invalid={duplicates.includes(value.value.trim().toLowerCase())}
                    onChange={(event) =>
                      set({
                        values: draft.values.map((v, i) =>
                          i === index ? { ...v, value: event.target.value } : v,
                        ),
                      })
                    }
                  />
                </td>
                <td>
                  <ChipsInput
                    id={`synonyms-${index}`}
                    label={`synonym of ${value.value}`}
                    values={value.synonyms}
                    disabled={disabled}
                    onChange={(synonyms) =>
                      set({
                        values: draft.values.map((v, i) => (i === index ? { ...v, synonyms } : v)),
                      })
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    disabled={disabled}
                    aria-label={`Remove value ${value.value}`}
                    onClick={() => set({ values: draft.values.filter((_v, i) => i !== index) })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row" style={{ marginTop: 8 }}>
          <div className="field">
            <label htmlFor="new-value">New value</label>
            <input
              id="new-value"
              value={newValue}
              disabled={disabled}
              onChange={(event) => setNewValue(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addValue();
                }
              }}
            />
          </div>
          <div className="field">
            <button type="button" disabled={disabled || !newValue.trim()} onClick={addValue}>
              Add value
            </button>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>Patterns (regular expressions)</legend>
        {draft.patterns.map((pattern, index) => {
          const check = checkPattern(pattern);
          return (
            <div className="field" key={index}>
              <label htmlFor={`pattern-${index}`}>Pattern {index + 1}</label>
              <div className="row">
                <input
                  id={`pattern-${index}`}
                  className="mono"
                  style={{ flex: 1 }}
                  value={pattern}
                  disabled={disabled}
                  aria-invalid={!check.ok}
                  aria-describedby={`pattern-${index}-error`}
                  onChange={(event) =>
                    set({
                      patterns: draft.patterns.map((p, i) =>
                        i === index ? event.target.value : p,
                      ),
                    })
                  }
                />
                <button
                  type="button"
                  disabled={disabled}
                  aria-label={`Remove pattern ${index + 1}`}
                  onClick={() => set({ patterns: draft.patterns.filter((_p, i) => i !== index) })}
                >
                  Remove
                </button>
              </div>
              <span className="error-text" id={`pattern-${index}-error`}>
                {check.ok ? '' : check.error}
                {fieldError(save.error, `patterns.${index}`)}
              </span>
            </div>
          );
        })}
        <button
          type="button"
          disabled={disabled}
          onClick={() => set({ patterns: [...draft.patterns, ''] })}
        >
          Add pattern
        </button>
        <div className="field" style={{ marginTop: 12 }}>
          <label htmlFor="pattern-samples">
            Example strings (one per line), checked as you type
          </label>
          <textarea
            id="pattern-samples"
            rows={3}
            value={samples}
            onChange={(event) => setSamples(event.target.value)}
          />
        </div>
        <ul aria-live="polite">
          {samples
            .split('\n')
            .filter((line) => line.trim())
            .map((line, index) => {
              const match = firstMatch(draft.patterns, line);
              return (
                <li key={index}>
                  <code>{line}</code>:{' '}
                  {match ? (
                    <span className="badge ok">matches “{match}”</span>
                  ) : (
                    <span className="badge danger">no match</span>
                  )}
                </li>
              );
            })}
        </ul>
      </fieldset>
      <UnsavedDialog blocker={blocker} />
    </form>
  );
}
