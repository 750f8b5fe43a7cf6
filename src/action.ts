import * as core from '@actions/core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buildx } from './buildx/buildx.js';
import {
  bootAndVerify,
  NodesDownError,
  nodesOutput,
  nodesTable,
  platformsOf,
  probeNodes,
  removeBuilder,
  setupBuilder,
  type BuilderDeps,
  type BuilderSetup,
} from './builder/bootstrap.js';
import { checkContext, runBuild, type BuildOutcome } from './build/run.js';
import { maskValue, secretValues } from './build/secrets.js';
import { parseConfig, type Config } from './config/config.js';
import { describeFsError, isUserError } from './config/errors.js';
import { GitHub, readContext, type GitHubContext } from './github/github.js';
import type { ReportInput } from './report/model.js';
import { publish } from './report/publish.js';
import {
  linksOf,
  loadDockerfile,
  reportFromBuild,
  reportFromMerge,
  reportFromNodes,
  reportKey,
} from './report/input.js';
import { runMerge } from './merge/merge.js';
import { missingPlatforms, missingPlatformsMessage } from './builder/platforms.js';
import { runsOnTargetPlatform } from './findings/dockerfile.js';
import { hostChecks } from './builder/host.js';
import { toBaseline } from './baseline/baseline.js';
import {
  baselineFolder,
  baselineKeys,
  cacheFolder,
  cacheKeys,
  localCacheArgs,
  restoreBaseline,
  restoreFolder,
  rotateLocalCache,
  saveBaseline,
  saveFolder,
} from './baseline/store.js';
import { UntrustedOutput } from './report/untrusted.js';
import { VERSION } from './version.js';

/** Keys of what the main phase saves for the post phase. */
const STATE = { builder: 'builder', cleanup: 'cleanup', tempDir: 'temp-dir' } as const;

/** The main phase: config → builder → build → trace → findings → report. */
export async function run(): Promise<void> {
  let config: Config | undefined;
  try {
    // Masked before anything can print them, even an input error.
    maskRawSecrets((name) => core.getInput(name));
    config = parseConfig((name) => core.getInput(name));
    for (const v of secretValues(config.build)) maskValue(v, core.setSecret);
    if (config.merge) return await merge(config);
    if (config.build.enabled) checkContext(config);
    const buildx = new Buildx();
    // Asked for alongside the bootstrap: only parsing old buildx output waits for it.
    const version = buildx.version();
    version.then((v) => core.info(`buildx ${v.raw}`)).catch((e) => core.debug(`buildx version: ${e}`));
    const tempDir = stepTempDir();
    core.saveState(STATE.tempDir, tempDir);
    core.saveState(STATE.cleanup, String(config.builder.cleanup));

    const deps: BuilderDeps = {
      buildx,
      version,
      tempDir,
      env: process.env,
      info: core.info,
      debug: core.debug,
      setSecret: core.setSecret,
    };
    const cfg = config;
    const setup = await core.group('Builder', () =>
      setupBuilder(cfg.builder, deps, (name) => core.saveState(STATE.builder, name)),
    );
    core.info(
      `Builder '${setup.name}' (${setup.driver}): every node is running.\n${nodesTable(setup.state)}`,
    );
    core.setOutput('name', setup.name);
    core.setOutput('driver', setup.driver);
    core.setOutput('platforms', platformsOf(setup.state).join(','));
    core.setOutput('nodes', nodesOutput(setup.state));
    if (!config.build.enabled) return;

    const key = reportKey(config, process.env, core.getInput('builder') || core.getInput('name'));
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const dockerfile = loadDockerfile(config, workspace);
    // Before any build step: a requested platform no running node serves would only fail later, when
    // a RUN executes on it (COPY-only and cross-compiled images need no node of that platform; a
    // Dockerfile that cannot be read here, a Git context, is not judged).
    const missing =
      dockerfile && runsOnTargetPlatform(dockerfile)
        ? missingPlatforms(config.build.platforms, setup.state.nodes)
        : [];
    if (missing.length) return await failPlatforms(config, key, setup, missing);
    const local = config.build.cacheMode === 'local' ? await restoreLocalCache(key) : undefined;
    const buildConfig = local
      ? {
          ...config,
          build: {
            ...config.build,
            cacheFrom: [...config.build.cacheFrom, ...local.args.cacheFrom],
            cacheTo: [...config.build.cacheTo, ...local.args.cacheTo],
          },
        }
      : config;
    // Read while the build runs: nothing waits for it.
    const host = hostChecks(setup.driver, (args) => buildx.docker(args, { timeoutMs: 15_000 })).catch(
      () => [],
    );
    const outcome = await build(buildConfig, setup, deps);
    if (local && outcome.success && rotateLocalCache(local.dir))
      await saveFolder(local.keys, local.dir, core.debug);
    core.setOutput('attempts', String(outcome.attempts.length));
    core.setOutput('failure-category', outcome.failure?.category ?? '');
    core.setOutput('metadata', outcome.metadata);
    core.setOutput('imageid', outcome.imageid);
    core.setOutput('digest', outcome.digest);
    const ctx = readContext();
    // The previous build of this key (base branch on a pull request), from the Actions cache.
    const keys = baselineKeys(process.env, key);
    const baselineDir = baselineFolder(key);
    const baseline = config.report.baseline
      ? await restoreBaseline(keys, baselineDir, core.debug)
      : undefined;
    const gate = await report(
      config,
      ctx,
      reportFromBuild({
        config,
        key,
        builder: { name: setup.name, driver: setup.driver },
        state: setup.state,
        outcome,
        workspace,
        ctx,
        secrets: secretValues(config.build),
        baseline,
        dockerfile,
        host: await host,
      }),
    );
    if (config.report.baseline && outcome.success) {
      const last = outcome.attempts[outcome.attempts.length - 1];
      const ref = `${process.env.GITHUB_HEAD_REF || (process.env.GITHUB_REF ?? '').replace(/^refs\/heads\//, '') || 'local'}@${(process.env.GITHUB_SHA ?? '').slice(0, 7)}`;
      await saveBaseline(keys, baselineDir, toBaseline(last.trace, dockerfile, ref), core.debug);
    }
    if (!outcome.success) core.setFailed(failureMessage(outcome));
    else if (gate) core.setFailed(gate);
  } catch (e) {
    if (e instanceof NodesDownError && config) {
      const ctx = readContext();
      await report(
        config,
        ctx,
        reportFromNodes({
          key: reportKey(config, process.env, core.getInput('builder') || core.getInput('name')),
          builder: e.builder,
          driver: config.builder.driver,
          failed: e.failed,
          ctx,
          secrets: secretValues(config.build),
        }),
      ).catch((err) => core.debug(`report: ${err}`));
    }
    fail(e);
  }
}

/** The platform preflight failed: category platform, no attempt ran, the report says why. */
async function failPlatforms(
  config: Config,
  key: string,
  setup: BuilderSetup,
  missing: string[],
): Promise<void> {
  const message = missingPlatformsMessage(missing, setup.state.nodes);
  core.setOutput('attempts', '0');
  core.setOutput('failure-category', 'platform');
  const ctx = readContext();
  await report(config, ctx, {
    key,
    status: 'failed',
    failure: { category: 'platform', reason: 'a requested platform has no node', message },
    attempts: [],
    builder: { name: setup.name, driver: setup.driver },
    nodes: setup.state.nodes,
    findings: [],
    stats: { durationMs: 0, steps: 0, cachedSteps: 0, contextBytes: 0, platforms: [] },
    steps: [],
    links: linksOf(ctx),
    secrets: secretValues(config.build),
  }).catch((e) => core.debug(`report: ${e}`));
  core.setFailed(message);
}

/** cache-mode: local: the buildx cache folder of the previous run of this build, if the cache has one. */
async function restoreLocalCache(key: string) {
  const dir = cacheFolder('buildcache', key);
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-new`, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const keys = cacheKeys('buildcache', process.env, key);
  const hit = await restoreFolder(keys, dir, core.debug);
  core.info(
    hit
      ? `cache-mode local: restored the build cache ${hit}.`
      : 'cache-mode local: no build cache to restore; starting cold.',
  );
  return { dir, keys, args: localCacheArgs(dir) };
}

/** The step's private folder in RUNNER_TEMP; an error names the folder and what is wrong with it. */
function stepTempDir(): string {
  const root = process.env.RUNNER_TEMP || tmpdir();
  try {
    return mkdtempSync(join(root, 'buildx-guard-'));
  } catch (e) {
    throw new Error(
      `Could not create the step's private folder in RUNNER_TEMP (${root}): ${describeFsError(e)}.`,
      { cause: e },
    );
  }
}

/** The raw secret inputs, masked before they are parsed (a malformed line is masked too). */
function maskRawSecrets(input: (name: string) => string): void {
  for (const line of input('secrets').split(/\r?\n/)) {
    const value = line.includes('=') ? line.slice(line.indexOf('=') + 1) : line;
    if (value.trim().length >= 3) maskValue(value.trim(), core.setSecret);
  }
  const token = input('github-token');
  if (token) core.setSecret(token);
}

/** Publishes the report to every channel; returns the fail-on-findings verdict, if any. */
async function report(
  config: Config,
  ctx: GitHubContext | undefined,
  input: ReportInput,
): Promise<string | undefined> {
  const token = config.build.githubToken;
  const result = await publish(input, config.report, {
    annotate: (severity, message, props) => {
      const fn = severity === 'error' ? core.error : severity === 'warning' ? core.warning : core.notice;
      fn(message, props);
    },
    writeSummary: async (markdown) => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    },
    notice: (m) => core.notice(m),
    info: core.info,
    github: ctx && token ? new GitHub(token, ctx) : undefined,
    version: VERSION,
  });
  return result.gate;
}

export function failureMessage(outcome: BuildOutcome): string {
  const n = outcome.attempts.length;
  const last = outcome.attempts[n - 1];
  const error = last?.trace.error ?? `buildx exited ${last?.exitCode}`;
  return `The build failed after ${n} attempt${n === 1 ? '' : 's'} (${outcome.failure?.category ?? 'unknown'}): ${error}. Not retried further: ${outcome.stopReason ?? 'unknown'}.`;
}

/** What a long-running stage needs: trusted and untrusted output, log groups, cancellation. */
interface StageIO {
  info: (line: string) => void;
  out: (line: string) => void;
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  signal: AbortSignal;
}

/**
 * Runs a stage that streams untrusted output (inside stop-commands) and stops on cancellation
 * (SIGINT/SIGTERM from the runner); the report is written after it returns.
 */
async function guarded<T>(fn: (io: StageIO) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  // on, not once: the runner sends SIGINT, then SIGTERM; both must reach us (the report is written
  // after buildx stops), neither may end Node.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const untrusted = new UntrustedOutput((t) => process.stdout.write(t));
  try {
    return await fn({
      info: (line) => {
        untrusted.close();
        core.info(line);
      },
      out: (line) => untrusted.line(line),
      group: async (name, inner) => {
        core.startGroup(name);
        try {
          return await inner();
        } finally {
          untrusted.close();
          core.endGroup();
        }
      },
      signal: abort.signal,
    });
  } finally {
    untrusted.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The build with classified retry; before a retry every node must be running again. */
function build(config: Config, setup: BuilderSetup, deps: BuilderDeps): Promise<BuildOutcome> {
  const builder = setup.name;
  return guarded((io) =>
    runBuild(config, builder, {
      ...io,
      buildx: deps.buildx,
      tempDir: deps.tempDir,
      mask: core.setSecret,
      probeNodes: (timeoutMs) => probeNodes(builder, setup.state.nodes, deps, timeoutMs),
      // A node that stays down ends the loop.
      recheckNodes: async () => {
        await bootAndVerify(builder, { ...config.builder, bootstrapRetries: 0 }, deps);
      },
    }),
  );
}

/** `merge-sources`: imagetools create with classified retry, verified strictly; no builder needed. */
async function merge(config: Config): Promise<void> {
  const buildx = new Buildx();
  const outcome = await guarded((io) => runMerge(config, { ...io, buildx }));
  core.setOutput('attempts', String(outcome.attempts.length));
  core.setOutput('failure-category', outcome.failure?.category ?? '');
  core.setOutput('metadata', outcome.metadata);
  core.setOutput('digest', outcome.digest);
  const ctx = readContext();
  const key = reportKey(config, process.env, 'merge');
  const gate = await report(
    config,
    ctx,
    reportFromMerge({ config, key, outcome, ctx, secrets: secretValues(config.build) }),
  );
  if (!outcome.success) {
    const n = outcome.attempts.length;
    const error = outcome.attempts[n - 1]?.trace.error ?? outcome.stopReason ?? 'imagetools create failed';
    core.setFailed(
      `The merge of ${config.merge!.sources.length} source(s) failed after ${n} attempt${n === 1 ? '' : 's'} (${outcome.failure?.category ?? 'unknown'}): ${error}. Not retried further: ${outcome.stopReason ?? 'unknown'}.`,
    );
  } else if (gate) core.setFailed(gate);
}

/** The post phase: removes what the main phase created, whatever its result (also when cancelled). */
export async function post(): Promise<void> {
  const builder = core.getState(STATE.builder);
  const tempDir = core.getState(STATE.tempDir);
  if (core.getState(STATE.cleanup) === 'false') {
    core.info(`cleanup is off: leaving builder '${builder}' and ${tempDir}`);
    return;
  }
  if (builder) {
    try {
      await removeBuilder(new Buildx(), builder);
      core.info(`Removed builder '${builder}'.`);
    } catch (e) {
      core.warning(`Cleanup: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}

/** One sentence for errors a user can fix; the stack trace only with debug logging on. */
export function fail(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof Error && e.stack && (core.isDebug() || !isUserError(e))) core.debug(e.stack);
  core.setFailed(message);
}
