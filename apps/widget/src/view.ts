import type { BotMessage, WidgetLook } from './api-client.js';
import { textColorOn } from './colors.js';
import { h, icon, ICONS } from './dom.js';
import { safeHref, splitLinks } from './links.js';
import type { Strings } from './strings.js';
import { CSS } from './styles.js';

const PANEL_ID = 'parley-panel';
const HEX = /^#[0-9a-f]{6}$/i;

export interface ViewEvents {
  toggle(open: boolean): void;
  submit(text: string): void;
  /** A quick reply or button was used: send `payload`, show `title`. */
  choose(payload: string, title: string): void;
  restart(): void;
}

export type View = ReturnType<typeof createView>;

/**
 * The widget's DOM inside an open shadow root on `<parley-chat>`: a launcher button and a
 * labelled, non-modal dialog. Server and visitor text only ever becomes text nodes; links
 * are anchors built from an allow-listed href.
 */
export function createView(
  options: { strings: Strings; look: WidgetLook; nonce?: string },
  events: ViewEvents,
) {
  const { strings: s, look } = options;
  const host = document.createElement('parley-chat');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, options.nonce);

  const log = h('div', {
    class: 'log',
    role: 'log',
    'aria-live': 'polite',
    'aria-label': s.messages,
    tabindex: '0',
  });
  const status = h('div', { class: 'status', role: 'status' });
  const input = h('input', {
    id: 'parley-input',
    type: 'text',
    autocomplete: 'off',
    maxlength: '5000',
    placeholder: s.placeholder,
  }) as HTMLInputElement;
  const form = h(
    'form',
    {
      onsubmit: (event: Event) => {
        event.preventDefault();
        const text = input.value.trim();
        if (!text) return;
        input.value = '';
        events.submit(text);
      },
    },
    h('label', { class: 'sr', for: 'parley-input' }, s.input),
    input,
    h('button', { type: 'submit', 'aria-label': s.send }, icon(ICONS.send)),
  );
  const title = look.title || s.title;
  const panel = h(
    'div',
    {
      class: 'panel',
      id: PANEL_ID,
      role: 'dialog',
      'aria-labelledby': 'parley-title',
      hidden: true,
    },
    h(
      'header',
      {},
      h(
        'div',
        { class: 'heading' },
        h('h2', { id: 'parley-title' }, title),
        look.greeting && h('p', { class: 'greeting' }, look.greeting),
      ),
      h(
        'button',
        {
          type: 'button',
          'aria-label': s.newConversation,
          title: s.newConversation,
          onclick: () => events.restart(),
        },
        icon(ICONS.restart),
      ),
      h(
        'button',
        {
          type: 'button',
          'aria-label': s.close,
          title: s.close,
          onclick: () => events.toggle(false),
        },
        icon(ICONS.close),
      ),
    ),
    log,
    status,
    form,
  );
  panel.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') events.toggle(false);
  });
  const launcher = h(
    'button',
    {
      type: 'button',
      class: 'launcher',
      'aria-controls': PANEL_ID,
      'aria-expanded': 'false',
      'aria-label': s.open,
    },
    icon(ICONS.chat),
  );
  launcher.addEventListener('click', () => events.toggle(panel.hidden));
  const root = h(
    'div',
    { class: look.position === 'bottom-left' ? 'root left' : 'root' },
    panel,
    launcher,
  );
  if (look.primaryColor && HEX.test(look.primaryColor)) {
    // CSSOM, not a style attribute: allowed under a style-src without 'unsafe-inline'.
    root.style.setProperty('--_primary', look.primaryColor);
    root.style.setProperty('--_on', textColorOn(look.primaryColor));
  }
  shadow.append(root);

  let typing: HTMLElement | null = null;
  const scroll = () => {
    log.scrollTop = log.scrollHeight;
  };
  const say = (el: HTMLElement) => {
    log.insertBefore(el, typing);
    scroll();
    return el;
  };

  function choices(message: BotMessage): HTMLElement | null {
    const items: HTMLElement[] = [];
    const group = h('div', { class: 'choices', role: 'group', 'aria-label': s.bot });
    const choose = (payload: string, title: string) => () => {
      disableChoices(group);
      events.choose(payload, title);
    };
    for (const reply of message.quickReplies ?? [])
      items.push(
        h(
          'button',
          {
            type: 'button',
            class: 'choice',
            onclick: choose(reply.payload ?? reply.title, reply.title),
          },
          reply.title,
        ),
      );
    for (const button of message.buttons ?? []) {
      const href = button.url ? safeHref(button.url) : null;
      if (href)
        items.push(
          h(
            'a',
            { class: 'choice', href, target: '_blank', rel: 'noopener noreferrer' },
            button.title,
          ),
        );
      else if (!button.url)
        items.push(
          h(
            'button',
            {
              type: 'button',
              class: 'choice',
              onclick: choose(button.payload ?? button.title, button.title),
            },
            button.title,
          ),
        );
    }
    if (items.length === 0) return null;
    group.append(...items);
    return group;
  }

  return {
    host,
    shadow,
    input,
    get open() {
      return !panel.hidden;
    },
    setOpen(open: boolean, moveFocus = true) {
      panel.hidden = !open;
      root.classList.toggle('open', open);
      launcher.setAttribute('aria-expanded', String(open));
      launcher.setAttribute('aria-label', open ? s.close : s.open);
      if (!moveFocus) return;
      if (open) {
        input.focus();
        scroll();
      } else launcher.focus();
    },
    addUser(text: string): HTMLElement {
      return say(h('div', { class: 'msg user' }, h('span', { class: 'sr' }, `${s.you}: `), text));
    },
    markFailed(bubble: HTMLElement) {
      bubble.classList.add('failed');
      bubble.after(h('div', { class: 'note' }, s.notSent));
    },
    addBot(messages: BotMessage[], active: boolean) {
      for (const message of messages) {
        const bubble = h('div', { class: 'msg bot' }, h('span', { class: 'sr' }, `${title}: `));
        for (const part of splitLinks(message.text))
          bubble.append(
            part.href
              ? h('a', { href: part.href, target: '_blank', rel: 'noopener noreferrer' }, part.text)
              : part.text,
          );
        say(bubble);
        const group = choices(message);
        if (group) {
          if (!active) disableChoices(group);
          say(group);
        }
      }
    },
    /** Quick replies from earlier turns are stale once the visitor says something else. */
    disableAllChoices() {
      for (const group of log.querySelectorAll<HTMLElement>('.choices')) disableChoices(group);
    },
    clear() {
      log.replaceChildren();
      typing = null;
    },
    setTyping(on: boolean) {
      if (on && !typing) {
        typing = h(
          'div',
          { class: 'typing', 'aria-label': s.typing, role: 'img' },
          h('i'),
          h('i'),
          h('i'),
        );
        log.append(typing);
        scroll();
      } else if (!on && typing) {
        typing.remove();
        typing = null;
      }
    },
    setStatus(text: string) {
      if (status.textContent !== text) status.textContent = text;
    },
  };
}

function disableChoices(group: HTMLElement): void {
  for (const button of group.querySelectorAll('button')) button.disabled = true;
}

/** Constructable stylesheets; a nonce'd <style> only for browsers that lack them. */
function adoptStyles(shadow: ShadowRoot, nonce: string | undefined): void {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = CSS;
  shadow.append(style);
}
