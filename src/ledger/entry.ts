// The flake ledger's events: every incident of one run, as typed values derived from what the
// pipeline returns (BuildOutcome's attempts, MergeOutcome's attempts, the strict bootstrap's failed
// nodes), never parsed back out of the report. Pure.
import type { BuildOutcome } from '../attempts/run.js';
import type { MergeOutcome } from '../merge/merge.js';
import { RETRYABLE, type Category, type Classification } from '../diagnosis/categories.js';
import { registryHostIn, type Stall } from '../diagnosis/stall.js';
import type { FailedNode } from '../types/builder.js';
import { samePlatform, serves } from '../types/platform.js';
import { failingStep } from '../trace/query.js';
import type { BuildTrace } from '../trace/types.js';

export type IncidentKind = 'attempt' | 'stall' | 'recheck' | 'boot' | 'merge';

/** One incident: a failed attempt, a node that did not boot, a stall, a merge retry. */
export interface LedgerEvent {
  kind: IncidentKind;
  category: Category;
  /** The cause's id (`goaway-graceful-stop`, `stalled-build`), when the classifier named one. */
  pattern?: string;
  /** Infrastructure, not the build's own fault: a retryable category, a node down, a stall. */
  transient: boolean;
  /** A later attempt succeeded. */
  recovered: boolean;
  /** The node it is attributed to (see attribute()); absent: unattributed, never guessed. */
  node?: string;
  endpoint?: string;
  /** The registry host, when the classification or the stall named one. */
  registry?: string;
  /** The step that was running (its label), when the log said which. */
  step?: string;
  /** What it cost: the failed attempt's duration and the wait before the next. */
  lostMs: number;
}

/** One run's entry: when, which nodes it ran on, how many attempts, and its incidents. */
export interface LedgerEntry {
  at: string;
  /** `<run id>-<attempt>` (or `local`). */
  run: string;
  attempts: number;
  nodes: { name: string; endpoint: string }[];
  events: LedgerEvent[];
}

/** A node as the builder lists it: what attribution needs. */
export interface LedgerNode {
  name: string;
  endpoint: string;
  platforms: string[];
  /** The platforms the user set on it (buildx's `*`), which buildx schedules first. */
  declared?: string[];
}

/**
 * The step a failed attempt was on: the one that failed on its own (the trace's failingStep: not a
 * cancellation), else the last one still running (a lost node leaves its step unfinished). Its
 * platform attributes the failure to a node only when it is certain: steps left running on two
 * platforms (a cut on one node while the other's step was running too) name no platform, whichever
 * of them the log printed last.
 */
export function stepOf(trace: BuildTrace): { label?: string; platform?: string } {
  const failed = failingStep(trace);
  if (failed && !failed.internal)
    return { label: failed.instruction ?? failed.name, platform: failed.platform };
  const running = trace.steps.filter((s) => !s.internal && !s.done && !s.cached);
  const last = running[running.length - 1];
  if (!last) return {};
  const platforms = new Set(running.map((s) => s.platform));
  return {
    label: last.instruction ?? last.name,
    ...(platforms.size === 1 && last.platform ? { platform: last.platform } : {}),
  };
}

/**
 * The node a failed attempt is attributed to: the node the re-check or the stall probe named when it
 * found exactly one down or silent; else the node serving the failing step's platform (the trace's
 * `[linux/386 …]` prefix, or the build's only platform), in buildx's order of preference: the one node
 * the user set that platform on (`*`: buildx schedules it there first), else the one node that lists
 * it, else the one node that serves it as the builder's preflight reads it (`serves`: os and
 * architecture, the variant when asked); two at the first tier that has any: none. Else the node of
 * a one-node builder; else none.
 */
export function attribute(
  nodes: readonly LedgerNode[],
  named: readonly { name: string; endpoint?: string }[],
  platform: string | undefined,
): { node?: string; endpoint?: string } {
  if (named.length === 1) {
    const n = nodes.find((x) => x.name === named[0].name);
    return { node: named[0].name, endpoint: named[0].endpoint || n?.endpoint || '' };
  }
  if (named.length > 1) return {};
  if (platform) {
    const by = (match: (node: string, step: string) => boolean, of = (n: LedgerNode) => n.platforms) =>
      nodes.filter((n) => of(n).some((p) => match(p, platform)));
    const tiers = [by(samePlatform, (n) => n.declared ?? []), by(samePlatform), by(serves)];
    const serving = tiers.find((t) => t.length) ?? [];
    if (serving.length === 1) return { node: serving[0].name, endpoint: serving[0].endpoint };
    if (serving.length > 1) return {};
  }
  if (nodes.length === 1) return { node: nodes[0].name, endpoint: nodes[0].endpoint };
  return {};
}

/**
 * The registry host of a failure: the stall's, else one the error text names, else the one host
 * the run pushes to (a `503 Service Unavailable` on a push names none).
 */
export function registryOf(
  c: Classification | undefined,
  stall: Stall | undefined,
  text: string,
  pushedTo: readonly string[] = [],
): string | undefined {
  if (stall?.registry?.host) return stall.registry.host;
  if (c?.category !== 'registry') return undefined;
  return (
    registryHostIn(text) ??
    text.match(/https?:\/\/([a-z0-9][a-z0-9.-]*(?::\d+)?)\/v2\//i)?.[1] ??
    (pushedTo.length === 1 ? pushedTo[0] : undefined)
  );
}

/** Infrastructure: a boot, re-check or stall always; a failed build or merge attempt by its category. */
function transient(c: Classification | undefined, kind: IncidentKind): boolean {
  const classified = kind === 'attempt' || kind === 'merge';
  return !classified || (!!c && (c.retryable || RETRYABLE.has(c.category)));
}

/** An attempt that ran to the end and exited 0. */
function succeeded(a: { exitCode: number; timedOut?: boolean; cancelled?: boolean }): boolean {
  return a.exitCode === 0 && !a.timedOut && !a.cancelled;
}

/** A build's (or bake's) entry: one event per failed attempt. */
/**
 * A node's identity from run to run: its name, or its endpoint when the name was made up for this
 * run (a builder the step did not name gets a new random name, so new node names, every run).
 */
export type NodeIdentity = (node: { name: string; endpoint: string }) => string;

/** Every node's name is its own (a named builder, or nodes named in `nodes`). */
export const byName: NodeIdentity = (n) => n.name;

/** Names made up for this run (config's generatedNodeNames) are replaced by the node's endpoint. */
export function nodeIdentity(generated: readonly string[]): NodeIdentity {
  return (n) => (generated.includes(n.name) && n.endpoint ? n.endpoint : n.name);
}

export function buildEntry(
  outcome: BuildOutcome,
  nodes: readonly LedgerNode[],
  platforms: readonly string[],
  run: string,
  now: Date,
  identity: NodeIdentity,
  /** The registry hosts the build pushes to (pushHosts of its tags), for a failure that names none. */
  pushedTo: readonly string[] = [],
): LedgerEntry {
  const events: LedgerEvent[] = [];
  outcome.attempts.forEach((a, i) => {
    if (succeeded(a)) return;
    if (a.cancelled || a.classification?.category === 'cancelled') return;
    const later = outcome.attempts.slice(i + 1).filter((b) => b.bake === a.bake);
    const recovered = later.some(succeeded);
    const step = stepOf(a.trace);
    const named = a.stall?.nodes.length ? a.stall.nodes : (a.downNodes ?? []);
    const platform = step.platform ?? (platforms.length === 1 ? platforms[0] : undefined);
    const kind: IncidentKind = a.stall ? 'stall' : a.downNodes?.length ? 'recheck' : 'attempt';
    const c = a.classification;
    events.push({
      kind,
      category: c?.category ?? 'unknown',
      ...(c?.pattern ? { pattern: c.pattern } : {}),
      transient: transient(c, kind),
      recovered,
      ...identified(attribute(nodes, named, platform), identity),
      ...optional('registry', registryOf(c, a.stall, a.trace.error ?? c?.reason ?? '', pushedTo)),
      ...optional('step', a.stall?.step ?? step.label),
      lostMs: Math.max(0, Math.round(a.durationMs + (a.waitMs ?? 0))),
    });
  });
  return {
    at: now.toISOString(),
    run,
    attempts: outcome.attempts.length,
    nodes: nodes.map((n) => ({ name: identity(n), endpoint: n.endpoint })),
    events,
  };
}

function identified(a: { node?: string; endpoint?: string }, identity: NodeIdentity): typeof a {
  return a.node ? { ...a, node: identity({ name: a.node, endpoint: a.endpoint ?? '' }) } : a;
}

/** A run the strict bootstrap stopped: every node that did not boot is an incident. */
export function bootEntry(
  failed: readonly FailedNode[],
  all: readonly { name: string; endpoint: string }[],
  run: string,
  now: Date,
  identity: NodeIdentity,
): LedgerEntry {
  const nodes = all.length ? all : failed;
  return {
    at: now.toISOString(),
    run,
    attempts: 0,
    nodes: nodes.map((n) => ({ name: identity(n), endpoint: n.endpoint })),
    events: failed.map((n) => ({
      kind: 'boot',
      category: 'builder',
      transient: true,
      recovered: false,
      node: identity(n),
      endpoint: n.endpoint,
      lostMs: 0,
    })),
  };
}

/** A merge's entry: every failed imagetools attempt (a merge retry) is an incident of its registry. */
export function mergeEntry(
  outcome: MergeOutcome,
  run: string,
  now: Date,
  /** The registry hosts the merge pushes to. */
  pushedTo: readonly string[] = [],
): LedgerEntry {
  const events: LedgerEvent[] = [];
  outcome.attempts.forEach((a, i) => {
    if (succeeded(a)) return;
    if (a.classification?.category === 'cancelled') return;
    const c = a.classification;
    events.push({
      kind: 'merge',
      category: c?.category ?? 'unknown',
      ...(c?.pattern ? { pattern: c.pattern } : {}),
      transient: transient(c, 'merge'),
      recovered: outcome.attempts.slice(i + 1).some(succeeded),
      ...optional('registry', registryOf(c, a.stall, a.trace.error ?? c?.reason ?? '', pushedTo)),
      lostMs: Math.max(0, Math.round(a.durationMs)),
    });
  });
  return { at: now.toISOString(), run, attempts: outcome.attempts.length, nodes: [], events };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
