import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { describeViolations, screenshot, seriousViolations } from './browser.ts';

/** Screens checked so far, for the closing summary. */
export const checkedScreens: string[] = [];

/** Every screen the tests reach: no serious or critical axe violation, and a screenshot. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `axe on ${name}:\n${describeViolations(violations)}`);
  await screenshot(page, name);
  checkedScreens.push(name);
}

/** Selects `word` inside `element` with a real mouse drag, as a person would. */
export async function dragSelect(page: Page, element: Locator, word: string): Promise<void> {
  const box = await element.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.parentElement as HTMLElement).closest('[data-skip]')) continue;
      const at = (node.textContent ?? '').indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getBoundingClientRect();
      return { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
    }
    return null;
  }, word);
  assert.ok(box, `"${word}" is not on the screen`);
  await page.mouse.move(box.left + 1, box.y);
  await page.mouse.down();
  await page.mouse.move(box.right - 1, box.y, { steps: 6 });
  await page.mouse.up();
}

/** Fails the test when any page of the context opens an alert (a script ran). */
export function refuseDialogs(page: Page, seen: string[]): void {
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
}
