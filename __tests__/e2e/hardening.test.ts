// Hardening on the real engine: attempt timeouts are transient, every exporter the test bed can run
// works, a full RUNNER_TEMP costs a notice and never the verdict, bootstrap-timeout is an upper bound.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  processedCommands,
  removeBuilder,
  runAction,
  startBridge,
  tempDir,
} from '../support/testbed.js';

afterAll(async () => {
  await closeBridges();
  cleanupDirs();
});

test('an attempt over attempt-timeout-minutes is stopped, counted transient and retried', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo "waiting" && sleep 60\n`);
  const run = await runAction({
    driver: 'docker',
    context: ctx,
    network: 'none',
    'no-cache': 'true',
    'attempt-timeout-minutes': '0.05',
    'max-attempts': '2',
    'retry-wait-seconds': '1',
  });
  expect(run.main.code).toBe(1);
  expect(run.outputs.attempts).toBe('2');
  expect(run.outputs['failure-category']).toBe('transport');
  expect(run.main.stdout).toContain('the attempt exceeded attempt-timeout-minutes');
}, 120_000);

describe('every exporter the test bed runs', () => {
  const ctx = () => busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo built > /built.txt\n`);
  test.each([
    [
      'type=local',
      (out: string) => `type=local,dest=${out}`,
      (out: string) => existsSync(join(out, 'built.txt')),
    ],
    [
      'type=tar',
      (out: string) => `type=tar,dest=${join(out, 'image.tar')}`,
      (out: string) => existsSync(join(out, 'image.tar')),
    ],
    [
      'a bare path (local)',
      (out: string) => join(out, 'dir'),
      (out: string) => existsSync(join(out, 'dir', 'built.txt')),
    ],
    ['type=cacheonly', () => 'type=cacheonly', () => true],
    [
      'type=image (moby exporter of the docker driver)',
      () => 'type=image,name=bxg/exporter:test',
      () => true,
    ],
  ])('%s', async (_name, output, landed) => {
    const out = tempDir('bxg-out-');
    const run = await runAction({ driver: 'docker', context: ctx(), network: 'none', outputs: output(out) });
    expect(run.main.stdout).not.toContain('incompatible with image ID file');
    expect(run.main.code).toBe(0);
    expect(landed(out)).toBe(true);
  });
});

describe('a full RUNNER_TEMP', () => {
  let mount = '';
  beforeAll(() => {
    mount = tempDir('bxg-full-');
    // A real, tiny file system: room for the step's folder, not for a 1 MB build log.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount]);
  });
  afterAll(() => {
    execFileSync('umount', [mount]);
  });

  test('the verdict, the outputs and the report still come out, and workflow commands are resumed', async () => {
    const ctx = busyboxContext(
      `${BUSYBOX_BASE}FROM busybox\nRUN i=0; while [ $i -lt 20000 ]; do echo "line $i of a long build log"; i=$((i+1)); done; exit 3\n`,
    );
    const run = await runAction(
      { driver: 'docker', context: ctx, network: 'none', 'no-cache': 'true', 'max-attempts': '1' },
      { env: { RUNNER_TEMP: mount } },
    );
    expect(run.main.stderr).not.toMatch(/Unhandled|ENOSPC: no space left on device, write\n\s+at/);
    expect(run.main.code).toBe(1);
    expect(run.outputs['failure-category']).toBe('step');
    expect(run.main.stdout).toMatch(/The log of attempt 1 could not be written: the disk is full/);
    expect(run.summary).toMatch(/❌ \*\*Build failed\*\* at .* · step, not retryable/);
    // stop-commands was resumed: the action's own annotations are commands again.
    expect(processedCommands(run.main.stdout).some((c) => c.startsWith('::error'))).toBe(true);
    expect(readdirSync(mount).filter((f) => f.startsWith('buildx-guard-'))).toEqual([]);
  }, 120_000);

  test('a RUNNER_TEMP that cannot hold the step’s folder names the folder and the reason', async () => {
    const ro = tempDir('bxg-ro-');
    mkdirSync(join(ro, 'x'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', join(ro, 'x')]);
    try {
      const run = await runAction(
        { driver: 'docker', build: 'false' },
        { env: { RUNNER_TEMP: join(ro, 'x') } },
      );
      expect(run.main.code).toBe(1);
      expect(run.main.stdout).toContain(
        `Could not create the step's private folder in RUNNER_TEMP (${join(ro, 'x')}): the file system is read-only.`,
      );
    } finally {
      execFileSync('umount', [join(ro, 'x')]);
    }
  });
});

describe('builder inputs', () => {
  test('bootstrap-timeout bounds the whole bootstrap of a node that never answers', async () => {
    const bridge = await startBridge(0, 'blackhole');
    const name = `bxg-bound-${process.pid}`;
    try {
      const started = Date.now();
      const run = await runAction({
        driver: 'remote',
        name,
        endpoint: bridge.endpoint,
        'bootstrap-timeout': '5',
        'bootstrap-retries': '2',
        build: 'false',
      });
      const took = Date.now() - started;
      expect(run.main.code).toBe(1);
      expect(run.main.stdout).toContain(bridge.endpoint);
      // An upper bound with slack for the final status read and the process start: before, 46 s.
      expect(took).toBeLessThan(5_000 + 15_000);
    } finally {
      await removeBuilder(name);
    }
  }, 90_000);

  test('an endpoint with a path and a builder named like a flag are input errors', async () => {
    const path = await runAction({ driver: 'remote', endpoint: 'tcp://127.0.0.1:1234/x', build: 'false' });
    expect(path.main.code).toBe(1);
    expect(path.main.stdout).toContain('has a path; a tcp endpoint is only host and port');
    const help = await runAction({ builder: '--help', build: 'false' });
    expect(help.main.code).toBe(1);
    expect(help.main.stdout).toContain("Input 'builder' must be the name of an existing builder");
    expect(help.main.stdout).not.toContain('exit code 0');
  });
});
