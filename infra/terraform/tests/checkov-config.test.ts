// checkov runs in tools/ci/check-terraform.sh; this keeps its configuration honest: every
// skipped check carries a reason, and the configuration keeps the run offline.
import { readRepoFile } from './terraform-config.js';

const CONFIG = 'infra/terraform/.checkov.yaml';

/** The `skip-check` entries with the comment lines right above each (or above its group). */
function skippedChecks(): Array<{ id: string; reason: string }> {
  const lines = readRepoFile(CONFIG).split('\n');
  const start = lines.indexOf('skip-check:');
  expect(start).toBeGreaterThan(-1);
  const skips: Array<{ id: string; reason: string }> = [];
  let reason = '';
  let previousWasSkip = false;
  for (const line of lines.slice(start + 1)) {
    const comment = /^\s*#\s*(.*)$/.exec(line);
    const skip = /^\s*-\s*(\S+)\s*$/.exec(line);
    if (comment) {
      reason = previousWasSkip ? comment[1]! : `${reason} ${comment[1]!}`.trim();
      previousWasSkip = false;
    } else if (skip) {
      skips.push({ id: skip[1]!, reason });
      previousWasSkip = true;
    } else if (line.trim() !== '') {
      break;
    }
  }
  return skips;
}

describe('.checkov.yaml', () => {
  it('gives a reason for every skipped check', () => {
    const skips = skippedChecks();
    expect(skips.length).toBeGreaterThan(0);
    for (const { id, reason } of skips) {
      expect(id).toMatch(/^CKV2?_AWS_\d+$/);
      expect({ id, reason: reason.length > 20 }).toEqual({ id, reason: true });
    }
  });

  it('skips each check once', () => {
    const ids = skippedChecks().map((skip) => skip.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('runs offline, on the terraform framework only', () => {
    const config = readRepoFile(CONFIG);
    expect(config).toMatch(/^skip-download: true$/m);
    expect(config).toMatch(/^framework:\n {2}- terraform$/m);
    expect(readRepoFile('tools/ci/check-terraform.sh')).toContain(
      '--config-file infra/terraform/.checkov.yaml',
    );
  });
});
