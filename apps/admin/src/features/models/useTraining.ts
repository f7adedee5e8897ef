import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context';
import { enc, keys, useModels } from '../../api/queries';
import type { ModelVersion } from '../../api/types';

const ENDED = new Set(['ready', 'failed']);

/**
 * The bot's training job, live: the running job is found in the model registry (so a page
 * reload picks it up again) and followed through its Server-Sent Events stream; the registry,
 * asked every 2 s while a job is followed, reports the end when the stream could not (a short
 * job that ended before the stream opened, a dropped connection).
 */
export function useTraining(botId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  /** The job this page follows: the one it started, or one found running. */
  const [followed, setFollowed] = useState<string | null>(null);
  const models = useModels(botId, { refetchInterval: followed ? 2000 : false });
  const running = models.data?.models.find(
    (model) => model.status === 'queued' || model.status === 'training',
  );
  const [live, setLive] = useState<ModelVersion | null>(null);
  const [finished, setFinished] = useState<ModelVersion | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.models(botId) });
    void queryClient.invalidateQueries({ queryKey: keys.bot(botId) });
    void queryClient.invalidateQueries({ queryKey: keys.modelStatus(botId) });
    void queryClient.invalidateQueries({ queryKey: keys.bots });
  };

  const end = (model: ModelVersion) => {
    setLive(null);
    setFinished(model);
    setFollowed(null);
    refresh();
  };

  const runningId = running?.id;
  useEffect(() => {
    if (runningId) setFollowed(runningId);
  }, [runningId]);

  useEffect(() => {
    if (!followed) return;
    const model = models.data?.models.find((m) => m.id === followed);
    if (model && ENDED.has(model.status)) end(model);
    // `end` only sets state and invalidates queries.
  }, [followed, models.data]);

  useEffect(() => {
    if (!runningId) return undefined;
    const source = new EventSource(
      api.url(`/admin/bots/${enc(botId)}/jobs/${enc(runningId)}/events`),
      { withCredentials: true },
    );
    const onProgress = (event: MessageEvent<string>) =>
      setLive(JSON.parse(event.data) as ModelVersion);
    const onEnd = (event: MessageEvent<string>) => {
      source.close();
      end(JSON.parse(event.data) as ModelVersion);
    };
    source.addEventListener('progress', onProgress);
    source.addEventListener('done', onEnd);
    source.addEventListener('failed', onEnd);
    // A dropped stream is not retried: the registry poll above takes over.
    source.onerror = () => source.close();
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
      if (result.status === 'skipped') end(result.model);
      else {
        setFollowed(result.jobId);
        refresh();
      }
    },
  });

  const job = live ?? running ?? null;
  return {
    models,
    job,
    finished,
    train,
    /** A job was started here and has not been seen running or ended yet. */
    starting: Boolean(followed) && !job,
    dismiss: () => setFinished(null),
  };
}
