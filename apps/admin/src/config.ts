/** Read at run time from `config.json` next to index.html, so one build serves any deployment. */
export interface RuntimeConfig {
  /** Origin (and path prefix) of the Parley API; empty for the same origin. */
  apiBaseUrl: string;
  /** Where browsers and Meta reach the API: used in the embed snippet and the webhook URL. */
  publicUrl: string;
}

const trimmed = (value: unknown) => (typeof value === 'string' ? value.replace(/\/+$/, '') : '');

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const res = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`config.json answered ${res.status}`);
  const body = (await res.json()) as Record<string, unknown>;
  const apiBaseUrl = trimmed(body.apiBaseUrl);
  return {
    apiBaseUrl,
    publicUrl: trimmed(body.publicUrl) || apiBaseUrl || window.location.origin,
  };
}
