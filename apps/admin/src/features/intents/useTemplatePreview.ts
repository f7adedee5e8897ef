import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context';
import { enc } from '../../api/queries';

export type TemplatePreview =
  | { ok: true; messages: string[] }
  | { ok: false; error: { message: string; line: number | null; column: number | null } };

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/** Renders a template with sample values through the API's own renderer, as you type. */
export function useTemplatePreview(
  botId: string,
  template: string,
  sample: { parameters: Record<string, string>; context?: Record<string, unknown> },
) {
  const api = useApi();
  const input = useDebounced({ template, ...sample }, 300);
  return useQuery({
    queryKey: ['template-preview', botId, input],
    queryFn: ({ signal }) =>
      api.post<TemplatePreview>(`/admin/bots/${enc(botId)}/templates/preview`, input, { signal }),
    enabled: input.template.trim() !== '',
    staleTime: Infinity,
    retry: false,
  });
}
