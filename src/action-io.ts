// The action's own I/O around the pipeline: the Actions cache (cache-mode local, baseline, ledger) and the
// step's private folder in RUNNER_TEMP.
import { jobLog as log } from './joblog.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localCacheArgs, rotateLocalCache } from './attempts/local-cache.js';
import {
  cacheFolder,
  cacheKeys,
  freshPrivateFolder,
  restoreFolder,
  restoreGivenUp,
  saveFolder,
} from './baseline/store.js';
import { describeFsError } from './config/errors.js';
import type { PipelineCache } from './pipeline.js';
import { actionsKeptEntry, entryLedgerStore, type KeptEntry, type LedgerStore } from './ledger/store.js';
import { STATE } from './state-keys.js';

/** Folders the post phase removes (STATE.keptDirs): every kept folder, once it is used. */
const kept = new Set<string>();
function keep(...dirs: string[]): void {
  for (const d of dirs) kept.add(d);
  log.saveState(STATE.keptDirs, JSON.stringify([...kept]));
}

/**
 * The Actions cache behind cache-mode local, the baseline and the flake ledger, keyed by this build:
 * the baseline and the ledger in the run's one entry (actionsKeptEntry: one restore, one save). Every
 * call stops waiting at its deadline or on the phase's cancellation (`signal`), with a notice.
 */
export function actionsCache(
  key: string,
  /** The `ledger` input: the ledger is kept in the entry, restored and appended. */
  ledger: boolean,
  secrets: readonly string[],
  signal?: AbortSignal,
): PipelineCache {
  const opts = { signal, notice: (m: string) => log.notice(m) };
  const entry = keptEntry(key, secrets, signal);
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
    restoreBaseline: async () => (await entry.restore()).baseline,
    ...(ledger ? { ledger: entryLedgerStore(entry) } : {}),
    saveKept: (parts) => entry.save(parts),
  };
}

/** The run's entry in the Actions cache (baseline and ledger); its folder removed by post. */
function keptEntry(key: string, secrets: readonly string[], signal?: AbortSignal): KeptEntry {
  return actionsKeptEntry(
    key,
    secrets,
    process.env,
    (l) => log.debug(l),
    (dir) => keep(dir),
    { signal, notice: (m) => log.notice(m) },
  );
}

/**
 * The flake ledger alone, for a run outside the pipeline (a builder that did not come up, a merge):
 * in the same entry, which carries the restored baseline beside the new ledger.
 */
export function actionsLedger(key: string, secrets: readonly string[], signal?: AbortSignal): LedgerStore {
  return entryLedgerStore(keptEntry(key, secrets, signal));
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
