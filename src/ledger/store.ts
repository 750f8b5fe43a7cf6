// Where the ledger is kept: the Actions cache (the action), the way the baseline is (src/baseline/
// store.ts: immutable keys, newest by prefix, a private folder in RUNNER_TEMP removed by post), or a
// file the CLI reads and appends (`buildx-guard build --ledger FILE`). A store that fails says so
// at debug level; the build's result never changes.
import { chmodSync, lstatSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  cacheFolder,
  cacheKeys,
  freshPrivateFolder,
  restoreFolder,
  restoreGivenUp,
  saveFolder,
  untrustedToSave,
} from '../baseline/store.js';
import type { CacheCallOptions } from '../baseline/cache-call.js';
import { readBounded } from '../fsio/read.js';
import type { Redacted } from '../redact/redact.js';
import { checkLedger, type Ledger } from './window.js';

export interface LedgerStore {
  /** This run's id in the ledger (`<run id>-<attempt>`, or `local`). */
  readonly run: string;
  restore(): Promise<Ledger | undefined>;
  /** Saved only redacted: a step name can carry a secret build-arg. */
  save(ledger: Redacted<Ledger>): Promise<void>;
}

const FILE = 'ledger.json';

/** Reads a ledger file: the checked ledger, or why it is ignored (one debug line). */
export function readLedgerFile(file: string, debug: (m: string) => void): Ledger | undefined {
  let textOf: string;
  try {
    const st = lstatSync(file);
    if (!st.isFile()) {
      debug(`ledger: ${file} ignored: not a regular file.`);
      return undefined;
    }
    textOf = readBounded(file, 'ledger');
  } catch (e) {
    debug(`ledger: ${file} ignored: ${(e as Error).message}`);
    return undefined;
  }
  const r = checkLedger(textOf);
  if (typeof r === 'string') {
    debug(`ledger: ${file} ignored: ${r}.`);
    return undefined;
  }
  if (r.dropped)
    debug(`ledger: ${r.dropped} malformed entr${r.dropped === 1 ? 'y' : 'ies'} of ${file} dropped.`);
  return r.ledger;
}

/** Why this run must not write the ledger: pull requests read the base branch's, never write. */
export function ledgerReadOnly(env: NodeJS.ProcessEnv): string | undefined {
  if (/^pull_request/.test(env.GITHUB_EVENT_NAME ?? ''))
    return 'a pull request reads the base branch’s ledger and does not write it';
  return untrustedToSave(env);
}

/** The Actions cache store, keyed like the baseline (repository, workflow, build key, branch). */
export function actionsLedgerStore(
  buildKey: string,
  env: NodeJS.ProcessEnv,
  debug: (m: string) => void,
  keep: (dir: string) => void,
  /** The bounded waits every cache call has (the phase's cancellation, the notice when given up). */
  opts: CacheCallOptions = {},
): LedgerStore {
  const keys = cacheKeys('ledger', env, buildKey);
  const dir = cacheFolder('ledger', buildKey, env);
  return {
    run: `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    async restore() {
      if (!dir || !freshPrivateFolder(dir)) return undefined;
      keep(dir);
      const hit = await restoreFolder(keys, dir, debug, opts);
      // A restore given up may still be writing into the folder: not read, not saved this run.
      if (!hit || restoreGivenUp(dir)) return undefined;
      chmodSync(dir, 0o700);
      return readLedgerFile(join(dir, FILE), debug);
    },
    async save(ledger) {
      const why = ledgerReadOnly(env);
      if (why) {
        debug(`ledger: not saved: ${why}.`);
        return;
      }
      if (!dir) return;
      if (restoreGivenUp(dir)) {
        debug(`ledger: not saved: the restore into ${dir} was given up and may still write into it.`);
        return;
      }
      if (!freshPrivateFolder(dir)) return;
      keep(dir);
      writeFileSync(join(dir, FILE), JSON.stringify(ledger), { mode: 0o600 });
      if (await saveFolder(keys, dir, debug, env, opts)) debug(`ledger: saved as ${keys.key}`);
    },
  };
}

/** A ledger file (the CLI): read, then replaced whole (written beside it, then renamed). */
export function fileLedgerStore(file: string, debug: (m: string) => void): LedgerStore {
  return {
    run: `local-${new Date().toISOString()}`,
    restore: async () => readLedgerFile(file, debug),
    async save(ledger) {
      const tmp = join(dirname(file), `.${process.pid}.ledger.tmp`);
      try {
        writeFileSync(tmp, `${JSON.stringify(ledger)}\n`, { mode: 0o600 });
        renameSync(tmp, file);
      } catch (e) {
        debug(`ledger: could not write ${file}: ${(e as Error).message}`);
      }
    },
  };
}
