// A node:test reporter that writes `{package, passed, failed, skipped}` (the summary
// tools/run-tests.mjs sums) for the tests, not the suites around them.
export default async function* summaryReporter(source) {
  const counts = { package: 'apps/widget', passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite whose hook failed has no failing test of its own to count.
      if (event.type === 'test:fail' && event.data.details.error?.failureType !== 'subtestsFailed')
        counts.failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield JSON.stringify(counts);
}
