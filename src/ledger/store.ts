// Where the ledger is kept: the Actions cache (the action), in the baseline's entry (src/baseline/
// store.ts: immutable keys, newest by prefix, a private folder in RUNNER_TEMP removed by post), or a
// file the CLI reads and appends (`buildx-guard build --ledger FILE`). A store that fails says so
// at debug level; the build's result never changes.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Baseline } from '../baseline/baseline.js';
import {
  BASELINE_FILE,
  baselineFolder,
  baselineKeys,
  freshPrivateFolder,
  readBaselineIn,
  restoreFolder,
  restoreGivenUp,
  saveJsonFolder,
  saveRefused,
  untrustedToSave,
} from '../baseline/store.js';
import type { CacheCallOptions } from '../baseline/cache-call.js';
import { readBounded } from '../fsio/read.js';
import { Redactor, type Redacted } from '../redact/redact.js';
import { checkLedger, type Ledger } from './window.js';

export interface LedgerStore {
  /** This run's id in the ledger (`<run id>-<attempt>`, or `local`). */
  readonly run: string;
  restore(): Promise<Ledger | undefined>;
  /** Saved only redacted: a step name can carry a secret build-arg. */
  save(ledger: Redacted<Ledger>): Promise<void>;
}

/** The ledger's file in the run's kept folder, beside the baseline's. */
const LEDGER_FILE = 'ledger.json';

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

/** What a run keeps between runs in the Actions cache: the baseline and the ledger. */
export interface Kept {
  baseline?: Baseline;
  ledger?: Ledger;
}

/**
 * The run's one entry in the Actions cache (docs/ledger.md): the baseline and the ledger side by
 * side in one folder, under the baseline's keys (immutable, newest by prefix). Restored once (the
 * first caller starts it, beside the build) and saved once, at the run's end. What the run does not
 * replace is carried from the restored entry: a failed build saves the last green build's baseline
 * beside the new ledger, and a run with `ledger: false` keeps the ledger as it was. One entry, not
 * one per part, because each save is a tar, a zstd and three requests: a ledger of its own cost a
 * clean cached build 77-90 ms.
 */
export interface KeptEntry {
  /** This run's id in the ledger (`<run id>-<attempt>`). */
  readonly run: string;
  restore(): Promise<Kept>;
  /**
   * Saved only redacted: a step name can carry a secret build-arg. Nothing new, nothing saved. A
   * pull request saves no ledger (it reads the base branch's, and carries none into its own
   * entry); an event untrustedToSave refuses saves nothing. One save per run: a second is refused.
   */
  save(parts: { baseline?: Redacted<Baseline>; ledger?: Redacted<Ledger> }): Promise<void>;
}

/** The Actions cache's entry for this build (repository, workflow, build key, branch). */
export function actionsKeptEntry(
  buildKey: string,
  /** The run's secrets: what is carried from the restored entry is redacted with them too. */
  secrets: readonly string[],
  env: NodeJS.ProcessEnv,
  debug: (m: string) => void,
  keep: (dir: string) => void,
  /** The bounded waits every cache call has (the phase's cancellation, the notice when given up). */
  opts: CacheCallOptions = {},
): KeptEntry {
  const keys = baselineKeys(env, buildKey);
  const dir = baselineFolder(buildKey, env);
  let restoring: Promise<Kept> | undefined;
  let saved = false;
  const restoreOnce = async (): Promise<Kept> => {
    if (!dir || !freshPrivateFolder(dir)) return {};
    keep(dir);
    const hit = await restoreFolder(keys, dir, debug, opts);
    // A restore given up may still be writing into the folder: not read, not saved this run.
    if (!hit || restoreGivenUp(dir)) return {};
    chmodSync(dir, 0o700);
    const kept: Kept = {};
    if (existsSync(join(dir, BASELINE_FILE))) {
      const b = readBaselineIn(dir);
      debug(`baseline: restored ${hit}${typeof b === 'string' ? ` (ignored: ${b})` : ''}`);
      if (typeof b !== 'string') kept.baseline = b;
    }
    const ledger = join(dir, LEDGER_FILE);
    if (existsSync(ledger)) kept.ledger = readLedgerFile(ledger, debug);
    return kept;
  };
  const restore = () =>
    (restoring ??= restoreOnce().catch((e): Kept => {
      debug(`cache: restore failed (${e instanceof Error ? e.message : String(e)}); carrying on without it.`);
      return {};
    }));
  return {
    run: `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    restore,
    async save({ baseline, ledger }) {
      if (!dir) return;
      if (saved) {
        debug('cache: the run’s entry is saved once; a second save is ignored.');
        return;
      }
      saved = true;
      const refused = saveRefused(dir, env);
      const readOnly = ledgerReadOnly(env);
      if (baseline && refused) debug(`baseline: not saved: ${refused}.`);
      if (ledger && (refused ?? readOnly)) debug(`ledger: not saved: ${refused ?? readOnly}.`);
      const newLedger = readOnly ? undefined : ledger;
      if (refused || (!baseline && !newLedger)) return;
      const restored = await restore();
      const redactor = new Redactor(secrets);
      const files: Record<string, Redacted<unknown>> = {};
      if (baseline) files[BASELINE_FILE] = baseline;
      else if (restored.baseline) files[BASELINE_FILE] = redactor.value(restored.baseline);
      if (newLedger) files[LEDGER_FILE] = newLedger;
      else if (!readOnly && restored.ledger) files[LEDGER_FILE] = redactor.value(restored.ledger);
      keep(dir);
      if (!(await saveJsonFolder(keys, dir, files, debug, env, opts))) return;
      if (baseline) debug(`baseline: saved as ${keys.key}`);
      if (newLedger) debug(`ledger: saved as ${keys.key}`);
    },
  };
}

/** The ledger's view of the run's entry (restore its ledger; save it alone, carrying the baseline). */
export function entryLedgerStore(entry: KeptEntry): LedgerStore {
  return {
    run: entry.run,
    restore: async () => (await entry.restore()).ledger,
    save: (ledger) => entry.save({ ledger }),
  };
}

/** A ledger file (the CLI): read, then replaced whole (written beside it, then renamed). */
export function fileLedgerStore(file: string, debug: (m: string) => void): LedgerStore {
  return {
    run: `local-${new Date().toISOString()}`,
    restore: async () => readLedgerFile(file, debug),
    async save(ledger) {
      // FILE's folder may be shared (a cache folder, /tmp): the name beside it is random and made
      // with O_EXCL ('wx'), which never follows a link another user planted there.
      const tmp = join(dirname(file), `.${randomBytes(12).toString('hex')}.ledger.tmp`);
      let made = false;
      try {
        writeFileSync(tmp, `${JSON.stringify(ledger)}\n`, { mode: 0o600, flag: 'wx' });
        made = true;
        renameSync(tmp, file);
      } catch (e) {
        debug(`ledger: could not write ${file}: ${(e as Error).message}`);
        if (made) rmSync(tmp, { force: true });
      }
    },
  };
}
