// The canonical reports (issue 29), gathered the way the action gathers them: real buildx logs from
// __fixtures__/logs parsed, classified and analysed by src/, then turned into the report model by
// src/report/input.ts. Shared by the every-fact-once test, the render test and `npm run report:shots`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrace } from '../../src/trace/parser.js';
import { classify } from '../../src/diagnosis/classify.js';
import { parseConfig } from '../../src/config/config.js';
import { reportFromBuild, reportFromMerge, reportFromNodes } from '../../src/report/input.js';
import type { ReportInput } from '../../src/report/model.js';
import type { Attempt, BuildOutcome } from '../../src/attempts/run.js';
import type { GitHubContext } from '../../src/github/github.js';
import { repoRoot } from './paths.js';

const logs = join(repoRoot, '__fixtures__', 'logs');
// rawjson: what the action asks buildx for (src/attempts/args.ts).
export const log = (name: string, file = '0.29.1-rawjson.log') =>
  readFileSync(join(logs, name, file), 'utf8');

const ctx = {
  serverUrl: 'https://github.com',
  owner: 'octo',
  repo: 'app',
  headSha: '0123456789abcdef0123456789abcdef01234567',
  runUrl: 'https://github.com/octo/app/actions/runs/42',
} as GitHubContext;

const builder = { name: 'ci', driver: 'docker-container' };
const state = (platforms = ['linux/amd64']) => ({
  name: 'ci',
  driver: 'docker-container',
  unknown: [],
  nodes: [
    {
      name: 'ci0',
      endpoint: 'unix:///var/run/docker.sock',
      status: 'running',
      error: '',
      buildkit: 'v0.26.2',
      platforms,
    },
  ],
});

export function attempt(number: number, text: string, over: Partial<Attempt> = {}): Attempt {
  const trace = parseTrace(text);
  const failed = !!trace.error;
  return {
    number,
    exitCode: failed ? 1 : 0,
    durationMs: trace.durationMs || 1000,
    logFile: '',
    timedOut: false,
    cancelled: false,
    ...(failed ? { classification: classify(text) } : {}),
    trace,
    ...over,
  };
}

export function build(fixture: string, attempts: Attempt[], over: Partial<BuildOutcome> = {}): ReportInput {
  const dir = join(logs, fixture);
  const config = parseConfig((n) => ({ context: dir })[n] ?? '', {});
  const last = attempts[attempts.length - 1];
  const outcome: BuildOutcome = {
    success: last.exitCode === 0,
    attempts,
    ...(last.classification ? { failure: last.classification } : {}),
    metadata: '',
    imageid: '',
    digest: '',
    ...over,
  };
  return reportFromBuild({
    config,
    key: `build:ci:default:${fixture}`,
    builder,
    state: state(),
    outcome,
    workspace: dir,
    ctx,
    secrets: [],
  });
}

export const CASES: Record<string, () => ReportInput> = {
  /** A green build on two platforms: notices only. */
  green: () => build('two-node', [attempt(1, log('two-node'))]),
  /** A green build with a cache break (a warning) and two slow steps (notices). */
  'green-warnings': () => build('cache-break', [attempt(1, log('cache-break'))]),
  /** A green build after a transient failure, with two build-check warnings. */
  'green-after-retry': () =>
    build('lint', [
      attempt(1, log('transport'), {
        decision: 'retried after 2.0 s: the connection to BuildKit was lost (transient)',
        waitMs: 2000,
      }),
      attempt(2, log('lint')),
    ]),
  /** A failed RUN: its last lines, the error, the category. */
  'failed-step': () =>
    build('failing-run', [
      attempt(1, log('failing-run'), { decision: 'stopped: a build step exited non-zero' }),
    ]),
  /** A builder whose second node is down: no build ran. */
  'failed-node': () =>
    reportFromNodes({
      key: 'build:ci:default:Dockerfile',
      builder: 'multi',
      driver: 'remote',
      failed: [
        {
          name: 'arm64',
          endpoint: 'tcp://10.0.0.2:1234',
          driver: 'remote',
          status: 'inactive',
          reason: 'dial tcp 10.0.0.2:1234: connect: connection refused',
          hint: 'Check that buildkitd listens on 10.0.0.2:1234 and that the runner can reach it.',
        },
      ],
      ctx,
      secrets: [],
    }),
  /** A bake whose `test` target failed, `app` built. */
  'failed-bake-target': () => {
    const report = build(
      'bake-failing',
      [attempt(1, log('bake-failing'), { decision: 'stopped: a build step exited non-zero' })],
      {
        targets: [
          { name: 'app', status: 'success', digest: 'sha256:' + 'a'.repeat(64), imageid: '' },
          { name: 'test', status: 'failed', digest: '', imageid: '' },
        ],
      },
    );
    return report;
  },
  /** A merge of two platform images into one index. */
  merge: () => {
    const text = '#1 [internal] pushing 127.0.0.1:5000/app:1\n#1 DONE 0.4s\n';
    const config = parseConfig(
      (n) =>
        ({
          'merge-sources': `127.0.0.1:5000/app@sha256:${'a'.repeat(64)}\n127.0.0.1:5000/app@sha256:${'b'.repeat(64)}`,
          tags: '127.0.0.1:5000/app:1',
        })[n] ?? '',
      {},
    );
    return reportFromMerge({
      config,
      key: 'merge:ci',
      outcome: {
        success: true,
        attempts: [{ number: 1, exitCode: 0, durationMs: 1400, trace: parseTrace(text) } as never],
        digest: `sha256:${'c'.repeat(64)}`,
        platforms: ['linux/amd64', 'linux/arm64'],
        metadata: '',
      },
      ctx,
      secrets: [],
    });
  },
};
