// Gathers what a report shows from the build's outcome: the last attempt's trace analysed against
// the Dockerfile, the attempts, the nodes.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readBounded } from '../fsio/read.js';
import { isAbsolute, join, relative } from 'node:path';
import type { BuilderState } from '../types/builder.js';
import type { FailedNode } from '../types/builder.js';
import type { BuildOutcome } from '../attempts/run.js';
import type { BakeDefinition } from '../attempts/bake.js';
import type { IsolatedRun } from '../attempts/isolated.js';
import type { MergeOutcome } from '../merge/merge.js';
import type { HostCheck } from '../types/host.js';
import type { Classification } from '../diagnosis/categories.js';
import type { Stall } from '../diagnosis/stall.js';
import type { AttemptSummary } from '../findings/types.js';
import type { Config } from '../config/config.js';
import { analyze } from '../findings/analyze.js';
import { rankFindings } from '../findings/index.js';
import { parseDockerfile } from '../findings/dockerfile.js';
import { dockerfileOf, stepLabel } from '../findings/anchor.js';
import type { GitHubContext } from '../github/github.js';
import { failingStep, failureText } from '../trace/query.js';
import type { BuildTrace } from '../trace/types.js';
import type { ReportInput } from './model.js';
import { Redactor } from '../redact/redact.js';
import { baselineDurations, compare, stepId, type Baseline, type Dockerfiles } from '../baseline/baseline.js';
import type { DockerfileModel } from '../findings/dockerfile.js';

/** The Dockerfile of a local build, relative to the workspace (so links and annotations land). */
export function dockerfilePath(config: Config, workspace: string, cwd = process.cwd()): string | undefined {
  return dockerfileLocation(config, workspace, cwd)?.shown;
}

/** The build's Dockerfile: where it is (absolute) and how reports name it. */
function dockerfileLocation(
  config: Config,
  workspace: string,
  cwd = process.cwd(),
): { abs: string; shown: string } | undefined {
  const { context, file } = config.build;
  if (/^[a-z]+:\/\//i.test(context) || context.startsWith('git@') || file === '-') return undefined;
  const abs = file
    ? isAbsolute(file)
      ? file
      : join(cwd, file)
    : join(isAbsolute(context) ? context : join(cwd, context), 'Dockerfile');
  if (!existsSync(abs)) return undefined;
  const rel = relative(workspace, abs);
  if (!rel.startsWith('..')) return { abs, shown: rel.split('\\').join('/') };
  // Outside the workspace (a CLI build of another folder): relative to the build context.
  const ctx = relative(isAbsolute(context) ? context : join(cwd, context), abs);
  return { abs, shown: ctx.startsWith('..') || isAbsolute(ctx) ? abs : ctx.split('\\').join('/') };
}

/** The build's Dockerfile as a syntax tree, named as reports name it; undefined for remote contexts. */
export function loadDockerfile(config: Config, workspace: string): DockerfileModel | undefined {
  const at = dockerfileLocation(config, workspace);
  return at ? parseDockerfile(readBounded(at.abs, 'dockerfile'), at.shown) : undefined;
}

/** Each bake target's Dockerfile as a syntax tree (targets of an inline or remote Dockerfile have none). */
export function loadBakeDockerfiles(
  bake: BakeDefinition,
  workspace: string,
): Record<string, DockerfileModel> {
  const out: Record<string, DockerfileModel> = {};
  const parsed = new Map<string, DockerfileModel>();
  for (const t of bake.targets) {
    if (!t.dockerfile) continue;
    const rel = relative(workspace, t.dockerfile);
    const path = rel.startsWith('..') ? t.dockerfile : rel.split('\\').join('/');
    let df = parsed.get(path);
    if (!df) {
      df = parseDockerfile(readBounded(t.dockerfile, 'dockerfile'), path);
      parsed.set(path, df);
    }
    out[t.name] = df;
  }
  return out;
}

/** A trace's Dockerfile steps as the timing chart shows them (with the baseline id when mapped). */
export function chartSteps(trace: BuildTrace, sources: Dockerfiles): ReportInput['steps'] {
  return trace.steps
    .filter((s) => !s.internal)
    .map((s) => ({
      label: stepLabel(s),
      ...(s.target ? { target: s.target } : {}),
      id: stepId(s, dockerfileOf(sources, s.target)),
      startMs: s.startedMs,
      durationMs: s.durationMs ?? 0,
      cached: s.cached,
      failed: !!s.error,
    }));
}

/** What an attempt of a build or a merge is, to the findings and to the report's attempts table. */
interface AnyAttempt {
  number: number;
  durationMs: number;
  exitCode: number;
  classification?: Classification;
  decision?: string;
  trace: BuildTrace;
  stall?: Stall;
}

function attemptSummaries(attempts: AnyAttempt[]): AttemptSummary[] {
  return attempts.map((a) => ({
    number: a.number,
    classification: a.classification,
    decision: a.decision,
    errorText: a.classification ? failureText(a.trace) : undefined,
    ...(a.stall ? { stall: a.stall } : {}),
  }));
}

/** The report's failure: the category, the reason, and the error as the log gave it (or the reason). */
function failureOf(
  c: Classification | undefined,
  error: string | undefined,
  record?: BuildTrace['recordUse'],
): ReportInput['failure'] {
  return c
    ? {
        category: c.category,
        reason: c.reason,
        message: error ?? c.reason,
        retryable: c.retryable,
        ...(record && error ? { record: { id: record.ref.split('/').pop()!, line: record.line } } : {}),
      }
    : undefined;
}

export function attemptRows(attempts: AnyAttempt[]): ReportInput['attempts'] {
  return attempts.map((a) => ({
    number: a.number,
    durationMs: a.durationMs,
    exitCode: a.exitCode,
    category: a.classification?.category,
    decision: a.decision,
  }));
}

/**
 * The sticky comment's and the check run's key: the job, the builder, the target and the Dockerfile
 * (never the random default builder name), then what tells matrix legs of one job apart: `report-key`
 * when set, else a short hash of the platforms, target, build-args (names and values), tags, bake
 * targets, files and overrides. Values are redacted before hashing, and the run's commit (the PR head
 * too) and run id are taken out, so the key is the same on every push of a pull request.
 */
export function reportKey(
  config: Config,
  env: NodeJS.ProcessEnv,
  builderInput: string,
  secrets: string[] = [],
): string {
  const b = config.bake;
  const base = b
    ? [
        env.GITHUB_JOB || 'job',
        builderInput || config.builder.driver,
        `bake:${b.targets.join(',') || 'default'}`,
        [b.source, ...b.files].filter(Boolean).join(',') || b.workdir,
      ]
    : [
        env.GITHUB_JOB || 'job',
        builderInput || config.builder.driver,
        config.build.target || 'default',
        config.build.file || config.build.context,
      ];
  return [...base, config.report.key || legHash(config, env, secrets)].join(':');
}

/** 8 hex digits of what distinguishes this leg, without what changes from one push to the next. */
export function legHash(config: Config, env: NodeJS.ProcessEnv, secrets: string[] = []): string {
  const c = config.build;
  const sorted = (l: string[]) => [...l].sort();
  const leg = JSON.stringify({
    platforms: sorted(c.platforms),
    target: c.target,
    buildArgs: sorted(c.buildArgs),
    tags: sorted(c.tags),
    ...(config.bake
      ? {
          bake: {
            targets: sorted(config.bake.targets),
            files: config.bake.files,
            set: sorted(config.bake.set),
          },
        }
      : {}),
  });
  return createHash('sha256')
    .update(withoutRunIds(new Redactor(secrets).text(leg), env))
    .digest('hex')
    .slice(0, 8);
}

/** The run's commit (also the PR head's, and any 7+ digit prefix of either) and run id, taken out. */
function withoutRunIds(text: string, env: NodeJS.ProcessEnv): string {
  let out = text;
  for (const sha of [env.GITHUB_SHA, prHeadSha(env)]) {
    if (!sha || !/^[0-9a-f]{40}$/.test(sha)) continue;
    // Any prefix of 7 or more digits: sha-1a2b3c4, a full SHA, a 12-digit short SHA.
    out = cutOut(out, sha.slice(0, 7), (rest) => {
      let n = 0;
      while (n < 33 && rest[n] === sha[7 + n]) n++;
      return n;
    });
  }
  const runId = env.GITHUB_RUN_ID;
  if (runId && /^\d+$/.test(runId))
    out = cutOut(out, runId, (rest, before) => (/\d/.test(before) || /^\d/.test(rest) ? -1 : 0));
  return out;
}

/**
 * `text` with every occurrence of `token` replaced by `<…>`; `extend` says how many characters
 * after it belong to it too (-1: this occurrence is not one). One pass: linear in the text.
 */
function cutOut(text: string, token: string, extend: (rest: string, before: string) => number): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    if (at < from) continue;
    const rest = text.slice(at + token.length, at + token.length + 40);
    const more = extend(rest, text[at - 1] ?? '');
    if (more < 0) continue;
    out += `${text.slice(from, at)}<…>`;
    from = at + token.length + more;
  }
  return out + text.slice(from);
}

function prHeadSha(env: NodeJS.ProcessEnv): string | undefined {
  try {
    if (!env.GITHUB_EVENT_PATH) return undefined;
    const event = JSON.parse(readBounded(env.GITHUB_EVENT_PATH, 'event')) as {
      pull_request?: { head?: { sha?: string } };
    };
    return event.pull_request?.head?.sha;
  } catch {
    return undefined;
  }
}

export function linksOf(ctx: GitHubContext | undefined): ReportInput['links'] {
  return ctx
    ? { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha: ctx.headSha, runUrl: ctx.runUrl }
    : undefined;
}

/** What a build's report is made of, besides its outcome. */
export interface BuildReportOptions {
  config: Config;
  key: string;
  builder: { name: string; driver: string };
  state: BuilderState;
  workspace: string;
  ctx?: GitHubContext;
  secrets: string[];
  /** The previous build to compare with, if one was restored. */
  baseline?: Baseline;
  /** The build's Dockerfile, when the caller has read it already (see loadDockerfile). */
  dockerfile?: DockerfileModel;
  /** A bake's Dockerfiles by target (loadBakeDockerfiles). */
  dockerfiles?: Record<string, DockerfileModel>;
  /** Host checks of the nodes on this host. */
  host?: HostCheck[];
}

export function reportFromBuild(opts: BuildReportOptions & { outcome: BuildOutcome }): ReportInput {
  const { config, outcome } = opts;
  const last = outcome.attempts[outcome.attempts.length - 1];
  const trace: BuildTrace = last.trace;
  const dockerfiles = opts.dockerfiles;
  const dockerfile = opts.dockerfile ?? (config.bake ? undefined : loadDockerfile(config, opts.workspace));
  const first = outcome.attempts[0].trace;
  const analysis = analyze({
    trace,
    ...(outcome.attempts.length > 1 ? { firstTrace: first } : {}),
    dockerfile,
    ...(dockerfiles ? { dockerfiles } : {}),
    failure: outcome.failure,
    attempts: attemptSummaries(outcome.attempts),
    options: { contextSizeWarnMb: config.report.contextSizeWarnMb },
    host: opts.host,
  });
  const step = failingStep(trace);
  const findings = rankFindings([...analysis.findings, ...regressionsOf(opts, trace, dockerfile)]);
  return {
    key: opts.key,
    status: outcome.success ? 'success' : 'failed',
    failure: failureOf(outcome.failure, trace.error, trace.recordUse),
    attempts: attemptRows(outcome.attempts),
    builder: opts.builder,
    nodes: opts.state.nodes,
    findings,
    // The build's duration covers its attempts and the waits between them.
    stats: {
      ...analysis.stats,
      // The build's context is the first full transfer: a retry sends only what changed (often 0 B).
      contextBytes: Math.max(...outcome.attempts.map((a) => a.trace.contextBytes)),
      durationMs: Math.max(
        analysis.stats.durationMs,
        outcome.attempts.reduce((sum, a) => sum + a.durationMs + (a.waitMs ?? 0), 0),
      ),
    },
    steps: chartSteps(trace, { dockerfile, dockerfiles }),
    ...(outcome.targets ? { targets: outcome.targets } : {}),
    failingLog:
      step && step.logTail.length
        ? {
            step: stepLabel(step),
            lines: step.logTail.slice(-30),
            ...(step.clipped ? { clipped: step.clipped } : {}),
          }
        : undefined,
    links: linksOf(opts.ctx),
    secrets: opts.secrets,
    baseline: opts.baseline ? baselineDurations(opts.baseline) : undefined,
  };
}

/** Regressions against the baseline: slower steps and cache hits that were lost. */
function regressionsOf(opts: BuildReportOptions, trace: BuildTrace, dockerfile?: DockerfileModel) {
  if (!opts.baseline) return [];
  const redactor = new Redactor(opts.secrets);
  return compare(
    opts.baseline,
    { trace, dockerfile, dockerfiles: opts.dockerfiles },
    {
      thresholdPercent: opts.config.report.regressionThreshold,
      minMs: 5000,
      // Saved baselines are redacted (pipeline.ts): this build's ids are compared redacted too.
      redactId: (id) => redactor.text(id),
    },
  );
}

/**
 * One trace of isolated bakes, as one bake's would be: every bake's last attempt, steps in bake
 * order, the wall time they took together. What the baseline saves and compares.
 */
export function isolatedTrace(run: IsolatedRun): BuildTrace {
  const traces = run.units.map((u) => u.outcome.attempts[u.outcome.attempts.length - 1].trace);
  return {
    ...traces[0],
    steps: traces.flatMap((t) => t.steps),
    warnings: traces.flatMap((t) => t.warnings),
    contextBytes: traces.reduce((sum, t) => sum + t.contextBytes, 0),
    platforms: [...new Set(traces.flatMap((t) => t.platforms))],
    durationMs: run.wallMs,
    targets: traces.flatMap((t) => t.targets ?? []),
  };
}

/**
 * The report of isolated bakes (bake-isolation targets): each bake analysed as its own build (its
 * failure annotated in its own Dockerfile), then one report: failed bakes first, every target's
 * result and attempts, findings once, regressions against the baseline of the whole.
 */
export function reportFromIsolated(
  opts: BuildReportOptions & { run: IsolatedRun; outcome: BuildOutcome },
): ReportInput {
  const parts = opts.run.units.map((u) => ({
    unit: u.unit,
    report: reportFromBuild({ ...opts, baseline: undefined, outcome: u.outcome }),
  }));
  const ordered = [
    ...parts.filter((p) => p.report.status === 'failed'),
    ...parts.filter((p) => p.report.status !== 'failed'),
  ];
  const failed = ordered.find((p) => p.report.status === 'failed')?.report;
  const seen = new Set<string>();
  const findings = [
    ...ordered.flatMap((p) => p.report.findings),
    ...regressionsOf(opts, isolatedTrace(opts.run)),
  ].filter((f) => {
    const id = `${f.rule}\0${f.file ?? ''}\0${f.line ?? ''}\0${f.title}`;
    return !seen.has(id) && !!seen.add(id);
  });
  const stats = parts.map((p) => p.report.stats);
  const targets = opts.outcome.targets ?? [];
  return {
    key: opts.key,
    status: failed ? 'failed' : 'success',
    failure: failed?.failure,
    attempts: ordered.flatMap((p) => p.report.attempts.map((a) => ({ ...a, bake: p.unit.name }))),
    builder: opts.builder,
    nodes: opts.state.nodes,
    findings: rankFindings(findings),
    stats: {
      durationMs: opts.run.wallMs,
      steps: stats.reduce((sum, s) => sum + s.steps, 0),
      cachedSteps: stats.reduce((sum, s) => sum + s.cachedSteps, 0),
      contextBytes: stats.reduce((sum, s) => sum + s.contextBytes, 0),
      platforms: [...new Set(stats.flatMap((s) => s.platforms))],
    },
    steps: parts.flatMap((p) => p.report.steps),
    targets: [
      ...targets.filter((t) => t.status === 'failed'),
      ...targets.filter((t) => t.status !== 'failed'),
    ],
    failingLog: failed?.failingLog,
    links: linksOf(opts.ctx),
    secrets: opts.secrets,
    baseline: opts.baseline ? baselineDurations(opts.baseline) : undefined,
  };
}

/** A report for a builder whose nodes did not all boot (no build ran). */
export function reportFromNodes(opts: {
  key: string;
  builder: string;
  driver: string;
  failed: FailedNode[];
  ctx?: GitHubContext;
  secrets: string[];
}): ReportInput {
  const analysis = analyze({
    trace: {
      format: 'unknown',
      steps: [],
      warnings: [],
      contextBytes: 0,
      platforms: [],
      durationMs: 0,
      unreadLines: 0,
      tail: [],
    },
    nodes: opts.failed,
  });
  return {
    key: opts.key,
    status: 'failed',
    failure: {
      category: 'builder',
      reason: 'a builder node is not running',
      message: `${opts.failed.length} node(s) of builder '${opts.builder}' not running`,
    },
    attempts: [],
    builder: { name: opts.builder, driver: opts.driver },
    nodes: opts.failed.map((f) => ({
      name: f.name,
      endpoint: f.endpoint,
      status: f.status,
      buildkit: '',
      platforms: [],
    })),
    findings: analysis.findings.filter((f) => f.rule === 'node-unavailable'),
    stats: analysis.stats,
    steps: [],
    links: linksOf(opts.ctx),
    secrets: opts.secrets,
  };
}

/** A report for a merge (`merge-sources`): the attempts, the failure's findings, what was merged. */
export function reportFromMerge(opts: {
  config: Config;
  key: string;
  outcome: MergeOutcome;
  ctx?: GitHubContext;
  secrets: string[];
}): ReportInput {
  const { outcome, config } = opts;
  const last = outcome.attempts[outcome.attempts.length - 1];
  const analysis = analyze({
    trace: last.trace,
    failure: outcome.failure,
    attempts: attemptSummaries(outcome.attempts),
  });
  return {
    key: opts.key,
    status: outcome.success ? 'success' : 'failed',
    failure: failureOf(outcome.failure, last.trace.error ?? outcome.stopReason),
    attempts: attemptRows(outcome.attempts),
    nodes: [],
    // A merge has no Dockerfile steps: the build-only rules have nothing to say.
    findings: analysis.findings.filter(
      (f) => !['cache-invalidated', 'slow-step', 'large-context'].includes(f.rule),
    ),
    stats: { ...analysis.stats, durationMs: outcome.attempts.reduce((sum, a) => sum + a.durationMs, 0) },
    steps: [],
    links: linksOf(opts.ctx),
    secrets: opts.secrets,
    merge: {
      sources: config.merge?.sources ?? [],
      tags: config.build.tags,
      platforms: outcome.platforms,
      digest: outcome.digest,
    },
  };
}
