import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { enc, keys, useModels } from '../../api/queries';
import type { ModelVersion } from '../../api/types';

/**
 * The bot's training job, live: the running job is found in the model registry (so a page
 * reload picks it up again) and followed through its Server-Sent Events stream.
 */
export function useTraining(botId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [watching, setWatching] = useState(false);
  // The registry is asked again every few seconds while a job runs, in case the stream drops.
  const models = useModels(botId, { refetchInterval: watching ? 2000 : false });
  const running = models.data?.models.find(
    (model) => model.status === 'queued' || model.status === 'training',
  );
  const lastRunning = useRef<string | undefined>(undefined);
  const [live, setLive] = useState<ModelVersion | null>(null);
  const [finished, setFinished] = useState<ModelVersion | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.models(botId) });
    void queryClient.invalidateQueries({ queryKey: keys.bot(botId) });
    void queryClient.invalidateQueries({ queryKey: keys.modelStatus(botId) });
    void queryClient.invalidateQueries({ queryKey: keys.bots });
  };

  const runningId = running?.id;
  useEffect(() => setWatching(Boolean(runningId)), [runningId]);
  // A job that ended while the stream was not listening is reported from the registry.
  useEffect(() => {
    const ended = lastRunning.current;
    lastRunning.current = runningId;
    if (!ended || runningId) return;
    const model = models.data?.models.find((m) => m.id === ended);
    if (model && (model.status === 'ready' || model.status === 'failed')) {
      setLive(null);
      setFinished((current) => current ?? model);
    }
  }, [runningId, models.data]);

  useEffect(() => {
    if (!runningId) return undefined;
    const source = new EventSource(
      api.url(`/admin/bots/${enc(botId)}/jobs/${enc(runningId)}/events`),
      { withCredentials: true },
    );
    const onProgress = (event: MessageEvent<string>) =>
      setLive(JSON.parse(event.data) as ModelVersion);
    const onEnd = (event: MessageEvent<string>) => {
      const model = JSON.parse(event.data) as ModelVersion;
      setLive(null);
      setFinished(model);
      source.close();
      refresh();
    };
    source.addEventListener('progress', onProgress);
    source.addEventListener('done', onEnd);
    source.addEventListener('failed', onEnd);
    // The stream ends without `done` when the server goes away: ask the registry instead.
    source.onerror = () => {
      source.close();
      setTimeout(refresh, 1000);
    };
    return () => source.close();
  }, [api, botId, runningId]);

  const train = useMutation({
    mutationFn: (force: boolean) =>
      api.post<{ jobId: string; status: 'queued' | 'skipped'; model: ModelVersion }>(
        `/admin/bots/${enc(botId)}/train`,
        { force },
      ),
    onMutate: () => setFinished(null),
    onSuccess: (result) => {
      if (result.status === 'skipped') setFinished(result.model);
      refresh();
    },
  });

  return {
    models,
    job: live ?? running ?? null,
    finished,
    train,
    dismiss: () => setFinished(null),
  };
}
