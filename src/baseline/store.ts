// Folders kept between runs with @actions/cache: the build's baseline, and (cache-mode: local) a buildx
// type=local cache. Keys are immutable, so each run saves under its own key and restores the newest of
// a branch through a restore-key prefix. The cache service is optional: when it is unavailable, or a
// save/restore fails, this says so once at debug level and the build carries on. Every call to the
// library goes through cache-call.ts: bounded by a deadline (CACHE_DEADLINE_MS) and the phase's
// cancellation; a call given up says why in a notice and is "nothing restored" / "not saved".
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readBounded } from '../fsio/read.js';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Redacted } from '../redact/redact.js';
import { BASELINE_MAX_BYTES, checkBaseline, type Baseline } from './baseline.js';
import {
  cacheCall,
  cacheDeadlineMs,
  cacheServiceAvailable as cacheAvailable,
  type CacheCallOptions,
} from './cache-call.js';

export type { CacheCallOptions } from './cache-call.js';

export type Kept = 'baseline' | 'buildcache';

export interface CacheKeys {
  /** This run's key (save). */
  key: string;
  /** The prefix whose newest entry is restored. */
  restorePrefix: string;
  /** What the entry carries: sets how long a cache call may take (a baseline's when absent). */
  kind?: Kept;
}

function clean(s: string): string {
  return s.replace(/[^a-zA-Z0-9._/-]/g, '-').slice(0, 120);
}

/**
 * `buildx-guard-<kind>-v1-<repo>-<workflow>-<build key>-<branch>@<run>-<attempt>`. On a pull request
 * (and pull_request_target) the restore prefix names the base branch; otherwise the branch itself.
 * The `@` ends the branch (clean() never leaves one in it), so the prefix of `main` never matches a
 * key of `main-fix`: a pull request from `main-fix` into `main` reads main's entry, not its own.
 */
export function cacheKeys(kind: Kept, env: NodeJS.ProcessEnv, buildKey: string): CacheKeys {
  const branch = env.GITHUB_HEAD_REF || (env.GITHUB_REF ?? '').replace(/^refs\/heads\//, '') || 'unknown';
  const baseBranch = env.GITHUB_BASE_REF || branch;
  const prefix = (b: string) =>
    [`buildx-guard-${kind}-v1`, env.GITHUB_REPOSITORY ?? '', env.GITHUB_WORKFLOW ?? '', buildKey, b]
      .map(clean)
      .join('-') + '@';
  return {
    key: `${prefix(branch)}${env.GITHUB_RUN_ID ?? '0'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    restorePrefix: prefix(env.GITHUB_BASE_REF ? baseBranch : branch),
    kind,
  };
}

export function baselineKeys(env: NodeJS.ProcessEnv, buildKey: string): CacheKeys {
  return cacheKeys('baseline', env, buildKey);
}

/**
 * Why this run must not save a baseline or build cache, or undefined when it may. An entry saved by
 * a run of `pull_request_target` or `workflow_run` lands in the base branch's cache scope, where a
 * later push restores it, and its content comes from a head the base repository does not control;
 * a pull request from a fork is the same head. A pull request event whose payload cannot be read is
 * taken for a fork. Every save (saveFolder) asks this first.
 */
export function untrustedToSave(env: NodeJS.ProcessEnv): string | undefined {
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (event === 'pull_request_target' || event === 'workflow_run')
    return `a ${event} run builds code its base repository does not control`;
  if (!/^pull_request/.test(event)) return undefined;
  let payload: { pull_request?: { head?: { repo?: { fork?: unknown; full_name?: unknown } } } };
  try {
    payload = JSON.parse(readBounded(env.GITHUB_EVENT_PATH ?? '', 'event'));
  } catch {
    return 'the pull request event payload could not be read, so the head may be a fork';
  }
  const repo = payload?.pull_request?.head?.repo;
  if (
    repo?.fork === true ||
    (typeof repo?.full_name === 'string' && repo.full_name !== env.GITHUB_REPOSITORY)
  )
    return 'the pull request comes from a fork';
  return undefined;
}

/**
 * The folder all kept folders go in: RUNNER_TEMP (private to the job, emptied by the runner after
 * it), or else `buildx-guard-<user>` in the system temp folder, made 0700 and refused when another
 * user owns it. Undefined when no private folder can be had (nothing is kept then).
 */
export function stateRoot(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.RUNNER_TEMP) return env.RUNNER_TEMP;
  const root = join(tmpdir(), `buildx-guard-${clean(userInfo().username)}`);
  try {
    mkdirSync(root, { mode: 0o700 });
  } catch {
    // It exists: checked below.
  }
  try {
    const st = lstatSync(root);
    if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid())) return undefined;
    chmodSync(root, 0o700);
    return root;
  } catch {
    return undefined;
  }
}

/**
 * The folder kept, `buildx-guard-<kind>-<hash of repository and build key>` in stateRoot. @actions/cache
 * hashes the literal paths into an entry's version, so it must be the same path in every run of this
 * build (RUNNER_TEMP is: the runner's `_temp`); the repository in the hash keeps two repositories on
 * one self-hosted runner apart. The post phase removes it.
 */
export function cacheFolder(
  kind: Kept,
  buildKey: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const root = stateRoot(env);
  if (!root) return undefined;
  const id = createHash('sha256')
    .update(`${env.GITHUB_REPOSITORY ?? ''}\u0000${buildKey}`)
    .digest('hex')
    .slice(0, 16);
  return join(root, `buildx-guard-${kind}-${id}`);
}

/** Makes `dir` empty and private (0700); false when it cannot be. */
export function freshPrivateFolder(dir: string): boolean {
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    return true;
  } catch {
    return false;
  }
}

export function baselineFolder(buildKey: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return cacheFolder('baseline', buildKey, env);
}

/**
 * Folders whose restore was given up (deadline or cancellation): the library may still write into
 * them, so nothing reads them as restored and nothing saves them in this run.
 */
const givenUp = new Set<string>();

/** Whether the restore into `dir` was given up in this run (its content cannot be trusted). */
export function restoreGivenUp(dir: string): boolean {
  return givenUp.has(dir);
}

function deadlineOf(keys: CacheKeys, say: (m: string) => void): number {
  return cacheDeadlineMs(keys.kind === 'buildcache' ? 'buildcache' : 'baseline', process.env, say);
}

/** Restores the newest entry under the prefix into `dir`; the matched key, or undefined. */
export async function restoreFolder(
  keys: CacheKeys,
  dir: string,
  debug: (m: string) => void,
  opts: CacheCallOptions = {},
): Promise<string | undefined> {
  if (!(await cacheAvailable())) {
    debug(`cache: the Actions cache service is not available here; nothing restored into ${dir}.`);
    return undefined;
  }
  const notice = opts.notice ?? debug;
  // The primary key cannot exist yet (it has this run's id): only the prefix can match.
  const restore = (lookupOnly = false) =>
    cacheCall(deadlineOf(keys, notice), opts, (cache) =>
      cache.restoreCache([dir], keys.key, [keys.restorePrefix], lookupOnly ? { lookupOnly } : undefined),
    );
  const giveUp = (message: string): undefined => {
    givenUp.add(dir);
    notice(`cache: restore of ${keys.restorePrefix}* given up: ${message}; carrying on without it.`);
    return undefined;
  };
  const first = await restore();
  if (first.ok && first.value) {
    debug(`cache: restored ${first.value}`);
    return first.value;
  }
  if (!first.ok && first.why !== 'failed') return giveUp(first.message);
  // The library answers "none" for a failed download, a truncated or garbage archive and a 5xx
  // alike. A run that took that for a miss would save the newest entry with nothing carried (no
  // ledger history, no last green baseline), so a miss is asked once more, lookup only, and an
  // entry that is there is restored once more. Twice unreadable, it is taken for broken: the run
  // carries on without it and its save starts again (a notice says so), rather than no run ever
  // saving again.
  const why = first.ok ? 'nothing restored' : first.message;
  const exists = await restore(true);
  // The service stopped answering: this run neither reads nor replaces the newest entry.
  if (!exists.ok && exists.why !== 'failed') return giveUp(exists.message);
  if (exists.ok && !exists.value) {
    debug(
      first.ok
        ? `cache: none found under ${keys.restorePrefix}`
        : `cache: restore failed (${first.message}); none found under ${keys.restorePrefix}.`,
    );
    return undefined;
  }
  if (!freshPrivateFolder(dir)) return undefined;
  const again = await restore();
  if (again.ok && again.value) {
    debug(`cache: restored ${again.value} on a second try (the first: ${why})`);
    return again.value;
  }
  if (!again.ok && again.why !== 'failed') return giveUp(again.message);
  freshPrivateFolder(dir);
  const newest = exists.ok ? exists.value : `the newest entry under ${keys.restorePrefix}`;
  notice(
    `cache: ${newest} could not be restored twice (${again.ok ? why : again.message}); carrying on without it, and this run's save starts it again.`,
  );
  return undefined;
}

/** Why `dir` must not be saved in this run (an untrusted event, a restore given up), or undefined. */
export function saveRefused(dir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return (
    untrustedToSave(env) ??
    (givenUp.has(dir) ? `the restore into ${dir} was given up and may still write into it` : undefined)
  );
}

export async function saveFolder(
  keys: CacheKeys,
  dir: string,
  debug: (m: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  opts: CacheCallOptions = {},
): Promise<boolean> {
  const refused = saveRefused(dir, env);
  if (refused) {
    debug(`cache: not saving ${keys.key}: ${refused}.`);
    return false;
  }
  if (!(await cacheAvailable()) || !existsSync(dir)) return false;
  const notice = opts.notice ?? debug;
  const r = await cacheCall(deadlineOf(keys, notice), opts, (cache) => cache.saveCache([dir], keys.key));
  if (r.ok) {
    debug(`cache: saved ${dir} as ${keys.key} (${r.value})`);
    return r.value !== -1;
  }
  if (r.why === 'failed') debug(`cache: save failed (${r.message}); carrying on.`);
  else notice(`cache: save of ${keys.key} given up: ${r.message}; carrying on.`);
  return false;
}

/** The baseline's file in the run's kept folder (src/ledger/store.ts keeps the ledger beside it). */
export const BASELINE_FILE = 'baseline.json';

/**
 * The baseline in a restored folder, validated (checkBaseline), or why it is ignored. The size is
 * checked before the file is read.
 */
export function readBaselineIn(dir: string): Baseline | string {
  const file = join(dir, BASELINE_FILE);
  try {
    const st = lstatSync(file);
    if (!st.isFile()) return 'not a regular file';
    if (st.size > BASELINE_MAX_BYTES) return `larger than ${BASELINE_MAX_BYTES} bytes`;
    return checkBaseline(readBounded(file, 'baseline'));
  } catch {
    return 'no baseline.json in it';
  }
}

/**
 * Writes `files` (name → a redacted value, as JSON) into `dir`, made fresh and private, and saves it
 * as `keys.key`: the one way a kept folder's JSON reaches the Actions cache (saveFolder's refusals
 * first: an untrusted event, a restore given up). True when saved.
 */
export async function saveJsonFolder(
  keys: CacheKeys,
  dir: string,
  files: Readonly<Record<string, Redacted<unknown>>>,
  debug: (m: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  opts: CacheCallOptions = {},
): Promise<boolean> {
  const refused = saveRefused(dir, env);
  if (refused) {
    debug(`cache: not saving ${keys.key}: ${refused}.`);
    return false;
  }
  if (!(await cacheAvailable()) || !freshPrivateFolder(dir)) return false;
  for (const [name, value] of Object.entries(files))
    writeFileSync(join(dir, name), JSON.stringify(value), { mode: 0o600 });
  return saveFolder(keys, dir, debug, env, opts);
}
