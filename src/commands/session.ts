// What `build` and `doctor` share: a builder set up for the command, a node that stays down printed
// as the command's verdict (exit 3: infrastructure, not the build), and cleanup of what the command
// created.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buildx } from '../buildx/buildx.js';
import {
  NodesDownError,
  removeBuilder,
  setupBuilder,
  type BuilderDeps,
  type BuilderSetup,
} from '../builder/bootstrap.js';
import type { Config, ReportConfig } from '../config/config.js';
import type { ReportInput } from '../report/model.js';
import { publish } from '../report/publish.js';
import { VERSION } from '../version.js';
import { derive, type Redacted } from '../redact/redact.js';
import { terminal } from '../joblog.js';

export const log = (line: string) => terminal.err(`${line}\n`);

/** The exit code when the builder or a node did not come up (1 is the build's own failure). */
export const EXIT_BUILDER = 3;

export async function withBuilder(
  config: Config,
  fn: (setup: BuilderSetup, deps: BuilderDeps) => Promise<number>,
  /** Prints the command's verdict when the builder did not come up; default: the message. */
  onDown: (e: NodesDownError) => void | Promise<void> = (e) => terminal.out(`${e.message}\n`),
): Promise<number> {
  const buildx = new Buildx();
  // On the command line the version comes first: without the buildx plugin, that is the one sentence.
  const version = Promise.resolve(await buildx.version());
  const tempDir = privateTempDir();
  // Ctrl-C or a kill ends Node before `finally` runs: the folder (it holds the secrets' files) goes first.
  const onSignal = (sig: NodeJS.Signals) => {
    rmSync(tempDir, { recursive: true, force: true });
    process.kill(process.pid, sig);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const deps: BuilderDeps = {
    buildx,
    version,
    tempDir,
    env: process.env,
    info: log,
    debug: config.debug ? log : () => {},
  };
  let created = '';
  try {
    const setup = await setupBuilder(config.builder, deps, (name) => (created = name));
    return await fn(setup, deps);
  } catch (e) {
    if (!(e instanceof NodesDownError)) throw e;
    await onDown(e);
    return EXIT_BUILDER;
  } finally {
    if (created && config.builder.cleanup)
      await removeBuilder(buildx, created).catch((e) => log(`cleanup: ${e.message}`));
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/**
 * The command's private folder (mkdtemp: 0700), in RUNNER_TEMP inside a GitHub job, else in the
 * system's temporary folder; removed when the command ends, also on SIGINT/SIGTERM.
 */
export function privateTempDir(env: NodeJS.ProcessEnv = process.env): string {
  return mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'buildx-guard-'));
}

/** The terminal's JSON verdict (stdout): redacted values only. */
export function writeOut(verdict: Redacted<object>): void {
  terminal.out(derive(verdict, (v) => `${JSON.stringify(v, null, 2)}\n`));
}

/** `--report-file`: redacted text only. */
function writeReport(path: string, text: Redacted<string>): void {
  writeFileSync(path, text);
}

/**
 * The report settings on the terminal: the report file is the job summary; there is no comment,
 * check run or annotation (those inputs are not flags of the CLI: declaration.ts).
 */
export function terminalReport(cfg: ReportConfig, reportFile: string): ReportConfig {
  return {
    ...cfg,
    summary: reportFile ? 'full' : 'off',
    comment: 'off',
    checkRun: false,
    annotations: false,
  };
}

/**
 * The action's own publishing on the terminal: the report file is the job summary, and SARIF and the
 * fail-on-findings gate work as in the action; there are no annotations, comment or check run.
 * Returns the gate's sentence when findings fail the command.
 */
export async function publishOnTerminal(
  report: ReportInput,
  cfg: ReportConfig,
  reportFile: string,
): Promise<string | undefined> {
  const { gate } = await publish(report, terminalReport(cfg, reportFile), {
    annotate: () => {},
    writeSummary: async (markdown) => {
      writeReport(reportFile, markdown);
      log(`Markdown report: ${reportFile}`);
    },
    notice: log,
    info: log,
    version: VERSION,
  });
  return gate;
}
