// The bundled entry as the runner starts it: a bad input is one sentence naming the input and its
// accepted values; the stack trace appears only with debug logging on.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function runEntry(env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bxg-entry-'));
  dirs.push(dir);
  for (const f of ['state', 'output']) writeFileSync(join(dir, f), '');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'dist', 'index.js')],
      {
        env: {
          PATH: process.env.PATH,
          GITHUB_STATE: join(dir, 'state'),
          GITHUB_OUTPUT: join(dir, 'output'),
          ...env,
        },
      },
      (err, stdout) => resolve({ code: err ? (err.code as number) : 0, stdout }),
    );
  });
}

test('an invalid input: exit 1, one sentence naming the input and the accepted values, no stack', async () => {
  const r = await runEntry({ INPUT_DRIVER: 'podman' });
  expect(r.code).toBe(1);
  const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(errors).toEqual([
    "::error::Input 'driver' must be one of docker-container, remote, kubernetes, docker; got 'podman'.",
  ]);
  expect(r.stdout).not.toMatch(/\n\s+at /);
  expect(r.stdout).not.toContain('UserError');
});

test('with debug logging on, the stack trace is there too (as a debug line)', async () => {
  const r = await runEntry({ INPUT_DRIVER: 'podman', RUNNER_DEBUG: '1' });
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^::debug::UserError: Input 'driver' must be one of .*%0A\s+at /m);
});
