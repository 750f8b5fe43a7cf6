// The main phase after the builder is verified, one sequence for the action and for
// `buildx-guard build`: platform preflight → optional local build cache → build with classified
// retry (node re-check, stall probe) → host checks → baseline → the report. The adapters give it
// their I/O (PipelineIO) and publish what it returns.
import { toBaseline, type Baseline } from './baseline/baseline.js';
import { runBuild, type BuildOutcome } from './attempts/run.js';
import { recordReader } from './attempts/record.js';
import { bootAndVerify, probeNodes, type BuilderDeps, type BuilderSetup } from './builder/bootstrap.js';
import { deferredHostChecks, hostChecks } from './builder/host.js';
import { missingPlatforms, missingPlatformsMessage } from './builder/platforms.js';
import type { Config } from './config/config.js';
import { runsOnTargetPlatform } from './findings/dockerfile.js';
import type { GitHubContext } from './github/github.js';
import {
  attemptRows,
  isolatedTrace,
  linksOf,
  loadBakeDockerfiles,
  loadDockerfile,
  reportFromBuild,
  reportFromIsolated,
} from './report/input.js';
import { bakeUnits, type BakeDefinition } from './attempts/bake.js';
import { combineOutcomes, runIsolated } from './attempts/isolated.js';
import type { DockerfileModel } from './findings/dockerfile.js';
import type { ReportInput } from './report/model.js';
import { secretValues } from './attempts/secrets.js';
import { Redactor, type Redacted } from './redact/redact.js';
import type { Finding } from './findings/types.js';
import { buildEntry, nodeIdentity } from './ledger/entry.js';
import { pushHosts } from './diagnosis/stall.js';
import { recordRun, restoreLedger, saveLedger, type LedgerView } from './ledger/ledger.js';
import type { Ledger } from './ledger/window.js';
import type { LedgerStore } from './ledger/store.js';

/**
 * The Actions cache, where the adapter has one (the action): the local build cache, and the run's
 * entry (src/ledger/store.ts) that keeps the baseline and the ledger side by side.
 */
export interface PipelineCache {
  /** cache-mode local: restores the buildx cache folder; its cache-from/cache-to arguments. */
  restoreLocal(): Promise<{ cacheFrom: string[]; cacheTo: string[]; save: () => Promise<void> }>;
  restoreBaseline(): Promise<Baseline | undefined>;
  /** The ledger in the same entry, when the step keeps one (`ledger: true`). */
  ledger?: LedgerStore;
  /**
   * The run's one save of its entry: a successful build's baseline and the ledger's window. Saved
   * only redacted: a step name can carry a secret build-arg (`WORKDIR /tmp/${API_TOKEN}`).
   */
  saveKept(parts: { baseline?: Redacted<Baseline>; ledger?: Redacted<Ledger> }): Promise<void>;
}

/**
 * How long a build runs before the host is read beside it (`docker info` starts the Docker CLI,
 * which also scans its plugins: about 100 ms of CPU that a warm, cached build would wait for).
 */
const HOST_READING_DELAY_MS = 1_000;

export interface PipelineIO {
  info: (line: string) => void;
  /** A problem of buildx-guard's own that leaves the build's result as it is (a notice in the action). */
  notice: (line: string) => void;
  /** Untrusted build output. */
  out: (line: string) => void;
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  mask: (value: string) => void;
  signal?: AbortSignal;
  workspace: string;
  ctx?: GitHubContext;
  cache?: PipelineCache;
  /** The run's ref for the baseline (`branch@sha`). */
  ref?: string;
  /**
   * The flake ledger's store where it is not the cache's (the CLI's `--ledger FILE`; docs/ledger.md);
   * absent, with no `cache.ledger`: no ledger (`ledger: false`).
   */
  ledger?: LedgerStore;
  debug?: (line: string) => void;
}

export interface PipelineResult {
  /** Absent when the preflight stopped the step before any build. */
  outcome?: BuildOutcome;
  /** The preflight's verdict, when it stopped the step. */
  preflight?: { category: 'platform'; message: string };
  report: ReportInput;
  /** The flake ledger's window and this run's entry, when the step keeps one. */
  ledger?: LedgerView;
}

export async function runPipeline(
  config: Config,
  setup: BuilderSetup,
  deps: BuilderDeps,
  key: string,
  io: PipelineIO,
  /** The resolved bake definition, when the step bakes (config.bake). */
  bake?: BakeDefinition,
): Promise<PipelineResult> {
  const dockerfiles = bake ? loadBakeDockerfiles(bake, io.workspace) : undefined;
  // A bake of one target names no steps by target: its Dockerfile is the build's.
  const only = bake?.targets.length === 1 ? dockerfiles?.[bake.targets[0].name] : undefined;
  const dockerfile = bake ? only : loadDockerfile(config, io.workspace);
  // A requested platform no running node serves fails later, when a RUN executes on it; COPY-only
  // and cross-compiled images need no node of that platform, and a Git context is not judged.
  const runsOn = (df?: DockerfileModel) => !!df && runsOnTargetPlatform(df);
  const wanted = bake
    ? [...new Set(bake.targets.filter((t) => runsOn(dockerfiles?.[t.name])).flatMap((t) => t.platforms))]
    : runsOn(dockerfile)
      ? config.build.platforms
      : [];
  const missing = missingPlatforms(wanted, setup.state.nodes);
  if (missing.length) {
    const message = missingPlatformsMessage(missing, setup.state.nodes, setup.driver);
    return {
      preflight: { category: 'platform', message },
      report: preflightReport(config, key, setup, message, io),
    };
  }
  const local = config.build.cacheMode === 'local' && io.cache ? await io.cache.restoreLocal() : undefined;
  // A cancellation while the restore waited: no build is started (the restore stopped waiting on it).
  if (io.signal?.aborted) throw new Error('The job was cancelled before the build started.');
  const buildConfig: Config = local
    ? {
        ...config,
        build: {
          ...config.build,
          cacheFrom: [...config.build.cacheFrom, ...local.cacheFrom],
          cacheTo: [...config.build.cacheTo, ...local.cacheTo],
        },
      }
    : config;
  // Read while the build runs: nothing waits for them. The baseline is restored from the Actions
  // cache meanwhile (a restore that fails is no baseline); the host is read once the build has run
  // a while, or after it failed.
  const restoring = config.report.baseline ? io.cache?.restoreBaseline().catch(() => undefined) : undefined;
  const debug = io.debug ?? (() => {});
  // The cache's ledger rides in the baseline's entry: both are restored by one call, saved by one.
  const ledgerStore = io.cache?.ledger ?? io.ledger;
  const ledgerRestoring = restoreLedger(ledgerStore, debug);
  const host = deferredHostChecks(
    () => hostChecks(setup.driver, (args) => deps.buildx.docker(args, { timeoutMs: 15_000 })),
    HOST_READING_DELAY_MS,
  );
  const buildDeps = {
    ...io,
    buildx: deps.buildx,
    tempDir: deps.tempDir,
    // Before a retry every node must be running again; one that stays down ends the loop.
    recheckNodes: async () => {
      await bootAndVerify(setup.name, { ...config.builder, bootstrapRetries: 0 }, deps);
    },
    probeNodes: (timeoutMs: number) => probeNodes(setup.name, setup.state.nodes, deps, timeoutMs),
    readRecord: recordReader(deps.buildx, setup.name, deps.version, deps.debug, io.signal),
  };
  // bake-isolation targets: independent bakes, each with its own attempts (one bake when the
  // targets are all linked to each other).
  const units = bake && config.bake?.isolation === 'targets' ? bakeUnits(bake) : [];
  const isolated =
    bake && units.length > 1 ? await runIsolated(buildConfig, setup.name, buildDeps, bake, units) : undefined;
  const outcome = isolated
    ? combineOutcomes(isolated)
    : await runBuild(buildConfig, setup.name, buildDeps, bake);
  if (local && outcome.success) await local.save();
  const baseline = await restoring;
  const reportOptions = {
    config,
    key,
    builder: { name: setup.name, driver: setup.driver },
    state: setup.state,
    workspace: io.workspace,
    ctx: io.ctx,
    secrets: secretValues(config.build),
    baseline,
    dockerfile,
    ...(dockerfiles ? { dockerfiles } : {}),
    host: await host.settle(outcome.success),
  };
  // The build's result is decided; the report only tells it. Reading the log, the Dockerfile and
  // the findings can meet what nobody foresaw: that costs the report its detail, never the result.
  let report: ReportInput;
  try {
    report = isolated
      ? reportFromIsolated({ ...reportOptions, run: isolated, outcome })
      : reportFromBuild({ ...reportOptions, outcome });
  } catch (e) {
    io.notice(
      `buildx-guard could not analyse this build (the build result is unchanged; the report has its outcome only): ${describe(e, config)}`,
    );
    report = bareReport(config, key, setup, io, {
      status: outcome.success ? 'success' : 'failed',
      ...(outcome.success
        ? {}
        : {
            failure: {
              category: outcome.failure?.category ?? 'unknown',
              reason: outcome.failure?.reason ?? 'unknown',
              message: failureMessage(outcome),
            },
          }),
      attempts: attemptRows(outcome.attempts),
    });
  }
  // The flake ledger: this run's incidents appended to the window. Like the report, it never
  // changes the result: an error nobody foresaw is a notice.
  let recorded: Awaited<ReturnType<typeof recordRun>> | undefined;
  try {
    recorded = ledgerStore
      ? await recordRun(
          ledgerRestoring,
          buildEntry(
            outcome,
            setup.state.nodes,
            buildPlatforms(config, bake),
            ledgerStore.run,
            new Date(),
            nodeIdentity(config.builder.generatedNodeNames),
            pushesTo(config, bake),
          ),
          secretValues(config.build),
        )
      : undefined;
  } catch (e) {
    io.notice(
      `buildx-guard could not record this run in the flake ledger (the build result is unchanged): ${describe(e, config)}`,
    );
  }
  const ledger = recorded?.view;
  report = withLedger(report, ledger);
  let baselineToSave: Redacted<Baseline> | undefined;
  if (config.report.baseline && outcome.success && io.cache) {
    try {
      const last = outcome.attempts[outcome.attempts.length - 1];
      baselineToSave = new Redactor(secretValues(config.build)).value(
        toBaseline(
          isolated ? isolatedTrace(isolated) : last.trace,
          { dockerfile, dockerfiles },
          io.ref ?? 'local',
        ),
      );
    } catch (e) {
      io.notice(
        `buildx-guard could not save the baseline (the build result is unchanged): ${describe(e, config)}`,
      );
    }
  }
  // One save: the cache's entry takes the baseline and its ledger together; a ledger of its own
  // (the CLI's file) is saved apart.
  const kept = {
    ...(baselineToSave ? { baseline: baselineToSave } : {}),
    ...(io.cache?.ledger && recorded ? { ledger: recorded.ledger } : {}),
  };
  if (io.cache && (kept.baseline || kept.ledger)) {
    try {
      await io.cache.saveKept(kept);
    } catch (e) {
      const what = [kept.baseline && 'the baseline', kept.ledger && 'the flake ledger'].filter(Boolean);
      io.notice(
        `buildx-guard could not save ${what.join(' or ')} (the build result is unchanged): ${describe(e, config)}`,
      );
    }
  }
  if (ledgerStore && ledgerStore !== io.cache?.ledger && recorded)
    await saveLedger(ledgerStore, recorded.ledger, debug);
  return { outcome, report, ...(ledger ? { ledger } : {}) };
}

/** The report with the ledger's window, this run's entry and the flaky findings (every adapter). */
export function withLedger(input: ReportInput, view: LedgerView | undefined): ReportInput {
  return view
    ? {
        ...input,
        findings: [...input.findings, ...view.findings],
        ledger: { summary: view.summary, entry: view.entry },
      }
    : input;
}

/** The registry hosts a build pushes its tags to (none for a bake: each target has its own). */
function pushesTo(config: Config, bake?: BakeDefinition): string[] {
  const pushes = config.build.push || config.build.outputs.some((o) => /(^|,)push=true(,|$)/.test(o));
  return !bake && pushes ? pushHosts(config.build.tags) : [];
}

/** The platforms the build asked for (a bake's, across its targets). */
function buildPlatforms(config: Config, bake?: BakeDefinition): string[] {
  return bake ? [...new Set(bake.targets.flatMap((t) => t.platforms))] : config.build.platforms;
}

/** An unforeseen error in one sentence, redacted (it can quote a step name or a log line). */
function describe(e: unknown, config: Config): string {
  return new Redactor(secretValues(config.build)).text(e instanceof Error ? e.message : String(e));
}

function preflightReport(
  config: Config,
  key: string,
  setup: BuilderSetup,
  message: string,
  io: PipelineIO,
): ReportInput {
  return bareReport(config, key, setup, io, {
    status: 'failed',
    failure: { category: 'platform', reason: 'a requested platform has no node', message },
    attempts: [],
  });
}

/** A report of the outcome alone: no steps, no findings (the preflight, or an analysis that failed). */
function bareReport(
  config: Config,
  key: string,
  setup: BuilderSetup,
  io: PipelineIO,
  outcome: Pick<ReportInput, 'status' | 'failure' | 'attempts'>,
): ReportInput {
  return {
    key,
    ...outcome,
    builder: { name: setup.name, driver: setup.driver },
    nodes: setup.state.nodes,
    findings: [],
    stats: { durationMs: 0, steps: 0, cachedSteps: 0, contextBytes: 0, platforms: [] },
    steps: [],
    links: linksOf(io.ctx),
    secrets: secretValues(config.build),
  };
}

/**
 * The step's error for a failed build: attempts, category, the error, why it stopped. Isolated
 * bakes name each failed target with its category and failing line (from `findings`).
 */
export function failureMessage(outcome: BuildOutcome, findings: Finding[] = []): string {
  const isolated = outcome.targets?.some((t) => t.attempts !== undefined);
  if (isolated && outcome.targets) {
    const failed = outcome.targets.filter((t) => t.status === 'failed');
    const named = failed.map((t) => {
      const at = findings.find((f) => f.rule === 'build-failed' && f.target === t.name && f.file);
      const where = at ? `, ${at.file}${at.line ? `:${at.line}` : ''}` : '';
      return `${t.name} (${t.category ?? 'unknown'}${where})`;
    });
    const last = outcome.attempts.filter((a) => a.bake === failed[0]?.bake).pop();
    const error = last?.trace.error ? ` First error (${failed[0].name}): ${last.trace.error}.` : '';
    return `${failed.length} of ${outcome.targets.length} targets failed: ${named.join(', ')}; the other targets ran to the end.${error}`;
  }
  const n = outcome.attempts.length;
  const last = outcome.attempts[n - 1];
  const error = last?.trace.error ?? `buildx exited ${last?.exitCode}`;
  const failed = outcome.targets?.filter((t) => t.status === 'failed').map((t) => t.name) ?? [];
  const what = outcome.targets
    ? `The bake${failed.length ? ` (failed: target${failed.length === 1 ? '' : 's'} ${failed.join(', ')})` : ''}`
    : 'The build';
  return `${what} failed after ${n} attempt${n === 1 ? '' : 's'} (${outcome.failure?.category ?? 'unknown'}): ${error}. Not retried further: ${outcome.stopReason ?? 'unknown'}.`;
}
