// The registry path on the test bed: a real registry (Debian's docker-registry) behind the registry
// fault proxy (scripts/testbed/registry-proxy.mjs), pushes and merges through the bundled action.
import { join } from 'node:path';
import { NodeBridge } from '../../scripts/testbed/bridge.mjs';
import { RegistryProxy, type RegistryFault } from '../../scripts/testbed/registry-proxy.mjs';
import {
  BUSYBOX_BASE,
  busyboxContext,
  buildxEnv,
  cleanupDirs,
  exec,
  runAction,
  startContainerdStoreDaemon,
  registryDigest,
  testRegistry,
} from '../support/testbed.js';
import { repoRoot } from '../support/paths.js';

const proxies: RegistryProxy[] = [];
const bridges: NodeBridge[] = [];
async function proxy(faults: RegistryFault[] = []): Promise<RegistryProxy> {
  const p = await new RegistryProxy({ target: testRegistry(), faults }).start();
  proxies.push(p);
  return p;
}
afterAll(async () => {
  // In this order: the daemon's mounts live in folders cleanupDirs removes.
  for (const p of proxies) await p.close();
  for (const b of bridges.splice(0)) await b.close();
  await daemon?.stop();
  cleanupDirs();
});

/** What the registry itself serves for a reference (crane, straight to the registry). */
const registry = testRegistry;
const run = `${Date.now().toString(36)}`;

test('a push that meets a 503 on its first manifest PUT is retried; digest is what the registry serves', async () => {
  const p = await proxy([{ method: 'PUT', path: '/manifests/', status: 503, times: 1 }]);
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo pushed-${run}\n`);
  const tag = `${p.address}/app:${run}`;
  const r = await runAction({
    driver: 'docker',
    context: ctx,
    network: 'none',
    tags: tag,
    push: 'true',
    'retry-wait-seconds': '1',
  });
  expect(r.main.code).toBe(0);
  expect(p.hits).toEqual([1]);
  expect(r.outputs.attempts).toBe('2');
  expect(r.main.stdout).toMatch(/Attempt 1 failed \(registry/);
  expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(r.outputs.digest).toBe(await registryDigest(`${registry()}/app:${run}`));
  expect(JSON.parse(r.outputs.metadata)['containerimage.digest']).toBe(r.outputs.digest);
  // Left out unless the job sets BUILDX_METADATA_PROVENANCE: one BuildKit round trip less.
  expect(JSON.parse(r.outputs.metadata)['buildx.build.provenance']).toBeUndefined();
});

// The image exporter and the registry cache exporter need a containerd-store daemon behind a remote node.
let daemon: { socket: string; stop: () => Promise<void> };
let node: NodeBridge;
beforeAll(async () => {
  daemon = await startContainerdStoreDaemon();
  node = await new NodeBridge({ socketPath: daemon.socket }).start();
  bridges.push(node);
});

describe('cache-to and cache-from type=registry', () => {
  const dockerfile = `${BUSYBOX_BASE}FROM busybox\nRUN echo "slow step ${run}" && sleep 1\n`;
  test('exported to the registry, then every step of a fresh builder comes from it', async () => {
    const ref = `${registry()}/cache:${run}`;
    const first = await runAction({
      driver: 'remote',
      endpoint: node.endpoint,
      context: busyboxContext(dockerfile),
      network: 'none',
      'cache-to': `type=registry,ref=${ref},mode=max`,
    });
    expect(first.main.code).toBe(0);
    expect(await registryDigest(ref)).toMatch(/^sha256:/);
    // A second daemon has no local cache: what is cached came from the registry.
    const other = await startContainerdStoreDaemon();
    const otherNode = await new NodeBridge({ socketPath: other.socket }).start();
    bridges.push(otherNode);
    try {
      const second = await runAction({
        driver: 'remote',
        endpoint: otherNode.endpoint,
        context: busyboxContext(dockerfile),
        network: 'none',
        'cache-from': `type=registry,ref=${ref}`,
      });
      expect(second.main.code).toBe(0);
      expect(second.summary).toMatch(/ · (\d+) of \1 steps cached/);
    } finally {
      await other.stop();
    }
  });

  test('a cache export the registry fails is cache-export, retried, with the ignore-error remedy', async () => {
    const p = await proxy([{ method: 'PUT', path: '/v2/cache-fail/manifests/', status: 500, times: 4 }]);
    const r = await runAction({
      driver: 'remote',
      endpoint: node.endpoint,
      context: busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo "export ${run}"\n`),
      network: 'none',
      'cache-to': `type=registry,ref=${p.address}/cache-fail:${run},mode=max`,
      'max-attempts': '2',
      'retry-wait-seconds': '1',
    });
    expect(p.hits[0]).toBeGreaterThan(0);
    expect(r.main.stdout).toMatch(/Attempt 1 failed \(cache-export/);
    expect(r.summary).toContain('ignore-error=true');
  });
});

describe('merge-sources', () => {
  const sources: Record<string, string> = {};
  beforeAll(async () => {
    // The matrix pattern: one job per platform pushes by digest (the image exporter), and its
    // `digest` output is what the merge job consumes.
    const bridge = node;
    for (const platform of ['linux/amd64', 'linux/386']) {
      const arch = platform.split('/')[1];
      const ctx = busyboxContext(`FROM scratch\nCOPY busybox /bin/busybox\n# ${run} ${platform}\n`);
      const repo = `${registry()}/src-${arch}`;
      const job = await runAction({
        driver: 'remote',
        endpoint: bridge.endpoint,
        context: ctx,
        platforms: platform,
        outputs: `type=image,name=${repo},push-by-digest=true,name-canonical=true,push=true`,
      });
      // The job's own output is the diagnosis when it fails.
      expect({ code: job.main.code, tail: job.main.code ? job.main.stdout.slice(-1500) : '' }).toEqual({
        code: 0,
        tail: '',
      });
      expect(job.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      sources[platform] = `${repo}@${job.outputs.digest}`;
    }
  });
  test('two platforms into two repositories, a 503 on the first index PUT: 2 attempts, one digest, both platforms', async () => {
    // The index is PUT by tag (the sources' manifests are copied by digest first). imagetools tries
    // a PUT twice itself (measured here): two 503s fail the first attempt, the second succeeds.
    // The registry may also refuse a manifest it is still linking for the other repository (400
    // "blob unknown to registry", the merge-manifest-race capture): that is retried as well, so an
    // attempt more is allowed, and every failed attempt must be a registry failure.
    const p = await proxy([{ method: 'PUT', path: `/v2/app/manifests/${run}$`, status: 503, times: 2 }]);
    // The sources go through the proxy too: every request of the merge meets the fault proxy.
    const viaProxy = Object.values(sources).map((s) => s.replace(registry(), p.address));
    const tags = [`${p.address}/app:${run}`, `${p.address}/mirror:${run}`];
    const r = await runAction({
      'merge-sources': viaProxy.join('\n'),
      tags: tags.join('\n'),
      annotations: 'index:org.opencontainers.image.description=merged by buildx-guard',
      'retry-wait-seconds': '1',
      'max-attempts': '4',
    });
    expect({ code: r.main.code, tail: r.main.code ? r.main.stdout.slice(-2500) : '' }).toEqual({
      code: 0,
      tail: '',
    });
    expect(p.hits).toEqual([2]);
    const attempts = Number(r.outputs.attempts);
    expect(attempts).toBeGreaterThanOrEqual(2);
    const failures = r.main.stdout.match(/Merge attempt \d+ failed \(\w[\w-]*/g) ?? [];
    expect(failures).toEqual(
      Array.from({ length: attempts - 1 }, (_, i) => `Merge attempt ${i + 1} failed (registry`),
    );
    expect(r.outputs['failure-category']).toBe('');
    const served = await Promise.all(tags.map((t) => registryDigest(t.replace(p.address, registry()))));
    expect(new Set(served)).toEqual(new Set([r.outputs.digest]));
    const metadata = JSON.parse(r.outputs.metadata);
    expect(metadata.platforms.sort()).toEqual(['linux/386', 'linux/amd64']);
    expect(metadata.tags).toEqual(tags);
    // No builder was created for a merge.
    expect(r.main.stdout).not.toContain('::group::Builder');
    expect(r.summary).toMatch(
      new RegExp(`✅ \\*\\*Merge succeeded\\*\\* · [\\d.]+ s · ${attempts} attempts`),
    );
    expect(r.summary).toContain(r.outputs.digest);
  });

  test('the CLI merges the same way: two repositories, retried after a 503, digests read back, JSON verdict', async () => {
    const p = await proxy([{ method: 'PUT', path: `/v2/cli-app/manifests/${run}$`, status: 503, times: 2 }]);
    const tags = [`${p.address}/cli-app:${run}`, `${p.address}/cli-mirror:${run}`];
    const r = await exec(
      process.execPath,
      [
        join(repoRoot, 'dist', 'cli.js'),
        'merge',
        ...Object.values(sources).flatMap((s) => ['--sources', s.replace(registry(), p.address)]),
        ...tags.flatMap((t) => ['--tags', t]),
        '--retry-wait-seconds',
        '1',
        '--max-attempts',
        '4',
      ],
      { env: buildxEnv('0.29.1') },
    );
    expect({ code: r.code, tail: r.code ? r.stderr.slice(-2500) : '' }).toEqual({ code: 0, tail: '' });
    const verdict = JSON.parse(r.stdout);
    expect(verdict.status).toBe('success');
    expect(verdict.attempts.length).toBeGreaterThanOrEqual(2);
    expect(verdict.attempts[0].category).toBe('registry');
    expect(verdict.platforms.sort()).toEqual(['linux/386', 'linux/amd64']);
    const served = await Promise.all(tags.map((t) => registryDigest(t.replace(p.address, registry()))));
    expect(new Set(served)).toEqual(new Set([verdict.digest]));
  });

  test('a source that does not exist: 1 attempt, the step names it', async () => {
    const missing = `${registry()}/src-none:${run}`;
    const r = await runAction({
      'merge-sources': [sources['linux/amd64'], missing].join('\n'),
      tags: `${registry()}/app:missing-${run}`,
    });
    expect(r.main.code).toBe(1);
    expect(r.outputs.attempts).toBe('1');
    expect(r.main.stdout).toContain(missing);
    expect(r.outputs['failure-category']).toBe('image-not-found');
  });

  test('build inputs beside merge-sources are an input error naming them', async () => {
    const r = await runAction({
      'merge-sources': sources['linux/amd64'],
      tags: 'x/y:1',
      platforms: 'linux/arm64',
      file: 'Dockerfile',
    });
    expect(r.main.code).toBe(1);
    expect(r.main.stdout).toContain("'file', 'platforms' cannot be set with it");
  });
});
