// The action's own I/O around the pipeline: the Actions cache (cache-mode local, baselines) and the
// step's private folder in RUNNER_TEMP.
import { jobLog as log } from './joblog.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localCacheArgs, rotateLocalCache } from './attempts/local-cache.js';
import {
  baselineFolder,
  baselineKeys,
  cacheFolder,
  cacheKeys,
  freshPrivateFolder,
  restoreBaseline,
  restoreFolder,
  restoreGivenUp,
  saveBaseline,
  saveFolder,
} from './baseline/store.js';
import { describeFsError } from './config/errors.js';
import type { PipelineCache } from './pipeline.js';
import { actionsLedgerStore, type LedgerStore } from './ledger/store.js';
import { STATE } from './state-keys.js';

/** Folders the post phase removes (STATE.keptDirs): every kept folder, once it is used. */
const kept = new Set<string>();
function keep(...dirs: string[]): void {
  for (const d of dirs) kept.add(d);
  log.saveState(STATE.keptDirs, JSON.stringify([...kept]));
}

/**
 * The Actions cache behind cache-mode local and the baselines, keyed by this build. Every call stops
 * waiting at its deadline or on the phase's cancellation (`signal`), with a notice.
 */
export function actionsCache(key: string, signal?: AbortSignal): PipelineCache {
  const keys = baselineKeys(process.env, key);
  const opts = { signal, notice: (m: string) => log.notice(m) };
  const baselineDir = baselineFolder(key);
  return {
    async restoreLocal() {
      const dir = cacheFolder('buildcache', key);
      if (dir) keep(dir, `${dir}-new`);
      if (!dir || !freshPrivateFolder(dir) || !freshPrivateFolder(`${dir}-new`)) {
        log.info('cache-mode local: no private folder for the build cache (RUNNER_TEMP); starting cold.');
        return { cacheFrom: [], cacheTo: [], save: async () => {} };
      }
      const localKeys = cacheKeys('buildcache', process.env, key);
      const hit = await restoreFolder(localKeys, dir, (l) => log.debug(l), opts);
      // A restore given up may still be writing into the folder: neither read nor saved this run.
      if (restoreGivenUp(dir)) {
        log.info('cache-mode local: the build cache was not restored in time; starting cold.');
        return { cacheFrom: [], cacheTo: [], save: async () => {} };
      }
      log.info(
        hit
          ? `cache-mode local: restored the build cache ${hit}.`
          : 'cache-mode local: no build cache to restore; starting cold.',
      );
      return {
        ...localCacheArgs(dir),
        save: async () => {
          if (rotateLocalCache(dir)) await saveFolder(localKeys, dir, (l) => log.debug(l), process.env, opts);
        },
      };
    },
    restoreBaseline: async () => {
      if (!baselineDir) return undefined;
      keep(baselineDir);
      return restoreBaseline(keys, baselineDir, (l) => log.debug(l), opts);
    },
    saveBaseline: async (b) => {
      if (!baselineDir) return;
      keep(baselineDir);
      await saveBaseline(keys, baselineDir, b, (l) => log.debug(l), opts);
    },
  };
}

/** The flake ledger in the Actions cache, keyed like the baseline; its folder removed by post. */
export function actionsLedger(key: string, signal?: AbortSignal): LedgerStore {
  return actionsLedgerStore(
    key,
    process.env,
    (l) => log.debug(l),
    (dir) => keep(dir),
    {
      signal,
      notice: (m) => log.notice(m),
    },
  );
}

/** The step's private folder in RUNNER_TEMP; an error names the folder and what is wrong with it. */
export function stepTempDir(): string {
  const root = process.env.RUNNER_TEMP || tmpdir();
  try {
    return mkdtempSync(join(root, 'buildx-guard-'));
  } catch (e) {
    throw new Error(
      `Could not create the step's private folder in RUNNER_TEMP (${root}): ${describeFsError(e)}.`,
      { cause: e },
    );
  }
}
