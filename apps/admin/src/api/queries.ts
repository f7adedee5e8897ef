import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './api-context';
import type {
  Bot,
  EntityDefinition,
  Integration,
  Intent,
  IntentSummary,
  ModelVersion,
} from './types';

/** Every cache key in one place, so a change invalidates exactly what it affects. */
export const keys = {
  bots: ['bots'] as const,
  bot: (botId: string) => ['bots', botId] as const,
  modelStatus: (botId: string) => ['bots', botId, 'model-status'] as const,
  intents: (botId: string) => ['bots', botId, 'intents'] as const,
  intent: (botId: string, intentId: string) => ['bots', botId, 'intents', intentId] as const,
  entities: (botId: string) => ['bots', botId, 'entities'] as const,
  systemEntities: ['system-entities'] as const,
  models: (botId: string) => ['bots', botId, 'models'] as const,
  integrations: (botId: string) => ['bots', botId, 'integrations'] as const,
  threads: (botId: string) => ['bots', botId, 'threads'] as const,
  thread: (botId: string, threadId: string) => ['bots', botId, 'threads', threadId] as const,
  review: (botId: string) => ['bots', botId, 'review'] as const,
  users: ['users'] as const,
  apiKeys: ['api-keys'] as const,
  audit: ['audit'] as const,
};

export const enc = encodeURIComponent;

export function useBots() {
  const api = useApi();
  return useQuery({
    queryKey: keys.bots,
    queryFn: async () => (await api.get<{ bots: Bot[] }>('/admin/bots')).bots,
  });
}

export function useBot(botId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.bot(botId),
    queryFn: () => api.get<Bot>(`/admin/bots/${enc(botId)}`),
  });
}

export interface ModelStatus {
  activeModelId: string | null;
  upToDate: boolean;
  trainable: boolean;
  problems: Array<{ code: string; message: string }>;
  changedAt: string | null;
}

export function useModelStatus(botId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.modelStatus(botId),
    queryFn: () => api.get<ModelStatus>(`/admin/bots/${enc(botId)}/model-status`),
  });
}

export function useIntentSummaries(botId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.intents(botId),
    queryFn: async () =>
      (await api.get<{ intents: IntentSummary[] }>(`/admin/bots/${enc(botId)}/intent-summaries`))
        .intents,
  });
}

export function useIntent(botId: string, intentId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.intent(botId, intentId),
    queryFn: () => api.get<Intent>(`/admin/bots/${enc(botId)}/intents/${enc(intentId)}`),
  });
}

export function useEntities(botId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.entities(botId),
    queryFn: async () =>
      (await api.get<{ entities: EntityDefinition[] }>(`/admin/bots/${enc(botId)}/entities`))
        .entities,
  });
}

export function useSystemEntities() {
  const api = useApi();
  return useQuery({
    queryKey: keys.systemEntities,
    queryFn: async () => (await api.get<{ entities: string[] }>('/admin/system-entities')).entities,
    staleTime: Infinity,
  });
}

export interface ModelRegistry {
  activeModelId: string | null;
  /** What the API instance that answered serves: the active model once it has loaded it. */
  runtime?: { activeModelId: string | null; state: 'loaded' | 'none' | 'failed'; error?: string };
  models: ModelVersion[];
}

/** Whether the serving instance has not caught up with the active model yet. */
export function switching(registry: ModelRegistry | undefined): boolean {
  return Boolean(
    registry?.runtime &&
    registry.activeModelId &&
    registry.runtime.state !== 'failed' &&
    registry.runtime.activeModelId !== registry.activeModelId,
  );
}

export function useModels(botId: string, options: { refetchInterval?: number | false } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: keys.models(botId),
    queryFn: () => api.get<ModelRegistry>(`/admin/bots/${enc(botId)}/models`),
    // Until the instance serves the new active model (it polls for it), ask again.
    refetchInterval: (query) =>
      switching(query.state.data) ? 1000 : (options.refetchInterval ?? false),
  });
}

export function useIntegrations(botId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.integrations(botId),
    queryFn: async () =>
      (await api.get<{ integrations: Integration[] }>(`/admin/bots/${enc(botId)}/integrations`))
        .integrations,
  });
}

/** Saves an intent (PUT under its current id) and refreshes what depends on it. */
export function useSaveIntent(botId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ currentId, intent }: { currentId: string | null; intent: Intent }) =>
      currentId
        ? api.put<Intent>(`/admin/bots/${enc(botId)}/intents/${enc(currentId)}`, intent)
        : api.post<Intent>(`/admin/bots/${enc(botId)}/intents`, intent),
    onSuccess: (saved, { currentId }) => {
      if (currentId && currentId !== saved.intentId)
        queryClient.removeQueries({ queryKey: keys.intent(botId, currentId) });
      queryClient.setQueryData(keys.intent(botId, saved.intentId), saved);
      void queryClient.invalidateQueries({ queryKey: keys.intents(botId) });
      void queryClient.invalidateQueries({ queryKey: keys.modelStatus(botId) });
    },
  });
}
