import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { enc, keys, useIntegrations } from '../../api/queries';
import type { Integration } from '../../api/types';

export type Channel = Integration['channel'];

export interface IntegrationUpdate {
  enabled?: boolean;
  settings?: Record<string, unknown>;
  secrets?: Record<string, string | null>;
}

/** One channel's integration (defaults when it was never saved) and its save. */
export function useIntegration(botId: string, channel: Channel) {
  const api = useApi();
  const queryClient = useQueryClient();
  const all = useIntegrations(botId);
  const integration: Integration = all.data?.find((i) => i.channel === channel) ?? {
    channel,
    enabled: false,
    settings: {},
    secretNames: [],
  };
  const save = useMutation({
    mutationFn: (update: IntegrationUpdate) =>
      api.put<Integration>(`/admin/bots/${enc(botId)}/integrations/${channel}`, update),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.integrations(botId) }),
  });
  return { query: all, integration, save };
}
