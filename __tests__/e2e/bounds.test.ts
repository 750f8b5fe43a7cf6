// Bounded everything, on the real engine and the bundled action: a registry that accepts a manifest
// PUT and never answers is detected after stall-timeout-seconds and retried as `registry` (a push and
// a merge); SIGTERM to the main phase ends it within seconds wherever it waits, leaving no process
// and no builder; a Dockerfile that is a FIFO or a link to /dev/zero is refused in one sentence.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { RegistryProxy, type RegistryFault } from '../../scripts/testbed/registry-proxy.mjs';
import {
  actionEnv,
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  docker,
  removeBuilder,
  repo,
  runAction,
  runPost,
  startBridge,
  tempDir,
  uniqueName,
  waitFor,
  registryDigest,
  testRegistry,
} from '../support/testbed.js';

const registry = testRegistry;
const run = Date.now().toString(36);

const proxies: RegistryProxy[] = [];
async function proxy(faults: RegistryFault[] = []): Promise<RegistryProxy> {
  const p = await new RegistryProxy({ target: registry(), faults }).start();
  proxies.push(p);
  return p;
}
// A main phase a test could not end (the old code's hang) must not outlive the file.
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const p of proxies) await p.close();
  await closeBridges();
  cleanupDirs();
});

describe('a registry that accepts the manifest PUT and never answers', () => {
  test('a push: stopped after stall-timeout-seconds, registry, retried; the digest is what the registry serves', async () => {
    const p = await proxy([{ method: 'PUT', path: '/v2/stalled/manifests/', stall: true, times: 1 }]);
    const r = await runAction({
      driver: 'docker',
      context: busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo stalled-push-${run}\n`),
      network: 'none',
      tags: `${p.address}/stalled:${run}`,
      push: 'true',
      'stall-timeout-seconds': '5',
      'retry-wait-seconds': '1',
    });
    expect({ code: r.main.code, tail: r.main.code ? r.main.stdout.slice(-2500) : '' }).toEqual({
      code: 0,
      tail: '',
    });
    expect(p.hits).toEqual([1]);
    expect(r.outputs.attempts).toBe('2');
    expect(r.main.stdout).toMatch(/Attempt 1 failed \(registry/);
    expect(r.main.stdout).toContain(`every node answers, so the registry ${p.address} stopped answering`);
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.outputs.digest).toBe(await registryDigest(`${registry()}/stalled:${run}`));
    expect(r.summary).toContain(`the registry ${p.address} stopped answering`);
  }, 150_000);

  test('merge-sources: stopped after stall-timeout-seconds, registry, retried; one digest read back', async () => {
    const source = `${registry()}/bounds-src:${run}`;
    const push = await runAction({
      driver: 'docker',
      context: busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo merge-src-${run}\n`),
      network: 'none',
      tags: source,
      push: 'true',
    });
    expect(push.main.code).toBe(0);
    const p = await proxy([{ method: 'PUT', path: `/v2/merged/manifests/${run}$`, stall: true, times: 1 }]);
    const tag = `${p.address}/merged:${run}`;
    const r = await runAction({
      'merge-sources': `${p.address}/bounds-src@${push.outputs.digest}`,
      tags: tag,
      'stall-timeout-seconds': '5',
      'retry-wait-seconds': '1',
    });
    expect({ code: r.main.code, tail: r.main.code ? r.main.stdout.slice(-2500) : '' }).toEqual({
      code: 0,
      tail: '',
    });
    expect(p.hits).toEqual([1]);
    expect(r.outputs.attempts).toBe('2');
    expect(r.main.stdout).toMatch(/Merge attempt 1 failed \(registry/);
    expect(r.main.stdout).toContain(`the registry ${p.address} stopped answering`);
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.outputs.digest).toBe(await registryDigest(`${registry()}/merged:${run}`));
  }, 150_000);
});

/** Every process under `root` now (pid → command line), from /proc. */
function descendants(root: number): Map<number, string> {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = new Map<number, string>();
  const walk = (pid: number) => {
    for (const [child, pp] of parent) {
      if (pp !== pid || out.has(child)) continue;
      try {
        out.set(child, readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').join(' ').trim());
      } catch {
        continue;
      }
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** The processes of `seen` still alive (same pid, same command line). */
function stillAlive(seen: Map<number, string>): string[] {
  const alive: string[] = [];
  for (const [pid, cmd] of seen) {
    try {
      const now = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const zombie = state.slice(state.lastIndexOf(')') + 2).startsWith('Z');
      if (now === cmd && !zombie) alive.push(`${pid} ${cmd}`);
    } catch {
      // gone
    }
  }
  return alive;
}

/**
 * Starts the main phase, waits for `ready` in its output and for a buildx child, sends SIGTERM, and
 * returns how long it took to exit, its code, output, the buildx processes still alive, and whether
 * the builder is left after the post phase.
 */
async function terminate(
  inputs: Record<string, string>,
  ready: (stdout: string) => boolean,
  builder: string | undefined,
): Promise<{ exitMs: number; code: number; stdout: string; alive: string[]; builderLeft: boolean }> {
  const { env, files } = actionEnv(inputs);
  const child = spawn(process.execPath, [join(repo, 'dist', 'index.js')], { env });
  children.push(child);
  let stdout = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stdout += d));
  const closed = new Promise<number>((r) => child.on('close', (c, s) => r(c ?? (s ? 128 + 15 : 1))));
  await waitFor(() => ready(stdout), 60_000, 'the blocking point');
  let seen = new Map<number, string>();
  await waitFor(
    () => (seen = descendants(child.pid!)) && [...seen.values()].some((c) => c.includes('buildx')),
    30_000,
    'a buildx child',
  );
  // Settle: whatever the phase runs at this point is started.
  await new Promise((r) => setTimeout(r, 1000));
  for (const [pid, cmd] of descendants(child.pid!)) seen.set(pid, cmd);
  const sent = Date.now();
  child.kill('SIGTERM');
  // Bounded here too, so the old code's hang fails the test instead of the file.
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    closed,
    new Promise<number>((r) => (timer = setTimeout(() => r(-1), 45_000))),
  ]);
  clearTimeout(timer);
  const exitMs = Date.now() - sent;
  if (code === -1) child.kill('SIGKILL');
  // Processes the phase started need a moment to be reaped after it ends: give them one.
  await new Promise((r) => setTimeout(r, 500));
  const alive = stillAlive(seen).filter((c) => c.includes('buildx') || c.includes('docker'));
  // The runner runs the post phase after a cancelled main phase: it removes what main created.
  await runPost(env, files.GITHUB_STATE);
  const builderLeft = builder ? (await docker(['buildx', 'inspect', builder])).code === 0 : false;
  if (builder) await removeBuilder(builder);
  return { exitMs, code, stdout, alive, builderLeft };
}

describe('SIGTERM to the main phase', () => {
  test('while a black-holed node boots: exits within seconds, no buildx process, no builder left', async () => {
    const bridge = await startBridge(0, 'blackhole');
    const name = uniqueName('term-boot');
    const r = await terminate(
      {
        driver: 'remote',
        name,
        endpoint: bridge.endpoint,
        context: busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo never\n`),
        network: 'none',
        'bootstrap-timeout': '120',
      },
      (out) => out.includes('::group::Builder'),
      name,
    );
    expect({ exitMs: r.exitMs < 10_000, alive: r.alive, builderLeft: r.builderLeft }).toEqual({
      exitMs: true,
      alive: [],
      builderLeft: false,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '::error::The step was cancelled (SIGTERM) before it finished; every buildx command it ran was stopped.',
    );
  }, 120_000);

  test('during a build step: exits within seconds, no buildx process left', async () => {
    const marker = uniqueName('term-build');
    const r = await terminate(
      {
        driver: 'docker',
        context: busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo "${marker} running" && sleep 120\n`),
        network: 'none',
        'no-cache': 'true',
      },
      (out) => out.includes(`${marker} running`),
      undefined,
    );
    expect({ exitMs: r.exitMs < 10_000, alive: r.alive }).toEqual({ exitMs: true, alive: [] });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Attempt 1 failed (cancelled)');
  }, 120_000);
});

describe('a Dockerfile that is not a regular file: one sentence, before any builder', () => {
  function fifoContext(): { ctx: string; fifo: string } {
    const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\n`);
    const fifo = join(ctx, 'Dockerfile.fifo');
    execFileSync('mkfifo', [fifo]);
    return { ctx, fifo };
  }

  test('a FIFO as `file`', async () => {
    const { ctx, fifo } = fifoContext();
    const started = Date.now();
    const child = spawn(process.execPath, [join(repo, 'dist', 'index.js')], {
      env: actionEnv({ driver: 'docker', context: ctx, file: fifo, network: 'none' }).env,
    });
    children.push(child);
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(stdout).toContain(`The Dockerfile ${fifo} is not a regular file (a FIFO)`);
    expect(stdout).not.toContain('::group::Builder');
  }, 60_000);

  test('a link to /dev/zero as the context Dockerfile', async () => {
    const ctx = busyboxContext('');
    const dockerfile = join(ctx, 'Dockerfile');
    execFileSync('rm', [dockerfile]);
    symlinkSync('/dev/zero', dockerfile);
    const r = await runAction({ driver: 'docker', context: ctx, network: 'none' });
    expect(r.main.code).toBe(1);
    expect(r.main.stdout).toContain(
      `The Dockerfile ${dockerfile} is not a regular file (a character device)`,
    );
    expect(r.main.stdout).not.toContain('::group::Builder');
  }, 60_000);

  test('a bake target whose dockerfile is a FIFO', async () => {
    const { ctx, fifo } = fifoContext();
    const bakeFile = join(tempDir('bxg-bake-'), 'docker-bake.json');
    writeFileSync(
      bakeFile,
      JSON.stringify({ target: { app: { context: ctx, dockerfile: fifo, output: ['type=cacheonly'] } } }),
    );
    const child = spawn(process.execPath, [join(repo, 'dist', 'index.js')], {
      env: actionEnv({ driver: 'docker', files: bakeFile, targets: 'app' }).env,
    });
    children.push(child);
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
    expect(code).toBe(1);
    expect(stdout).toContain(`The Dockerfile ${fifo} is not a regular file (a FIFO)`);
    expect(stdout).not.toContain('::group::Builder');
    expect(existsSync(fifo)).toBe(true);
  }, 60_000);
});
