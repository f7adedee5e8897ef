// Writes each package's pass/fail counts to .jest-results/ so the root test command
// can print one closing line for the whole repository.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(REPO_ROOT, '.jest-results');
    fs.mkdirSync(dir, { recursive: true });
    const name = path.relative(REPO_ROOT, this.rootDir).replace(/[\\/]/g, '__') || 'root';
    const summary = {
      package: path.relative(REPO_ROOT, this.rootDir),
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(summary));
  }
}
