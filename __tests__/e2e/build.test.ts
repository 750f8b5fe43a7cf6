// Build with classified retry, run as the bundled action on the test bed.
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  actionEnv,
  exec,
  repo,
  runPost,
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  processedCommands,
  runAction,
  startBridge,
  uniqueName,
  waitFor,
} from '../support/testbed.js';

afterAll(async () => {
  await closeBridges();
  cleanupDirs();
});

/** A build with a cached-able first step and a ~4 s second step, unique per call. */
function twoSteps(): { dir: string; first: string } {
  const first = uniqueName('first');
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox
RUN echo ${first} && sleep 1
RUN echo second && sleep 4 && echo done
`);
  return { dir, first };
}

const fast = { 'retry-wait-seconds': '1', 'retry-max-wait-seconds': '2', network: 'none', driver: 'remote' };

test.each([
  ['goaway', /received prior goaway: code: NO_ERROR, debug data: "graceful_stop"/],
  ['reset', /(connection reset by peer|error reading from server: EOF|Unavailable)/],
])(
  'a %s fault once mid-build: attempt 1 fails as transport, attempt 2 succeeds from cache',
  async (fault, text) => {
    const bridge = await startBridge(0, `${fault}=3000`);
    const { dir, first } = twoSteps();
    const run = await runAction({
      ...fast,
      name: uniqueName(fault),
      endpoint: bridge.endpoint,
      context: dir,
    });
    expect(bridge.stats.faultsFired).toBe(1);
    expect(run.main.stdout).toMatch(text);
    expect(run.main.stdout).toMatch(
      /Attempt 1 failed \(transport: .*\); checking the nodes, then retrying in [\d.]+ s\./,
    );
    expect(run.main.code).toBe(0);
    expect(run.outputs.attempts).toBe('2');
    expect(run.outputs['failure-category']).toBe('');
    // The second attempt reuses what the first completed.
    const second = run.main.stdout.slice(run.main.stdout.indexOf('::group::Build, attempt 2 of 3'));
    expect(second).toMatch(
      new RegExp(`#(\\d+) \\[stage-1 1/2\\] RUN echo ${first} && sleep 1\\n#\\1 CACHED`),
    );
    expect(run.post.code).toBe(0);
  },
);

test('a RUN that exits 3: one attempt, failure-category step, the step fails', async () => {
  const bridge = await startBridge(1);
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox
RUN echo "the test failed: expected 2, got 3" && exit 3
`);
  const run = await runAction({ ...fast, name: uniqueName('step'), endpoint: bridge.endpoint, context: dir });
  expect(run.main.code).toBe(1);
  expect(run.outputs.attempts).toBe('1');
  expect(run.outputs['failure-category']).toBe('step');
  expect(run.main.stdout).not.toContain('attempt 2 of 3');
  expect(run.main.stdout).toMatch(
    /^::error::The build failed after 1 attempt \(step\): failed to build: failed to solve: process .* exit code: 3\. Not retried further: step failures are not retried/m,
  );
});

test('a node that dies for good mid-build: the retry check fails fast naming the node', async () => {
  const bridge = await startBridge(0, 'reset=3000');
  const { dir } = twoSteps();
  const name = uniqueName('dies');
  const pending = runAction({
    ...fast,
    name,
    endpoint: bridge.endpoint,
    context: dir,
    'bootstrap-timeout': '5',
  });
  await waitFor(() => bridge.stats.faultsFired === 1, 60_000, 'the reset fault');
  bridge.setFault('refuse');
  const run = await pending;
  expect(run.main.code).toBe(1);
  expect(run.outputs.attempts).toBe('1');
  expect(run.outputs['failure-category']).toBe('transport');
  const error = run.main.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  expect(error).toContain('a node is down, so retrying cannot help');
  expect(error).toContain(`node '${name}0' (remote, ${bridge.endpoint})`);
  expect(error).toContain('connection refused');
});

test('build output cannot issue workflow commands', async () => {
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox
RUN echo '::error::pwned' && echo '::set-output name=x::y' && echo '::add-mask::oops' && echo "::$(echo stop)-commands::abc"
`);
  const run = await runAction({ driver: 'docker', context: dir, network: 'none' });
  expect(run.main.code).toBe(0);
  expect(run.main.stdout).toContain('::error::pwned'); // printed as text …
  const commands = processedCommands(run.main.stdout);
  expect(commands.filter((c) => /pwned|name=x|oops|stop-commands::abc/.test(c))).toEqual([]); // … never acted on
  expect(run.outputs.x).toBeUndefined();
  expect(run.outputs.attempts).toBe('1');
});

test('a missing Dockerfile fails before the builder is created, in one sentence', async () => {
  const dir = busyboxContext('');
  const run = await runAction({
    driver: 'remote',
    endpoint: 'tcp://127.0.0.1:1',
    context: dir,
    file: `${dir}/nope.Dockerfile`,
  });
  expect(run.main.code).toBe(1);
  expect(run.main.stdout).toMatch(
    /^::error::Dockerfile '.*nope\.Dockerfile' \(input 'file'\) does not exist\.$/m,
  );
  expect(run.state.builder).toBeUndefined();
});

test('a cancelled job (SIGTERM) stops buildx at once, is not retried, and post still removes the builder', async () => {
  const bridge = await startBridge(1);
  const name = uniqueName('cancel');
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('long')} && sleep 60\n`);
  const { env, files } = actionEnv({ ...fast, name, endpoint: bridge.endpoint, context: dir });
  const child = spawn(process.execPath, [join(repo, 'dist', 'index.js')], { env });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  await waitFor(() => /#\d+ \d+\.\d+ long-/.test(stdout), 60_000, 'the long step to start');
  const t0 = Date.now();
  // As the runner does: SIGINT, then SIGTERM; neither may end Node before the report is written.
  child.kill('SIGINT');
  setTimeout(() => child.kill('SIGTERM'), 300);
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
  expect(Date.now() - t0).toBeLessThan(15_000);
  expect(code).toBe(1);
  expect(stdout).toMatch(/^::error::The build failed after 1 attempt \(cancelled\)/m);
  expect(stdout).not.toContain('attempt 2 of 3');
  expect(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')).toMatch(
    /❌ \*\*Build failed\*\* at .* · cancelled, not retryable/,
  );
  const ps = await exec('pgrep', ['-f', `--builder ${name} `]);
  expect(ps.stdout.trim()).toBe('');
  const post = await runPost(env, files.GITHUB_STATE);
  expect(post.stdout).toContain(`Removed builder '${name}'.`);
});
