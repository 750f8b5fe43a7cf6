// What people see of the ledger: this run's "Recovered:" line, the window's tables (Markdown for the
// job summary and the comment's fold, text for the terminal) and the flaky-node / flaky-registry
// findings. Markdown only through the Md helpers. Pure.
import { code, gfm, joinMd, row, seconds, text, type Md } from '../findings/markdown-escape.js';
import type { Finding } from '../findings/types.js';
import type { LedgerEntry, LedgerEvent } from './entry.js';
import { transientCounts, type Ledger, type LedgerSummary } from './window.js';

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

const ms = (v: number) => text(v ? seconds(v) : '-');

/** The window's tables: per node, per category, per registry, and the trend. */
export function ledgerMarkdown(s: LedgerSummary): Md {
  const head = gfm`**Flake ledger**: ${s.window.runs} run${s.window.runs === 1 ? gfm`` : gfm`s`} since ${text(s.window.since.slice(0, 10))}; transient incidents this week ${s.trend.thisWeek}, the week before ${s.trend.lastWeek}`;
  const parts: Md[] = [head];
  const attributed = s.nodes.reduce((n, r) => n + r.incidents, 0);
  const total = s.categories.reduce((n, r) => n + r.incidents, 0);
  if (s.nodes.length) {
    parts.push(
      joinMd([
        gfm`| node | endpoint | runs | incidents | recovered | not recovered | time lost | categories |`,
        gfm`| --- | --- | --- | --- | --- | --- | --- | --- |`,
        ...s.nodes.map((r) =>
          row([
            code(r.node),
            code(r.endpoint || '-'),
            gfm`${r.runs}`,
            gfm`${r.incidents}`,
            gfm`${r.recovered}`,
            gfm`${r.notRecovered}`,
            ms(r.lostMs),
            text(
              Object.entries(r.categories)
                .map(([c, k]) => `${c} ${k}`)
                .join(', ') || '-',
            ),
          ]),
        ),
        ...(total > attributed
          ? [
              row([
                gfm`unattributed`,
                gfm`-`,
                gfm`-`,
                gfm`${total - attributed}`,
                gfm`-`,
                gfm`-`,
                gfm`-`,
                gfm`-`,
              ]),
            ]
          : []),
      ]),
    );
  }
  if (s.categories.length) {
    parts.push(
      joinMd([
        gfm`| category | incidents | recovered | not recovered | time lost |`,
        gfm`| --- | --- | --- | --- | --- |`,
        ...s.categories.map((r) =>
          row([
            code(r.category),
            gfm`${r.incidents}`,
            gfm`${r.recovered}`,
            gfm`${r.notRecovered}`,
            ms(r.lostMs),
          ]),
        ),
      ]),
    );
  }
  if (s.registries.length) {
    parts.push(
      joinMd([
        gfm`| registry | incidents | recovered | not recovered | time lost |`,
        gfm`| --- | --- | --- | --- | --- |`,
        ...s.registries.map((r) =>
          row([code(r.host), gfm`${r.incidents}`, gfm`${r.recovered}`, gfm`${r.notRecovered}`, ms(r.lostMs)]),
        ),
      ]),
    );
  }
  if (!total) parts.push(gfm`No incident in the window.`);
  return joinMd(parts, '\n\n');
}

/** The same tables as plain text (the terminal: `buildx-guard ledger`). */
export function ledgerText(s: LedgerSummary): string {
  const table = (header: string[], rows: string[][]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    return [header, ...rows]
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n');
  };
  const sec = (v: number) => (v ? seconds(v) : '-');
  const out = [
    `Flake ledger: ${s.window.runs} run(s) from ${s.window.since} to ${s.window.until}; transient incidents this week ${s.trend.thisWeek}, the week before ${s.trend.lastWeek}.`,
  ];
  if (s.nodes.length)
    out.push(
      table(
        ['NODE', 'ENDPOINT', 'RUNS', 'INCIDENTS', 'RECOVERED', 'NOT RECOVERED', 'LOST', 'CATEGORIES'],
        s.nodes.map((r) => [
          r.node,
          r.endpoint || '-',
          String(r.runs),
          String(r.incidents),
          String(r.recovered),
          String(r.notRecovered),
          sec(r.lostMs),
          Object.entries(r.categories)
            .map(([c, k]) => `${c} ${k}`)
            .join(', ') || '-',
        ]),
      ),
    );
  if (s.categories.length)
    out.push(
      table(
        ['CATEGORY', 'INCIDENTS', 'RECOVERED', 'NOT RECOVERED', 'LOST'],
        s.categories.map((r) => [
          r.category,
          String(r.incidents),
          String(r.recovered),
          String(r.notRecovered),
          sec(r.lostMs),
        ]),
      ),
    );
  if (s.registries.length)
    out.push(
      table(
        ['REGISTRY', 'INCIDENTS', 'RECOVERED', 'NOT RECOVERED', 'LOST'],
        s.registries.map((r) => [
          r.host,
          String(r.incidents),
          String(r.recovered),
          String(r.notRecovered),
          sec(r.lostMs),
        ]),
      ),
    );
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
      title: `Registry ${host} had ${r.count} of the ${t.total} transient incidents of the last ${runs} runs`,
      message: gfm`Registry ${code(host)} accounts for ${r.count} of the ${t.total} transient incidents in the ledger's last ${runs} runs (${text(cats(r.categories))}). Retries hid them: look at the registry's status and rate limits, and the network path (proxy, mirror) between the builders and it.`,
      hint: "Check the registry's status page and rate limits, and the proxy or mirror between the builders and the registry.",
    });
  }
  return out;
}
