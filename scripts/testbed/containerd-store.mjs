// A dockerd with the containerd image store, in its own temporary folders: BuildKit's `image` and
// `oci` exporters (push by digest, attestations) and a type=local cache export need it behind a
// remote node. Used by the e2e tests and the fixture captures; the caller stops it (stop() also
// removes its folders).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function answers(socket) {
  return new Promise((resolve) => {
    const child = spawn('docker', ['version'], {
      env: { ...process.env, DOCKER_HOST: `unix://${socket}` },
      stdio: 'ignore',
      // A loaded machine can make `docker version` itself slow: one question is bounded too.
      timeout: 10_000,
    });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

/**
 * @param {number} [startTimeoutMs]
 * @returns {Promise<{ socket: string, dir: string, stop: () => Promise<void> }>}
 */
export async function startContainerdStoreDaemon(startTimeoutMs = 150_000) {
  const dir = mkdtempSync(join(tmpdir(), 'bxg-cs-'));
  const config = join(dir, 'daemon.json');
  writeFileSync(config, JSON.stringify({ features: { 'containerd-snapshotter': true } }));
  const socket = join(dir, 'docker.sock');
  const child = spawn(
    'dockerd',
    [
      '--config-file',
      config,
      '--data-root',
      join(dir, 'data'),
      '--exec-root',
      join(dir, 'exec'),
      '-H',
      `unix://${socket}`,
      '--pidfile',
      join(dir, 'docker.pid'),
      '--iptables=false',
      '--ip6tables=false',
      '--bridge=none',
      '--storage-driver=native',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
  const stop = async () => {
    if (child.exitCode === null) {
      const closed = new Promise((r) => child.once('close', r));
      child.kill('SIGTERM');
      await Promise.race([closed, new Promise((r) => setTimeout(r, 15_000).unref())]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    // Its containerd may hold the inherited stderr pipe: let go of it, so nothing keeps the caller alive.
    child.stderr?.destroy();
    child.unref();
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A mount the daemon left behind: the e2e support removes the folder again in cleanupDirs().
    }
  };
  // Bounded by the clock, below the 180 s a jest hook waits: a start that gives up stops its
  // daemon, where a caller's timeout would leave it running.
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (await answers(socket)) return { socket, dir, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(
    `the containerd-store dockerd did not answer within ${Math.round(startTimeoutMs / 1000)} s: ${log}`,
  );
}
