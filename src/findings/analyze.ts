// A build's trace (and its Dockerfile) → findings and the `analyze` JSON contract. Pure.
import type { Classification } from '../diagnosis/categories.js';
import { classify, matchPattern } from '../diagnosis/classify.js';
import { failingStep, failureHints, failureText, traceStatus } from '../trace/query.js';
import { dockerfileOf, stepLabel } from './anchor.js';
import type { BuildTrace } from '../trace/types.js';
import type { HostCheck } from '../types/host.js';
import type { DockerfileModel } from './dockerfile.js';
import { findings } from './index.js';
import {
  DEFAULT_OPTIONS,
  type AttemptSummary,
  type Finding,
  type FindingOptions,
  type NodeProblem,
} from './types.js';

export interface Analysis {
  /** `unknown`: the text shows no build progress and no error, or stops mid-build (docs/findings.md). */
  status: 'success' | 'failed' | 'unknown';
  failure: null | {
    category: string;
    retryable: boolean;
    message: string;
    file?: string;
    line?: number;
    /** The bake target that failed. */
    target?: string;
    /** The failing step as the log names it (`[test] RUN make`). */
    step?: string;
    /** The failing instruction's text in the Dockerfile, when the Dockerfile is known. */
    lineText?: string;
    /** The failing step's own last lines of output. */
    lastLines?: string[];
  };
  findings: Finding[];
  stats: {
    durationMs: number;
    steps: number;
    cachedSteps: number;
    contextBytes: number;
    platforms: string[];
  };
}

export interface AnalyzeInput {
  trace: BuildTrace;
  /** The first attempt's trace, when the build was retried. */
  firstTrace?: BuildTrace;
  dockerfile?: DockerfileModel;
  /** A bake's Dockerfiles by target. */
  dockerfiles?: Record<string, DockerfileModel>;
  attempts?: AttemptSummary[];
  nodes?: NodeProblem[];
  host?: HostCheck[];
  /** The classification of the final failure, when the caller already has it. */
  failure?: Classification;
  options?: Partial<FindingOptions>;
}

export function analyze(input: AnalyzeInput): Analysis {
  const { trace } = input;
  let status = input.failure ? 'failed' : traceStatus(trace);
  // Text with no progress and no error line, but a known error in it, failed all the same.
  if (status === 'unknown' && !trace.steps.length && !trace.binary && matchPattern(failureText(trace)))
    status = 'failed';
  const failed = status === 'failed';
  const failure = failed ? (input.failure ?? classify(failureText(trace), failureHints(trace))) : undefined;
  const options = { ...DEFAULT_OPTIONS, ...input.options };
  const list = findings({
    trace,
    ...(input.firstTrace ? { firstTrace: input.firstTrace } : {}),
    dockerfile: input.dockerfile,
    ...(input.dockerfiles ? { dockerfiles: input.dockerfiles } : {}),
    failure,
    attempts: input.attempts ?? [],
    nodes: input.nodes ?? [],
    host: input.host ?? [],
    options,
  });
  const main = list.find((f) => f.rule === 'build-failed');
  const steps = trace.steps.filter((s) => !s.internal);
  const failing = failed ? failingStep(trace) : undefined;
  const df = failing && main?.line ? dockerfileOf(input, main.target) : undefined;
  const lineText =
    df && main?.line && main.file === df.path
      ? df.lines
          .slice(main.line - 1, main.endLine ?? main.line)
          .map((l) => l.replace(/\\\s*$/, '').trim())
          .join(' ')
          .trim()
      : undefined;
  const lastLines = failing?.logTail.slice(-options.logLines) ?? [];
  return {
    status,
    failure: failure
      ? {
          category: failure.category,
          retryable: failure.retryable,
          message: trace.error ?? failure.reason,
          ...(main?.file ? { file: main.file } : {}),
          ...(main?.line ? { line: main.line } : {}),
          ...(main?.target ? { target: main.target } : {}),
          ...(failing ? { step: stepLabel(failing) } : {}),
          ...(lineText ? { lineText } : {}),
          ...(lastLines.length ? { lastLines } : {}),
        }
      : null,
    findings: list,
    stats: {
      durationMs: trace.durationMs,
      steps: steps.length,
      cachedSteps: steps.filter((s) => s.cached).length,
      contextBytes: trace.contextBytes,
      platforms: trace.platforms,
    },
  };
}

/** The JSON contract of `buildx-guard analyze --format json`. */
export function analysisJson(a: Analysis): string {
  return JSON.stringify(
    {
      status: a.status,
      failure: a.failure,
      findings: a.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        title: f.title,
        message: f.message,
        ...(f.file ? { file: f.file } : {}),
        ...(f.line ? { line: f.line } : {}),
        ...(f.endLine ? { endLine: f.endLine } : {}),
        ...(f.hint ? { hint: f.hint } : {}),
        ...(f.url ? { url: f.url } : {}),
        ...(f.target ? { target: f.target } : {}),
      })),
      stats: a.stats,
    },
    null,
    2,
  );
}

/** The verdict, the failure (error, category, where, the step's last lines), then one line per finding. */
export function analysisText(a: Analysis): string {
  const f = a.failure;
  const verdict =
    a.status === 'success'
      ? 'build succeeded'
      : a.status === 'unknown'
        ? 'no build verdict in this log'
        : `build failed (${f?.category}, ${f?.retryable ? 'transient: retryable' : 'not retryable'})`;
  const head = `${verdict} in ${(a.stats.durationMs / 1000).toFixed(1)} s: ${a.stats.steps} steps, ${a.stats.cachedSteps} cached, context ${(a.stats.contextBytes / 1e6).toFixed(1)} MB`;
  const failure: string[] = [];
  if (f) {
    failure.push(`error: ${f.message}`);
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '';
    const what = f.lineText ?? f.step;
    if (where || what) failure.push(`at ${[where, what].filter(Boolean).join(': ')}`);
    if (f.lastLines?.length) {
      failure.push(`last ${f.lastLines.length} line${f.lastLines.length === 1 ? '' : 's'} of its output:`);
      failure.push(...f.lastLines.map((l) => `  | ${l}`));
    }
  }
  const rows = a.findings.map((x) => {
    const where = x.file ? `${x.file}${x.line ? `:${x.line}` : ''}` : '-';
    return `${x.severity.padEnd(7)} ${x.rule.padEnd(22)} ${where.padEnd(24)} ${x.title}${x.hint ? `\n${' '.repeat(56)}hint: ${x.hint}` : ''}`;
  });
  return [head, ...failure, ...(rows.length ? ['', ...rows] : [])].join('\n');
}
