// `buildx-guard merge --sources … --tags …`: the action's `merge-sources` on the terminal. The same
// merge module (imagetools create with the build's classified retry, then the strict read-back),
// the same report (--report-file, --sarif-file, --fail-on-findings) and exit codes as `build`.
import { secretValues } from '../attempts/secrets.js';
import { Buildx } from '../buildx/buildx.js';
import { parseConfig } from '../config/config.js';
import { UserError } from '../config/errors.js';
import { mergeFailureMessage, runMerge } from '../merge/merge.js';
import { reportFromMerge } from '../report/input.js';
import { redactReport } from '../report/redact.js';
import { Redactor } from '../redact/redact.js';
import { DEBUG_FLAG, type Command, type FlagSpec } from './command.js';
import { log, publishOnTerminal, writeOut } from './session.js';

const flag = (help: string, boolean = false): FlagSpec => ({ help, ...(boolean ? { boolean } : {}) });

export const mergeCommand: Command = {
  usage:
    'buildx-guard merge --sources REF [--sources REF ...] --tags REF [--tags REF ...] [--annotations A] [--max-attempts N]',
  flags: {
    sources: flag(
      'an image to merge, name:tag or name@sha256:… (repeat the flag; the action calls it merge-sources)',
    ),
    tags: flag('where the merged index is pushed (repeat the flag for several repositories or tags)'),
    annotations: flag('an annotation of the index, index:key=value (repeat the flag for several)'),
    'max-attempts': flag('attempts at most (transient failures only are retried)'),
    'retry-wait-seconds': flag('seconds before the first retry (doubling, with jitter)'),
    'retry-patterns': flag('extra regular expressions whose match makes a failure retryable'),
    'attempt-timeout-minutes': flag('minutes one attempt may take'),
    'report-file': flag('write the Markdown report (what the PR comment and summary show) here'),
    'sarif-file': flag('write the findings as SARIF here (a path inside the current folder)'),
    'fail-on-findings': flag('exit 1 when a finding has this severity or worse: error, warning, none'),
    debug: DEBUG_FLAG,
  },
  summary:
    'merge images pushed by digest (one per platform) into one index on every tag, retried and read back strictly',
  async run(flags) {
    if (!flags('sources'))
      throw new UserError(
        '--sources is required: the images to merge, one flag each (name@sha256:… as each platform job pushed it).',
        'sources',
      );
    const config = parseConfig((name) => (name === 'merge-sources' ? flags('sources') : flags(name)));
    const outcome = await runMerge(config, {
      buildx: new Buildx(),
      info: log,
      out: log,
      group: async (name, fn) => {
        log(`--- ${name}`);
        return fn();
      },
    });
    const report = redactReport(
      reportFromMerge({ config, key: 'cli:merge', outcome, secrets: secretValues(config.build) }),
    );
    const gate = await publishOnTerminal(report, config.report, flags('report-file'));
    const redactor = new Redactor(secretValues(config.build));
    if (!outcome.success) log(redactor.text(mergeFailureMessage(config.merge!.sources.length, outcome)));
    if (gate) log(gate);
    const verdict = {
      status: outcome.success ? 'success' : 'failed',
      attempts: outcome.attempts.map((a) => ({
        number: a.number,
        exitCode: a.exitCode,
        durationMs: a.durationMs,
        category: a.classification?.category ?? null,
        decision: a.decision ?? null,
      })),
      failure: outcome.failure ?? null,
      stopReason: outcome.stopReason ?? null,
      digest: outcome.digest,
      platforms: outcome.platforms,
      tags: config.build.tags,
      ...(gate ? { gate } : {}),
    };
    writeOut(redactor.value(verdict));
    return outcome.success && !gate ? 0 : 1;
  },
};
