// The test bed itself: real multi-node builders through bridges, the partial-bootstrap bug on both
// buildx versions, and the transport faults the retry logic is tested against.
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  deadEndpoint,
  docker,
  exec,
  removeBuilder,
  repo,
  startBridge,
  tempDir,
  uniqueName,
  type BuildxVersion,
} from '../support/testbed.js';

const builders: [string, BuildxVersion][] = [];
async function createRemote(
  version: BuildxVersion,
  nodes: { name: string; endpoint: string; platform?: string }[],
) {
  const name = uniqueName('tb');
  builders.push([name, version]);
  for (const [i, n] of nodes.entries()) {
    const args = ['buildx', 'create', '--name', name, '--driver', 'remote', '--node', n.name];
    if (n.platform) args.push('--platform', n.platform);
    if (i > 0) args.push('--append');
    const r = await docker([...args, n.endpoint], version);
    expect(r.stderr).not.toMatch(/ERROR/);
    expect(r.code).toBe(0);
  }
  return name;
}

afterAll(async () => {
  for (const [name, version] of builders) await removeBuilder(name, version);
  await closeBridges();
  cleanupDirs();
});

// A unique step, so no earlier run's cache answers it before a fault can fire.
const slow = () => `${BUSYBOX_BASE}FROM busybox
RUN echo ${uniqueName('start')} && sleep 5 && echo done
`;

test('a two-node builder through two bridges builds linux/amd64 and linux/386 and exports both', async () => {
  const a = await startBridge(0);
  const b = await startBridge(1);
  const builder = await createRemote('0.29.1', [
    { name: 'amd64', endpoint: a.endpoint, platform: 'linux/amd64' },
    { name: 'i386', endpoint: b.endpoint, platform: 'linux/386' },
  ]);
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox
ARG TARGETPLATFORM
RUN echo "$TARGETPLATFORM" > /platform
`);
  const out = tempDir('bxg-out-');
  const r = await docker([
    'buildx',
    'build',
    '--builder',
    builder,
    '--network=none',
    '--platform',
    'linux/amd64,linux/386',
    '--output',
    `type=local,dest=${out}`,
    ctx,
  ]);
  expect(r.stderr).toContain('exporting to client directory');
  expect(r.code).toBe(0);
  expect(readFileSync(join(out, 'linux_amd64', 'platform'), 'utf8').trim()).toBe('linux/amd64');
  expect(readFileSync(join(out, 'linux_386', 'platform'), 'utf8').trim()).toBe('linux/386');
  // Each platform went to its own node: both bridges carried a build.
  expect(a.stats.connections).toBeGreaterThan(0);
  expect(b.stats.connections).toBeGreaterThan(0);
});

test('partial bootstrap: buildx 0.13.1 exits 0 with a dead node, buildx 0.29.1 exits 1', async () => {
  // The remote driver waits 20 s for a dead node, so both versions run side by side.
  const versions = ['0.13.1', '0.29.1'] as const;
  const results = await Promise.all(
    versions.map(async (version) => {
      const late = await startBridge(0, 'late=3000');
      const builder = await createRemote(version, [
        { name: 'a', endpoint: late.endpoint },
        { name: 'b', endpoint: await deadEndpoint() },
      ]);
      const boot = await docker(['buildx', 'inspect', '--bootstrap', builder], version);
      const after = await docker(['buildx', 'inspect', builder], version);
      return { version, code: boot.code, after: after.stdout };
    }),
  );
  for (const r of results) {
    // Whatever the exit code, node b is not running afterwards.
    expect(r.after).toMatch(/Name:\s+b\n[\s\S]*?(Error:|Status:\s+inactive)/);
  }
  expect(Object.fromEntries(results.map((r) => [r.version, r.code]))).toEqual({ '0.13.1': 0, '0.29.1': 1 });
});

test('the goaway fault reproduces the graceful_stop error users report; reset fails the build', async () => {
  const bridge = await startBridge(0, 'goaway=2000');
  const builder = await createRemote('0.29.1', [{ name: 'n', endpoint: bridge.endpoint }]);
  const ctx = busyboxContext(slow());
  const args = ['buildx', 'build', '--builder', builder, '--network=none', '--progress=plain', ctx];
  const goaway = await docker(args);
  expect(goaway.code).toBe(1);
  // buildx reports the GOAWAY through the Status stream (the text users report) or, when the Solve
  // call sees it first, as `failed to solve: Unavailable: …`; the transport error itself is identical.
  expect(goaway.stderr).toMatch(
    /ERROR: failed to build: (failed to receive status: rpc error: code = Unavailable desc = |failed to solve: Unavailable: )closing transport due to: connection error: desc = "error reading from server: EOF", received prior goaway: code: NO_ERROR, debug data: "graceful_stop"/,
  );
  bridge.setFault('reset=2000');
  const reset = await docker([...args.slice(0, -1), '--no-cache', ctx]);
  expect(reset.code).toBe(1);
  expect(reset.stderr).toMatch(/ERROR: .*(Unavailable|connection reset|EOF)/);
  expect(bridge.stats.faultsFired).toBe(2);
  // With the fault cleared, the same node builds again.
  bridge.setFault(null);
  const ok = await docker(args);
  expect(ok.code).toBe(0);
});

test('an arm64 busybox in a RUN step gives a real exec format error', async () => {
  const ctx = busyboxContext(
    `FROM scratch
COPY busybox-amd64 /bin/busybox
COPY busybox /bin/busybox-arm64
RUN ["/bin/busybox-arm64", "true"]
`,
    {},
    'arm64',
  );
  const r = await docker([
    'buildx',
    'build',
    '--builder',
    'default',
    '--network=none',
    '--progress=plain',
    ctx,
  ]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('exec format error');
});

test('the engine script fails loudly when dockerd cannot start, and leaves no process behind', async () => {
  // A copy of the engine folder whose dockerd exits at once.
  const src = process.env.BUILDX_GUARD_ENGINE_DIR!;
  const dir = tempDir('bxg-engine-');
  mkdirSync(join(dir, 'root', 'usr', 'sbin'), { recursive: true });
  mkdirSync(join(dir, 'root', 'usr', 'bin'), { recursive: true });
  copyFileSync(join(src, '.stamp'), join(dir, '.stamp'));
  copyFileSync(join(src, 'root', 'usr', 'bin', 'docker'), join(dir, 'root', 'usr', 'bin', 'docker'));
  writeFileSync(
    join(dir, 'root', 'usr', 'sbin', 'dockerd'),
    '#!/bin/sh\necho "dockerd: broken on purpose" >&2\nexit 1\n',
  );
  chmodSync(join(dir, 'root', 'usr', 'sbin', 'dockerd'), 0o755);
  for (const v of ['config-0.29.1', 'config-0.13.1', 'images'])
    cpSync(join(src, v), join(dir, v), { recursive: true });
  const r = await exec('bash', [join(repo, 'scripts', 'engine.sh'), 'start', '1'], {
    env: { ...process.env, BUILDX_GUARD_ENGINE_DIR: dir, BUILDX_GUARD_LOCAL_ENGINE: '1' },
  });
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain('dockerd 0 exited during start-up');
  expect(r.stderr).toContain('broken on purpose');
  expect(existsSync(join(dir, 'env'))).toBe(false);
  const ps = await exec('pgrep', ['-f', dir]);
  expect(ps.stdout.trim()).toBe('');
});
