import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { enc, keys, useEntities, useIntentSummaries } from '../../api/queries';
import type { EntitySpan, ExtractedEntity, Intent } from '../../api/types';
import { usePermissions } from '../../auth/session';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AnnotatedText } from '../examples/AnnotatedText';
import { addSpan, removeSpan } from '../examples/spans';

/** Custom-entity spans of the NLU result as annotation, without overlaps. */
export function spansFromEntities(
  text: string,
  entities: ExtractedEntity[],
  custom: readonly string[],
): EntitySpan[] {
  let spans: EntitySpan[] = [];
  for (const entity of entities) {
    if (!custom.includes(entity.name)) continue;
    const result = addSpan(text, spans, entity, entity.name);
    if (result.ok) spans = result.spans;
  }
  return spans;
}

/**
 * "Add this message to intent …": the message becomes a training example with the entities
 * the NLU found as its tags (remove any that are wrong), in two clicks.
 */
export function AddToIntent({
  botId,
  text,
  entities,
  suggestedIntent,
  onAdded,
}: {
  botId: string;
  text: string;
  entities: ExtractedEntity[];
  suggestedIntent?: string | null;
  onAdded?: (intentId: string) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { canWrite, reason } = usePermissions();
  const intents = useIntentSummaries(botId);
  const entityList = useEntities(botId);
  const names = entityList.data?.map((e) => e.name) ?? [];
  const [intentId, setIntentId] = useState(suggestedIntent ?? '');
  const [spans, setSpans] = useState<EntitySpan[] | null>(null);
  const shown = spans ?? spansFromEntities(text, entities, names);
  const add = useMutation({
    mutationFn: async () => {
      const intent = await api.get<Intent>(`/admin/bots/${enc(botId)}/intents/${enc(intentId)}`);
      if (intent.trainingData.some((example) => example.text === text)) return intent;
      return api.put<Intent>(`/admin/bots/${enc(botId)}/intents/${enc(intentId)}`, {
        ...intent,
        trainingData: [{ text, entities: shown }, ...intent.trainingData],
      });
    },
    onSuccess: (intent) => {
      queryClient.setQueryData(keys.intent(botId, intent.intentId), intent);
      void queryClient.invalidateQueries({ queryKey: keys.intents(botId) });
      void queryClient.invalidateQueries({ queryKey: keys.modelStatus(botId) });
      void queryClient.invalidateQueries({ queryKey: keys.review(botId) });
      onAdded?.(intent.intentId);
    },
  });
  const selectId = `add-to-intent-${text.length}-${suggestedIntent ?? ''}`;
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (intentId) add.mutate();
      }}
    >
      <AnnotatedText
        text={text}
        spans={shown}
        entityNames={names}
        focusable={false}
        label={text}
        onRemove={(span) => setSpans(removeSpan(shown, span.begin))}
      />
      <div className="row">
        <div className="field">
          <label htmlFor={selectId}>Add this message to intent</label>
          <select
            id={selectId}
            value={intentId}
            onChange={(event) => setIntentId(event.target.value)}
            disabled={!canWrite}
          >
            <option value="">Choose an intent…</option>
            {intents.data?.map((intent) => (
              <option key={intent.intentId} value={intent.intentId}>
                {intent.name} ({intent.intentId})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button
            type="submit"
            className="primary"
            disabled={!canWrite || !intentId || add.isPending}
            title={canWrite ? undefined : reason}
          >
            Add example
          </button>
        </div>
      </div>
      <ErrorNotice error={add.error} title="The example was not added" />
      {add.isSuccess && (
        <p className="notice ok" role="status">
          Added to “{add.data.name}”. <Link to={`/bots/${botId}/models`}>Train</Link> to use it.
        </p>
      )}
    </form>
  );
}
