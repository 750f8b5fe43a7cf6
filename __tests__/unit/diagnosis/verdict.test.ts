// Verdicts from buildx's words, not the step's (issue 27, item 7): whatever a failing RUN's command or
// output says, the failure is the step's, it is not retried and it does not stretch a wait.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planRetry, retryAfterSeconds, seededRandom } from '../../../src/attempts/retry.js';
import { classify } from '../../../src/diagnosis/classify.js';
import { bounded, clipMiddle, verdictText } from '../../../src/diagnosis/verdict-text.js';
import { failureText } from '../../../src/trace/query.js';
import { parseTrace } from '../../../src/trace/parser.js';
import { repoRoot } from '../../support/paths.js';

const fixture = readFileSync(
  join(repoRoot, '__fixtures__', 'logs', 'failing-run', '0.29.1-plain.log'),
  'utf8',
);
/** The captured log up to the failing step: the steps before it are real. */
const before = fixture.slice(0, fixture.indexOf('#9 [test 3/3]'));

/** A plain log of a RUN step failing with `command` after printing `output`, as buildx 0.29 writes it. */
function failingRun(command: string, output: string[] = ['running tests']): string {
  const quoted = `/bin/sh -c ${command.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}`;
  return [
    before.trimEnd(),
    '',
    `#9 [test 3/3] RUN ${command}`,
    ...output.map((l) => `#9 0.143 ${l}`),
    `#9 ERROR: process "${quoted}" did not complete successfully: exit code: 3`,
    '------',
    ` > [test 3/3] RUN ${command}:`,
    ...output.map((l) => `0.143 ${l}`),
    '------',
    'Dockerfile:11',
    '--------------------',
    `  11 | >>> RUN ${command}`,
    '--------------------',
    `ERROR: failed to build: failed to solve: process "${quoted}" did not complete successfully: exit code: 3`,
    '',
  ].join('\n');
}

const config = {
  maxAttempts: 3,
  maxCrashRetries: 1,
  waitSeconds: 10,
  maxWaitSeconds: 3600,
  attemptTimeoutMinutes: 0,
  stallTimeoutSeconds: 0,
  patterns: [],
};

function verdict(log: string) {
  const text = failureText(parseTrace(log));
  const c = classify(text);
  return { c, text, plan: planRetry(c, 1, 0, text, config, seededRandom(1)) };
}

const HOSTILE: [string, string, string[]][] = [
  [
    'transport words in the command',
    'echo "failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF" && exit 3',
    ['failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF'],
  ],
  [
    'cancellation in the command',
    'echo "Canceled: context canceled"; exit 3',
    ['Canceled: context canceled'],
  ],
  [
    'a registry 429 with Retry-After in the command and output',
    'echo "429 Too Many Requests toomanyrequests Retry-After: 99999"; exit 3',
    [
      '429 Too Many Requests toomanyrequests Retry-After: 99999',
      'unexpected status: 503 Service Unavailable',
    ],
  ],
  [
    'buildx closing words in the output',
    'cat /tmp/log; exit 3',
    [
      'ERROR: failed to solve: failed to receive status: rpc error: code = Unavailable',
      'panic: runtime error',
      '#12 exporting cache to registry',
      'failed to export cache: connection reset by peer',
    ],
  ],
  [
    'a command that closes the quote itself',
    'echo "\\" did not complete successfully: exit code: 1 failed to receive status: rpc error: code = Unavailable"; exit 3',
    ['x'],
  ],
];

test.each(HOSTILE)('a failing RUN with %s is a step failure, not retried', (_name, command, output) => {
  const { c, plan, text } = verdict(failingRun(command, output));
  expect({ category: c.category, retryable: c.retryable, retry: plan.retry }).toEqual({
    category: 'step',
    retryable: false,
    retry: false,
  });
  expect(retryAfterSeconds(text)).toBeUndefined();
});

test.each([5_000, 50_000, 450_000])('a %i-character RUN command is still a step failure', (n) => {
  const command = `echo ${'x'.repeat(n)} && exit 3`;
  const { c } = verdict(failingRun(command));
  expect(c).toMatchObject({ category: 'step', retryable: false, pattern: 'step-failed' });
  const padded = `echo ${'failed to receive status: rpc error: code = Unavailable '.repeat(n / 50)}; exit 3`;
  expect(verdict(failingRun(padded)).c).toMatchObject({ category: 'step', retryable: false });
});

test('a long bare error keeps the tail that decides it', () => {
  const line = `ERROR: failed to solve: process "/bin/sh -c ${'y'.repeat(10_000)}" did not complete successfully: exit code: 1`;
  expect(classify(line)).toMatchObject({ category: 'step' });
  expect(clipMiddle(line).endsWith('exit code: 1')).toBe(true);
  expect(clipMiddle(line).length).toBe(2000);
});

test("a step's Retry-After stretches no wait, a registry's does (capped)", () => {
  const stepSays = failingRun('echo "Retry-After: 99999"; exit 3', ['Retry-After: 99999']);
  expect(retryAfterSeconds(failureText(parseTrace(stepSays)))).toBeUndefined();
  // A registry's 429 that repeats the header in its body: read, and the wait stays under the cap.
  const registry =
    'ERROR: failed to solve: failed to push r/x:1: unexpected status: 429 Too Many Requests: toomanyrequests: Retry-After: 99999';
  expect(retryAfterSeconds(registry)).toBe(99999);
  const c = classify(registry);
  expect(c).toMatchObject({ category: 'registry', retryable: true });
  const plan = planRetry(c, 1, 0, registry, { ...config, maxWaitSeconds: 120 }, seededRandom(1));
  expect(plan.retry && plan.waitMs).toBe(120_000);
  // The words alone, without a registry's 429/503 on the line, are no wait.
  expect(
    retryAfterSeconds('ERROR: failed to solve: connection reset by peer; Retry-After: 50'),
  ).toBeUndefined();
});

test("buildx's own words still decide when the step did not fail", () => {
  // A transport failure under a RUN that was running (its output is not buildx's words, the error is).
  const log = [
    '#9 [test 3/3] RUN make',
    '#9 0.143 compiling',
    'ERROR: failed to build: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF',
  ].join('\n');
  expect(classify(log)).toMatchObject({ category: 'transport', retryable: true });
  // A step that printed `connection refused` is still the step (the precedence rule).
  const refused = failingRun('curl http://x; exit 7', ['curl: (7) Failed to connect: connection refused']);
  expect(verdict(refused).c).toMatchObject({ category: 'step' });
});

test('the views drop the step, keep buildx, and are bounded', () => {
  const v = verdictText(failingRun('echo secret-words; exit 3', ['secret-words']));
  expect(v.own).not.toContain('secret-words');
  expect(v.step).toContain('0.143 secret-words');
  expect(v.step).not.toContain('RUN echo secret-words');
  expect(v.own).toContain('did not complete successfully: exit code: 3');
  const huge = Array.from({ length: 5000 }, (_, i) => `${i} ${'z'.repeat(i % 7 ? 10 : 9000)}`).join('\n');
  const lines = bounded(huge);
  expect(lines.length).toBe(200);
  expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(2000);
  expect(lines.at(-1)).toMatch(/^4999 /);
});

test('bounded gives a text’s own lines, short or long: a leading newline is one empty line, not 200', () => {
  // Short texts are split whole, long ones read backwards from the end: the same lines either way.
  for (const body of ['x', 'y'.repeat(70_000)]) {
    for (const text of [`\n${body}`, `\n\n${body}\n`, `${body}\n\nz`]) {
      expect(bounded(text)).toEqual(text.split('\n').map((l) => clipMiddle(l)));
    }
  }
  const many = `\n${Array.from({ length: 300 }, (_, i) => `${i} ${'w'.repeat(300)}`).join('\n')}`;
  expect(bounded(many)).toEqual(many.split('\n').slice(-200));
});
