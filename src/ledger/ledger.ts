// One run's part in the ledger, for every adapter: restore (started early, beside the build), append
// this run's entry, count the window, the flaky findings, save redacted. Every failure of the store
// is a debug line: the build's result never depends on the ledger.
import { Redactor, type Redacted } from '../redact/redact.js';
import type { Finding } from '../findings/types.js';
import type { LedgerEntry } from './entry.js';
import { flakyFindings } from './render.js';
import type { LedgerStore } from './store.js';
import { append, fit, summarize, type Ledger, type LedgerSummary } from './window.js';

/** What the report shows of the ledger and the `ledger` output holds. */
export interface LedgerView {
  summary: LedgerSummary;
  /** This run's entry (its incidents: the "Recovered:" line). */
  entry: LedgerEntry;
  findings: Finding[];
}

/** Starts reading the ledger (a failure is no ledger). */
export function restoreLedger(
  store: LedgerStore | undefined,
  debug: (m: string) => void,
): Promise<Ledger | undefined> {
  if (!store) return Promise.resolve(undefined);
  return store.restore().catch((e) => {
    debug(`ledger: restore failed (${e instanceof Error ? e.message : String(e)}); starting a new one.`);
    return undefined;
  });
}

/**
 * Appends the entry to the restored window and counts it, redacted with `secrets`: the view, and the
 * window to save (the caller saves it: the pipeline in the run's one save, beside the baseline).
 */
export async function recordRun(
  restored: Promise<Ledger | undefined>,
  entry: LedgerEntry,
  secrets: readonly string[],
  now = new Date(),
): Promise<{ view: LedgerView; ledger: Redacted<Ledger> }> {
  // Redacted once, before anything is counted, shown or saved: a step name can carry a secret.
  const redactor = new Redactor(secrets);
  const ledger = redactor.value(append(await restored, redactor.value(entry), now));
  const own = redactor.value(fit(entry));
  const mine = ledger.entries.find((e) => e.run === own.run && e.at === own.at) ?? own;
  return {
    view: { summary: summarize(ledger, mine, now), entry: mine, findings: flakyFindings(ledger) },
    ledger,
  };
}

/**
 * A run outside the pipeline (a builder that did not come up, a merge): restore, append its entry,
 * save, then the view.
 */
export async function recordAndSave(
  store: LedgerStore,
  entry: (run: string) => LedgerEntry,
  secrets: readonly string[],
  debug: (m: string) => void,
): Promise<LedgerView> {
  const { view, ledger } = await recordRun(restoreLedger(store, debug), entry(store.run), secrets);
  await saveLedger(store, ledger, debug);
  return view;
}

/** Saves the window; a failure is a debug line. */
export async function saveLedger(
  store: LedgerStore,
  ledger: Redacted<Ledger>,
  debug: (m: string) => void,
): Promise<void> {
  await store
    .save(ledger)
    .catch((e) => debug(`ledger: save failed (${e instanceof Error ? e.message : String(e)}); carrying on.`));
}

/** The `ledger` output (docs/ledger.md): the window's counts as one line of JSON. */
export function ledgerOutput(view: LedgerView | undefined): string {
  return view ? JSON.stringify(view.summary) : '';
}
