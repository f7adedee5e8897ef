import { useIsMutating, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../../api/api-context';
import { enc, keys } from '../../api/queries';
import type { Intent, TrainingExample } from '../../api/types';

export type ExamplesEdit = (examples: TrainingExample[]) => TrainingExample[];

/**
 * Changes an intent's examples optimistically: the screen shows the change at once, the
 * intent is saved, and a refused save puts back what was there and says why. Saves of one
 * intent run one after another, each sending everything shown so far.
 */
export function useExampleEdits(botId: string, intentId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = keys.intent(botId, intentId);
  const mutationKey = ['examples', botId, intentId];
  // Leaving inside the app lets a save finish; closing or reloading the tab would cut it off.
  const saving = useIsMutating({ mutationKey }) > 0;
  useEffect(() => {
    if (!saving) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [saving]);
  return useMutation({
    mutationKey,
    scope: { id: `examples:${botId}:${intentId}` },
    mutationFn: async (_edit: ExamplesEdit) => {
      const current = queryClient.getQueryData<Intent>(key);
      if (!current) throw new Error('The intent is not loaded.');
      return api.put<Intent>(`/admin/bots/${enc(botId)}/intents/${enc(intentId)}`, current);
    },
    onMutate: async (edit) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Intent>(key);
      if (previous)
        queryClient.setQueryData<Intent>(key, {
          ...previous,
          trainingData: edit(previous.trainingData),
        });
      return { previous };
    },
    onError: (_error, _edit, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onSuccess: () => {
      // The summaries only (`exact`): the prefix would refetch this intent too, and a refetch
      // landing while later edits wait their turn would replace them with the server's older
      // copy — the next save would then send the examples without them.
      void queryClient.invalidateQueries({ queryKey: keys.intents(botId), exact: true });
      void queryClient.invalidateQueries({ queryKey: keys.modelStatus(botId) });
    },
  });
}
