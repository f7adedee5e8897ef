// Prints a fresh admin API key for the database at argv[2] (used by fuzz-api.mjs).
import { connectStore } from '@parley/store';

const store = await connectStore({ uri: process.argv[2]! });
console.log((await store.apiKeys.create({ name: 'fuzz', role: 'admin' })).key);
await store.close();
