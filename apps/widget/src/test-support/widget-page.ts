import type { BrowserContext, Page } from 'playwright-core';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A page with what a developer would see: console errors and CSP violations. */
export interface WatchedPage {
  page: Page;
  errors: string[];
  /** Chat POSTs the page made. */
  chatRequests: string[];
  cspViolations(): Promise<string[]>;
}

export async function openPage(context: BrowserContext, url: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const chatRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/chat'))
      chatRequests.push(request.postData() ?? '');
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(url);
  return {
    page,
    errors,
    chatRequests,
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

/** Locators inside the widget (Playwright's CSS engine pierces open shadow roots). */
export const W = {
  launcher: 'parley-chat .launcher',
  panel: 'parley-chat [role="dialog"]',
  input: 'parley-chat input',
  status: 'parley-chat [role="status"]',
  bot: 'parley-chat .msg.bot',
  user: 'parley-chat .msg.user',
  choice: 'parley-chat .choice',
};

export async function waitForBot(page: Page, text: string): Promise<void> {
  await page.locator(W.bot, { hasText: text }).last().waitFor({ timeout: 15_000 });
}

/** What the visitor reads in the log, bubble by bubble (without the screen-reader prefixes). */
export function transcript(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('parley-chat')!.shadowRoot!;
    return [...root.querySelectorAll('.msg')].map((bubble) =>
      [...bubble.childNodes]
        .filter((node) => !(node instanceof HTMLElement && node.classList.contains('sr')))
        .map((node) => node.textContent)
        .join(''),
    );
  });
}

/** The element focused inside the widget, described as `tag.class` or `tag#id`. */
export function focusedInWidget(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.querySelector('parley-chat')?.shadowRoot?.activeElement;
    if (!active) return null;
    return active.id
      ? `${active.localName}#${active.id}`
      : `${active.localName}.${active.className}`;
  });
}

export async function send(page: Page, text: string): Promise<void> {
  await page.locator(W.input).fill(text);
  await page.locator(W.input).press('Enter');
}

export function storedThread(page: Page): Promise<{ threadId: string } | null> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('parley:default') ?? 'null'));
}
