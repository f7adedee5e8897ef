import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** The built widget script as apps/widget's build writes it (dist/manifest.json + files). */
export interface WidgetBundle {
  /** Content-hashed file name, `widget.<hash>.js`. */
  file: string;
  hash: string;
  code: Buffer;
}

const ZManifest = z.object({ file: z.string().regex(/^widget\.[0-9a-f]+\.js$/), hash: z.string() });

/**
 * Loads the bundle from `dir` when first asked, and again when it was missing (the widget may
 * be built after the API started). Resolves null while there is none.
 */
export function createWidgetBundleLoader(dir: string): () => Promise<WidgetBundle | null> {
  let loaded: WidgetBundle | null = null;
  return async () => {
    if (loaded) return loaded;
    try {
      const manifest = ZManifest.parse(
        JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')),
      );
      const code = await readFile(path.join(dir, manifest.file));
      loaded = { file: manifest.file, hash: manifest.hash, code };
    } catch {
      return null;
    }
    return loaded;
  };
}
