// `buildx-guard merge --sources … --tags …`: the action's `merge-sources` on the terminal. The same
// merge module (imagetools create with the build's classified retry, then the strict read-back),
// the same report (--report-file, --sarif-file, --fail-on-findings) and exit codes as `build`.
import { secretValues } from '../attempts/secrets.js';
import { Buildx } from '../buildx/buildx.js';
import { parseConfig, type Config } from '../config/config.js';
import type { InputSource } from '../config/inputs.js';
import { UserError } from '../config/errors.js';
import { mergeFailureMessage, runMerge } from '../merge/merge.js';
import { reportFromMerge } from '../report/input.js';
import { redactReport } from '../report/redact.js';
import { Redactor } from '../redact/redact.js';
import type { Command } from './command.js';
import { log, publishOnTerminal, writeOut } from './session.js';

/** `merge`'s config: --sources is the action's merge-sources. */
export function mergeConfig(flags: InputSource): Config {
  return parseConfig((name) => (name === 'merge-sources' ? flags('sources') : flags(name)));
}

export const mergeCommand: Command = {
  usage:
    'buildx-guard merge --sources REF [--sources REF ...] --tags REF [--tags REF ...] [--annotations A] [--max-attempts N]',
  name: 'merge',
  summary:
    'merge images pushed by digest (one per platform) into one index on every tag, retried and read back strictly',
  async run(flags) {
    if (!flags('sources'))
      throw new UserError(
        '--sources is required: the images to merge, one flag each (name@sha256:… as each platform job pushed it).',
        'sources',
      );
    const config = mergeConfig(flags);
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
