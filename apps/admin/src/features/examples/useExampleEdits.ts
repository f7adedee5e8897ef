import { useIsMutating, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { enc, keys } from '../../api/queries';
import type { Intent, TrainingExample } from '../../api/types';

export type ExamplesEdit = (examples: TrainingExample[]) => TrainingExample[];

/**
 * Changes an intent's examples optimistically: the screen shows the change at once, the
 * intent is saved, and a refused save takes back that change alone and says why. Saves of one
 * intent run one after another. Each applies its edit to the server's last saved copy (not to
 * what the screen shows), and the screen is that copy with the edits still waiting on top: so a
 * refused edit cannot take later ones with it, and a save never sends an edit that was refused.
 */
export function useExampleEdits(botId: string, intentId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = keys.intent(botId, intentId);
  const mutationKey = ['examples', botId, intentId];
  // The server's copy the waiting edits apply to, and those edits, oldest first (the saves run
  // in that order, so the one that ends is always the first).
  const saved = useRef<Intent | null>(null);
  const waiting = useRef<ExamplesEdit[]>([]);
  // A refused edit stays reported while later ones are saved; the next edit clears it.
  const [refused, setRefused] = useState<Error | null>(null);
  // Leaving inside the app lets a save finish; closing or reloading the tab would cut it off.
  const saving = useIsMutating({ mutationKey }) > 0;
  useEffect(() => {
    if (!saving) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [saving]);

  const show = () => {
    const base = saved.current;
    if (!base) return;
    const trainingData = waiting.current.reduce(
      (examples, edit) => edit(examples),
      base.trainingData,
    );
    queryClient.setQueryData<Intent>(key, { ...base, trainingData });
  };

  const mutation = useMutation({
    mutationKey,
    scope: { id: `examples:${botId}:${intentId}` },
    mutationFn: async (edit: ExamplesEdit) => {
      const base = saved.current;
      if (!base) throw new Error('The intent is not loaded.');
      const next = { ...base, trainingData: edit(base.trainingData) };
      // The intent as stored becomes the copy the next edits apply to.
      return api.put<Intent>(`/admin/bots/${enc(botId)}/intents/${enc(intentId)}`, next);
    },
    onMutate: async (edit) => {
      // Queued before the first await, so the queue keeps the order the saves run in.
      if (waiting.current.length === 0)
        saved.current = queryClient.getQueryData<Intent>(key) ?? null;
      waiting.current.push(edit);
      setRefused(null);
      await queryClient.cancelQueries({ queryKey: key });
      show();
    },
    onError: (error) => {
      waiting.current.shift();
      setRefused(error);
      show();
      if (waiting.current.length === 0) void queryClient.invalidateQueries({ queryKey: key });
    },
    onSuccess: (stored) => {
      waiting.current.shift();
      saved.current = stored;
      show();
      // The summaries only (`exact`): the prefix would refetch this intent too, and a refetch
      // landing while later edits wait would show the server's copy without them.
      void queryClient.invalidateQueries({ queryKey: keys.intents(botId), exact: true });
      void queryClient.invalidateQueries({ queryKey: keys.modelStatus(botId) });
    },
  });
  return {
    mutate: mutation.mutate,
    isPending: mutation.isPending,
    error: refused ?? mutation.error,
    isError: refused !== null || mutation.isError,
  };
}
