// The flake ledger (issue 26) through the real @actions/cache library against the local cache
// service: five default-branch runs of a 2-node builder (two with a connection cut on node two,
// recovered by the retry; one with node two dead at boot), then a pull-request run that reads the
// window, shows it, names node two flaky, and writes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryProxy } from '../../scripts/testbed/registry-proxy.mjs';
import { entryText, FakeCacheService } from '../support/cache-server.js';
import { FakeGitHub } from '../support/github-server.js';
import {
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  deadEndpoint,
  exec,
  processedCommands,
  repo,
  runAction,
  startBridge,
  testRegistry,
  tempDir,
  uniqueName,
} from '../support/testbed.js';

let cacheService: FakeCacheService;
let github: FakeGitHub;
beforeAll(async () => {
  cacheService = await new FakeCacheService().start();
  github = await new FakeGitHub().start();
});
afterAll(async () => {
  await cacheService.stop();
  await github.stop();
  await closeBridges();
  cleanupDirs();
});

const runnerTemp = tempDir('bxg-ledger-temp-');

function runEnv(ctx: string, pr: boolean, runId: string): NodeJS.ProcessEnv {
  const eventPath = join(tempDir('bxg-event-'), 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify(
      pr
        ? {
            pull_request: {
              number: 7,
              head: { sha: 'a'.repeat(40), repo: { fork: false, full_name: 'octo/app' } },
            },
          }
        : {},
    ),
  );
  return {
    ...cacheService.env,
    GITHUB_WORKSPACE: ctx,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'image',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'b'.repeat(40),
    GITHUB_EVENT_NAME: pr ? 'pull_request' : 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: github.url,
    RUNNER_TEMP: runnerTemp,
    ...(pr
      ? { GITHUB_REF: 'refs/pull/7/merge', GITHUB_HEAD_REF: 'feature', GITHUB_BASE_REF: 'main' }
      : { GITHUB_REF: 'refs/heads/main' }),
  };
}

test('five runs on main (two cuts on node two, recovered; node two dead at boot once), then a PR: the window names node two', async () => {
  const one = await startBridge(0);
  const two = await startBridge(1);
  const name = uniqueName('ledger');
  // One context (the ledger's key names the Dockerfile); a new stamp each run, so the build runs
  // long enough for the bridge's cut (3 s into the connection) to land mid-build.
  const ctx = busyboxContext(
    `${BUSYBOX_BASE}FROM busybox\nCOPY stamp.txt /stamp.txt\nRUN cat /stamp.txt && sleep 1\nRUN echo second && sleep 4 && echo done\n`,
    { 'stamp.txt': 'x\n' },
  );
  const inputs = {
    driver: 'remote',
    name,
    // Node two alone serves linux/386: the build runs there, and a cut on it is attributed to it.
    nodes: `- name: one\n  endpoint: ${one.endpoint}\n  platforms: linux/amd64\n- name: two\n  endpoint: ${two.endpoint}\n  platforms: linux/386\n`,
    platforms: 'linux/386',
    context: ctx,
    network: 'none',
    'retry-wait-seconds': '1',
    'retry-max-wait-seconds': '2',
    'bootstrap-timeout': '5',
    'bootstrap-retries': '0',
    baseline: 'false',
    'github-token': 'ghs_write',
  };
  const faults = [null, 'reset=3000', 'reset=3000', 'refuse', null];
  const codes: number[] = [];
  const saved: string[] = [];
  for (const [i, fault] of faults.entries()) {
    two.setFault(fault);
    writeFileSync(join(ctx, 'stamp.txt'), `${uniqueName('stamp')}\n`);
    const run = await runAction(inputs, { env: runEnv(ctx, false, String(i + 1)) });
    codes.push(run.main.code);
    saved.push(...[...run.main.stdout.matchAll(/^::debug::ledger: saved as (\S+)$/gm)].map((m) => m[1]));
    if (fault?.startsWith('reset')) {
      expect(run.outputs.attempts).toBe('2');
      expect(run.main.stdout).toMatch(/Attempt 1 failed \(transport/);
      expect(run.summary).toMatch(
        /\*\*Recovered:\*\* 1 transient failure \(.* on node `two` at `.*`, \+[\d.\\]+ s\)/,
      );
    }
    if (fault === 'refuse') expect(run.outputs['failure-category']).toBe('builder');
  }
  two.setFault(null);
  expect(codes).toEqual([0, 0, 0, 1, 0]);
  // Every default-branch run appended under its own immutable key.
  expect(saved).toHaveLength(5);
  expect(new Set(saved).size).toBe(5);
  const ledgerEntries = () => cacheService.entries.filter((e) => e.key.startsWith('buildx-guard-baseline-'));
  expect(ledgerEntries().map((e) => e.key)).toEqual(saved);

  writeFileSync(join(ctx, 'stamp.txt'), `${uniqueName('pr')}\n`);
  const pr = await runAction(inputs, { env: runEnv(ctx, true, '6') });
  expect(pr.main.code).toBe(0);
  // The pull request read main's ledger and wrote nothing.
  expect(pr.main.stdout).toMatch(/^::debug::cache: restored buildx-guard-baseline-v1-.*-main@5-1$/m);
  expect(pr.main.stdout).toMatch(/^::debug::ledger: not saved: a pull request reads/m);
  expect(ledgerEntries().map((e) => e.key)).toEqual(saved);

  const out = JSON.parse(pr.outputs.ledger);
  expect(out.window.runs).toBe(6);
  expect(out.thisRun).toEqual({ attempts: 1, recovered: 0, notRecovered: 0, lostMs: 0 });
  const nodeTwo = out.nodes.find((n: { node: string }) => n.node === 'two');
  expect(nodeTwo).toMatchObject({
    endpoint: two.endpoint,
    runs: 6,
    incidents: 3,
    recovered: 2,
    notRecovered: 1,
  });
  expect(nodeTwo.categories).toEqual({ transport: 2, builder: 1 });
  expect(out.nodes.find((n: { node: string }) => n.node === 'one')).toMatchObject({ incidents: 0, runs: 6 });
  expect(out.categories).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ category: 'transport', incidents: 2, recovered: 2 }),
      expect.objectContaining({ category: 'builder', incidents: 1, notRecovered: 1 }),
    ]),
  );
  expect(out.trend).toEqual({ thisWeek: 3, lastWeek: 0 });

  // flaky-node names node two's endpoint, as an annotation, in the summary and in the comment.
  const flaky = processedCommands(pr.main.stdout).find((c) => c.startsWith('::warning title=Node two'));
  expect(flaky).toContain(`::Node two at ${two.endpoint} accounts for 3 of the 3 transient incidents`);
  expect(flaky).toContain('(transport 2, builder 1)');
  const row = new RegExp(
    `\\| \`two\` \\| \`${two.endpoint.replace(/\./g, '\\.')}\` \\| 6 \\| 3 \\| 2 \\| 1 \\| [\\d.\\\\]+ s \\| transport 2, builder 1 \\|`,
  );
  expect(pr.summary).toMatch(row);
  expect(pr.summary).toContain('flaky-node');
  const comment = github.commentsOn(7).at(-1)!.body;
  // In the comment's fold, not its lead.
  const fold = comment.slice(comment.indexOf('<details>'));
  expect(fold).toMatch(row);
  expect(comment.slice(0, comment.indexOf('<details>'))).not.toMatch(row);
  expect(comment).toContain('flaky-node');
}, 300_000);

test('ledger: false restores and saves nothing and leaves the output empty; true saves', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('off')}\n`);
  const inputs = { driver: 'docker', context: ctx, network: 'none', comment: 'off', baseline: 'false' };
  const ledgerCalls = () =>
    cacheService.entries.filter((e) => e.key.startsWith('buildx-guard-baseline-')).length;
  const before = ledgerCalls();
  const off = await runAction({ ...inputs, ledger: 'false' }, { env: runEnv(ctx, false, '71') });
  expect(off.main.code).toBe(0);
  expect(off.outputs.ledger).toBe('');
  expect(off.main.stdout).not.toMatch(/ledger/i);
  expect(off.summary).not.toContain('Flake ledger');
  expect(ledgerCalls()).toBe(before);
  const on = await runAction(inputs, { env: runEnv(ctx, false, '72') });
  expect(JSON.parse(on.outputs.ledger).window.runs).toBe(1);
  expect(on.summary).toContain('Flake ledger');
  expect(ledgerCalls()).toBe(before + 1);
});

test('the baseline and the ledger share one entry: one restore and one save a run; a failed build carries the last green baseline', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('one')}\n`);
  const inputs = { driver: 'docker', context: ctx, network: 'none', comment: 'off', baseline: 'true' };
  const run = async (dockerfile: string, id: string) => {
    writeFileSync(join(ctx, 'Dockerfile'), dockerfile);
    const calls = cacheService.calls.length;
    const r = await runAction(inputs, { env: runEnv(ctx, false, id) });
    const made = cacheService.calls.slice(calls);
    return { r, made, entry: cacheService.entries.find((e) => e.key.endsWith(`-main@${id}-1`)) };
  };
  const green = `${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('green')}\n`;
  const first = await run(green, '81');
  expect(first.r.main.code).toBe(0);
  // One restore (nothing yet: a miss is asked once more, lookup only, so that a restore that failed
  // is not taken for one), one save holding both files.
  expect(first.made.filter((c) => c === 'GetCacheEntryDownloadURL')).toHaveLength(2);
  expect(first.made.filter((c) => c === 'CreateCacheEntry')).toHaveLength(1);
  expect(first.r.main.stdout).toMatch(/^::debug::baseline: saved as \S+-main@81-1$/m);
  expect(first.r.main.stdout).toMatch(/^::debug::ledger: saved as \S+-main@81-1$/m);
  const firstText = entryText(first.entry!.blob);
  expect(firstText).toContain('baseline.json');
  expect(firstText).toContain('ledger.json');

  const failed = await run(`${BUSYBOX_BASE}FROM busybox\nRUN false\n`, '82');
  expect(failed.r.main.code).toBe(1);
  expect(failed.made.filter((c) => c === 'GetCacheEntryDownloadURL')).toHaveLength(1);
  expect(failed.made.filter((c) => c === 'CreateCacheEntry')).toHaveLength(1);
  expect(failed.r.main.stdout).not.toMatch(/^::debug::baseline: saved as/m);
  const failedText = entryText(failed.entry!.blob);
  // The first run's baseline, carried: its steps are the green Dockerfile's.
  expect(failedText).toContain('baseline.json');
  expect(failedText).toContain(green.split('\n').at(-2)!.replace(/"/g, '\\"'));
  expect(JSON.parse(failed.r.outputs.ledger).window.runs).toBe(2);

  const again = await run(green, '83');
  expect(again.r.main.code).toBe(0);
  // The green run compares with the first run's baseline, restored from the failed run's entry.
  expect(again.r.main.stdout).toMatch(/^::debug::baseline: restored \S+-main@82-1$/m);
  expect(JSON.parse(again.r.outputs.ledger).window.runs).toBe(3);

  // ledger: false on a green run saves its baseline and carries the ledger as it was.
  writeFileSync(join(ctx, 'Dockerfile'), green);
  const off = await runAction({ ...inputs, ledger: 'false' }, { env: runEnv(ctx, false, '84') });
  expect(off.main.code).toBe(0);
  expect(off.outputs.ledger).toBe('');
  const offText = entryText(cacheService.entries.find((e) => e.key.endsWith('-main@84-1'))!.blob);
  expect(offText).toContain('"run":"83-1"');
  expect(offText).not.toContain('"run":"84-1"');

  // A pull request saves its baseline under its head branch, with no ledger in the entry.
  const pr = await runAction(inputs, { env: runEnv(ctx, true, '85') });
  expect(pr.main.code).toBe(0);
  expect(JSON.parse(pr.outputs.ledger).window.runs).toBe(4);
  const prText = entryText(cacheService.entries.find((e) => e.key.endsWith('-feature@85-1'))!.blob);
  expect(prText).toContain('baseline.json');
  expect(prText).not.toContain('ledger.json');
});

test('a download of the entry that fails once is restored on a second try: a failed build then carries the baseline and the history', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('spoiled')}\n`);
  const inputs = { driver: 'docker', context: ctx, network: 'none', comment: 'off', baseline: 'true' };
  const green = `${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('green')}\n`;
  const run = (dockerfile: string, id: string) => {
    writeFileSync(join(ctx, 'Dockerfile'), dockerfile);
    return runAction(inputs, { env: runEnv(ctx, false, id) });
  };
  const byRun = (id: string) => cacheService.entries.find((e) => e.key.endsWith(`-main@${id}-1`));
  expect((await run(green, '91')).main.code).toBe(0);
  cacheService.garbledDownloads = 1;
  const failed = await run(`${BUSYBOX_BASE}FROM busybox\nRUN false\n`, '92');
  expect(failed.main.code).toBe(1);
  expect(cacheService.garbledDownloads).toBe(0);
  expect(failed.main.stdout).toMatch(/^::debug::cache: restored \S+-main@91-1 on a second try/m);
  expect(JSON.parse(failed.outputs.ledger).window.runs).toBe(2);
  // The failed build's entry carries run 91's baseline beside the ledger.
  expect(entryText(byRun('92')!.blob)).toContain('baseline.json');
  const again = await run(green, '93');
  expect(again.main.code).toBe(0);
  expect(again.main.stdout).toMatch(/^::debug::baseline: restored \S+-main@92-1$/m);
  expect(JSON.parse(again.outputs.ledger).window.runs).toBe(3);
});

test('buildx-guard build --ledger FILE appends a run; buildx-guard ledger prints it', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('cli')}\n`);
  const file = join(tempDir('bxg-ledger-cli-'), 'ledger.json');
  const cli = join(repo, 'dist', 'cli.js');
  const env = process.env;
  for (let i = 0; i < 2; i++) {
    const r = await exec(
      process.execPath,
      [cli, 'build', '--driver', 'docker', '--network', 'none', '--ledger', file, ctx],
      { env },
    );
    expect(r.code).toBe(0);
    // One line says where the run went and how to see the window.
    expect(r.stderr).toContain(
      `Flake ledger ${file}: ${i + 1} run${i ? 's' : ''}, 0 incidents (this run: 0 recovered, 0 not recovered); 'buildx-guard ledger --file ${file}' prints the tables.`,
    );
  }
  // A builder whose node does not come up (exit 3): its node is the run's incident.
  const dead = await deadEndpoint();
  const down = await exec(
    process.execPath,
    [
      cli,
      'build',
      '--driver',
      'remote',
      '--endpoint',
      dead,
      '--bootstrap-timeout',
      '5',
      '--bootstrap-retries',
      '0',
      '--ledger',
      file,
      ctx,
    ],
    { env },
  );
  expect(down.code).toBe(3);
  expect(down.stderr).toContain(
    `Flake ledger ${file}: 3 runs, 1 incident (this run: 0 recovered, 1 not recovered);`,
  );
  const r = await exec(process.execPath, [cli, 'ledger', '--file', file, '--format', 'json'], { env });
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.window.runs).toBe(3);
  expect(out.nodes.find((n: { endpoint: string }) => n.endpoint === dead)).toMatchObject({
    incidents: 1,
    notRecovered: 1,
    categories: { builder: 1 },
  });
  const text = await exec(process.execPath, [cli, 'ledger', '--file', file], { env });
  expect(text.stdout).toMatch(/^NODE +ENDPOINT +RUNS +INCIDENTS/m);
  const missing = await exec(process.execPath, [cli, 'ledger', '--file', join(ctx, 'nope.json')], { env });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain(
    `No ledger file at ${join(ctx, 'nope.json')}; run 'buildx-guard build --ledger`,
  );
});

test('the CLI refuses a --ledger it would lose (one sentence, exit 2, before any build), and merge --ledger and --format sarif by name', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('refused')}\n`);
  const cli = join(repo, 'dist', 'cli.js');
  const dir = tempDir('bxg-ledger-refused-');
  const newer = join(dir, 'newer.json');
  const newerText = '{"version":2,"entries":[{"at":"2026-12-01T00:00:00.000Z","run":"9-1","spans":[]}]}\n';
  writeFileSync(newer, newerText);
  const build = (ledger: string) =>
    exec(process.execPath, [
      cli,
      'build',
      '--driver',
      'docker',
      '--network',
      'none',
      '--ledger',
      ledger,
      ctx,
    ]);
  const cases: [string, string][] = [
    [
      dir,
      `--ledger ${dir} is a folder; point --ledger at a file, such as ${join(dir, '.buildx-guard-ledger.json')}.`,
    ],
    [
      join(dir, 'no', 'l.json'),
      `The folder ${join(dir, 'no')} of --ledger ${join(dir, 'no', 'l.json')} does not exist;`,
    ],
    [newer, `${newer} is a version 2 ledger, written by a newer buildx-guard; use that version with it`],
    ['false', '--ledger takes a file in the CLI'],
  ];
  for (const [ledger, sentence] of cases) {
    const r = await build(ledger);
    expect({ ledger, code: r.code }).toEqual({ ledger, code: 2 });
    expect(r.stderr).toContain(`buildx-guard build: ${sentence}`);
    // Refused before the builder: no build ran, one line.
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }
  expect(readFileSync(newer, 'utf8')).toBe(newerText);
  const merge = await exec(process.execPath, [
    cli,
    'merge',
    '--ledger',
    newer,
    '--sources',
    'a:1',
    '--tags',
    'b:1',
  ]);
  expect(merge.code).toBe(2);
  expect(merge.stderr).toContain("--ledger is not a flag of 'buildx-guard merge'");
  const sarif = await exec(process.execPath, [cli, 'ledger', '--file', newer, '--format', 'sarif']);
  expect(sarif.code).toBe(2);
  expect(sarif.stderr).toContain("--format must be one of text, json, markdown; got 'sarif'");
});

// A registry incident on the test bed's real registry, through the fault proxy: a 503 on the push's
// first manifest PUT, recovered by the retry, recorded by `build --ledger`.
let registryEvents: { category: string; recovered: boolean; registry?: string }[] = [];
let registryHost = '';
test('a push that meets a registry 503 is a recovered registry incident in the ledger', async () => {
  const p = await new RegistryProxy({
    target: testRegistry(),
    faults: [{ method: 'PUT', path: '/manifests/', status: 503, times: 1 }],
  }).start();
  try {
    registryHost = p.address;
    const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('push')}\n`);
    const file = join(tempDir('bxg-ledger-registry-'), 'ledger.json');
    const r = await exec(process.execPath, [
      join(repo, 'dist', 'cli.js'),
      'build',
      '--driver',
      'docker',
      '--network',
      'none',
      '--push',
      '--tags',
      `${p.address}/app:${uniqueName('t')}`,
      '--retry-wait-seconds',
      '1',
      '--ledger',
      file,
      ctx,
    ]);
    expect(r.code).toBe(0);
    expect(p.hits).toEqual([1]);
    expect(r.stderr).toMatch(/Attempt 1 failed \(registry/);
    registryEvents = JSON.parse(readFileSync(file, 'utf8')).entries[0].events;
    expect(registryEvents).toEqual([expect.objectContaining({ category: 'registry', recovered: true })]);
  } finally {
    await p.close();
  }
}, 120_000);

// The 503's error text ("received unexpected HTTP status: 503 Service Unavailable") names no host:
// the incident takes the one host the build pushes to, so flaky-registry can count it.
test('the registry incident names its host (so flaky-registry can count it)', () => {
  expect(registryEvents).toHaveLength(1);
  expect(registryEvents[0].registry).toBe(registryHost);
});
