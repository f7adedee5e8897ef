/** What the embed snippet's `<script>` tag says. */
export interface EmbedOptions {
  botId: string;
  apiUrl: string;
  publicKey: string;
  nonce?: string;
}

/**
 * Reads the `data-*` attributes of the widget's script tag. `data-api-url` defaults to the
 * origin the script was loaded from. Returns the problem as a string for the console.
 */
export function readEmbedOptions(script: HTMLScriptElement | null): EmbedOptions | string {
  if (!script) return 'cannot find its <script> tag (give it data-bot-id)';
  const botId = script.dataset.botId;
  const publicKey = script.dataset.key;
  if (!botId) return 'the script tag needs data-bot-id';
  if (!publicKey) return "the script tag needs data-key (the widget integration's public key)";
  let apiUrl: string;
  try {
    apiUrl = new URL(script.dataset.apiUrl || new URL(script.src).origin).href.replace(/\/+$/, '');
  } catch {
    return 'data-api-url is not a URL';
  }
  return { botId, apiUrl, publicKey, nonce: script.nonce || undefined };
}

/** The widget's script tag: the one running now, else the first one with data-bot-id. */
export function findScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.botId) return current;
  return doc.querySelector<HTMLScriptElement>('script[data-bot-id]');
}
