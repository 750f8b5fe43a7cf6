// One way to the job log, on the real engine: a Dockerfile whose RUN line hides workflow commands
// behind carriage returns, quiet past the stall timeout, so the watchdog names the step. The runner
// reads a lone CR as a line break; no line of the action's stdout (or the CLI's, in a workflow's
// `run:` step) may be a command the action did not issue itself.
import { join } from 'node:path';
import {
  BUSYBOX_BASE,
  buildxEnv,
  busyboxContext,
  cleanupDirs,
  exec,
  repo,
  runAction,
} from '../support/testbed.js';
import { isOwnStop, runnerCommands, type RunnerCommand } from '../support/runner-commands.js';

afterAll(() => cleanupDirs());

// Shell comments after `sleep`: the step runs, quiet, and its name carries the payload.
const PAYLOAD = [
  '::warning::pwned-warning',
  '::add-mask::pwned-mask',
  '##[error]pwned-legacy',
  '  ::error file=Dockerfile,line=1::pwned-error',
  '::set-output name=digest::pwned-output',
  '::stop-commands::pwned-stop',
].join('\r');
const dockerfile = (n: number) => `${BUSYBOX_BASE}FROM busybox\nRUN sleep ${n} # bxg\r${PAYLOAD}\n`;

/** The commands the action issues itself (stop-commands is read by `runnerCommands`). */
const OWN = new Set(['group', 'endgroup', 'debug', 'notice', 'warning', 'error']);

function describe_(commands: RunnerCommand[]): string[] {
  return commands.map((c) => `${c.legacy ? 'legacy ' : ''}${c.name}: ${c.data.slice(0, 80)}`);
}

test('the stall watchdog names a step with CRs and commands: no line of stdout is a command of the PR', async () => {
  const r = await runAction({
    driver: 'docker',
    context: busyboxContext(dockerfile(9)),
    network: 'none',
    'no-cache': 'true',
    'stall-timeout-seconds': '2',
  });
  expect(r.main.code).toBe(0);
  // The watchdog spoke, naming the step (its payload neutralised, on lines of its own).
  expect(r.main.stdout).toMatch(/No build output for \d+ s while .*RUN sleep 9 # bxg/);
  const commands = runnerCommands(r.main.stdout + r.post.stdout);
  const foreign = commands.filter(
    (c) => !isOwnStop(c) && (c.legacy || !OWN.has(c.name) || /^pwned/.test(c.data)),
  );
  expect(describe_(foreign)).toEqual([]);
  expect(r.outputs.digest ?? '').not.toContain('pwned');
}, 120_000);

test('the CLI in a workflow’s run: step prints no command of the PR, on stdout or stderr', async () => {
  const r = await exec(
    process.execPath,
    [
      join(repo, 'dist', 'cli.js'),
      'build',
      '--driver',
      'docker',
      '--network',
      'none',
      '--no-cache',
      '--stall-timeout-seconds',
      '2',
      busyboxContext(dockerfile(6)),
    ],
    { env: buildxEnv('0.29.1', { GITHUB_ACTIONS: 'true' }) },
  );
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/No build output for \d+ s while .*RUN sleep 6 # bxg/);
  expect(describe_(runnerCommands(r.stdout))).toEqual([]);
  expect(describe_(runnerCommands(r.stderr))).toEqual([]);
}, 120_000);
