import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acfOrderStatusBot } from '../../../../../packages/store/src/testing/acf-order-status.fixture.ts';

export const ADMIN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const REPO_ROOT = path.resolve(ADMIN_DIR, '../..');
/** Screenshots of every screen, for people to look at; git-ignored. */
export const OUTPUT_DIR = path.join(ADMIN_DIR, 'test-output');
/**
 * ai-chatbot-framework's order_status export: `shared/acf-examples/acf-order_status.json` next
 * to the repository (or a parent's) when there is one, else the same bot as the store's tests
 * write it, so the journey runs on any clone.
 */
export const ACF_ORDER_STATUS_FILE = acfOrderStatusFile();

function acfOrderStatusFile(): string {
  const shared = path.join(
    findUp(path.dirname(REPO_ROOT), 'shared/acf-examples'),
    'acf-order_status.json',
  );
  if (existsSync(shared)) return shared;
  const file = path.join(
    mkdtempSync(path.join(os.tmpdir(), 'parley-acf-')),
    'acf-order_status.json',
  );
  writeFileSync(file, JSON.stringify(acfOrderStatusBot()));
  return file;
}

function findUp(from: string, relative: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.join(from, relative);
  }
}
