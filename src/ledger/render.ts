// What people see of the ledger: this run's "Recovered:" line, the window's tables (Markdown for the
// job summary and the comment's fold, text for the terminal) and the flaky-node / flaky-registry
// findings. Markdown only through the Md helpers. Pure.
import { code, gfm, joinMd, row, seconds, text, type Md } from '../findings/markdown-escape.js';
import type { Finding } from '../findings/types.js';
import type { LedgerEntry, LedgerEvent } from './entry.js';
import { transientCounts, type Ledger, type LedgerSummary, type Tally } from './window.js';

/** A node or host is flaky when it has at least this many of the window's transient incidents … */
export const FLAKY_MIN = 3;
/** … and at least this share of them. */
export const FLAKY_SHARE = 0.5;

function causeOf(e: LedgerEvent): string {
  return e.pattern ?? e.category;
}

/** This run's line: "Recovered: 1 transient failure (goaway on node two at `RUN make`, +41 s)". */
export function recoveredLine(entry: LedgerEntry): Md | undefined {
  const parts = (events: LedgerEvent[]) =>
    joinMd(
      events.map((e) => {
        const where = e.node
          ? gfm` on node ${code(e.node)}`
          : e.registry
            ? gfm` at registry ${code(e.registry)}`
            : gfm``;
        const step = e.step ? gfm` at ${code(e.step)}` : gfm``;
        return gfm`${text(causeOf(e))}${where}${step}, +${text(seconds(e.lostMs))}`;
      }),
      ', ',
    );
  const recovered = entry.events.filter((e) => e.recovered);
  const lost = entry.events.filter((e) => !e.recovered && e.transient);
  const lines: Md[] = [];
  const n = (k: number, what: string) => gfm`${k} ${text(what)}${k === 1 ? gfm`` : gfm`s`}`;
  if (recovered.length)
    lines.push(gfm`**Recovered:** ${n(recovered.length, 'transient failure')} (${parts(recovered)})`);
  if (lost.length)
    lines.push(gfm`**Not recovered:** ${n(lost.length, 'infrastructure failure')} (${parts(lost)})`);
  return lines.length ? joinMd(lines, '<br>') : undefined;
}

/** A cell of the window's tables: a name (a code span in Markdown), prose, a count, or none (`-`). */
export type Cell = { code: string } | { text: string } | number | null;

/** A table's columns: each a header and, for every kind of row the table has, the cell it shows. */
type Columns<Kinds> = readonly { header: string; cell: { [K in keyof Kinds]: (row: Kinds[K]) => Cell } }[];

type NodeRow = LedgerSummary['nodes'][number];

const lost = (ms: number): Cell => (ms ? { text: seconds(ms) } : null);
const categoriesOf = (r: NodeRow): Cell => {
  const list = Object.entries(r.categories)
    .map(([c, k]) => `${c} ${k}`)
    .join(', ');
  return list ? { text: list } : null;
};

/** Per node; and the incidents no node is named for (`unattributed`: their count, never a guess). */
const NODE_COLUMNS: Columns<{ node: NodeRow; unattributed: number }> = [
  {
    header: 'node',
    cell: { node: (r) => ({ code: r.node }), unattributed: () => ({ text: 'unattributed' }) },
  },
  { header: 'endpoint', cell: { node: (r) => ({ code: r.endpoint || '-' }), unattributed: () => null } },
  { header: 'runs', cell: { node: (r) => r.runs, unattributed: () => null } },
  { header: 'incidents', cell: { node: (r) => r.incidents, unattributed: (n) => n } },
  { header: 'recovered', cell: { node: (r) => r.recovered, unattributed: () => null } },
  { header: 'not recovered', cell: { node: (r) => r.notRecovered, unattributed: () => null } },
  { header: 'time lost', cell: { node: (r) => lost(r.lostMs), unattributed: () => null } },
  { header: 'categories', cell: { node: categoriesOf, unattributed: () => null } },
];
const TALLY: Columns<{ row: Tally }> = [
  { header: 'incidents', cell: { row: (t) => t.incidents } },
  { header: 'recovered', cell: { row: (t) => t.recovered } },
  { header: 'not recovered', cell: { row: (t) => t.notRecovered } },
  { header: 'time lost', cell: { row: (t) => lost(t.lostMs) } },
];
const CATEGORY_COLUMNS: Columns<{ row: LedgerSummary['categories'][number] }> = [
  { header: 'category', cell: { row: (r) => ({ code: r.category }) } },
  ...TALLY,
];
const REGISTRY_COLUMNS: Columns<{ row: LedgerSummary['registries'][number] }> = [
  { header: 'registry', cell: { row: (r) => ({ code: r.host }) } },
  ...TALLY,
];

const rowsOf = <Kinds, K extends keyof Kinds>(
  columns: Columns<Kinds>,
  kind: K,
  values: readonly Kinds[K][],
): Cell[][] => values.map((v) => columns.map((c) => c.cell[kind](v)));

export interface LedgerTable {
  header: string[];
  rows: Cell[][];
}

/** What both renderers show of a summary: the heading's numbers and the tables that have rows. */
export interface LedgerTables {
  runs: number;
  since: string;
  until: string;
  trend: LedgerSummary['trend'];
  /** Every incident of the window (attributed to a node or not). */
  incidents: number;
  tables: LedgerTable[];
}

/** The window's tables, once: per node (and unattributed), per category, per registry. */
export function ledgerTables(s: LedgerSummary): LedgerTables {
  const attributed = s.nodes.reduce((n, r) => n + r.incidents, 0);
  const incidents = s.categories.reduce((n, r) => n + r.incidents, 0);
  const table = (columns: readonly { header: string }[], rows: Cell[][]): LedgerTable[] =>
    rows.length ? [{ header: columns.map((c) => c.header), rows }] : [];
  return {
    runs: s.window.runs,
    since: s.window.since,
    until: s.window.until,
    trend: s.trend,
    incidents,
    tables: [
      ...(s.nodes.length
        ? table(NODE_COLUMNS, [
            ...rowsOf(NODE_COLUMNS, 'node', s.nodes),
            ...rowsOf(NODE_COLUMNS, 'unattributed', incidents > attributed ? [incidents - attributed] : []),
          ])
        : []),
      ...table(CATEGORY_COLUMNS, rowsOf(CATEGORY_COLUMNS, 'row', s.categories)),
      ...table(REGISTRY_COLUMNS, rowsOf(REGISTRY_COLUMNS, 'row', s.registries)),
    ],
  };
}

const mdCell = (c: Cell): Md =>
  c === null ? gfm`-` : typeof c === 'number' ? gfm`${c}` : 'code' in c ? code(c.code) : text(c.text);

/** The window's tables in Markdown (the job summary, the comment's fold, `--format markdown`). */
export function ledgerMarkdown(s: LedgerSummary): Md {
  const v = ledgerTables(s);
  const head = gfm`**Flake ledger**: ${v.runs} run${v.runs === 1 ? gfm`` : gfm`s`} since ${text(v.since.slice(0, 10))}; transient incidents this week ${v.trend.thisWeek}, the week before ${v.trend.lastWeek}`;
  const tables = v.tables.map((t) =>
    joinMd([
      row(t.header.map((h) => text(h))),
      row(t.header.map(() => gfm`---`)),
      ...t.rows.map((r) => row(r.map(mdCell))),
    ]),
  );
  return joinMd([head, ...tables, ...(v.incidents ? [] : [gfm`No incident in the window.`])], '\n\n');
}

const textCell = (c: Cell): string =>
  c === null ? '-' : typeof c === 'number' ? String(c) : 'code' in c ? c.code : c.text;

/** The same tables as plain text, in aligned columns (the terminal: `buildx-guard ledger`). */
export function ledgerText(s: LedgerSummary): string {
  const v = ledgerTables(s);
  const aligned = (t: LedgerTable) => {
    const lines = [t.header.map((h) => h.toUpperCase()), ...t.rows.map((r) => r.map(textCell))];
    const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
    return lines
      .map((l) =>
        l
          .map((c, i) => c.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n');
  };
  const out = [
    `Flake ledger: ${v.runs} run(s) from ${v.since} to ${v.until}; transient incidents this week ${v.trend.thisWeek}, the week before ${v.trend.lastWeek}.`,
    ...v.tables.map(aligned),
    ...(v.incidents ? [] : ['No incident in the window.']),
  ];
  return `${out.join('\n\n')}\n`;
}

function flaky(count: number, total: number): boolean {
  return count >= FLAKY_MIN && count >= total * FLAKY_SHARE;
}

const cats = (m: Map<string, number>) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([c, k]) => `${c} ${k}`)
    .join(', ');

/** flaky-node and flaky-registry: one node or host with ≥ half of the window's transient incidents and ≥ 3. */
export function flakyFindings(ledger: Ledger): Finding[] {
  const t = transientCounts(ledger);
  const runs = ledger.entries.length;
  const out: Finding[] = [];
  for (const [name, n] of t.nodes) {
    if (!flaky(n.count, t.total)) continue;
    out.push({
      rule: 'flaky-node',
      severity: 'warning',
      history: true,
      title: `Node ${name} (${n.endpoint || 'no endpoint'}) had ${n.count} of the ${t.total} transient incidents of the last ${runs} runs`,
      message: gfm`Node ${code(name)} at ${code(n.endpoint || '-')} accounts for ${n.count} of the ${t.total} transient incidents in the ledger's last ${runs} runs (${text(cats(n.categories))}). Retries hid them: look at this node's BuildKit logs, its disk (free space, inodes) and the network path between the runners and it.`,
      hint: "Check the node's BuildKit daemon logs around the ledger's incidents, its free disk space, and the network between the runners and the node (a proxy or load balancer that cuts long connections).",
    });
  }
  for (const [host, r] of t.registries) {
    if (!flaky(r.count, t.total)) continue;
    out.push({
      rule: 'flaky-registry',
      severity: 'warning',
      history: true,
      title: `Registry ${host} had ${r.count} of the ${t.total} transient incidents of the last ${runs} runs`,
      message: gfm`Registry ${code(host)} accounts for ${r.count} of the ${t.total} transient incidents in the ledger's last ${runs} runs (${text(cats(r.categories))}). Retries hid them: look at the registry's status and rate limits, and the network path (proxy, mirror) between the builders and it.`,
      hint: "Check the registry's status page and rate limits, and the proxy or mirror between the builders and the registry.",
    });
  }
  return out;
}
