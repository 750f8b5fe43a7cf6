// Stopping a command that ignores SIGINT (real child processes, no engine): SIGTERM, then SIGKILL,
// within the runner's grace period, so buildx is never left orphaned.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buildx, STOP_ESCALATION_MS } from '../../../src/buildx/buildx.js';
import { classify } from '../../../src/diagnosis/classify.js';
import { abortableSleep } from '../../../src/attempts/run.js';

const dir = mkdtempSync(join(tmpdir(), 'bxg-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fake `docker` that ignores the given signals and never ends by itself. */
function stubborn(ignore: string[]): string {
  const path = join(dir, `docker-${ignore.join('-') || 'none'}`);
  writeFileSync(
    path,
    `#!${process.execPath}\n${ignore.map((s) => `process.on('${s}', () => {});`).join('\n')}\nprocess.stderr.write('started\\n');\nsetInterval(() => {}, 1000);\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

test('STOP_ESCALATION_MS ends within the runner’s 7.5 s grace period', () => {
  expect(STOP_ESCALATION_MS.term).toBeLessThan(STOP_ESCALATION_MS.kill);
  expect(STOP_ESCALATION_MS.kill).toBeLessThan(7_500);
});

test('a command that ignores SIGINT is ended by SIGTERM on cancellation', async () => {
  const buildx = new Buildx(stubborn(['SIGINT']));
  const abort = new AbortController();
  const run = buildx.buildx(['build'], {
    signal: abort.signal,
    capture: true,
    onStderr: () => abort.abort(),
  });
  const r = await run;
  expect(r).toMatchObject({ cancelled: true, code: 143 });
});

test('a command that ignores SIGINT and SIGTERM is killed', async () => {
  const buildx = new Buildx(stubborn(['SIGINT', 'SIGTERM']));
  const abort = new AbortController();
  const r = await buildx.buildx(['build'], { signal: abort.signal, onStderr: () => abort.abort() });
  expect(r).toMatchObject({ cancelled: true, code: 137 });
}, 15_000);

test('an attempt stopped for attempt-timeout-minutes is transient, even though buildx exits 130', () => {
  expect(classify('', { timedOut: true, exitCode: 130 })).toMatchObject({
    category: 'transport',
    retryable: true,
  });
  expect(classify('', { exitCode: 130 })).toMatchObject({ category: 'cancelled', retryable: false });
});

test('the retry backoff ends as soon as the job is cancelled', async () => {
  const abort = new AbortController();
  setTimeout(() => abort.abort(), 50);
  // An hour's wait: only the signal can end it before jest's timeout.
  await abortableSleep(3_600_000, abort.signal);
  expect(abort.signal.aborted).toBe(true);
});

test('a stop reaches the command’s children too (docker runs the buildx plugin as a child holding the pipes)', async () => {
  const path = join(dir, 'docker-with-plugin');
  // The "plugin" runs in the background: non-interactive sh starts it ignoring SIGINT, and it keeps
  // stdout and stderr open. Signalling only the parent would leave it, and the pipes, behind.
  writeFileSync(path, '#!/bin/sh\ntrap "" INT\nsleep 60 &\necho started >&2\nwait\n');
  chmodSync(path, 0o755);
  const buildx = new Buildx(path);
  const abort = new AbortController();
  const r = await buildx.buildx(['build'], { signal: abort.signal, onStderr: () => abort.abort() });
  expect(r.cancelled).toBe(true);
}, 15_000);
