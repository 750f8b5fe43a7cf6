// `buildx-guard build` and `buildx-guard bake`: the action's pipeline (src/pipeline.ts) on the
// terminal. Flags are the action's inputs; no Actions cache, so no local build cache and no baseline.
import { nodesDownOutput, nodesTable } from '../builder/bootstrap.js';
import { checkContext } from '../attempts/run.js';
import { resolveBake } from '../attempts/bake.js';
import { Buildx } from '../buildx/buildx.js';
import { secretValues } from '../attempts/secrets.js';
import { parseConfig, type Config } from '../config/config.js';
import type { InputSource } from '../config/inputs.js';
import type { BakeDefinition } from '../attempts/bake.js';
import { failureMessage, runPipeline } from '../pipeline.js';
import { redactReport } from '../report/redact.js';
import { Redactor } from '../redact/redact.js';
import type { Command } from './command.js';
import { log, publishOnTerminal, withBuilder, writeOut } from './session.js';
import { Timings } from '../timings.js';
import type { LedgerStore } from '../ledger/store.js';
import { bootEntry, nodeIdentity } from '../ledger/entry.js';
import { recordAndSave } from '../ledger/ledger.js';
import { ledgerFlagStore, ledgerLine } from './ledger.js';

/** `build`'s config: the flags, and the context as the argument. */
export function buildConfig(flags: InputSource, positionals: string[]): Config {
  // --ledger is a file here (ledgerOf, checked before anything runs), not the action's boolean.
  return parseConfig((name) =>
    name === 'ledger' ? '' : (name === 'context' && !flags(name) && positionals[0]) || flags(name),
  );
}

/** `bake`'s config: the flags, and targets as arguments. */
export function bakeConfig(flags: InputSource, positionals: string[]): Config {
  const targets = [flags('targets'), ...positionals].filter(Boolean).join(',');
  // A bake with no bake input still bakes: the default group of the folder's bake file.
  return parseConfig(
    (name) =>
      (name === 'ledger' ? '' : name === 'targets' ? targets : flags(name)) ||
      (name === 'workdir' ? '.' : ''),
  );
}

export const buildCommand: Command = {
  usage:
    'buildx-guard build [--driver D --endpoint URL | --nodes YAML | --builder NAME] [--flags as the action inputs] [CONTEXT]',
  name: 'build',
  summary:
    'bootstrap, build with classified retry, print attempts, verdict and findings (--report-file FILE.md)',
  async run(flags, positionals) {
    const config = buildConfig(flags, positionals);
    const ledger = ledgerOf(flags);
    checkContext(config);
    return runOnTerminal(config, flags, ledger);
  },
};

export const bakeCommand: Command = {
  usage:
    'buildx-guard bake [--driver D --endpoint URL | --nodes YAML | --builder NAME] [--files F] [--set target.key=value] [--workdir DIR] [TARGET...]',
  name: 'bake',
  summary: 'docker buildx bake on a strictly verified builder, retried and reported per target',
  async run(flags, positionals) {
    const config = bakeConfig(flags, positionals);
    const ledger = ledgerOf(flags);
    const bake = await resolveBake(config.bake!, new Buildx(), {
      token: config.build.githubToken,
      allow: config.build.allow,
    });
    log(`bake targets: ${bake.targets.map((t) => t.name).join(', ')}`);
    return runOnTerminal(config, flags, ledger, bake);
  },
};

/** `--ledger FILE`, checked before anything runs (src/commands/ledger.ts); none without the flag. */
function ledgerOf(flags: (name: string) => string): LedgerStore | undefined {
  const file = flags('ledger');
  if (!file) return undefined;
  return ledgerFlagStore(file, log);
}

async function runOnTerminal(
  config: Config,
  flags: (name: string) => string,
  ledger: LedgerStore | undefined,
  bake?: BakeDefinition,
): Promise<number> {
  const timings = new Timings();
  const debug = (line: string) => {
    if (config.debug) log(line);
  };
  timings.mark(bake ? 'start-up, inputs and bake definition' : 'start-up and inputs');
  const code = await withBuilder(
    config,
    async (setup, deps) => {
      timings.mark('builder');
      log(nodesTable(setup.state));
      const result = await runPipeline(
        config,
        setup,
        deps,
        // --report-key names the report's marker as the action's input does.
        config.report.key ? `cli:${config.report.key}` : 'cli',
        {
          info: log,
          notice: log,
          out: log,
          group: async (name, fn) => {
            log(`--- ${name}`);
            return fn();
          },
          mask: () => {},
          workspace: process.cwd(),
          ...(ledger ? { ledger } : {}),
          debug,
        },
        bake,
      );
      timings.mark(bake ? 'bake' : 'build');
      // Redacted once: the terminal lines and the report file show the same model.
      const report = redactReport(result.report);
      if (result.preflight) log(result.preflight.message);
      for (const f of report.findings) {
        log(
          `${f.severity.padEnd(7)} ${f.rule.padEnd(20)} ${f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '-'}  ${f.title}`,
        );
      }
      if (report.ledger) log(ledgerLine(flags('ledger'), report.ledger.summary));
      const gate = await publishOnTerminal(report, config.report, flags('report-file'));
      if (gate) log(gate);
      const outcome = result.outcome;
      const redactor = new Redactor(secretValues(config.build));
      if (outcome && !outcome.success) log(redactor.text(failureMessage(outcome, report.findings)));
      const summary = {
        status: outcome?.success ? 'success' : 'failed',
        attempts: (outcome?.attempts ?? []).map((a) => ({
          number: a.number,
          exitCode: a.exitCode,
          durationMs: a.durationMs,
          category: a.classification?.category ?? null,
          decision: a.decision ?? null,
          ...(a.bake ? { bake: a.bake } : {}),
        })),
        failure: outcome?.failure ?? (result.preflight ? { category: result.preflight.category } : null),
        stopReason: outcome?.stopReason ?? result.preflight?.message ?? null,
        findings: report.findings.length,
        ...(gate ? { gate } : {}),
        imageid: outcome?.imageid ?? '',
        digest: outcome?.digest ?? '',
        ...(outcome?.targets ? { targets: outcome.targets } : {}),
      };
      // The verdict carries build text (why the retries stopped): redacted like the report.
      writeOut(redactor.value(summary));
      return outcome?.success && !gate ? 0 : 1;
    },
    // The same JSON verdict when the builder did not come up: the category says infrastructure.
    async (e) => {
      log(e.message);
      // The nodes that did not boot are this run's incidents in the --ledger file.
      if (ledger) {
        const view = await recordAndSave(
          ledger,
          (run) =>
            bootEntry(
              e.failed,
              e.state?.nodes ?? [],
              run,
              new Date(),
              nodeIdentity(config.builder.generatedNodeNames),
            ),
          secretValues(config.build),
          debug,
        );
        // The flaky findings too: a node dead at boot again is what flaky-node is for.
        for (const f of view.findings) log(`${f.severity.padEnd(7)} ${f.rule.padEnd(20)} -  ${f.title}`);
        log(ledgerLine(flags('ledger'), view.summary));
      }
      const verdict = {
        status: 'failed',
        attempts: [],
        failure: { category: 'builder', retryable: false, reason: 'the builder or a node is not running' },
        stopReason: e.message,
        findings: 0,
        imageid: '',
        digest: '',
        nodes: JSON.parse(nodesDownOutput(e)),
      };
      writeOut(new Redactor(secretValues(config.build)).value(verdict));
    },
  );
  timings.mark('cleanup');
  if (flags('timings') === 'true') log(timings.toString());
  return code;
}
