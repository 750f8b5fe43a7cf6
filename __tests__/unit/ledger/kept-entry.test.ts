// The run's one entry in the Actions cache (src/ledger/store.ts, actionsKeptEntry) with the real
// @actions/cache against the local cache service: what a restore that fails does to the history.
// The library answers "none" for a garbage or truncated archive (and a 5xx) as for a miss; a run
// that took it for one would save the newest entry holding only itself (no ledger history, no
// baseline). A miss is asked again, lookup only, and an entry that is there is restored again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordRun } from '../../../src/ledger/ledger.js';
import { actionsKeptEntry } from '../../../src/ledger/store.js';
import type { LedgerEntry } from '../../../src/ledger/entry.js';
import { entryText, FakeCacheService } from '../../support/cache-server.js';

const root = mkdtempSync(join(tmpdir(), 'bxg-kept-entry-'));
const saved = { ...process.env };
let service: FakeCacheService;
beforeAll(async () => {
  service = await new FakeCacheService().start();
  // The library reads the service, RUNNER_TEMP (its archive) and the workspace from process.env.
  process.env = { ...saved, ...service.env, RUNNER_TEMP: root, GITHUB_WORKSPACE: root };
});
afterAll(async () => {
  process.env = saved;
  await service.stop();
  rmSync(root, { recursive: true, force: true });
});

const env = (run: string): NodeJS.ProcessEnv => ({
  ...process.env,
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_WORKFLOW: 'ci',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: run,
  GITHUB_RUN_ATTEMPT: '1',
});

/** One default-branch run: restore the entry, append this run, save; the runs its window holds. */
async function run(key: string, id: string, debug: string[] = []): Promise<string[]> {
  const entry = actionsKeptEntry(
    key,
    [],
    env(id),
    (m) => debug.push(m),
    () => {},
  );
  const restored = await entry.restore();
  const mine: LedgerEntry = {
    at: new Date().toISOString(),
    run: entry.run,
    attempts: 1,
    nodes: [],
    events: [],
  };
  const { ledger } = await recordRun(Promise.resolve(restored.ledger), mine, []);
  await entry.save({ ledger });
  return ledger.entries.map((e) => e.run);
}

test('a download that fails once is restored on a second try: the history and the baseline are carried', async () => {
  expect(await run('flaky', '401')).toEqual(['401-1']);
  expect(await run('flaky', '402')).toEqual(['401-1', '402-1']);
  service.garbledDownloads = 1;
  const debug: string[] = [];
  expect(await run('flaky', '403', debug)).toEqual(['401-1', '402-1', '403-1']);
  expect(service.garbledDownloads).toBe(0);
  expect(debug).toContainEqual(expect.stringMatching(/^cache: restored \S+-main@402-1 on a second try/));
});

test.each([
  ['garbage', () => Buffer.from('not a zstd archive, not a tar '.repeat(8))],
  ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
])(
  'a newest entry that cannot be restored twice (a %s archive) is replaced, with a notice: never a lock',
  async (what, spoil) => {
    const base = what === 'garbage' ? 100 : 200;
    const id = (n: number) => String(base + n);
    expect(await run(what, id(1))).toEqual([`${id(1)}-1`]);
    expect(await run(what, id(2))).toEqual([`${id(1)}-1`, `${id(2)}-1`]);
    const newest = service.entries.find((e) => e.key.endsWith(`-main@${id(2)}-1`))!;
    expect(entryText(newest.blob)).toContain('ledger.json');
    newest.blob = spoil(newest.blob);
    const debug: string[] = [];
    const notices: string[] = [];
    const entry = actionsKeptEntry(
      what,
      [],
      env(id(3)),
      (m) => debug.push(m),
      () => {},
      { notice: (m) => notices.push(m) },
    );
    expect(await entry.restore()).toEqual({});
    expect(notices).toEqual([
      expect.stringMatching(
        new RegExp(
          `^cache: \\S+-main@${id(2)}-1 could not be restored twice \\(.*\\); carrying on without it`,
        ),
      ),
    ]);
    const mine: LedgerEntry = {
      at: new Date().toISOString(),
      run: entry.run,
      attempts: 1,
      nodes: [],
      events: [],
    };
    await entry.save({ ledger: (await recordRun(Promise.resolve(undefined), mine, [])).ledger });
    // The next run reads the new newest entry: the history before the broken one is lost, once.
    expect(await run(what, id(4))).toEqual([`${id(3)}-1`, `${id(4)}-1`]);
  },
  60_000,
);

test('a miss is a miss: the first run of a key saves', async () => {
  const debug: string[] = [];
  const entry = actionsKeptEntry(
    'fresh',
    [],
    env('300'),
    (m) => debug.push(m),
    () => {},
  );
  expect(await entry.restore()).toEqual({});
  const mine: LedgerEntry = {
    at: new Date().toISOString(),
    run: entry.run,
    attempts: 1,
    nodes: [],
    events: [],
  };
  await entry.save({ ledger: (await recordRun(Promise.resolve(undefined), mine, [])).ledger });
  expect(debug).toContainEqual(expect.stringMatching(/^ledger: saved as \S+-main@300-1$/));
});
