// The build record (issue 24, items 2 and 3) on the engine, buildx 0.29.1: after a failed attempt the
// error and its Dockerfile line come from `buildx history inspect`, and the report says so; with the
// record unavailable (buildx's refs folder gone after the build) the same verdict comes from the log.
// A green build never runs `history`; a step printing more than 2 MiB gets `log-clipped`.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  removeBuilder,
  runAction,
  startBridge,
  tempDir,
  uniqueName,
} from '../support/testbed.js';

afterAll(async () => {
  await closeBridges();
  cleanupDirs();
});

/**
 * A Docker config whose buildx plugin is a shim: it logs each argv to `argv.log`, runs the real
 * plugin, and, when DROP_REFS is set, removes buildx's refs folder after each build (as a runner
 * whose buildx keeps no references would leave it). Builders and refs live in its own BUILDX_CONFIG.
 */
function shimConfig(): { env: NodeJS.ProcessEnv; argvLog: string; refs: string } {
  const real = join(process.env.BUILDX_GUARD_CONFIG_0_29_1!, 'cli-plugins', 'docker-buildx');
  const dir = tempDir('bxg-shim-');
  mkdirSync(join(dir, 'cli-plugins'));
  const argvLog = join(dir, 'argv.log');
  const buildxConfig = join(dir, 'buildx');
  const shim = join(dir, 'cli-plugins', 'docker-buildx');
  writeFileSync(
    shim,
    `#!/bin/sh
echo "$*" >> '${argvLog}'
'${real}' "$@"
rc=$?
if [ "$1" = build ] && [ -n "$DROP_REFS" ]; then rm -rf '${buildxConfig}/refs'; fi
exit $rc
`,
  );
  chmodSync(shim, 0o755);
  return {
    env: { DOCKER_CONFIG: dir, BUILDX_CONFIG: buildxConfig },
    argvLog,
    refs: join(buildxConfig, 'refs'),
  };
}

const inputs = { network: 'none', driver: 'remote', 'max-attempts': '2', 'retry-wait-seconds': '1' };

test.each([
  [
    'a failing RUN',
    `${BUSYBOX_BASE}FROM busybox\nRUN echo one && exit 3\n`,
    5,
    'step',
    /did not complete successfully: exit code: 3/,
  ],
  [
    'a missing COPY source',
    `${BUSYBOX_BASE}FROM busybox\nCOPY missing.txt /x\n`,
    5,
    'missing-file',
    /"\/missing\.txt": not found/,
  ],
  [
    'a Dockerfile parse error',
    `${BUSYBOX_BASE}FROM busybox\nRUNN echo hi\n`,
    5,
    'dockerfile',
    /unknown instruction: RUNN/,
  ],
])(
  '%s: the line and error from the build record; without it, the same verdict from the log',
  async (_name, dockerfile, line, category, error) => {
    const bridge = await startBridge(0);
    const dir = busyboxContext(dockerfile);
    const verdicts = [];
    for (const drop of [false, true]) {
      const shim = shimConfig();
      const name = uniqueName('record');
      const run = await runAction(
        { ...inputs, name, endpoint: bridge.endpoint, context: dir },
        { env: { ...shim.env, ...(drop ? { DROP_REFS: '1' } : {}) } },
      );
      await removeBuilder(name);
      expect(run.main.code).toBe(1);
      const argv = readFileSync(shim.argvLog, 'utf8');
      if (drop) {
        expect(run.summary).not.toContain('build record');
        expect(run.main.stdout).toMatch(/::debug::No build record: no reference of builder/);
      } else {
        // Read once, after the failure, with the attempt's own reference.
        expect(argv).toMatch(/^history inspect --builder record-\w+ \w+ --format json$/m);
        expect(run.summary).toMatch(
          /the error and its Dockerfile line from the build record: `docker buildx history inspect \w+`/,
        );
        expect(run.main.stdout).toMatch(/::debug::Build record record-\w+\/record-\w+0\/\w+ read/);
      }
      // The report wraps the cause chain (one cause a line, long ones continued with ↪): read it joined.
      expect(run.summary.replace(/\n\s*(?:↪ )?/g, ' ')).toMatch(error);
      verdicts.push({
        attempts: run.outputs.attempts,
        category: run.outputs['failure-category'],
        // The failing line, as the error annotation places it.
        line: run.main.stdout.match(/^::error [^\n]*\bfile=[^,\n]*Dockerfile,line=(\d+),/m)?.[1],
      });
    }
    expect(verdicts[0]).toEqual({ attempts: '1', category, line: String(line) });
    expect(verdicts[1]).toEqual(verdicts[0]);
  },
);

test('a green build never runs history', async () => {
  const bridge = await startBridge(0);
  const shim = shimConfig();
  const name = uniqueName('record');
  const run = await runAction(
    {
      ...inputs,
      name,
      endpoint: bridge.endpoint,
      context: busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ok\n`),
    },
    { env: shim.env },
  );
  await removeBuilder(name);
  expect(run.main.code).toBe(0);
  const argv = readFileSync(shim.argvLog, 'utf8');
  expect(argv).toMatch(/^build /m);
  expect(argv).not.toMatch(/^history/m);
});

test('a step printing more than 2 MiB: log-clipped names it, and the failure says its tail may be missing', async () => {
  const bridge = await startBridge(0);
  const shim = shimConfig();
  const name = uniqueName('record');
  // 2.4 MB at about 160 KB/s: under BuildKit's rate limit (200 KiB/s), over its size limit (2 MiB).
  const line = '0123456789'.repeat(7);
  const run = await runAction(
    {
      ...inputs,
      name,
      endpoint: bridge.endpoint,
      context: busyboxContext(
        `${BUSYBOX_BASE}FROM busybox\nRUN for i in $(seq 1 24); do yes ${line} | head -c 100000; sleep 0.6; done; exit 1\n`,
      ),
    },
    { env: shim.env },
  );
  await removeBuilder(name);
  expect(run.main.code).toBe(1);
  expect(run.summary).toContain('log-clipped');
  expect(run.summary).toMatch(/log limit `2MiB` reached/);
  expect(run.summary).toContain('BUILDKIT_STEP_LOG_MAX_SIZE=-1');
  expect(run.summary).toMatch(/its last lines may be missing/);
  rmSync(shim.refs, { recursive: true, force: true });
});

test('buildx 0.13.1 has no history: no record is asked for, and the log gives the line and the verdict', async () => {
  const bridge = await startBridge(0);
  const name = uniqueName('record');
  const run = await runAction(
    {
      ...inputs,
      name,
      endpoint: bridge.endpoint,
      context: busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo one && exit 3\n`),
    },
    { version: '0.13.1' },
  );
  await removeBuilder(name, '0.13.1');
  expect(run.main.code).toBe(1);
  expect(run.main.stdout).toMatch(/::debug::No build record: buildx v?0\.13\.1\S* has no build history/);
  expect(run.summary).not.toContain('build record');
  expect(run.outputs['failure-category']).toBe('step');
  expect(run.summary).toMatch(/Dockerfile:5/);
});
