// The baseline comparison on real traces: the same two-node build fully cached (baseline) and cold.
import { compare, parseBaseline, toBaseline } from '../../../src/baseline/baseline.js';
import { baselineKeys } from '../../../src/baseline/store.js';
import { LOG_FORMATS, loadScenario } from '../../support/fixtures.js';

describe.each(LOG_FORMATS)('%s', (format) => {
  test('cached baseline, cold build: cache-ratio-drop at the first step that lost its cache', async () => {
    const cached = await loadScenario('two-node', `${format}.cached`);
    const cold = await loadScenario('two-node', format);
    const baseline = parseBaseline(JSON.stringify(toBaseline(cached.trace, cached, 'main@abc')))!;
    expect(baseline.cacheRatio).toBe(1);
    const findings = compare(baseline, cold, { thresholdPercent: 25, minMs: 5000 });
    expect(findings.map((f) => f.rule)).toEqual(['cache-ratio-drop']);
    expect(findings[0]).toMatchObject({ severity: 'warning', file: 'Dockerfile', line: 2 });
    // COPY, RUN --install, and the RUN whose text expands $TARGETPLATFORM once per platform.
    expect(findings[0].title).toMatch(
      /^4 step\(s\) cached in the baseline ran again, from .*COPY busybox \/bin\/busybox$/,
    );
    // Below 5 s of difference nothing is "slower"; with no floor the total is.
    expect(compare(baseline, cold, { thresholdPercent: 25, minMs: 0 }).map((f) => f.rule)).toContain(
      'slower-than-baseline',
    );
  });

  test('the same build against itself: nothing', async () => {
    const cold = await loadScenario('two-node', format);
    expect(compare(toBaseline(cold.trace, cold, 'x'), cold, { thresholdPercent: 25, minMs: 0 })).toEqual([]);
  });
});

test('keys: a pull request restores from its base branch, a push from its own', () => {
  const env = {
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_RUN_ID: '5',
    GITHUB_RUN_ATTEMPT: '2',
  };
  const pr = baselineKeys(
    { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'feat', GITHUB_BASE_REF: 'main' },
    'job:b:t:f',
  );
  expect(pr).toEqual({
    key: 'buildx-guard-baseline-v1-o/r-ci-job-b-t-f-feat@5-2',
    restorePrefix: 'buildx-guard-baseline-v1-o/r-ci-job-b-t-f-main@',
    kind: 'baseline',
  });
  const push = baselineKeys({ ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/dev' }, 'k');
  expect(push.restorePrefix).toBe('buildx-guard-baseline-v1-o/r-ci-k-dev@');
  expect(parseBaseline('not json')).toBeUndefined();
});

test('a pull request from main-fix into main restores main’s entries, never its own (the branch ends at @)', () => {
  const env = {
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_RUN_ID: '5',
    GITHUB_RUN_ATTEMPT: '1',
  };
  for (const [head, base] of [
    ['main-fix', 'main'],
    ['release-1.2', 'release'],
    ['main/fix', 'main'],
  ]) {
    const pr = baselineKeys(
      { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: head, GITHUB_BASE_REF: base },
      'k',
    );
    const main = baselineKeys({ ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: `refs/heads/${base}` }, 'k');
    expect(pr.key.startsWith(pr.restorePrefix)).toBe(false);
    expect(main.key.startsWith(pr.restorePrefix)).toBe(true);
  }
});
