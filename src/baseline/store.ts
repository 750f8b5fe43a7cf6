// Folders kept between runs with @actions/cache: the build's baseline, and (cache-mode: local) a buildx
// type=local cache. Keys are immutable, so each run saves under its own key and restores the newest of
// a branch through a restore-key prefix. The cache service is optional: when it is unavailable, or a
// save/restore fails, this says so once at debug level and the build carries on.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redacted } from '../redact/redact.js';
import { parseBaseline, type Baseline } from './baseline.js';

// The Actions cache library (and its storage clients, 1.6 MB) loads only when a cache is used.
const actionsCache = () => import('@actions/cache');

/**
 * Whether the Actions cache service can be there. @actions/cache's isFeatureAvailable() reads one of
 * these two variables (v1 or v2 service); without either the library is not even loaded.
 */
async function cacheAvailable(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!env.ACTIONS_CACHE_URL && !env.ACTIONS_RESULTS_URL) return false;
  return (await actionsCache()).isFeatureAvailable();
}

export type Kept = 'baseline' | 'buildcache';

export interface CacheKeys {
  /** This run's key (save). */
  key: string;
  /** The prefix whose newest entry is restored. */
  restorePrefix: string;
}

function clean(s: string): string {
  return s.replace(/[^a-zA-Z0-9._/-]/g, '-').slice(0, 120);
}

/**
 * `buildx-guard-<kind>-v1-<repo>-<workflow>-<build key>-<branch>-<run>-<attempt>`. On a pull request
 * the restore prefix names the base branch; on a push, the branch itself.
 */
export function cacheKeys(kind: Kept, env: NodeJS.ProcessEnv, buildKey: string): CacheKeys {
  const branch = env.GITHUB_HEAD_REF || (env.GITHUB_REF ?? '').replace(/^refs\/heads\//, '') || 'unknown';
  const baseBranch = env.GITHUB_BASE_REF || branch;
  const prefix = (b: string) =>
    [`buildx-guard-${kind}-v1`, env.GITHUB_REPOSITORY ?? '', env.GITHUB_WORKFLOW ?? '', buildKey, b]
      .map(clean)
      .join('-') + '-';
  return {
    key: `${prefix(branch)}${env.GITHUB_RUN_ID ?? '0'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    restorePrefix: prefix(env.GITHUB_EVENT_NAME === 'pull_request' ? baseBranch : branch),
  };
}

export function baselineKeys(env: NodeJS.ProcessEnv, buildKey: string): CacheKeys {
  return cacheKeys('baseline', env, buildKey);
}

/**
 * The folder kept. @actions/cache hashes the literal paths into an entry's version, so it must be the
 * same path in every run of this build: a temp folder named after the build's key.
 */
export function cacheFolder(kind: Kept, buildKey: string): string {
  return join(
    tmpdir(),
    `buildx-guard-${kind}-${createHash('sha256').update(buildKey).digest('hex').slice(0, 16)}`,
  );
}

export function baselineFolder(buildKey: string): string {
  return cacheFolder('baseline', buildKey);
}

/** Restores the newest entry under the prefix into `dir`; the matched key, or undefined. */
export async function restoreFolder(
  keys: CacheKeys,
  dir: string,
  debug: (m: string) => void,
): Promise<string | undefined> {
  if (!(await cacheAvailable())) {
    debug(`cache: the Actions cache service is not available here; nothing restored into ${dir}.`);
    return undefined;
  }
  try {
    // The primary key cannot exist yet (it has this run's id): only the prefix can match.
    const hit = await (await actionsCache()).restoreCache([dir], keys.key, [keys.restorePrefix]);
    debug(hit ? `cache: restored ${hit}` : `cache: none found under ${keys.restorePrefix}`);
    return hit;
  } catch (e) {
    debug(`cache: restore failed (${(e as Error).message}); carrying on without it.`);
    return undefined;
  }
}

export async function saveFolder(keys: CacheKeys, dir: string, debug: (m: string) => void): Promise<boolean> {
  if (!(await cacheAvailable()) || !existsSync(dir)) return false;
  try {
    const id = await (await actionsCache()).saveCache([dir], keys.key);
    debug(`cache: saved ${dir} as ${keys.key} (${id})`);
    return id !== -1;
  } catch (e) {
    debug(`cache: save failed (${(e as Error).message}); carrying on.`);
    return false;
  }
}

const FILE = 'baseline.json';

export async function restoreBaseline(
  keys: CacheKeys,
  dir: string,
  debug: (m: string) => void,
): Promise<Baseline | undefined> {
  if (!(await cacheAvailable())) {
    debug('baseline: the Actions cache service is not available here; comparing with no baseline.');
    return undefined;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const hit = await restoreFolder(keys, dir, debug);
  const file = join(dir, FILE);
  const b = hit && existsSync(file) ? parseBaseline(readFileSync(file, 'utf8')) : undefined;
  if (hit) debug(`baseline: restored ${hit}${b ? '' : ' (unreadable, ignored)'}`);
  return b;
}

export async function saveBaseline(
  keys: CacheKeys,
  dir: string,
  baseline: Redacted<Baseline>,
  debug: (m: string) => void,
): Promise<boolean> {
  if (!(await cacheAvailable())) return false;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, FILE), JSON.stringify(baseline));
  const saved = await saveFolder(keys, dir, debug);
  if (saved) debug(`baseline: saved as ${keys.key}`);
  return saved;
}
