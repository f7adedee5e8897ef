#!/usr/bin/env node
// Committed entry point so npm links the command at install time, before the first build.
try {
  await import('../dist/cli/parley-nlu.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.error('parley-nlu: not built yet. Run `npm run build` at the repository root first.');
  process.exit(1);
}
