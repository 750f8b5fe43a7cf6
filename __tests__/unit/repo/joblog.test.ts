// Every channel to the job log, given a pull request's hostile text: none yields a workflow command
// the action did not mean to issue, read as the runner reads stdout and stderr (lines end at LF, CR
// or CRLF; `::` after white space; legacy `##[` anywhere; stop-commands honoured). The plain-text
// channels are also read ignoring stop-commands: their lines are neutralised on their own.
import { jest } from '@jest/globals';
import { JobLog, neutralise, terminal } from '../../../src/joblog.js';
import { Redactor } from '../../../src/redact/redact.js';
import { isOwnStop, runnerCommands } from '../../support/runner-commands.js';

const commandsIn = (output: string, opts?: { honourStop?: boolean }) =>
  runnerCommands(output, opts).filter((c) => !isOwnStop(c));

const HOSTILE = [
  'RUN sleep 400 # \r::warning::pwned\r::add-mask::pwned',
  'step\n::error file=a,line=1::pwned',
  'step\r\n  ::set-output name=x::pwned',
  '\t::notice::pwned',
  '\u00ad::warning::pwned',
  ':\u200b:warning::pwned',
  '\ufeff::add-mask::pwned',
  '\u3164::warning::pwned',
  ':\u034f:error::pwned',
  'step \u2028::warning::pwned',
  'step\v::warning::pwned',
  '##[warning]pwned',
  'a step ##[add-mask]pwned',
  '#\u00ad#[error]pwned',
  '::stop-commands::pwned\n::warning::pwned',
  '%0A::warning::pwned%0D::error::pwned',
  '::group::pwned',
  '::endgroup::pwned',
];

async function capture(fn: () => unknown): Promise<string> {
  let text = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c) => ((text += String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c) => ((text += String(c)), true));
  try {
    await fn();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return text;
}

// core.setFailed sets process.exitCode: testing the failure channel must not fail the test run.
afterEach(() => {
  process.exitCode = undefined;
});

/** Each channel, and the commands it issues itself (none for plain text). */
const channels: [string, (log: JobLog, text: string) => void | Promise<unknown>, string[]][] = [
  ['info', (log, t) => log.info(`No build output for 5 s while ${t} runs`), []],
  ['info, the text alone', (log, t) => log.info(t), []],
  ['build output', (log, t) => log.out(t), []],
  ['debug', (log, t) => log.debug(`inspect: ${t}`), ['debug']],
  ['warning', (log, t) => log.warning(t, { title: t, file: t }), ['warning']],
  ['notice', (log, t) => log.notice(t, { title: t }), ['notice']],
  ['error', (log, t) => log.error(t, { title: t, file: t, startLine: 1 }), ['error']],
  // Redacted with no secrets: the text as it is, branded as the type requires.
  ['setFailed', (log, t) => log.fail(new Redactor([]).text(`The build failed: ${t}`)), ['error']],
  ['group name', (log, t) => log.group(t, async () => log.out(t)), ['group', 'endgroup']],
];

describe.each(channels)('the action’s %s', (_name, write, own) => {
  test.each(HOSTILE)('%j yields only the channel’s own command', async (text) => {
    const log = new JobLog();
    const output = await capture(async () => {
      await write(log, text);
      log.resume();
    });
    const commands = commandsIn(output);
    expect(commands.map((c) => c.name)).toEqual(own);
    expect(commands.filter((c) => c.legacy)).toEqual([]);
    // Without stop-commands too: every plain line is neutralised by itself.
    expect(commandsIn(output, { honourStop: false }).map((c) => c.name)).toEqual(own);
  });
});

describe.each([
  ['stdout', (t: string) => terminal.out(t)],
  ['stderr', (t: string) => terminal.err(t)],
])('the CLI’s terminal, %s', (_name, write) => {
  test.each(HOSTILE)('%j yields no command', async (text) => {
    const output = await capture(() => {
      write(`buildx-guard build: ${text}`);
      write(text);
    });
    expect(runnerCommands(output)).toEqual([]);
    // Every line is shown, none dropped.
    expect(output).toContain('pwned');
  });
});

test('a plain line of the action’s own is printed as it is, inside stop-commands', async () => {
  const log = new JobLog();
  const output = await capture(() => {
    log.info("Builder 'b' (docker): every node is running.\nNAME  STATUS");
    log.warning('after');
  });
  const lines = output.split('\n');
  expect(lines[0]).toMatch(/^::stop-commands::[0-9a-f]{32}$/);
  expect(lines.slice(1, 3)).toEqual(["Builder 'b' (docker): every node is running.", 'NAME  STATUS']);
  expect(lines[3]).toBe(`::${lines[0].slice('::stop-commands::'.length)}::`);
  expect(lines[4]).toBe('::warning::after');
});

test('a hostile line is kept visible: a prefix and a broken legacy marker', () => {
  expect(neutralise('a\r::warning::x ##[y]')).toEqual(['a', '» ::warning::x # # [y]']);
});
