// The stall watchdog on the real engine: a node that goes silent mid-step (the bridge keeps the
// connection open and passes nothing) ends the attempt, named; a healthy quiet step is never cut.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  actionEnv,
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  parseCommandFile,
  removeBuilder,
  repo,
  runAction,
  startBridge,
  uniqueName,
  waitFor,
} from '../support/testbed.js';

afterAll(async () => {
  await closeBridges();
  cleanupDirs();
});

test('a node that goes silent mid-step: the step ends within the stall timeout, transport, node named', async () => {
  const bridge = await startBridge(0);
  const name = uniqueName('stall');
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo "${name} compiling" && sleep 90\n`);
  const { env, files } = actionEnv({
    driver: 'remote',
    name,
    endpoint: bridge.endpoint,
    context: ctx,
    network: 'none',
    'stall-timeout-seconds': '5',
    'bootstrap-timeout': '10',
    'max-attempts': '2',
    'retry-wait-seconds': '1',
  });
  try {
    const child = spawn(process.execPath, [join(repo, 'dist', 'index.js')], { env });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    await waitFor(() => stdout.includes(`${name} compiling`), 60_000, 'the step to start');
    const silencedAt = Date.now();
    bridge.setFault('silence');
    const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
    // Without the watchdog buildx waits on the silent node for ever (the step alone takes 90 s).
    expect(Date.now() - silencedAt).toBeLessThan(60_000);
    expect(code).toBe(1);
    const outputs = parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
    expect(outputs['failure-category']).toBe('transport');
    expect(stdout).toContain('the build stalled: no progress for');
    expect(stdout).toContain(`node '${name}0' (${bridge.endpoint})`);
    expect(stdout).toContain('RUN echo');
    expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toContain('stalled');
  } finally {
    await removeBuilder(name);
  }
}, 120_000);

test('a healthy step silent for 5× the stall timeout completes in one attempt', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN sleep 15 && echo done\n`);
  const r = await runAction({
    driver: 'docker',
    context: ctx,
    network: 'none',
    'no-cache': 'true',
    'stall-timeout-seconds': '3',
  });
  expect(r.main.code).toBe(0);
  expect(r.outputs.attempts).toBe('1');
  expect(r.main.stdout).toMatch(/every node answers, so the step is quiet, not stalled: waiting/);
}, 120_000);

test('a platform no node serves fails before any build step, naming it and the nodes’ platforms', async () => {
  const bridge = await startBridge(1);
  const name = uniqueName('plat');
  try {
    const r = await runAction({
      driver: 'remote',
      name,
      endpoint: bridge.endpoint,
      context: busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo never\n`),
      network: 'none',
      // The test bed has no binfmt: its nodes offer amd64 and 386 only.
      platforms: 'linux/amd64,linux/arm64',
    });
    expect(r.main.code).toBe(1);
    expect(r.outputs['failure-category']).toBe('platform');
    expect(r.outputs.attempts).toBe('0');
    expect(r.main.stdout).toContain('No running node serves linux/arm64');
    expect(r.main.stdout).toContain('linux/amd64');
    // A remote node emulates with its own host's binfmt: QEMU on the runner would not help.
    expect(r.main.stdout).toContain("Install QEMU/binfmt on the node's own host");
    expect(r.main.stdout).not.toContain('docker/setup-qemu-action');
    expect(r.main.stdout).not.toContain('Build, attempt 1');
    expect(r.summary).toMatch(/❌ \*\*Build failed\*\*.* · platform/);
  } finally {
    await removeBuilder(name);
  }
});
