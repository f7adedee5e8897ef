// Shared jest configuration: TypeScript through SWC as native ESM (run jest with
// --experimental-vm-modules), workspace packages resolved to their sources so tests
// need no build, and a summary reporter read by tools/run-tests.mjs.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @param {{ rootDir: string, database?: boolean, overrides?: Record<string, unknown> }} options
 * `database: true` starts a throw-away embedded database for the run (or uses MONGODB_URI).
 */
export function createJestConfig({ rootDir, database = false, overrides = {} }) {
  return {
    rootDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx'],
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    transform: {
      '^.+\\.tsx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', tsx: true },
            target: 'es2022',
            transform: { react: { runtime: 'automatic' } },
          },
          module: { type: 'es6' },
          sourceMaps: 'inline',
        },
      ],
    },
    moduleNameMapper: {
      '^@parley/(domain|nlu|dialogue|store)$': `${REPO_ROOT}/packages/$1/src/index.ts`,
      '^@parley/(nlu|dialogue|store)/testing$': `${REPO_ROOT}/packages/$1/src/testing.ts`,
      '^@parley/nlu/eval$': `${REPO_ROOT}/packages/nlu/src/eval/index.ts`,
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    globalSetup: database ? `${REPO_ROOT}/tools/jest/database-setup.js` : undefined,
    globalTeardown: database ? `${REPO_ROOT}/tools/jest/database-teardown.js` : undefined,
    reporters: ['default', `${REPO_ROOT}/tools/jest/summary-reporter.js`],
    testTimeout: 30_000,
    ...overrides,
  };
}
