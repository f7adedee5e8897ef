// Writes each package's pass/fail counts to .jest-results/ so the root test command
// can print one closing line for the whole repository.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const repoRoot = path.resolve(__dirname, '../..');
    const dir = path.join(repoRoot, '.jest-results');
    fs.mkdirSync(dir, { recursive: true });
    const name = path.relative(repoRoot, this.rootDir).replace(/[\\/]/g, '__') || 'root';
    const summary = {
      package: path.relative(repoRoot, this.rootDir),
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(summary));
  }
}

module.exports = SummaryReporter;
