import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/model and dist/model are both two levels below the package root.
const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

export const PACKAGE_VERSION: string = (
  JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }
).version;
