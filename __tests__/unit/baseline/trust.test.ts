// What a restored baseline must be to be used, which runs may save one, and where the kept folders live.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBaseline, parseBaseline, BASELINE_MAX_BYTES } from '../../../src/baseline/baseline.js';
import { baselineKeys, cacheFolder, stateRoot, untrustedToSave } from '../../../src/baseline/store.js';

const root = mkdtempSync(join(tmpdir(), 'bxg-trust-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const good = {
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  ref: 'main@abc',
  totalMs: 1000,
  cacheRatio: 0.5,
  contextBytes: 10,
  steps: [{ id: 'a', label: 'RUN a', durationMs: 5, cached: true }],
};

test('a restored baseline of the wrong shape, types or size is ignored, with the reason', () => {
  expect(parseBaseline(JSON.stringify(good))).toEqual(good);
  const bad: [string, unknown, RegExp][] = [
    ['ref a number (text.replace is not a function)', { ...good, ref: 123 }, /'ref' is not a short string/],
    ['steps an object', { ...good, steps: { length: 1 } }, /'steps' is not a list/],
    ['a step id a number', { ...good, steps: [{ ...good.steps[0], id: 7 }] }, /step 0 is not/],
    ['a step null', { ...good, steps: [null] }, /step 0 is not/],
    ['durationMs a string', { ...good, steps: [{ ...good.steps[0], durationMs: '5' }] }, /step 0/],
    ['cacheRatio out of range', { ...good, cacheRatio: 7 }, /cacheRatio/],
    ['totalMs negative', { ...good, totalMs: -1 }, /totalMs/],
    ['version 2', { ...good, version: 2 }, /version 2, not 1/],
    ['an array', [good], /not an object/],
    ['null', null, /not an object/],
  ];
  for (const [what, value, why] of bad) {
    const r = checkBaseline(JSON.stringify(value));
    expect({ what, r: typeof r === 'string' ? r : 'accepted' }).toEqual({
      what,
      r: expect.stringMatching(why),
    });
  }
  expect(checkBaseline('{')).toBe('not JSON');
  expect(checkBaseline(' '.repeat(BASELINE_MAX_BYTES + 1))).toMatch(/larger than/);
});

test('__proto__, constructor or any key a baseline does not have: ignored, nothing polluted', () => {
  const cases: [string, string][] = [
    [
      'top-level __proto__',
      JSON.stringify(good).replace('{"version":1', '{"__proto__":{"polluted":true},"version":1'),
    ],
    ['constructor', JSON.stringify({ constructor: { prototype: { polluted: true } }, ...good })],
    [
      "a step's __proto__",
      JSON.stringify(good).replace('"cached":true}', '"cached":true,"__proto__":{"polluted":true}}'),
    ],
    ['an unknown key', JSON.stringify({ ...good, pad: 'x' })],
  ];
  for (const [what, text] of cases) {
    const r = checkBaseline(text);
    expect({ what, r: typeof r === 'string' ? r : 'accepted' }).toEqual({
      what,
      r: expect.stringMatching(/^unexpected key "(__proto__|constructor|pad)"$|^step 0 is not exactly/),
    });
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  // What is accepted is rebuilt from its fields: plain objects, nothing else on them.
  const b = parseBaseline(JSON.stringify(good))!;
  expect(Object.getPrototypeOf(b)).toBe(Object.prototype);
  expect(Object.getPrototypeOf(b.steps[0])).toBe(Object.prototype);
});

test('a long RUN command in a step (its id and label) is a valid baseline', () => {
  const run = `RUN ${'echo step && '.repeat(20_000)}true`;
  const long = {
    ...good,
    steps: [{ id: `\u0000RUN\u0000${run}`, label: run, durationMs: 5, cached: false }],
  };
  expect(parseBaseline(JSON.stringify(long))).toEqual(long);
});

test('which runs may save: never pull_request_target, workflow_run or a fork’s pull request', () => {
  const event = (payload: unknown) => {
    const p = join(root, `event-${Math.random()}.json`);
    writeFileSync(p, JSON.stringify(payload));
    return p;
  };
  const pr = (repo: unknown) => event({ pull_request: { number: 1, head: { repo } } });
  const base = { GITHUB_REPOSITORY: 'octo/app' };
  const table: [string, NodeJS.ProcessEnv, boolean][] = [
    ['push', { GITHUB_EVENT_NAME: 'push' }, true],
    ['schedule', { GITHUB_EVENT_NAME: 'schedule' }, true],
    ['workflow_dispatch', { GITHUB_EVENT_NAME: 'workflow_dispatch' }, true],
    ['no event (CLI)', {}, true],
    [
      'pull_request from the same repository',
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pr({ fork: false, full_name: 'octo/app' }) },
      true,
    ],
    [
      'pull_request from a fork',
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pr({ fork: true, full_name: 'evil/app' }) },
      false,
    ],
    [
      'pull_request from another repository (fork flag missing)',
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pr({ full_name: 'evil/app' }) },
      false,
    ],
    [
      'pull_request with no readable payload',
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(root, 'none') },
      false,
    ],
    [
      'pull_request_target, even from the same repository',
      {
        GITHUB_EVENT_NAME: 'pull_request_target',
        GITHUB_EVENT_PATH: pr({ fork: false, full_name: 'octo/app' }),
      },
      false,
    ],
    ['workflow_run', { GITHUB_EVENT_NAME: 'workflow_run' }, false],
  ];
  for (const [what, env, may] of table) {
    expect({ what, may: untrustedToSave({ ...base, ...env }) === undefined }).toEqual({ what, may });
  }
});

test('pull_request_target restores from the base branch, never from a head branch named like it', () => {
  const keys = baselineKeys(
    {
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_WORKFLOW: 'ci',
      GITHUB_EVENT_NAME: 'pull_request_target',
      GITHUB_HEAD_REF: 'main',
      GITHUB_BASE_REF: 'release',
      GITHUB_REF: 'refs/heads/release',
    },
    'k',
  );
  expect(keys.restorePrefix).toBe('buildx-guard-baseline-v1-o/r-ci-k-release@');
});

test('kept folders: in RUNNER_TEMP, one per repository and build; else a 0700 folder of our own', () => {
  const env = { RUNNER_TEMP: root, GITHUB_REPOSITORY: 'octo/app' };
  const a = cacheFolder('baseline', 'k', env)!;
  expect(a.startsWith(`${root}/buildx-guard-baseline-`)).toBe(true);
  expect(cacheFolder('baseline', 'k', env)).toBe(a);
  expect(cacheFolder('baseline', 'k', { ...env, GITHUB_REPOSITORY: 'other/app' })).not.toBe(a);
  const own = stateRoot({})!;
  expect(own.startsWith(tmpdir())).toBe(true);
  expect(statSync(own).mode & 0o777).toBe(0o700);
});
