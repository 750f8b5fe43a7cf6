// The README's first command, `npm run demo` (scripts/demo.mjs on the bundle), as a new user runs it:
// a two-platform build that meets a GOAWAY and is retried, the same build after a source change (a
// cache break), a build whose test step fails. What it prints is what the README promises.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { exec, repo } from '../support/testbed.js';

test('npm run demo: the GOAWAY is retried, the source change breaks the cache, the failing test step is named', async () => {
  const r = await exec(process.execPath, [join(repo, 'scripts', 'demo.mjs')]);
  const reports = [...r.stdout.matchAll(/^ {2}(\S+\.md) {2}\(exit (\d+)\)$/gm)];
  try {
    // stderr: the engine's one line of status, nothing else.
    expect({ code: r.code, stderr: r.stderr.replace(/^engine: .*\n/gm, '') }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(r.stdout).toContain('Attempt 1 failed (transport');
    expect(r.stdout).toContain('--> succeeded after 2 attempts (attempt 1: transport, attempt 2: ok)');
    expect(r.stdout).toMatch(
      /^warning cache-invalidated +Dockerfile:\d+ +Cache invalidated at .*COPY \. \/app$/m,
    );
    expect(r.stdout).toContain('--> succeeded after 1 attempt (attempt 1: ok)');
    expect(r.stdout).toMatch(
      /^error +build-failed +Dockerfile:\d+ +Build failed at \[linux\/\S+ test\] RUN /m,
    );
    expect(r.stdout).toContain('--> failed (step) after 1 attempt (attempt 1: step)');
    expect(reports.map((m) => m[2])).toEqual(['0', '0', '1']);
    for (const m of reports) expect(existsSync(m[1])).toBe(true);
  } finally {
    // The demo leaves its reports for a person to read; the test removes them.
    const out = reports[0]?.[1].replace(/\/[^/]+$/, '');
    if (out && /\/buildx-guard-demo-[^/]+$/.test(out)) rmSync(out, { recursive: true, force: true });
  }
}, 180_000);
