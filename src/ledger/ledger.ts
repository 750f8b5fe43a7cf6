// One run's part in the ledger, for every adapter: restore (started early, beside the build), append
// this run's entry, count the window, the flaky findings, save redacted. Every failure of the store
// is a debug line: the build's result never depends on the ledger.
import { Redactor } from '../redact/redact.js';
import type { Finding } from '../findings/types.js';
import type { LedgerEntry } from './entry.js';
import { flakyFindings } from './render.js';
import type { LedgerStore } from './store.js';
import { append, summarize, type Ledger, type LedgerSummary } from './window.js';

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
 * Appends the entry to the restored window, counts it and starts saving it (redacted with
 * `secrets`): the view at once, and the save to await before the phase ends (it overlaps what
 * follows, the baseline's save and the report).
 */
export async function recordRun(
  store: LedgerStore,
  restored: Promise<Ledger | undefined>,
  entry: LedgerEntry,
  secrets: readonly string[],
  debug: (m: string) => void,
  now = new Date(),
): Promise<{ view: LedgerView; saving: Promise<void> }> {
  // Redacted once, before anything is counted, shown or saved: a step name can carry a secret.
  const redactor = new Redactor(secrets);
  const ledger = redactor.value(append(await restored, redactor.value(entry), now));
  const own = redactor.value(entry);
  const mine = ledger.entries.find((e) => e.run === own.run && e.at === own.at) ?? own;
  const view = { summary: summarize(ledger, mine, now), entry: mine, findings: flakyFindings(ledger) };
  const saving = Promise.resolve()
    .then(() => store.save(ledger))
    .catch((e) => debug(`ledger: save failed (${e instanceof Error ? e.message : String(e)}); carrying on.`));
  return { view, saving };
}

/**
 * A run outside the pipeline (a builder that did not come up, a merge): restore, append its entry,
 * save, then the view. The pipeline calls recordRun itself, to overlap the save with its own.
 */
export async function recordAndSave(
  store: LedgerStore,
  entry: (run: string) => LedgerEntry,
  secrets: readonly string[],
  debug: (m: string) => void,
): Promise<LedgerView> {
  const { view, saving } = await recordRun(
    store,
    restoreLedger(store, debug),
    entry(store.run),
    secrets,
    debug,
  );
  await saving;
  return view;
}

/** The `ledger` output (docs/ledger.md): the window's counts as one line of JSON. */
export function ledgerOutput(view: LedgerView | undefined): string {
  return view ? JSON.stringify(view.summary) : '';
}
