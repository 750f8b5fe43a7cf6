// Runs the build with classified retry: a transient failure (transport, registry, crash) is retried
// with backoff after every node is verified running again; a deterministic one never is.
import { existsSync, statSync } from 'node:fs';
import { checkReadable, readBounded } from '../fsio/read.js';
import { isAbsolute, join } from 'node:path';
import type { Buildx } from '../buildx/buildx.js';
import type { Config } from '../config/config.js';
import { UserError } from '../config/errors.js';
import type { BuildTrace } from '../trace/types.js';
import { buildCommand } from './args.js';
import { metadataEnv, parseMetadata, readMetadata } from './metadata.js';
import { bakeArgs, bakeResult, type BakeDefinition, type TargetResult } from './bake.js';
import { runAttempt } from './attempt.js';
import type { Classification } from '../diagnosis/categories.js';
import { judgeFailure, type Random } from './retry.js';
import { secretSpecs } from './secrets.js';
import type { SilentNode, Stall } from './watchdog.js';
import type { RecordReader } from './record.js';
import { withRecord } from '../trace/record.js';

export interface Attempt {
  number: number;
  exitCode: number;
  durationMs: number;
  logFile: string;
  timedOut: boolean;
  cancelled: boolean;
  classification?: Classification;
  /** What happened next: the retry's reason and wait, or why the loop stopped. */
  decision?: string;
  waitMs?: number;
  trace: BuildTrace;
  /** The stall watchdog stopped this attempt. */
  stall?: Stall;
  /** bake-isolation targets: the bake this attempt belongs to (its first requested target). */
  bake?: string;
  /** The nodes the re-check after this attempt found down (it ended the loop): the flake ledger's attribution. */
  downNodes?: { name: string; endpoint: string }[];
}

export interface BuildOutcome {
  success: boolean;
  attempts: Attempt[];
  failure?: Classification;
  /** Why the loop stopped after a failure, in words. */
  stopReason?: string;
  metadata: string;
  imageid: string;
  digest: string;
  /** A bake's targets: what each produced, or how it ended. */
  targets?: TargetResult[];
}

export interface BuildDeps {
  buildx: Buildx;
  tempDir: string;
  /** Messages of the action: any text (src/joblog.ts neutralises every line it prints). */
  info: (line: string) => void;
  /** Untrusted build output (wrapped by the caller so it cannot issue workflow commands). */
  out: (line: string) => void;
  /** Runs one attempt inside a collapsible group of the job log. */
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  mask: (value: string) => void;
  /** Verifies every node is running again (re-booting failed ones); throws when one stays down. */
  recheckNodes: () => Promise<void>;
  /** Probes the nodes within `timeoutMs` (the stall watchdog); resolves with those that did not answer. */
  probeNodes?: (timeoutMs: number) => Promise<SilentNode[]>;
  /** Reads a failed attempt's build record (src/attempts/record.ts); never after a success. */
  readRecord?: RecordReader;
  sleep?: (ms: number) => Promise<void>;
  random?: Random;
  signal?: AbortSignal;
}

/** Fails early, with one sentence, when a local context or its Dockerfile is missing. */
export function checkContext(config: Config, cwd = process.cwd()): void {
  const { context, file } = config.build;
  if (/^[a-z]+:\/\//i.test(context) || context.startsWith('git@') || context === '-') return;
  const dir = isAbsolute(context) ? context : join(cwd, context);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(
      `Build context '${context}' (input 'context') is not a folder of this workspace; check out the code first or fix the path.`,
      'context',
    );
  }
  if (file === '-') return;
  const dockerfile = file ? (isAbsolute(file) ? file : join(cwd, file)) : join(dir, 'Dockerfile');
  if (!existsSync(dockerfile)) {
    throw new UserError(
      file
        ? `Dockerfile '${file}' (input 'file') does not exist.`
        : `No Dockerfile in build context '${context}'; add one or set input 'file' to its path.`,
      file ? 'file' : 'context',
    );
  }
  // A FIFO or a link to /dev/zero would block or exhaust whoever reads it (buildx, the findings).
  checkReadable(dockerfile, 'dockerfile', file || join(context, 'Dockerfile'));
}

/** What one attempt runs: a build, or a bake of a resolved definition. */
interface Invocation {
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  targets?: string[];
}

function invocation(
  config: Config,
  builder: string,
  deps: BuildDeps,
  files: { metadataFile: string; iidFile: string },
  bake?: BakeDefinition,
): Invocation {
  if (config.bake && bake) {
    return {
      args: bakeArgs(config.bake, config.build, { builder, metadataFile: files.metadataFile }),
      cwd: bake.cwd,
      env: { ...metadataEnv(deps.buildx.env), ...bake.env },
      targets: bake.targets.map((t) => t.name),
    };
  }
  const build = buildCommand(
    config.build,
    {
      builder,
      ...files,
      secretSpecs: secretSpecs(config.build, join(deps.tempDir, 'secrets'), deps.mask),
    },
    deps.buildx.env,
  );
  return { env: { ...metadataEnv(deps.buildx.env), ...build.env }, args: build.args };
}

/** Runs the build (or the bake of `bake`, when the config is one) with classified retry. */
export async function runBuild(
  config: Config,
  builder: string,
  deps: BuildDeps,
  bake?: BakeDefinition,
): Promise<BuildOutcome> {
  const sleep = deps.sleep ?? ((ms: number) => abortableSleep(ms, deps.signal));
  const random = deps.random ?? Math.random;
  const metadataFile = join(deps.tempDir, 'metadata.json');
  const iidFile = join(deps.tempDir, 'iid.txt');
  const run = invocation(config, builder, deps, { metadataFile, iidFile }, bake);
  const args = run.args;
  const produced = (success: boolean, trace?: BuildTrace) =>
    run.targets
      ? bakeResult(metadataFile, run.targets, success, trace)
      : success
        ? readResult(metadataFile, iidFile)
        : { metadata: '', imageid: '', digest: '' };
  const timeoutMs =
    config.retry.attemptTimeoutMinutes > 0 ? config.retry.attemptTimeoutMinutes * 60_000 : undefined;
  const attempts: Attempt[] = [];
  const crashes = { count: 0 };
  const stallMs = config.retry.stallTimeoutSeconds * 1000;
  const probe = deps.probeNodes;
  const watch =
    stallMs > 0 && probe
      ? {
          timeoutMs: stallMs,
          // The cheapest real check: buildx asks each node, within the stall timeout (30 s at most).
          probe: () => probe(Math.min(30_000, Math.max(2_000, stallMs))),
          onQuiet: (step: string | undefined, quietMs: number) =>
            deps.info(
              `No build output for ${Math.round(quietMs / 1000)} s${step ? ` while ${step} runs` : ''}; every node answers, so the step is quiet, not stalled: waiting.`,
            ),
        }
      : undefined;
  for (let n = 1; ; n++) {
    const logFile = join(deps.tempDir, `attempt-${n}.log`);
    const startedMs = Date.now();
    const {
      result,
      trace: logTrace,
      logError,
      stall,
    } = await deps.group(
      `${run.targets ? 'Bake' : 'Build'}, attempt ${n} of ${config.retry.maxAttempts}`,
      () =>
        runAttempt(deps.buildx, args, logFile, {
          timeoutMs,
          cwd: run.cwd,
          env: run.env,
          targets: run.targets,
          signal: deps.signal,
          out: deps.out,
          stall: watch,
        }),
    );
    if (logError) deps.info(`The log of attempt ${n} could not be written: ${logError}; the build goes on.`);
    const attempt: Attempt = {
      number: n,
      exitCode: result.code,
      durationMs: result.durationMs,
      logFile,
      timedOut: result.timedOut,
      cancelled: result.cancelled,
      trace: logTrace,
    };
    attempts.push(attempt);
    if (result.code === 0 && !result.timedOut && !result.cancelled) {
      return { success: true, attempts, ...produced(true) };
    }
    // Only now, after a failure: a node that stopped answering (a stall) has no record to give.
    const record = stall || result.cancelled ? undefined : await deps.readRecord?.(startedMs, run.targets);
    const trace = record ? withRecord(logTrace, record) : logTrace;
    attempt.trace = trace;
    const { classification: c, plan } = judgeFailure(
      attempt,
      n,
      result,
      stall,
      crashes,
      config.retry,
      random,
    );
    if (!plan.retry) {
      deps.info(`Attempt ${n} failed (${c.category}): ${plan.why}.`);
      return { success: false, attempts, failure: c, stopReason: plan.why, ...produced(false, trace) };
    }
    const wait = plan.waitMs;
    attempt.waitMs = wait;
    deps.info(
      `Attempt ${n} failed (${c.category}: ${c.reason}); checking the nodes, then retrying in ${(wait / 1000).toFixed(1)} s.`,
    );
    await sleep(wait);
    if (deps.signal?.aborted) {
      return {
        success: false,
        attempts,
        failure: c,
        stopReason: 'the job was cancelled',
        ...produced(false, trace),
      };
    }
    try {
      await deps.recheckNodes();
    } catch (e) {
      const why = `a node is down, so retrying cannot help: ${e instanceof Error ? e.message : String(e)}`;
      attempt.decision = `stopped: ${why}`;
      const failed = (e as { failed?: unknown }).failed;
      if (Array.isArray(failed))
        attempt.downNodes = failed.map((n: { name?: unknown; endpoint?: unknown }) => ({
          name: String(n.name ?? ''),
          endpoint: String(n.endpoint ?? ''),
        }));
      return { success: false, attempts, failure: c, stopReason: why, ...produced(false, trace) };
    }
  }
}

function readResult(
  metadataFile: string,
  iidFile: string,
): { metadata: string; imageid: string; digest: string } {
  const metadata = readMetadata(metadataFile);
  const parsed = parseMetadata(metadata);
  const imageid = existsSync(iidFile)
    ? readBounded(iidFile, 'image-id').trim()
    : String(parsed['containerimage.config.digest'] ?? '');
  return { metadata, imageid, digest: String(parsed['containerimage.digest'] ?? '') };
}

/** Waits `ms`, or less when the job is cancelled meanwhile. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
