import { createApiClient, type BotMessage, type Failure, type Turn } from './api-client.js';
import { backoffDelay } from './backoff.js';
import { installCommandApi, type Command, type ParleyGlobal } from './command-queue.js';
import { CONTEXT_LIMITS, contextBytes, contextProblem } from './context-limits.js';
import { deliver, type DeliverDeps, type SendState } from './deliver.js';
import type { EmbedOptions } from './embed-options.js';
import { stringsFor } from './strings.js';
import { createThreadStorage, type ThreadRecord } from './thread-storage.js';
import { createView, type View } from './view.js';

const CONFIG_TRIES = 4;

/** Events a page can listen to with `Parley('on', name, fn)`. */
export type WidgetEvent = 'open' | 'close' | 'message';
export interface MessageEvent {
  from: 'bot' | 'user';
  text: string;
  quickReplies?: BotMessage['quickReplies'];
  buttons?: BotMessage['buttons'];
}

interface Outgoing {
  id: string;
  text?: string;
  title?: string;
  event?: 'welcome';
  bubble?: HTMLElement;
}

/**
 * Boots the widget: installs `window.Parley`, asks the API for the look (which also checks the
 * key and this page's origin), then adds the launcher. Nothing else happens until the visitor
 * (or the page) opens the panel.
 */
export async function startWidget(options: EmbedOptions): Promise<void> {
  const client = createApiClient(options);
  const storage = createThreadStorage(options.botId, () => window.localStorage);
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  const early: Command[] = [];
  let context: Record<string, unknown> = {};
  let view: View | null = null;
  const log = (message: string) => console.error(`Parley: ${message}`);

  const run = (command: Command) => {
    const [name, arg, fn] = command;
    if (name === 'context') return setContext(arg);
    if (name === 'on') {
      if (typeof arg === 'string' && typeof fn === 'function') {
        if (!listeners.has(arg)) listeners.set(arg, new Set());
        listeners.get(arg)!.add(fn as (data: unknown) => void);
      }
      return;
    }
    if (!view) return void early.push(command);
    if (name === 'open') toggle(true);
    else if (name === 'close') toggle(false);
    else if (name === 'reset') restart();
    else log(`unknown command ${JSON.stringify(name)}`);
  };
  installCommandApi(window as unknown as { Parley?: ParleyGlobal }, run);

  function setContext(value: unknown) {
    const merged = { ...context, ...(value as object) };
    const problem = contextProblem(value) ?? contextProblem(merged);
    if (problem) return log(`Parley('context') ignored: ${problem}`);
    const bytes = contextBytes(merged);
    if (bytes > CONTEXT_LIMITS.bytes)
      console.warn(
        `Parley: the context is ${bytes} bytes; the API refuses more than ${CONTEXT_LIMITS.bytes} unless its CHAT_CONTEXT_MAX_BYTES allows it`,
      );
    context = merged;
  }
  const emit = (event: WidgetEvent, data?: unknown) => {
    for (const fn of listeners.get(event) ?? []) {
      try {
        fn(data);
      } catch (error) {
        console.error(error);
      }
    }
  };

  let look = await client.config();
  for (
    let attempt = 0;
    !look.ok && look.failure.kind === 'network' && attempt < CONFIG_TRIES;
    attempt++
  ) {
    await sleep(backoffDelay(attempt));
    look = await client.config();
  }
  if (!look.ok) return log(explainRefusal(look.failure, options));

  const strings = stringsFor(look.value.language);
  const v = createView(
    { strings, look: look.value, nonce: options.nonce },
    {
      toggle,
      submit: (text) => send(text),
      choose: (payload, title) => send(payload, title),
      restart,
    },
  );
  view = v;
  document.body.append(v.host);

  let loaded = false;
  let busy = false;
  let generation = 0;
  let shownSeq = 0;
  let queue: Outgoing[] = [];

  function toggle(open: boolean) {
    if (open === v.open) return;
    v.setOpen(open);
    emit(open ? 'open' : 'close');
    if (open && !loaded) {
      loaded = true;
      void load();
    }
  }

  /** First open: the stored conversation (its unsent messages first), else the welcome. */
  async function load() {
    const record = storage.read();
    if (!record) return welcome();
    queue = record.pending.map((p) => ({ ...p }));
    await pump();
    await refresh();
  }

  function welcome() {
    queue.push({ id: messageId(), event: 'welcome' });
    void pump();
  }

  function send(text: string, title?: string) {
    v.disableAllChoices();
    const shown = title ?? text;
    queue.push({ id: messageId(), text, title, bubble: v.addUser(shown) });
    savePending();
    emit('message', { from: 'user', text: shown } satisfies MessageEvent);
    void pump();
  }

  function restart() {
    generation++;
    busy = false;
    queue = [];
    shownSeq = 0;
    storage.write(null);
    v.clear();
    v.setStatus('');
    if (v.open) welcome();
    else loaded = false;
  }

  const retrying = <T>(request: DeliverDeps<T>['send'], gen: number) =>
    deliver<T>({
      send: request,
      onState: (state: SendState) =>
        gen === generation && v.setStatus(state === 'sending' ? '' : strings[state]),
      sleep,
      isOnline: () => navigator.onLine,
      waitOnline: () =>
        new Promise((resolve) =>
          window.addEventListener('online', () => resolve(), { once: true }),
        ),
      alive: () => gen === generation,
    });

  /** Sends queued messages one at a time, in order, each until it is acknowledged. */
  async function pump() {
    if (busy) return;
    busy = true;
    const gen = generation;
    while (queue.length > 0 && gen === generation) {
      const item = queue[0]!;
      v.setTyping(true);
      const result = await retrying(() => {
        const record = storage.read();
        return client.chat({
          threadId: record?.threadId,
          threadToken: record?.threadToken,
          text: item.text,
          event: item.event,
          context,
          clientMessageId: item.id,
        });
      }, gen);
      if (gen !== generation) return;
      queue.shift();
      if (result.ok) {
        const reply = result.value;
        const before = storage.read();
        const token =
          reply.threadToken ?? (before?.threadId === reply.threadId ? before.threadToken : '');
        save({
          threadId: reply.threadId,
          threadToken: token,
          seq: Math.max(reply.seq, before?.seq ?? 0),
          pending: [],
        });
        if (reply.seq > shownSeq) {
          shownSeq = reply.seq;
          v.addBot(reply.messages, true);
          for (const message of reply.messages) emit('message', { from: 'bot', ...message });
        }
      } else if (result.failure.kind !== 'cancelled') {
        if (item.bubble) v.markFailed(item.bubble);
        log(`a message was not accepted: ${describe(result.failure)}`);
        if (result.failure.kind === 'http' && result.failure.code === 'THREAD_TOKEN_INVALID')
          storage.write(null);
        else savePending();
      }
    }
    v.setTyping(false);
    v.setStatus('');
    busy = false;
  }

  /** Shows the stored thread's transcript from the server (after a reload, or another tab's turn). */
  async function refresh(fromOtherTab = false) {
    const record = storage.read();
    const gen = generation;
    if (!record) {
      v.clear();
      shownSeq = 0;
      return;
    }
    const result = await retrying(
      () => client.transcript(record.threadId, record.threadToken),
      gen,
    );
    if (gen !== generation || (fromOtherTab && busy)) return;
    if (!result.ok) {
      if (result.failure.kind === 'cancelled') return;
      // The thread is gone or its token no longer matches: start over rather than show nothing.
      log(
        `the stored conversation could not be restored (${describe(result.failure)}); starting a new one`,
      );
      restart();
      return;
    }
    renderTranscript(result.value);
  }

  function renderTranscript(turns: Turn[]) {
    v.clear();
    let offered = new Map<string, string>();
    turns.forEach((turn, index) => {
      if (turn.userText !== null) v.addUser(offered.get(turn.userText) ?? turn.userText);
      v.addBot(turn.messages, index === turns.length - 1);
      offered = choicesOf(turn.messages);
      shownSeq = Math.max(shownSeq, turn.seq);
    });
    for (const item of queue)
      if (item.text !== undefined) item.bubble = v.addUser(item.title ?? item.text);
  }

  function save(record: ThreadRecord) {
    record.pending = queue
      .filter((q) => q.text !== undefined)
      .map(({ id, text, title }) => ({ id, text: text!, title }));
    storage.write(record);
  }
  function savePending() {
    const record = storage.read();
    if (record) save(record);
  }

  // The visitor's other tabs share the conversation: show what they said.
  window.addEventListener('storage', (event) => {
    if (event.key !== storage.key || busy) return;
    if (!v.open) {
      loaded = false;
      return;
    }
    void refresh(true);
  });

  for (const command of early.splice(0)) run(command);
}

/** What the page's developer reads in the console when the API refuses the widget. */
function explainRefusal(failure: Failure, options: EmbedOptions): string {
  if (failure.kind === 'network')
    return `cannot reach the API at ${options.apiUrl} (check data-api-url and the page's connect-src)`;
  if (failure.code === 'ORIGIN_NOT_ALLOWED')
    return `this page's origin ${location.origin} is not on the allowed origins of bot "${options.botId}"'s widget; add it to the widget integration's allowedOrigins`;
  if (failure.status === 401)
    return `data-key is not the widget public key of bot "${options.botId}" (or its widget integration is disabled)`;
  return `the widget cannot start: ${describe(failure)}`;
}

function describe(failure: Failure): string {
  return failure.kind === 'network'
    ? 'network error'
    : `${failure.status} ${failure.code}: ${failure.detail}`;
}

function choicesOf(messages: BotMessage[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of messages)
    for (const c of [...(m.quickReplies ?? []), ...(m.buttons ?? [])])
      if (c.payload) map.set(c.payload, c.title);
  return map;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A client message id; crypto.randomUUID exists only in secure contexts, this everywhere. */
function messageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'c_' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
