// A build's baseline (per-step durations and cache hits keyed by a stable step identity), and the
// comparison of a build with the previous one. Pure.
import { code, joinMd, gfm, seconds, text } from '../findings/markdown-escape.js';
import { anchor, dockerfileOf, stepLabel } from '../findings/anchor.js';
import type { DockerfileModel } from '../findings/dockerfile.js';
import { locateStep } from '../findings/dockerfile.js';
import type { Finding, FindingContext } from '../findings/types.js';
import type { BuildTrace, Step } from '../trace/types.js';
import { isCount as num, isList, isObject, isText as str, jsonObject } from '../types/json-shape.js';

export interface BaselineStep {
  /** Stage + instruction + the Dockerfile line's text: stable across runs, unlike vertex digests. */
  id: string;
  label: string;
  durationMs: number;
  cached: boolean;
}

export interface Baseline {
  version: 1;
  createdAt: string;
  /** Where it came from, for the report: branch and run. */
  ref: string;
  totalMs: number;
  cacheRatio: number;
  contextBytes: number;
  steps: BaselineStep[];
}

export function stepId(step: Step, dockerfile?: DockerfileModel): string {
  const ref = dockerfile ? locateStep(dockerfile, step) : undefined;
  const text =
    ref && dockerfile
      ? dockerfile.lines
          .slice(ref.line - 1, ref.endLine)
          .join('\n')
          .trim()
      : '';
  // A bake target leads the id; a build's ids are as they always were (saved baselines still match).
  const target = step.target ? [step.target] : [];
  return [...target, step.stage ?? '', step.instruction ?? step.name, text].join('\u0000');
}

/** The build's Dockerfile, or a bake's by target. */
export type Dockerfiles = Pick<FindingContext, 'dockerfile' | 'dockerfiles'>;

/** Merges a step's runs on several platforms into one entry (slowest run, cached only if all were). */
function byId(trace: BuildTrace, files: Dockerfiles): Map<string, BaselineStep> {
  const map = new Map<string, BaselineStep>();
  for (const s of trace.steps) {
    if (s.internal || s.error) continue;
    const id = stepId(s, dockerfileOf(files, s.target));
    const prev = map.get(id);
    const entry: BaselineStep = {
      id,
      label: stepLabel({ ...s, platform: undefined }),
      durationMs: s.durationMs ?? 0,
      cached: s.cached,
    };
    map.set(
      id,
      prev
        ? {
            ...prev,
            durationMs: Math.max(prev.durationMs, entry.durationMs),
            cached: prev.cached && entry.cached,
          }
        : entry,
    );
  }
  return map;
}

export function toBaseline(trace: BuildTrace, files: Dockerfiles, ref: string, now = new Date()): Baseline {
  const steps = [...byId(trace, files).values()];
  return {
    version: 1,
    createdAt: now.toISOString(),
    ref,
    totalMs: trace.durationMs,
    cacheRatio: steps.length ? steps.filter((s) => s.cached).length / steps.length : 0,
    contextBytes: trace.contextBytes,
    steps,
  };
}

/** The largest baseline file read (a build of 5 000 steps writes about 2 MiB). */
export const BASELINE_MAX_BYTES = 8 * 1024 * 1024;
const MAX_STEPS = 20_000;
/** A step's id and label hold a Dockerfile line and a RUN command: long, but bounded. */
const MAX_STEP_TEXT = 1024 * 1024;

const BASELINE_KEYS = ['version', 'createdAt', 'ref', 'totalMs', 'cacheRatio', 'contextBytes', 'steps'];
const STEP_KEYS = ['id', 'label', 'durationMs', 'cached'];

/**
 * A restored baseline, validated against the schema of a Baseline: exactly its keys (so no
 * `__proto__`, `constructor` or any other key), their types, and sizes (the file, the number of
 * steps, each string), then rebuilt from those fields. Otherwise the reason it is unusable, for a
 * debug line: a restored file comes from the cache, which any run with the cache grant can write.
 */
export function checkBaseline(text: string): Baseline | string {
  if (text.length > BASELINE_MAX_BYTES) return `larger than ${BASELINE_MAX_BYTES} bytes`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const b = jsonObject(raw, BASELINE_KEYS);
  if (typeof b === 'string') return b;
  if (b.version !== 1) return `version ${String(JSON.stringify(b.version)).slice(0, 64)}, not 1`;
  if (!str(b.createdAt, 64) || !str(b.ref, 1024)) return "'createdAt' or 'ref' is not a short string";
  if (!num(b.totalMs) || !num(b.cacheRatio, 1) || !num(b.contextBytes))
    return "'totalMs', 'cacheRatio' or 'contextBytes' is not a number in range";
  if (!isList(b.steps, MAX_STEPS)) return `'steps' is not a list of at most ${MAX_STEPS}`;
  const steps: BaselineStep[] = [];
  for (const [i, st] of b.steps.entries()) {
    if (
      !isObject(st, STEP_KEYS) ||
      !str(st.id, MAX_STEP_TEXT) ||
      !str(st.label, MAX_STEP_TEXT) ||
      !num(st.durationMs) ||
      typeof st.cached !== 'boolean'
    )
      return `step ${i} is not exactly { id, label, durationMs, cached } with their types and sizes`;
    steps.push({
      id: st.id,
      label: st.label,
      durationMs: st.durationMs,
      cached: st.cached,
    });
  }
  return {
    version: 1,
    createdAt: b.createdAt,
    ref: b.ref,
    totalMs: b.totalMs,
    cacheRatio: b.cacheRatio,
    contextBytes: b.contextBytes,
    steps,
  };
}

export function parseBaseline(text: string): Baseline | undefined {
  const b = checkBaseline(text);
  return typeof b === 'string' ? undefined : b;
}

export interface CompareOptions {
  /** Percent slower that counts as a regression. */
  thresholdPercent: number;
  /** And at least this much slower, in milliseconds. */
  minMs: number;
  /** How the saved ids were redacted (a secret build-arg in a step name): applied to this build's. */
  redactId?: (id: string) => string;
}

/** `slower-than-baseline` and `cache-ratio-drop` findings for this build against the baseline. */
export function compare(
  baseline: Baseline,
  ctx: Pick<FindingContext, 'trace' | 'dockerfile' | 'dockerfiles'>,
  opts: CompareOptions,
): Finding[] {
  const out: Finding[] = [];
  const { trace } = ctx;
  const factor = 1 + opts.thresholdPercent / 100;
  const slower = (now: number, before: number) => now > before * factor && now - before >= opts.minMs;
  if (slower(trace.durationMs, baseline.totalMs)) {
    const pct = Math.round((trace.durationMs / Math.max(1, baseline.totalMs) - 1) * 100);
    out.push({
      rule: 'slower-than-baseline',
      severity: 'warning',
      title: `Build ${pct}% slower than the baseline (${seconds(trace.durationMs)} vs ${seconds(baseline.totalMs)})`,
      message: gfm`This build took ${text(seconds(trace.durationMs))}; the baseline (${code(baseline.ref)}) took ${text(seconds(baseline.totalMs))}.`,
      impactMs: trace.durationMs - baseline.totalMs,
    });
  }
  const before = new Map(baseline.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const lost: Step[] = [];
  const findingCtx = {
    ...ctx,
    attempts: [],
    nodes: [],
    host: [],
    options: {} as FindingContext['options'],
  };
  const redactId = opts.redactId ?? ((id: string) => id);
  for (const s of trace.steps) {
    if (s.internal || s.error) continue;
    const id = redactId(stepId(s, dockerfileOf(ctx, s.target)));
    const b = before.get(id);
    if (!b || seen.has(id)) continue;
    seen.add(id);
    if (b.cached && !s.cached) lost.push(s);
    const now = s.durationMs ?? 0;
    if (!s.cached && !b.cached && slower(now, b.durationMs)) {
      const pct = Math.round((now / Math.max(1, b.durationMs) - 1) * 100);
      out.push({
        rule: 'slower-than-baseline',
        severity: 'notice',
        title: `${stepLabel(s)} ${pct}% slower than the baseline`.slice(0, 200),
        message: gfm`${code(stepLabel(s))} took ${text(seconds(now))}; ${text(seconds(b.durationMs))} in the baseline (${code(baseline.ref)}).`,
        impactMs: now - b.durationMs,
        ...anchor(findingCtx, s),
      });
    }
  }
  if (lost.length) {
    // The cache break: the lost step earliest in the Dockerfile (indexes restart in every stage).
    const lineOf = (s: Step) => anchor(findingCtx, s).line ?? Number.MAX_SAFE_INTEGER;
    const first = [...lost].sort((a, b) => lineOf(a) - lineOf(b) || (a.number ?? 0) - (b.number ?? 0))[0];
    const rerunMs = lost.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
    out.push({
      rule: 'cache-ratio-drop',
      severity: 'warning',
      title: `${lost.length} step(s) cached in the baseline ran again, from ${stepLabel(first)}`.slice(
        0,
        200,
      ),
      message: gfm`In the baseline (${code(baseline.ref)}) these steps were cached; in this build they ran (${text(seconds(rerunMs))}):\n\n${joinMd(
        lost.map((s) => gfm`- ${code(stepLabel(s))} (${text(seconds(s.durationMs ?? 0))})`),
      )}`,
      hint: 'A change to the files the first of them uses (or to a build argument) invalidated the cache from there on; copy what changes often as late as possible.',
      impactMs: rerunMs,
      ...anchor(findingCtx, first),
    });
  }
  return out;
}

/** Before/after durations for the timing chart, by step id. */
export function baselineDurations(baseline: Baseline): Map<string, number> {
  return new Map(baseline.steps.map((s) => [s.id, s.durationMs]));
}
