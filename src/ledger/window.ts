// The ledger: a rolling window of run entries (the last 100 runs or 30 days, whichever is smaller,
// at most 256 KB), its schema check (a hostile entry is dropped, never trusted), and the window's
// counts (the `ledger` output). Pure.
import { CATEGORIES, type Category } from '../diagnosis/categories.js';
import { isCount as count, isList, isObject, isText } from '../types/json-shape.js';
import type { IncidentKind, LedgerEntry, LedgerEvent } from './entry.js';

export interface Ledger {
  version: 1;
  entries: LedgerEntry[];
}

export const LEDGER_MAX_RUNS = 100;
export const LEDGER_MAX_AGE_MS = 30 * 24 * 3600_000;
export const LEDGER_MAX_BYTES = 256 * 1024;
const WEEK_MS = 7 * 24 * 3600_000;

/** Bounds the window: entries newer than 30 days, the newest 100, then oldest first out until ≤ 256 KB. */
export function bound(entries: readonly LedgerEntry[], now: Date): LedgerEntry[] {
  const since = now.getTime() - LEDGER_MAX_AGE_MS;
  // An entry dated after this run (a clock ahead, or a forged date) would outlive every real one.
  const until = now.getTime() + 60_000;
  const kept = entries
    .filter((e) => Date.parse(e.at) >= since && Date.parse(e.at) <= until)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .slice(-LEDGER_MAX_RUNS);
  // Sizes add up (one JSON array): linear, not one stringify per dropped entry.
  const sizes = kept.map((e) => Buffer.byteLength(JSON.stringify(e)) + 1);
  let total = sizes.reduce((s, n) => s + n, 0) + Buffer.byteLength('{"version":1,"entries":[]}');
  let first = 0;
  while (total > LEDGER_MAX_BYTES && first < kept.length) total -= sizes[first++];
  return kept.slice(first);
}

/** The restored ledger with this run's entry appended (fitted to the check), bounded. */
export function append(ledger: Ledger | undefined, entry: LedgerEntry, now: Date): Ledger {
  return { version: 1, entries: bound([...(ledger?.entries ?? []), fit(entry)], now) };
}

const KINDS: readonly IncidentKind[] = ['attempt', 'stall', 'recheck', 'boot', 'merge'];
/** A name, endpoint, step label or pattern id: at most this long. */
const MAX_TEXT = 512;
/** Nodes and events of one entry: at most this many. */
const MAX_ITEMS = 64;
/** An entry's run id and date: at most this long. */
const MAX_RUN = 128;
const MAX_AT = 40;
const str = (v: unknown, max = MAX_TEXT): v is string => isText(v, max);

/**
 * An entry cut to what checkEntry reads back, so a run's incidents are never saved only to be
 * dropped by the next run: texts clipped (a long `RUN` line), the last 64 events and nodes (an
 * isolated bake of many targets).
 */
export function fit(e: LedgerEntry): LedgerEntry {
  const clip = (t: string, max = MAX_TEXT) => (t.length > max ? `${t.slice(0, max - 1)}…` : t);
  const some = <K extends 'pattern' | 'node' | 'endpoint' | 'registry' | 'step'>(k: K, v?: string) =>
    v === undefined ? {} : { [k]: clip(v) };
  return {
    at: clip(e.at, MAX_AT),
    run: clip(e.run, MAX_RUN),
    attempts: e.attempts,
    nodes: e.nodes.slice(-MAX_ITEMS).map((n) => ({ name: clip(n.name), endpoint: clip(n.endpoint) })),
    events: e.events.slice(-MAX_ITEMS).map((v) => ({
      ...v,
      ...some('pattern', v.pattern),
      ...some('node', v.node),
      ...some('endpoint', v.endpoint),
      ...some('registry', v.registry),
      ...some('step', v.step),
    })),
  };
}

function checkEvent(v: unknown): LedgerEvent | undefined {
  if (!isObject(v)) return undefined;
  const { kind, category, pattern, transient, recovered, node, endpoint, registry, step, lostMs } = v;
  if (!KINDS.includes(kind as IncidentKind) || !CATEGORIES.includes(category as Category)) return undefined;
  if (typeof transient !== 'boolean' || typeof recovered !== 'boolean' || !count(lostMs)) return undefined;
  for (const o of [pattern, node, endpoint, registry, step]) if (o !== undefined && !str(o)) return undefined;
  return {
    kind: kind as IncidentKind,
    category: category as Category,
    ...(pattern !== undefined ? { pattern: pattern as string } : {}),
    transient,
    recovered,
    ...(node !== undefined ? { node: node as string } : {}),
    ...(endpoint !== undefined ? { endpoint: endpoint as string } : {}),
    ...(registry !== undefined ? { registry: registry as string } : {}),
    ...(step !== undefined ? { step: step as string } : {}),
    lostMs,
  };
}

function checkEntry(v: unknown): LedgerEntry | undefined {
  if (!isObject(v)) return undefined;
  const { at, run, attempts, nodes, events } = v;
  if (!str(at, MAX_AT) || Number.isNaN(Date.parse(at)) || !str(run, MAX_RUN) || !count(attempts))
    return undefined;
  if (!isList(nodes, MAX_ITEMS) || !isList(events, MAX_ITEMS)) return undefined;
  const ns = nodes.map((n) =>
    isObject(n) && str(n.name) && str(n.endpoint) ? { name: n.name, endpoint: n.endpoint } : undefined,
  );
  const es = events.map(checkEvent);
  if (ns.includes(undefined) || es.includes(undefined)) return undefined;
  return {
    at,
    run,
    attempts,
    nodes: ns as LedgerEntry['nodes'],
    events: es as LedgerEvent[],
  };
}

/**
 * A restored ledger's text, checked: the ledger with every well-formed entry (fresh objects: nothing
 * of the text's own is kept), and how many were dropped; or why the whole text is ignored.
 */
export function checkLedger(text: string): { ledger: Ledger; dropped: number } | string {
  if (Buffer.byteLength(text) > LEDGER_MAX_BYTES * 2) return `larger than ${LEDGER_MAX_BYTES * 2} bytes`;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (!isObject(v) || v.version !== 1 || !Array.isArray(v.entries)) return 'not a version 1 ledger';
  const entries = v.entries.map(checkEntry);
  const kept = entries.filter((e): e is LedgerEntry => !!e);
  return { ledger: { version: 1, entries: kept }, dropped: entries.length - kept.length };
}

export interface Tally {
  incidents: number;
  recovered: number;
  notRecovered: number;
  lostMs: number;
}

/** The `ledger` output: the window's counts (docs/ledger.md). */
export interface LedgerSummary {
  version: 1;
  window: { runs: number; since: string; until: string };
  thisRun: { attempts: number; recovered: number; notRecovered: number; lostMs: number };
  nodes: ({ node: string; endpoint: string; runs: number; categories: Record<string, number> } & Tally)[];
  categories: ({ category: string } & Tally)[];
  registries: ({ host: string } & Tally)[];
  trend: { thisWeek: number; lastWeek: number };
}

const tally = (): Tally => ({ incidents: 0, recovered: 0, notRecovered: 0, lostMs: 0 });
function add(t: Tally, e: LedgerEvent): void {
  t.incidents++;
  if (e.recovered) t.recovered++;
  else t.notRecovered++;
  t.lostMs += e.lostMs;
}

/** The window's counts, with `entry` as this run (it is the window's last entry, or not in it). */
export function summarize(ledger: Ledger, entry: LedgerEntry, now: Date): LedgerSummary {
  const entries = ledger.entries;
  const nodes = new Map<string, LedgerSummary['nodes'][number]>();
  const categories = new Map<string, LedgerSummary['categories'][number]>();
  const registries = new Map<string, LedgerSummary['registries'][number]>();
  const trend = { thisWeek: 0, lastWeek: 0 };
  for (const e of entries) {
    const age = now.getTime() - Date.parse(e.at);
    for (const n of e.nodes) {
      const row = nodes.get(n.name) ?? {
        node: n.name,
        endpoint: n.endpoint,
        runs: 0,
        ...tally(),
        categories: {},
      };
      row.runs++;
      row.endpoint = n.endpoint || row.endpoint;
      nodes.set(n.name, row);
    }
    for (const ev of e.events) {
      if (ev.node !== undefined) {
        const row = nodes.get(ev.node) ?? {
          node: ev.node,
          endpoint: ev.endpoint ?? '',
          runs: 0,
          ...tally(),
          categories: {},
        };
        add(row, ev);
        row.categories = { ...row.categories, [ev.category]: (row.categories[ev.category] ?? 0) + 1 };
        nodes.set(ev.node, row);
      }
      const c = categories.get(ev.category) ?? { category: ev.category, ...tally() };
      add(c, ev);
      categories.set(ev.category, c);
      if (ev.registry !== undefined) {
        const r = registries.get(ev.registry) ?? { host: ev.registry, ...tally() };
        add(r, ev);
        registries.set(ev.registry, r);
      }
      if (ev.transient && age < WEEK_MS) trend.thisWeek++;
      else if (ev.transient && age < 2 * WEEK_MS) trend.lastWeek++;
    }
  }
  const byIncidents = <T extends Tally>(a: T, b: T) => b.incidents - a.incidents || b.lostMs - a.lostMs;
  const mine = tally();
  for (const ev of entry.events) add(mine, ev);
  return {
    version: 1,
    window: {
      runs: entries.length,
      since: entries[0]?.at ?? entry.at,
      until: entries[entries.length - 1]?.at ?? entry.at,
    },
    thisRun: {
      attempts: entry.attempts,
      recovered: mine.recovered,
      notRecovered: mine.notRecovered,
      lostMs: mine.lostMs,
    },
    nodes: [...nodes.values()].sort(byIncidents),
    categories: [...categories.values()].sort(byIncidents),
    registries: [...registries.values()].sort(byIncidents),
    trend,
  };
}

/** Transient incidents of the window, by node and by registry host: what the flaky rules weigh. */
export function transientCounts(ledger: Ledger): {
  total: number;
  nodes: Map<string, { count: number; endpoint: string; categories: Map<string, number> }>;
  registries: Map<string, { count: number; categories: Map<string, number> }>;
} {
  let total = 0;
  const nodes = new Map<string, { count: number; endpoint: string; categories: Map<string, number> }>();
  const registries = new Map<string, { count: number; categories: Map<string, number> }>();
  const endpoints = new Map<string, string>();
  for (const e of ledger.entries) for (const n of e.nodes) if (n.endpoint) endpoints.set(n.name, n.endpoint);
  for (const e of ledger.entries) {
    for (const ev of e.events) {
      if (!ev.transient) continue;
      total++;
      if (ev.node !== undefined) {
        const n = nodes.get(ev.node) ?? { count: 0, endpoint: '', categories: new Map() };
        n.count++;
        n.endpoint = endpoints.get(ev.node) ?? ev.endpoint ?? n.endpoint;
        n.categories.set(ev.category, (n.categories.get(ev.category) ?? 0) + 1);
        nodes.set(ev.node, n);
      }
      if (ev.registry !== undefined) {
        const r = registries.get(ev.registry) ?? { count: 0, categories: new Map() };
        r.count++;
        r.categories.set(ev.category, (r.categories.get(ev.category) ?? 0) + 1);
        registries.set(ev.registry, r);
      }
    }
  }
  return { total, nodes, registries };
}
