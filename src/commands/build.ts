// `buildx-guard build` and `buildx-guard bake`: the action's pipeline (src/pipeline.ts) on the
// terminal. Flags are the action's inputs; no Actions cache, so no local build cache and no baseline.
import { nodesDownOutput, nodesTable } from '../builder/bootstrap.js';
import { checkContext } from '../attempts/run.js';
import { resolveBake } from '../attempts/bake.js';
import { Buildx } from '../buildx/buildx.js';
import { UserError } from '../config/errors.js';
import { secretValues } from '../attempts/secrets.js';
import { parseConfig, type Config } from '../config/config.js';
import type { BakeDefinition } from '../attempts/bake.js';
import { failureMessage, runPipeline } from '../pipeline.js';
import { redactReport } from '../report/redact.js';
import { Redactor } from '../redact/redact.js';
import { DEBUG_FLAG, inputFlags, type Command } from './command.js';
import { log, publishOnTerminal, withBuilder, writeOut } from './session.js';
import { Timings } from '../timings.js';

const TIMINGS_FLAG = { boolean: true, help: 'print where the time went, phase by phase (to stderr)' };

const BUILDER_FLAGS = {
  driver: 'docker-container, remote, kubernetes or docker',
  endpoint: 'the single node (tcp://host:port, or a Docker context)',
  nodes: 'the nodes, as YAML',
  builder: 'an existing builder to verify and use',
  push: 'push the image',
  'max-attempts': 'attempts at most (transient failures only are retried)',
  'stall-timeout-seconds': 'seconds of silence before the nodes are probed (0: off)',
  'sarif-file': 'write the findings as SARIF here (a path inside the current folder)',
  'fail-on-findings': 'exit 1 when a finding has this severity or worse: error, warning, none (default)',
};

export const buildCommand: Command = {
  usage:
    'buildx-guard build [--driver D --endpoint URL | --nodes YAML | --builder NAME] [--flags as the action inputs] [CONTEXT]',
  flags: {
    ...inputFlags({
      ...BUILDER_FLAGS,
      file: 'the Dockerfile (default CONTEXT/Dockerfile)',
      tags: 'image tags (repeat the flag for several)',
      platforms: 'platforms to build, comma-separated',
      'build-args': 'KEY=value (repeat the flag for several)',
    }),
    'report-file': { help: 'write the Markdown report (what the PR comment and summary show) here' },
    timings: TIMINGS_FLAG,
    debug: DEBUG_FLAG,
  },
  summary:
    'bootstrap, build with classified retry, print attempts, verdict and findings (--report-file FILE.md)',
  async run(flags, positionals) {
    const config = parseConfig(
      (name) => (name === 'context' && !flags(name) && positionals[0]) || flags(name),
    );
    if (config.bake) {
      throw new UserError(
        `'buildx-guard build' builds one image; run 'buildx-guard bake' for --files, --targets, --set, --workdir and --source.`,
        'targets',
      );
    }
    if (config.merge) throw mergeElsewhere();
    checkContext(config);
    return runOnTerminal(config, flags);
  },
};

export const bakeCommand: Command = {
  usage:
    'buildx-guard bake [--driver D --endpoint URL | --nodes YAML | --builder NAME] [--files F] [--set target.key=value] [--workdir DIR] [TARGET...]',
  flags: {
    ...inputFlags({
      ...BUILDER_FLAGS,
      files: 'bake files (default docker-bake.hcl, compose.yaml, … in the working folder)',
      targets: 'targets or groups, comma-separated (or give them as arguments)',
      set: 'override a target field, target.key=value (repeat the flag for several)',
      workdir: 'the folder bake runs in (default the current one)',
      source: 'a remote bake definition (a Git URL)',
      'bake-isolation': 'targets: each target its own bake with its own attempts (default none: one bake)',
      'bake-parallelism': 'with --bake-isolation targets: bakes at once at most (default 0: all)',
    }),
    'report-file': { help: 'write the Markdown report (what the PR comment and summary show) here' },
    timings: TIMINGS_FLAG,
    debug: DEBUG_FLAG,
  },
  summary: 'docker buildx bake on a strictly verified builder, retried and reported per target',
  async run(flags, positionals) {
    const targets = [flags('targets'), ...positionals].filter(Boolean).join(',');
    // A bake with no bake input still bakes: the default group of the folder's bake file.
    const config = parseConfig(
      (name) => (name === 'targets' ? targets : flags(name)) || (name === 'workdir' ? '.' : ''),
    );
    if (flags('merge-sources')) throw mergeElsewhere();
    const bake = await resolveBake(config.bake!, new Buildx(), { token: config.build.githubToken });
    log(`bake targets: ${bake.targets.map((t) => t.name).join(', ')}`);
    return runOnTerminal(config, flags, bake);
  },
};

/** `--merge-sources` is the action's input; on the command line merging is its own command. */
function mergeElsewhere(): UserError {
  return new UserError(
    "Input 'merge-sources' merges images, which 'buildx-guard build' and 'bake' do not: run 'buildx-guard merge --sources REF --sources REF --tags REF'.",
    'merge-sources',
  );
}

async function runOnTerminal(
  config: Config,
  flags: (name: string) => string,
  bake?: BakeDefinition,
): Promise<number> {
  const timings = new Timings();
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
          out: log,
          group: async (name, fn) => {
            log(`--- ${name}`);
            return fn();
          },
          mask: () => {},
          workspace: process.cwd(),
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
    (e) => {
      log(e.message);
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
