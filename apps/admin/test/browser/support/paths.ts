import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ADMIN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const REPO_ROOT = path.resolve(ADMIN_DIR, '../..');
/** Screenshots of every screen, for people to look at; git-ignored. */
export const OUTPUT_DIR = path.join(ADMIN_DIR, 'test-output');
/** ai-chatbot-framework's example exports: `shared/acf-examples` next to the repository (or a parent's). */
export const ACF_EXAMPLES = findUp(path.dirname(REPO_ROOT), 'shared/acf-examples');

function findUp(from: string, relative: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.join(from, relative);
  }
}
