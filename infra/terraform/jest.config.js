import { createJestConfig } from '../../tools/jest/create-jest-config.js';

export default createJestConfig({
  rootDir: import.meta.dirname,
  overrides: { testMatch: ['<rootDir>/tests/**/*.test.ts'] },
});
