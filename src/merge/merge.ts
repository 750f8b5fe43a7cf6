// `merge-sources`: `docker buildx imagetools create` of existing images (one per platform, pushed by
// digest from their own runners) into one index on every tag, with the build's classified retry,
// then a strict read-back: every platform of every source must be in the index on every tag.
import type { Buildx } from '../buildx/buildx.js';
import { abortableSleep } from '../attempts/run.js';
import { judgeFailure, type Random } from '../attempts/retry.js';
import type { Config } from '../config/config.js';
import type { Classification } from '../diagnosis/categories.js';
import { registryHostIn, StallWatch, type Stall } from '../attempts/watchdog.js';
import { parseTrace } from '../trace/parser.js';
import type { BuildTrace } from '../trace/types.js';

export interface MergeAttempt {
  number: number;
  exitCode: number;
  durationMs: number;
  classification?: Classification;
  decision?: string;
  trace: BuildTrace;
  /** The watchdog stopped this attempt: the registry stopped answering. */
  stall?: Stall;
}

/**
 * The whole merge (every attempt and its wait) ends within this, whatever attempt-timeout-minutes
 * says: imagetools copies manifests and blobs between registries, it has no reason to run longer.
 */
export const MERGE_DEADLINE_MS = 60 * 60_000;

export interface MergeOutcome {
  success: boolean;
  attempts: MergeAttempt[];
  failure?: Classification;
  stopReason?: string;
  /** The index digest (the same on every tag). */
  digest: string;
  platforms: string[];
  /** `{ sources, tags, digest, platforms }` as JSON, the `metadata` output. */
  metadata: string;
}

export interface MergeDeps {
  buildx: Buildx;
  info: (line: string) => void;
  /** Untrusted output of imagetools (wrapped by the caller). */
  out: (line: string) => void;
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  sleep?: (ms: number) => Promise<void>;
  random?: Random;
  signal?: AbortSignal;
  now?: () => number;
}

export function mergeArgs(sources: string[], tags: string[], annotations: string[]): string[] {
  return [
    'imagetools',
    'create',
    ...tags.flatMap((t) => ['--tag', t]),
    ...annotations.flatMap((a) => ['--annotation', a]),
    ...sources,
  ];
}

/** The index's digest and platforms as a tag or source reads back (`os/arch[/variant]`). */
interface ReadBack {
  digest: string;
  platforms: string[];
}

interface ManifestJson {
  digest?: string;
  manifests?: {
    platform?: { os?: string; architecture?: string; variant?: string };
    annotations?: Record<string, string>;
  }[];
}

function platformOf(p: { os?: string; architecture?: string; variant?: string }): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** The platforms of an image: an index's (attestations left out), or a single manifest's config. */
async function readBack(buildx: Buildx, ref: string): Promise<ReadBack> {
  const m = await buildx.buildx(['imagetools', 'inspect', '--format', '{{json .Manifest}}', ref], {
    timeoutMs: 120_000,
  });
  if (m.code !== 0) throw new Error(`cannot read ${ref}: ${lastLine(m.stderr) || `exit code ${m.code}`}`);
  const manifest = JSON.parse(m.stdout) as ManifestJson;
  if (manifest.manifests) {
    const platforms = manifest.manifests
      .filter((x) => x.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
      .map((x) => platformOf(x.platform ?? {}))
      .filter((p) => p && p !== 'unknown/unknown');
    return { digest: manifest.digest ?? '', platforms };
  }
  const img = await buildx.buildx(['imagetools', 'inspect', '--format', '{{json .Image}}', ref], {
    timeoutMs: 120_000,
  });
  if (img.code !== 0)
    throw new Error(`cannot read ${ref}: ${lastLine(img.stderr) || `exit code ${img.code}`}`);
  return { digest: manifest.digest ?? '', platforms: [platformOf(JSON.parse(img.stdout))] };
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .pop()
      ?.replace(/^ERROR: /, '') ?? ''
  );
}

/**
 * Reads every tag back and checks that each source's platforms are all in its index, and that every
 * tag names the same index. Returns the digest and the platforms; throws naming what is missing.
 */
export async function verifyMerge(buildx: Buildx, sources: string[], tags: string[]): Promise<ReadBack> {
  const want = new Map<string, string>();
  for (const s of sources) for (const p of (await readBack(buildx, s)).platforms) want.set(p, s);
  const problems: string[] = [];
  const digests = new Set<string>();
  let platforms: string[] = [];
  for (const tag of tags) {
    const got = await readBack(buildx, tag);
    digests.add(got.digest);
    platforms = got.platforms;
    const missing = [...want].filter(([p]) => !got.platforms.includes(p));
    if (missing.length)
      problems.push(`${tag} lacks ${missing.map(([p, s]) => `${p} (from ${s})`).join(', ')}`);
  }
  if (digests.size > 1) problems.push(`the tags name different indexes (${[...digests].join(', ')})`);
  if (problems.length) {
    throw new Error(`The merged index is incomplete: ${problems.join('; ')}.`);
  }
  return { digest: [...digests][0] ?? '', platforms };
}

export async function runMerge(config: Config, deps: MergeDeps): Promise<MergeOutcome> {
  const sources = config.merge!.sources;
  const { tags, annotations } = config.build;
  const sleep = deps.sleep ?? ((ms: number) => abortableSleep(ms, deps.signal));
  const random = deps.random ?? Math.random;
  const args = mergeArgs(sources, tags, annotations);
  const attempts: MergeAttempt[] = [];
  const failed = (failure: Classification, stopReason: string): MergeOutcome => ({
    success: false,
    attempts,
    failure,
    stopReason,
    digest: '',
    platforms: [],
    metadata: '',
  });
  const crashes = { count: 0 };
  const deadline = (deps.now ?? Date.now)() + MERGE_DEADLINE_MS;
  const stallMs = config.retry.stallTimeoutSeconds * 1000;
  for (let n = 1; ; n++) {
    const left = Math.max(1_000, deadline - (deps.now ?? Date.now)());
    const attemptMs =
      config.retry.attemptTimeoutMinutes > 0 ? config.retry.attemptTimeoutMinutes * 60_000 : left;
    // imagetools has no node to probe: output that stops for stall-timeout-seconds is the registry.
    const stop = new AbortController();
    let host: string | undefined;
    const watch =
      stallMs > 0
        ? new StallWatch({
            timeoutMs: stallMs,
            probe: async () => [],
            runningStep: () => 'imagetools create',
            waitsOnRegistry: () => true,
            registryHost: () => host,
            onQuiet: () => {},
            onStall: () => stop.abort(),
          })
        : undefined;
    watch?.start();
    const r = await deps.group(`Merge, attempt ${n} of ${config.retry.maxAttempts}`, () =>
      deps.buildx.buildx(args, {
        signal: deps.signal ? AbortSignal.any([deps.signal, stop.signal]) : stop.signal,
        timeoutMs: Math.min(attemptMs, left),
        onStderr: (d) => {
          watch?.progress();
          host = registryHostIn(String(d)) ?? host;
          String(d).split('\n').filter(Boolean).forEach(deps.out);
        },
      }),
    );
    watch?.stop();
    const trace = parseTrace(r.stderr);
    const attempt: MergeAttempt = { number: n, exitCode: r.code, durationMs: r.durationMs, trace };
    attempts.push(attempt);
    if (r.code === 0 && !r.timedOut && !r.cancelled) break;
    const { classification: c, plan } = judgeFailure(
      attempt,
      n,
      r,
      watch?.stall,
      crashes,
      config.retry,
      random,
    );
    if (!plan.retry) {
      deps.info(`Merge attempt ${n} failed (${c.category}): ${plan.why}.`);
      return failed(c, plan.why);
    }
    if ((deps.now ?? Date.now)() + plan.waitMs >= deadline) {
      const why = `the merge ran into its deadline of ${MERGE_DEADLINE_MS / 60_000} minutes`;
      attempt.decision = `stopped: ${why}`;
      deps.info(`Merge attempt ${n} failed (${c.category}): ${why}.`);
      return failed(c, why);
    }
    const wait = plan.waitMs;
    deps.info(
      `Merge attempt ${n} failed (${c.category}: ${c.reason}); retrying in ${(wait / 1000).toFixed(1)} s.`,
    );
    await sleep(wait);
    if (deps.signal?.aborted) return failed(c, 'the job was cancelled');
  }
  try {
    const got = await verifyMerge(deps.buildx, sources, tags);
    deps.info(
      `Merged ${sources.length} source(s) into ${got.digest} on ${tags.length} tag(s): ${got.platforms.join(', ')}.`,
    );
    return {
      success: true,
      attempts,
      digest: got.digest,
      platforms: got.platforms,
      metadata: JSON.stringify({ sources, tags, digest: got.digest, platforms: got.platforms }),
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return failed({ category: 'unknown', retryable: false, reason, pattern: 'merge-verify' }, reason);
  }
}

/** The step's (and the CLI's) one sentence when the merge failed for good. */
export function mergeFailureMessage(sources: number, outcome: MergeOutcome): string {
  const n = outcome.attempts.length;
  const error = outcome.attempts[n - 1]?.trace.error ?? outcome.stopReason ?? 'imagetools create failed';
  return `The merge of ${sources} source(s) failed after ${n} attempt${n === 1 ? '' : 's'} (${outcome.failure?.category ?? 'unknown'}): ${error}. Not retried further: ${outcome.stopReason ?? 'unknown'}.`;
}
