// A local path buildx was given that is not there (held-out corpus, issue 24: wild3-021, wild3-036),
// on the engine with buildx 0.29.1: a --secret source that does not exist (`failed to stat <path>:
// stat <path>: no such file or directory`, printed before any build) is a missing file: one attempt,
// category missing-file, not retried. A Dockerfile path that names a folder never reaches buildx from
// the action (its input check refuses it in one sentence), so buildx's own words for it (`failed to
// read dockerfile: read <path>: is a directory`) are taken from a real `docker buildx build -f <dir>`
// and analyzed as `buildx-guard analyze` does. Before the missing-path cause read these, both were
// `unknown`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/findings/analyze.js';
import { parseTrace } from '../../src/trace/parser.js';
import {
  BUSYBOX_BASE,
  buildxEnv,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  daemonSockets,
  exec,
  runAction,
  startBridge,
  uniqueName,
} from '../support/testbed.js';

afterAll(async () => {
  await closeBridges();
  cleanupDirs();
});

const fast = { 'retry-wait-seconds': '1', 'retry-max-wait-seconds': '2', network: 'none', driver: 'remote' };

test('a secret file that does not exist: one attempt, category missing-file', async () => {
  const bridge = await startBridge(1);
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ok\n`);
  const run = await runAction({
    ...fast,
    name: uniqueName('local-path'),
    endpoint: bridge.endpoint,
    context: dir,
    'secret-files': `NPM_TOKEN=${join(dir, 'no-such-token')}`,
  });
  expect(run.main.stdout).toMatch(
    /failed to stat \S+no-such-token: stat \S+no-such-token: no such file or directory/,
  );
  expect(run.main.code).toBe(1);
  expect(run.outputs.attempts).toBe('1');
  expect(run.outputs['failure-category']).toBe('missing-file');
});

test("buildx's words for a Dockerfile path that names a folder are a missing file", async () => {
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ok\n`);
  mkdirSync(join(dir, 'docker'));
  const r = await exec('docker', ['buildx', 'build', '--progress=plain', '-f', join(dir, 'docker'), dir], {
    env: buildxEnv('0.29.1', { DOCKER_HOST: `unix://${daemonSockets()[0]}` }),
  });
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(
    /ERROR: failed to build: failed to solve: failed to read dockerfile: read \S+: is a directory/,
  );
  expect(analyze({ trace: parseTrace(r.stderr) })).toMatchObject({
    status: 'failed',
    failure: { category: 'missing-file', retryable: false },
  });
});
