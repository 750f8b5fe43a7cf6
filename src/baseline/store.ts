// Saves and restores baselines with @actions/cache. Keys are immutable, so each run saves under its
// own key and restores the newest of a branch through a restore-key prefix. The cache service is
// optional: when it is unavailable, or a save/restore fails, this says so once at debug level.
import * as cache from '@actions/cache';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBaseline, type Baseline } from './baseline.js';

export interface BaselineKeys {
  /** This run's key (save). */
  key: string;
  /** The prefix whose newest entry is the baseline (restore). */
  restorePrefix: string;
}

const FILE = 'baseline.json';

/**
 * The folder the baseline is saved from and restored to. @actions/cache hashes the literal paths into
 * an entry's version, so it must be the same path in every run of this build: a temp folder named
 * after the build's key.
 */
export function baselineFolder(buildKey: string): string {
  return join(
    tmpdir(),
    `buildx-guard-baseline-${createHash('sha256').update(buildKey).digest('hex').slice(0, 16)}`,
  );
}

function clean(s: string): string {
  return s.replace(/[^a-zA-Z0-9._/-]/g, '-').slice(0, 120);
}

/**
 * `buildx-guard-baseline-v1-<repo>-<workflow>-<build key>-<branch>-<run>-<attempt>`. On a pull request
 * the restore prefix names the base branch; on a push, the branch itself.
 */
export function baselineKeys(env: NodeJS.ProcessEnv, buildKey: string): BaselineKeys {
  const branch = env.GITHUB_HEAD_REF || (env.GITHUB_REF ?? '').replace(/^refs\/heads\//, '') || 'unknown';
  const baseBranch = env.GITHUB_BASE_REF || branch;
  const prefix = (b: string) =>
    ['buildx-guard-baseline-v1', env.GITHUB_REPOSITORY ?? '', env.GITHUB_WORKFLOW ?? '', buildKey, b]
      .map(clean)
      .join('-') + '-';
  return {
    key: `${prefix(branch)}${env.GITHUB_RUN_ID ?? '0'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    restorePrefix: prefix(env.GITHUB_EVENT_NAME === 'pull_request' ? baseBranch : branch),
  };
}

export async function restoreBaseline(
  keys: BaselineKeys,
  dir: string,
  debug: (m: string) => void,
): Promise<Baseline | undefined> {
  if (!cache.isFeatureAvailable()) {
    debug('baseline: the Actions cache service is not available here; comparing with no baseline.');
    return undefined;
  }
  mkdirSync(dir, { recursive: true });
  try {
    // The primary key cannot exist yet (it has this run's id): only the prefix can match.
    const hit = await cache.restoreCache([dir], keys.key, [keys.restorePrefix]);
    if (!hit) {
      debug(`baseline: none found under ${keys.restorePrefix}`);
      return undefined;
    }
    const file = join(dir, FILE);
    const b = existsSync(file) ? parseBaseline(readFileSync(file, 'utf8')) : undefined;
    debug(`baseline: restored ${hit}${b ? '' : ' (unreadable, ignored)'}`);
    return b;
  } catch (e) {
    debug(`baseline: restore failed (${(e as Error).message}); carrying on without one.`);
    return undefined;
  }
}

export async function saveBaseline(
  keys: BaselineKeys,
  dir: string,
  baseline: Baseline,
  debug: (m: string) => void,
): Promise<boolean> {
  if (!cache.isFeatureAvailable()) return false;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, FILE), JSON.stringify(baseline));
  try {
    const id = await cache.saveCache([dir], keys.key);
    debug(`baseline: saved as ${keys.key} (${id})`);
    return id !== -1;
  } catch (e) {
    debug(`baseline: save failed (${(e as Error).message}); carrying on.`);
    return false;
  }
}
