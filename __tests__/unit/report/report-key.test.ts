// Our own leg: matrix legs of one job get their own sticky comment and check run. The key carries a
// short hash of what tells legs apart (or `report-key`), and stays the same across pushes of a PR.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/config/config.js';
import { UserError } from '../../../src/config/errors.js';
import { reportKey } from '../../../src/report/input.js';
import { checkRunName } from '../../../src/report/publish.js';

const SHA1 = '1111111aaaabbbbccccddddeeeeffff000011112';
const SHA2 = '2222222aaaabbbbccccddddeeeeffff000011113';
const config = (inputs: Record<string, string>) =>
  parseConfig((n) => ({ driver: 'docker', context: '.', ...inputs })[n] ?? '', {});
const run = (sha: string, runId: string) => ({ GITHUB_JOB: 'build', GITHUB_SHA: sha, GITHUB_RUN_ID: runId });
const key = (inputs: Record<string, string>, env = run(SHA1, '900'), secrets: string[] = []) =>
  reportKey(config(inputs), env, '', secrets);

test('legs that differ in platforms, build-args, tags or target have different keys', () => {
  const keys = [
    key({ platforms: 'linux/amd64' }),
    key({ platforms: 'linux/arm64' }),
    key({ platforms: 'linux/amd64', 'build-args': 'NODE=20' }),
    key({ platforms: 'linux/amd64', 'build-args': 'NODE=22' }),
    key({ platforms: 'linux/amd64', tags: 'ghcr.io/o/app:slim' }),
    key({ platforms: 'linux/amd64', target: 'test' }),
  ];
  expect(new Set(keys).size).toBe(keys.length);
  for (const k of keys) expect(k).toMatch(/^build:docker:[^:]+:\.:[0-9a-f]{8}$/);
});

test('bake legs that differ in their files or overrides have different keys', () => {
  const a = key({ targets: 'app', files: 'a.hcl' });
  expect(a).not.toBe(key({ targets: 'app', files: 'b.hcl' }));
  expect(a).not.toBe(key({ targets: 'app', files: 'a.hcl', set: 'app.platform=linux/arm64' }));
});

test('the same leg on the next push: the commit and run id in tags and build-args do not change the key', () => {
  const leg = (sha: string, runId: string) => ({
    platforms: 'linux/arm64',
    tags: `ghcr.io/o/app:sha-${sha.slice(0, 7)}\nghcr.io/o/app:pr-12`,
    'build-args': `REVISION=${sha}\nBUILD=${runId}\nNODE=22`,
  });
  expect(key(leg(SHA1, '900'), run(SHA1, '900'))).toBe(key(leg(SHA2, '901'), run(SHA2, '901')));
  // The pull request's head commit counts as the run's commit too.
  const dir = mkdtempSync(join(tmpdir(), 'bxg-key-'));
  try {
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { head: { sha: SHA2 } } }));
    expect(key(leg(SHA2, '900'), { ...run(SHA1, '900'), GITHUB_EVENT_PATH: event } as never)).toBe(
      key(leg(SHA1, '900')),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a secret build-arg’s value is not hashed: rotating it keeps the key', () => {
  const leg = (v: string) => ({ 'build-args': `API_TOKEN=${v}\nNODE=22` });
  expect(key(leg('s3cret-one'), undefined, ['s3cret-one'])).toBe(
    key(leg('s3cret-two'), undefined, ['s3cret-two']),
  );
});

test('report-key names the leg instead of the hash; a key the marker cannot hold is refused in one sentence', () => {
  expect(key({ platforms: 'linux/amd64', 'report-key': 'arm-slim' })).toBe('build:docker:default:.:arm-slim');
  expect(() => config({ 'report-key': 'arm slim' })).toThrow(UserError);
  expect(() => config({ 'report-key': 'arm slim' })).toThrow(
    "report-key may have 1 to 64 letters, digits and _ . / : - (got 'arm slim'), e.g. report-key: ${{ matrix.name }}.",
  );
});

test('a long key keeps its end (the leg) in the check run’s name', () => {
  const k = key({ platforms: 'linux/amd64', file: `${'deep/'.repeat(30)}Dockerfile` });
  const name = checkRunName(k);
  expect(name.length).toBeLessThanOrEqual(100);
  expect(name.endsWith(`${k.slice(-8)})`)).toBe(true);
});
