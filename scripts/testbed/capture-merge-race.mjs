// Captures `imagetools create` meeting the registry's manifest race into
// __fixtures__/logs/merge-manifest-race/: a merge into two repositories of one registry (distribution
// with filesystem storage) can have a manifest PUT refused with 400 "blob unknown to registry" while
// the same content is being copied into the other repository. A retry of the merge succeeds.
// The race is timing-dependent: three merges run at once, each into fresh repositories, until one
// fails (at most ROUNDS rounds); the capture records how many tries that took.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startContainerdStoreDaemon } from './containerd-store.mjs';

const ROUNDS = 60;
const AT_ONCE = 3;

export async function captureMergeRace({ run, fixtures, NodeBridge }) {
  const registry = process.env.BUILDX_GUARD_REGISTRY;
  const busybox = process.env.BUILDX_GUARD_BUSYBOX_AMD64;
  if (!registry || !busybox) throw new Error('start the engine first: eval "$(bash scripts/engine.sh env)"');
  const ctx = mkdtempSync(join(tmpdir(), 'merge-race-'));
  try {
    copyFileSync(busybox, join(ctx, 'busybox'));
    // Sources as a matrix job pushes them: an OCI index with the image and its provenance manifest,
    // from a remote node on a containerd-store daemon (the image exporter needs it).
    const daemon = await startContainerdStoreDaemon();
    const node = await new NodeBridge({ socketPath: daemon.socket }).start();
    const builder = `race-${process.pid}`;
    const sources = [];
    try {
      await run(['buildx', 'create', '--name', builder, '--driver', 'remote', node.endpoint]);
      for (const platform of ['linux/amd64', 'linux/386']) {
        const arch = platform.split('/')[1];
        writeFileSync(join(ctx, 'Dockerfile'), `FROM scratch\nCOPY busybox /bin/busybox-${arch}\n`);
        const ref = `${registry}/race-src-${arch}:1`;
        const out = `type=image,name=${ref},push=true`;
        const b = await run([
          'buildx',
          'build',
          '--builder',
          builder,
          '--platform',
          platform,
          '-o',
          out,
          ctx,
        ]);
        if (b.code !== 0) throw new Error(`pushing ${ref} failed:\n${b.stderr}`);
        sources.push(ref);
      }
    } finally {
      await run(['buildx', 'rm', '-f', builder]);
      await node.close();
      await daemon.stop();
    }
    for (let round = 1; round <= ROUNDS; round++) {
      const merges = Array.from({ length: AT_ONCE }, (_, i) => {
        const id = `${Date.now().toString(36)}${round}x${i}`;
        const tags = [`${registry}/race-a-${id}:1`, `${registry}/race-b-${id}:1`];
        const args = ['buildx', 'imagetools', 'create', '--progress', 'plain'];
        return run([...args, ...tags.flatMap((t) => ['-t', t]), ...sources]).then((r) => ({ r, id }));
      });
      const failed = (await Promise.all(merges)).find(({ r }) => r.code !== 0);
      if (!failed) continue;
      const dir = join(fixtures, 'logs', 'merge-manifest-race');
      mkdirSync(dir, { recursive: true });
      const text = failed.r.stderr.split(registry).join('127.0.0.1:5000').split(failed.id).join('run');
      writeFileSync(join(dir, '0.29.1-plain.log'), text);
      console.log(`captured a merge that met the race after ${round} round(s) of ${AT_ONCE} into ${dir}`);
      return;
    }
    throw new Error(`no merge met the race in ${ROUNDS} rounds of ${AT_ONCE}`);
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
}
