import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startFlakyProxy, type FlakyProxy } from './test-support/flaky-proxy.js';
import { startHostPage, type EmbedParams, type HostPageServer } from './test-support/host-page.js';
import { importAndTrain, startParleyStack, type ParleyStack } from './test-support/parley-stack.js';
import { HOSTILE_REPLY, PIZZA_BOT } from './test-support/pizza-bot.js';
import {
  focusedInWidget,
  launchChromium,
  openPage,
  send,
  storedThread,
  transcript,
  W,
  waitForBot,
} from './test-support/widget-page.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Turn {
  seq: number;
  userText: string;
  channel: string;
}

describe('the widget on a hostile page, against the real API', { timeout: 300_000 }, () => {
  let stack: ParleyStack;
  let host: HostPageServer;
  let otherHost: HostPageServer;
  let proxy: FlakyProxy;
  let browser: Browser;
  let embed: EmbedParams;
  const contexts: BrowserContext[] = [];

  const newContext = async (options: Parameters<Browser['newContext']>[0] = {}) => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      ...options,
    });
    contexts.push(context);
    return context;
  };
  const turnsOf = async (threadId: string) =>
    (await stack.admin<{ turns: Turn[] }>('GET', `/bots/default/threads/${threadId}`)).turns;

  before(async () => {
    [stack, host, otherHost, browser] = await Promise.all([
      startParleyStack(),
      startHostPage(),
      startHostPage(),
      launchChromium(),
    ]);
    proxy = await startFlakyProxy(stack.apiUrl);
    await importAndTrain(stack, PIZZA_BOT, { text: 'i want a pizza', intent: 'order_pizza' });
    const widget = await stack.admin<{ settings: { publicKey: string } }>(
      'PUT',
      '/bots/default/integrations/widget',
      {
        settings: {
          allowedOrigins: [host.origin],
          title: 'Pizza Palace',
          greeting: 'Order in a few taps',
          primaryColor: '#b91c1c',
        },
      },
    );
    embed = { scriptOrigin: stack.apiUrl, apiUrl: stack.apiUrl, key: widget.settings.publicKey };
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await proxy?.close();
    await host?.close();
    await otherHost?.close();
    await stack?.stop();
  });

  describe('one visitor', () => {
    let context: BrowserContext;
    before(async () => {
      context = await newContext();
    });

    it('does nothing on page load, and greets with the page context on the first open', async () => {
      const { page, chatRequests, errors } = await openPage(context, host.url(embed));
      await page.locator(W.launcher).waitFor();
      await page.waitForTimeout(300);
      assert.equal(chatRequests.length, 0);
      assert.equal(await storedThread(page), null);
      assert.equal(await page.locator(W.panel).isVisible(), false);

      await page.locator(W.launcher).click();
      assert.equal(await page.locator(W.launcher).getAttribute('aria-expanded'), 'true');
      assert.equal(await focusedInWidget(page), 'input#parley-input');
      await waitForBot(page, 'What would you like?');
      assert.deepEqual(await transcript(page), ['Hi Ann!', 'What would you like?']);
      assert.equal(chatRequests.length, 1);
      assert.equal(JSON.parse(chatRequests[0]!).event, 'welcome');
      assert.deepEqual(errors, []);

      const menu = page.locator('parley-chat a.choice');
      assert.equal(await menu.getAttribute('href'), 'https://safe.example/menu');
      assert.equal(await menu.getAttribute('rel'), 'noopener noreferrer');
      assert.deepEqual(
        await page.locator(W.choice).allTextContents(),
        ['Large pizza', 'Small pizza', 'Our menu'],
        'the javascript: button is not shown',
      );
    });

    it('fills the order through a quick reply, then by typing; the quick replies are used up', async () => {
      const page = context.pages()[0]!;
      await page.locator(W.choice, { hasText: 'Large pizza' }).click();
      await waitForBot(page, 'Which topping would you like?');
      assert.equal(await page.locator('parley-chat button.choice:not([disabled])').count(), 0);
      await send(page, 'mushroom please');
      await waitForBot(page, 'One large mushroom pizza coming up.');
      assert.deepEqual((await transcript(page)).slice(2), [
        'Large pizza',
        'Which topping would you like?',
        'mushroom please',
        'One large mushroom pizza coming up.',
      ]);
      const events = await page.evaluate(
        () => (window as unknown as { __parleyMessages: unknown[] }).__parleyMessages,
      );
      assert.ok(
        events.some((m) => (m as { text: string }).text === 'One large mushroom pizza coming up.'),
      );

      const { threadId } = (await storedThread(page))!;
      const turns = await turnsOf(threadId);
      assert.deepEqual(
        turns.map((turn) => turn.channel),
        ['widget', 'widget', 'widget'],
      );
    });

    it('shows the transcript again after a reload, and in a second tab that continues it', async () => {
      const page = context.pages()[0]!;
      const before = await transcript(page);
      const { threadId } = (await storedThread(page))!;
      await page.reload();
      await page.locator(W.launcher).click();
      await waitForBot(page, 'One large mushroom pizza coming up.');
      assert.deepEqual(await transcript(page), before);
      assert.equal((await turnsOf(threadId)).length, 3, 'no second welcome');

      const second = await openPage(context, host.url(embed));
      await second.page.locator(W.launcher).click();
      await waitForBot(second.page, 'One large mushroom pizza coming up.');
      assert.deepEqual(await transcript(second.page), before);
      await send(second.page, 'hello');
      await waitForBot(second.page, 'Hi Ann!');
      // The first tab, open, shows what the visitor said in the second.
      await page.locator(W.user, { hasText: 'hello' }).waitFor();
      assert.deepEqual(await transcript(page), await transcript(second.page));
      await second.page.close();
    });

    it('starts a new conversation on request', async () => {
      const page = context.pages()[0]!;
      const { threadId } = (await storedThread(page))!;
      await page.getByRole('button', { name: 'New conversation' }).click();
      await waitForBot(page, 'What would you like?');
      assert.deepEqual(await transcript(page), ['Hi Ann!', 'What would you like?']);
      const fresh = (await storedThread(page))!;
      assert.notEqual(fresh.threadId, threadId);
    });

    it('renders hostile text from the bot and from the visitor as inert text', async () => {
      const page = context.pages()[0]!;
      await send(page, '<img src=x onerror="window.__pwned=4"> show me something weird');
      await waitForBot(page, 'Look <img');
      const bubbles = await transcript(page);
      assert.ok(bubbles.includes(HOSTILE_REPLY));
      assert.ok(bubbles.includes('<img src=x onerror="window.__pwned=4"> show me something weird'));
      const found = await page.evaluate(() => {
        const root = document.querySelector('parley-chat')!.shadowRoot!;
        return {
          images: root.querySelectorAll('img').length,
          hrefs: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
          pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        };
      });
      assert.deepEqual(found, {
        images: 0,
        hrefs: ['https://safe.example/menu', 'https://safe.example/menu?a=1&b=2'],
        pwned: null,
      });
    });
  });

  it('keeps a message whose answer the network lost, retries it, and the thread has one turn for it', async () => {
    const context = await newContext();
    const { page } = await openPage(context, host.url({ ...embed, apiUrl: proxy.url }));
    await page.locator(W.launcher).click();
    await waitForBot(page, 'What would you like?');
    proxy.dropNextChatAnswers(2);
    const postsBefore = proxy.chatPosts;
    await send(page, 'i want a pizza');
    await page.locator(W.status, { hasText: 'Reconnecting…' }).waitFor();
    await waitForBot(page, 'Which size?');
    assert.equal(proxy.chatPosts - postsBefore, 3, 'sent three times');
    assert.equal(await page.locator(W.status).textContent(), '');
    const { threadId } = (await storedThread(page))!;
    const turns = await turnsOf(threadId);
    assert.deepEqual(
      turns.map((turn) => turn.userText),
      ['', 'i want a pizza'],
    );
    assert.deepEqual(await transcript(page), [
      'Hi Ann!',
      'What would you like?',
      'i want a pizza',
      'Which size?',
    ]);
  });

  it('waits while the browser is offline and sends when it is back', async () => {
    const context = await newContext();
    const { page } = await openPage(context, host.url(embed));
    await page.locator(W.launcher).click();
    await waitForBot(page, 'What would you like?');
    await context.setOffline(true);
    await send(page, 'i want a pizza');
    await page.locator(W.status, { hasText: 'Offline' }).waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.locator(W.bot, { hasText: 'Which size?' }).count(), 0);
    await context.setOffline(false);
    await waitForBot(page, 'Which size?');
  });

  it('refuses a page whose origin is not allowed, and a wrong key, with a console error and no widget', async () => {
    const context = await newContext();
    const elsewhere = await openPage(context, otherHost.url(embed));
    const wrongKey = await openPage(context, host.url({ ...embed, key: 'pub_not_the_key' }));
    for (const { page } of [elsewhere, wrongKey])
      await page.waitForFunction(() => document.readyState === 'complete');
    await waitUntil(() => elsewhere.errors.length > 0 && wrongKey.errors.length > 0);
    assert.match(
      elsewhere.errors.join('\n'),
      new RegExp(`Parley: this page's origin ${otherHost.origin} is not on the allowed origins`),
    );
    assert.match(wrongKey.errors.join('\n'), /Parley: data-key is not the widget public key/);
    for (const { page } of [elsewhere, wrongKey])
      assert.equal(await page.locator('parley-chat').count(), 0);
  });

  it('is isolated from the page: its styles hold against hostile CSS under a strict CSP', async () => {
    const context = await newContext();
    const watched = await openPage(context, host.url(embed));
    const { page } = watched;
    await page.locator(W.launcher).click();
    await waitForBot(page, 'What would you like?');
    const look = await page.evaluate(() => {
      const chat = document.querySelector('parley-chat')!;
      const root = chat.shadowRoot!;
      const launcher = getComputedStyle(root.querySelector('.launcher')!);
      const choice = getComputedStyle(root.querySelector('button.choice')!);
      const box = chat.getBoundingClientRect();
      return {
        launcherRadius: launcher.borderTopLeftRadius,
        launcherColor: launcher.backgroundColor,
        choicePadding: choice.paddingTop,
        letterSpacing: getComputedStyle(root.querySelector('.msg')!).letterSpacing,
        logDisplay: getComputedStyle(root.querySelector('[role="log"]')!).display,
        styleElements: root.querySelectorAll('style').length,
        adopted: root.adoptedStyleSheets.length,
        hostBox: [box.width, box.height],
      };
    });
    assert.deepEqual(look, {
      launcherRadius: '50%',
      launcherColor: 'rgb(185, 28, 28)',
      choicePadding: '6px',
      letterSpacing: 'normal',
      logDisplay: 'flex',
      styleElements: 0,
      adopted: 1,
      hostBox: [0, 0],
    });
    assert.deepEqual(await watched.cspViolations(), []);
    assert.deepEqual(watched.errors, []);
  });

  it('honours a nonce for browsers without constructable stylesheets', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    });
    const watched = await openPage(context, host.url({ ...embed, nonce: 'n0nce4parley' }));
    await watched.page.locator(W.launcher).waitFor();
    const style = await watched.page.evaluate(() => {
      const root = document.querySelector('parley-chat')!.shadowRoot!;
      return {
        nonce: (root.querySelector('style') as HTMLStyleElement | null)?.nonce,
        radius: getComputedStyle(root.querySelector('.launcher')!).borderTopLeftRadius,
      };
    });
    assert.deepEqual(style, { nonce: 'n0nce4parley', radius: '50%' });
    assert.deepEqual(await watched.cspViolations(), []);
  });

  it('keeps the conversation in memory when the page blocks localStorage', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const { page, errors } = await openPage(context, host.url(embed));
    await page.locator(W.launcher).click();
    await waitForBot(page, 'What would you like?');
    await send(page, 'i want a pizza');
    await waitForBot(page, 'Which size?');
    assert.deepEqual(errors, []);
  });

  it('has no serious or critical axe violations, closed and open', async () => {
    const context = await newContext({ bypassCSP: true });
    const { page } = await openPage(context, host.url(embed));
    await page.locator(W.launcher).waitFor();
    await page.addScriptTag({ content: AXE });
    const violations = () =>
      page.evaluate(async () => {
        type Violation = {
          id: string;
          impact: string;
          nodes: Array<{ target: unknown[]; failureSummary: string }>;
        };
        const axe = (
          window as unknown as {
            axe: { run(context: unknown): Promise<{ violations: Violation[] }> };
          }
        ).axe;
        const result = await axe.run({ include: [['parley-chat']] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join('; ')}`,
          );
      });
    assert.deepEqual(await violations(), []);
    await page.locator(W.launcher).click();
    await waitForBot(page, 'What would you like?');
    // Measured once the panel has faded in, as a visitor reads it.
    await page.evaluate(() =>
      Promise.all(
        document
          .querySelector('parley-chat')!
          .shadowRoot!.querySelector('.panel')!
          .getAnimations()
          .map((animation) => animation.finished),
      ),
    );
    assert.deepEqual(await violations(), []);
  });

  it('works by keyboard alone: open, quick reply, typing, Escape back to the launcher', async () => {
    const context = await newContext();
    const { page } = await openPage(context, host.url(embed));
    await page.locator(W.launcher).waitFor();
    await page.keyboard.press('Tab'); // the page's own button
    await page.keyboard.press('Tab');
    assert.equal(await focusedInWidget(page), 'button.launcher');
    await page.keyboard.press('Enter');
    assert.equal(await focusedInWidget(page), 'input#parley-input');
    await waitForBot(page, 'What would you like?');
    for (let i = 0; i < 10 && (await focusedText(page)) !== 'Large pizza'; i++)
      await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedText(page), 'Large pizza');
    await page.keyboard.press('Enter');
    await waitForBot(page, 'Which topping would you like?');
    await page.locator(W.input).focus();
    await page.keyboard.type('pepperoni');
    await page.keyboard.press('Enter');
    await waitForBot(page, 'One large pepperoni pizza coming up.');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator(W.panel).isVisible(), false);
    assert.equal(await focusedInWidget(page), 'button.launcher');
    assert.equal(await page.locator(W.launcher).getAttribute('aria-expanded'), 'false');
  });

  it('fits a 360 px wide phone, and looks right on the page (screenshots)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const phone = await newContext({ viewport: { width: 360, height: 740 } });
    const { page } = await openPage(phone, host.url(embed));
    await page.locator(W.launcher).click();
    await waitForBot(page, 'What would you like?');
    const panel = (await page.locator(W.panel).boundingBox())!;
    assert.ok(panel.x >= 0 && panel.x + panel.width <= 360, JSON.stringify(panel));
    assert.ok(await page.locator(W.input).isVisible());
    const input = (await page.locator(W.input).boundingBox())!;
    assert.ok(input.y + input.height <= 740);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widget-phone.png') });

    const desktop = await newContext();
    const shot = await openPage(desktop, host.url(embed));
    await shot.page.locator(W.launcher).click();
    await waitForBot(shot.page, 'What would you like?');
    await shot.page.locator(W.choice, { hasText: 'Large pizza' }).click();
    await waitForBot(shot.page, 'Which topping would you like?');
    await shot.page.screenshot({ path: path.join(SCREENSHOTS, 'widget.png') });
  });
});

function focusedText(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('parley-chat')?.shadowRoot?.activeElement?.textContent ?? null,
  );
}

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
