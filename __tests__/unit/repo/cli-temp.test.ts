// The CLI's private folder (it holds the secrets' files): 0700, and removed when the command ends,
// also when Ctrl-C or a kill ends it in the middle (the bundle, a docker that never answers).
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const root = mkdtempSync(join(tmpdir(), 'bxg-cli-temp-'));
const pids: number[] = [];
afterAll(() => {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  rmSync(root, { recursive: true, force: true });
});

/** A docker whose `buildx version` answers and whose every other command hangs (its pid recorded). */
function hangingDocker(bin: string): void {
  writeFileSync(
    join(bin, 'docker'),
    `#!/bin/sh
if [ "$1 $2" = "buildx version" ]; then echo "github.com/docker/buildx v0.29.1 abc"; exit 0; fi
echo $$ >> ${JSON.stringify(join(bin, 'pids'))}
exec sleep 60
`,
    { mode: 0o755 },
  );
}

async function until(what: () => boolean): Promise<void> {
  while (!what()) await new Promise((r) => setTimeout(r, 50));
}

test.each(['SIGINT', 'SIGTERM'] as const)(
  'a CLI command ended by %s removes its private (0700) folder',
  async (signal) => {
    const dir = mkdtempSync(join(root, `${signal}-`));
    const temp = join(dir, 'tmp');
    const bin = join(dir, 'bin');
    for (const d of [temp, bin]) mkdirSync(d);
    hangingDocker(bin);
    const child = spawn(process.execPath, [cli, 'doctor', '--driver', 'docker'], {
      env: { PATH: `${bin}:/usr/bin:/bin`, TMPDIR: temp, HOME: dir, BUILDX_GUARD_DOCKER_CLI: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<string | null>((r) => child.on('close', (_code, sig) => r(sig)));
    // The command is waiting on docker, with its folder made.
    await until(() => existsSync(join(bin, 'pids')) && readdirSync(temp).length > 0);
    pids.push(...readFileSync(join(bin, 'pids'), 'utf8').trim().split('\n').map(Number));
    const [folder] = readdirSync(temp);
    expect(folder).toMatch(/^buildx-guard-/);
    expect(statSync(join(temp, folder)).mode & 0o777).toBe(0o700);
    child.kill(signal);
    expect({ signal: await exited, stderr }).toEqual({ signal, stderr: expect.any(String) });
    expect(readdirSync(temp)).toEqual([]);
  },
  30_000,
);
