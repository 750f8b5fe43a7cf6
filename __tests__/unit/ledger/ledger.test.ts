// The flake ledger (issue 26): window bounds, hostile entries, concurrent appends, attribution,
// the summary's counts, the flaky rules' thresholds and rendering through Md.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attribute,
  bootEntry,
  buildEntry,
  mergeEntry,
  type LedgerEntry,
  type LedgerEvent,
  byName,
} from '../../../src/ledger/entry.js';
import {
  append,
  bound,
  checkLedger,
  LEDGER_MAX_BYTES,
  summarize,
  type Ledger,
  type Tally,
} from '../../../src/ledger/window.js';
import { seconds } from '../../../src/findings/markdown-escape.js';
import { flakyFindings, ledgerMarkdown, ledgerText, recoveredLine } from '../../../src/ledger/render.js';
import { fileLedgerStore, ledgerReadOnly, readLedgerFile } from '../../../src/ledger/store.js';
import { recordRun } from '../../../src/ledger/ledger.js';
import type { BuildOutcome, Attempt } from '../../../src/attempts/run.js';
import type { MergeOutcome } from '../../../src/merge/merge.js';
import { parseTrace } from '../../../src/trace/parser.js';

const NOW = new Date('2026-12-05T12:00:00Z');
const DAY = 24 * 3600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

function ev(over: Partial<LedgerEvent> = {}): LedgerEvent {
  return { kind: 'attempt', category: 'transport', transient: true, recovered: true, lostMs: 1000, ...over };
}
function entry(at: string, events: LedgerEvent[] = [], run = at): LedgerEntry {
  return {
    at,
    run,
    attempts: events.length + 1,
    nodes: [
      { name: 'one', endpoint: 'tcp://10.0.0.1:1234' },
      { name: 'two', endpoint: 'tcp://10.0.0.2:1234' },
    ],
    events,
  };
}
const NODES = [
  { name: 'one', endpoint: 'tcp://10.0.0.1:1234', platforms: ['linux/amd64', 'linux/amd64/v2'] },
  { name: 'two', endpoint: 'tcp://10.0.0.2:1234', platforms: ['linux/386', 'linux/amd64'] },
];

describe('window bounds', () => {
  test('the newest 100 runs', () => {
    const entries = Array.from({ length: 130 }, (_, i) => entry(ago((130 - i) * 60_000), [], `r${i}`));
    const kept = bound(entries, NOW);
    expect(kept).toHaveLength(100);
    expect(kept[0].run).toBe('r30');
    expect(kept[99].run).toBe('r129');
  });
  test('30 days: an entry of 30 days and a minute ago is dropped, one of 29 days kept', () => {
    const kept = bound([entry(ago(30 * DAY + 60_000), [], 'old'), entry(ago(29 * DAY), [], 'new')], NOW);
    expect(kept.map((e) => e.run)).toEqual(['new']);
  });
  test('an entry dated in the future is dropped (it would outlive every real one)', () => {
    const future = new Date(NOW.getTime() + 365 * DAY).toISOString();
    expect(bound([entry(future, [], 'forged'), entry(ago(1), [], 'real')], NOW).map((e) => e.run)).toEqual([
      'real',
    ]);
  });
  test('256 KB: oldest first out', () => {
    const big = (i: number) => entry(ago((50 - i) * 60_000), [ev({ step: 'x'.repeat(500) })], `r${i}`);
    const entries = Array.from({ length: 50 }, (_, i) => big(i));
    // 50 entries of ~0.7 KB fit; make them heavier with many events.
    const heavy = entries.map((e) => ({
      ...e,
      events: Array.from({ length: 12 }, () => ev({ step: 'y'.repeat(500) })),
    }));
    const kept = bound(heavy, NOW);
    expect(kept.length).toBeLessThan(50);
    expect(kept[kept.length - 1].run).toBe('r49');
    expect(Buffer.byteLength(JSON.stringify({ version: 1, entries: kept }))).toBeLessThanOrEqual(
      LEDGER_MAX_BYTES,
    );
    expect(
      Buffer.byteLength(JSON.stringify({ version: 1, entries: bound(heavy.slice(0, kept.length + 1), NOW) })),
    ).toBeLessThanOrEqual(LEDGER_MAX_BYTES);
  });
});

describe('hostile entries', () => {
  const good = entry(ago(DAY), [ev({ node: 'two' })]);
  test.each([
    [
      '__proto__ in an entry',
      `{"version":1,"entries":[{"__proto__":{"x":1},"at":"${good.at}","run":"r","attempts":1,"nodes":[],"events":[]}]}`,
    ],
    [
      'an event of an unknown kind',
      JSON.stringify({ version: 1, entries: [{ ...good, events: [{ ...ev(), kind: 'evil' }] }] }),
    ],
    [
      'a category that is no category',
      JSON.stringify({ version: 1, entries: [{ ...good, events: [{ ...ev(), category: 'constructor' }] }] }),
    ],
    ['a count that is a string', JSON.stringify({ version: 1, entries: [{ ...good, attempts: '3' }] })],
    ['a date that is no date', JSON.stringify({ version: 1, entries: [{ ...good, at: 'yesterday' }] })],
    [
      'a node name of 10 KB',
      JSON.stringify({
        version: 1,
        entries: [{ ...good, nodes: [{ name: 'n'.repeat(10_000), endpoint: '' }] }],
      }),
    ],
  ])('%s: that entry is dropped, the good one kept', (_, text) => {
    const withGood = text.replace('"entries":[', `"entries":[${JSON.stringify(good)},`);
    const r = checkLedger(withGood);
    expect(typeof r).toBe('object');
    if (typeof r === 'string') return;
    expect(r.dropped).toBe(1);
    expect(r.ledger.entries).toEqual([good]);
    expect(Object.getPrototypeOf(r.ledger.entries[0])).toBe(Object.prototype);
  });
  test('a count or a time over 2^53 - 1 (the baseline’s bound too): that entry is dropped', () => {
    for (const bad of [
      { ...good, attempts: 2 ** 60 },
      { ...good, events: [{ ...ev(), lostMs: 1e300 }] },
    ]) {
      const r = checkLedger(JSON.stringify({ version: 1, entries: [good, bad] }));
      expect(typeof r === 'string' ? r : { dropped: r.dropped, entries: r.ledger.entries }).toEqual({
        dropped: 1,
        entries: [good],
      });
    }
  });
  test.each([
    ['not JSON', '{', 'not JSON'],
    ['a top-level array', '[]', 'not a version 1 ledger'],
    ['version 2', '{"version":2,"entries":[]}', 'not a version 1 ledger'],
    ['huge', `{"version":1,"entries":[],"pad":"${'x'.repeat(LEDGER_MAX_BYTES * 2)}"}`, 'larger than'],
  ])('%s: the whole text is ignored', (_, text, why) => {
    expect(checkLedger(text)).toEqual(expect.stringContaining(why));
  });
  test('a FIFO, a symlink to one, and a huge file are ignored with a debug line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bxg-ledger-'));
    try {
      const fifo = join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      symlinkSync(fifo, join(dir, 'link'));
      writeFileSync(join(dir, 'huge'), 'x'.repeat(LEDGER_MAX_BYTES * 3));
      for (const f of ['fifo', 'link', 'huge']) {
        const lines: string[] = [];
        expect(readLedgerFile(join(dir, f), (l) => lines.push(l))).toBeUndefined();
        expect(lines).toEqual([expect.stringMatching(/^ledger: .* ignored: /)]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('two jobs appending at once from the same base: each keeps the whole base; only the other run is missing', async () => {
  const base: Ledger = { version: 1, entries: [entry(ago(2 * DAY), [], 'a'), entry(ago(DAY), [], 'b')] };
  const dir = mkdtempSync(join(tmpdir(), 'bxg-ledger-'));
  try {
    // Two stores that restore the same newest entry (what the Actions cache returns to both).
    const saves: Ledger[] = [];
    for (const [i, run] of ['x', 'y'].entries()) {
      const file = join(dir, `${i}.json`);
      const { ledger } = await recordRun(Promise.resolve(base), entry(ago(1000), [], run), [], NOW);
      await fileLedgerStore(file, () => {}).save(ledger);
      saves.push(JSON.parse(readFileSync(file, 'utf8')));
    }
    expect(saves[0].entries.map((e) => e.run)).toEqual(['a', 'b', 'x']);
    expect(saves[1].entries.map((e) => e.run)).toEqual(['a', 'b', 'y']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a pull request (any pull_request event) and every event untrustedToSave refuses never write', () => {
  expect(ledgerReadOnly({ GITHUB_EVENT_NAME: 'pull_request' })).toMatch(/pull request/);
  expect(ledgerReadOnly({ GITHUB_EVENT_NAME: 'pull_request_target' })).toBeDefined();
  expect(ledgerReadOnly({ GITHUB_EVENT_NAME: 'workflow_run' })).toBeDefined();
  expect(ledgerReadOnly({ GITHUB_EVENT_NAME: 'push' })).toBeUndefined();
});

describe('attribution', () => {
  test('the node the re-check or the probe named', () => {
    expect(attribute(NODES, [{ name: 'two', endpoint: 'tcp://x' }], 'linux/amd64')).toEqual({
      node: 'two',
      endpoint: 'tcp://x',
    });
  });
  test('two named: none (never guessed)', () => {
    expect(attribute(NODES, [{ name: 'one' }, { name: 'two' }], undefined)).toEqual({});
  });
  test('the one node serving the step’s platform', () => {
    expect(attribute(NODES, [], 'linux/386')).toEqual({ node: 'two', endpoint: 'tcp://10.0.0.2:1234' });
  });
  test('a platform two nodes serve: none', () => {
    expect(attribute(NODES, [], 'linux/amd64')).toEqual({});
  });
  test('a one-node builder: its node', () => {
    expect(attribute(NODES.slice(0, 1), [], undefined)).toEqual({
      node: 'one',
      endpoint: 'tcp://10.0.0.1:1234',
    });
  });
  test('several nodes and nothing known: none', () => {
    expect(attribute(NODES, [], undefined)).toEqual({});
  });
  // The builder's platform rule (types/platform.ts `serves`), not a string compare.
  const node = (name: string, platforms: string[]) => ({ name, endpoint: `tcp://${name}:1234`, platforms });
  test('two arm nodes, v6 and v7: a step on linux/arm/v7 is the v7 node’s only', () => {
    const arm = [node('v6', ['linux/arm/v6']), node('v7', ['linux/arm/v7'])];
    expect(attribute(arm, [], 'linux/arm/v7')).toEqual({ node: 'v7', endpoint: 'tcp://v7:1234' });
    expect(attribute(arm, [], 'linux/arm/v6')).toEqual({ node: 'v6', endpoint: 'tcp://v6:1234' });
  });
  test('arm64 is v8: a step on linux/arm64/v8 is the node listing linux/arm64, and the reverse', () => {
    const nodes = [node('x86', ['linux/amd64', 'linux/386']), node('arm', ['linux/arm64', 'linux/arm/v7'])];
    expect(attribute(nodes, [], 'linux/arm64/v8')).toEqual({ node: 'arm', endpoint: 'tcp://arm:1234' });
    const v8 = [node('x86', ['linux/amd64']), node('arm', ['linux/arm64/v8'])];
    expect(attribute(v8, [], 'linux/arm64')).toEqual({ node: 'arm', endpoint: 'tcp://arm:1234' });
  });
  test('spelling: case and a trailing `*`; a platform no node serves: none', () => {
    const nodes = [node('x86', ['linux/amd64*']), node('arm', ['linux/arm64'])];
    // Case and the `*` buildx marks a platform the user set with do not matter.
    expect(attribute(nodes, [], 'LINUX/AMD64')).toEqual({ node: 'x86', endpoint: 'tcp://x86:1234' });
    expect(attribute(nodes, [], 'linux/arm/v7')).toEqual({});
  });
  test('linux/amd64 with nodes linux/amd64 and linux/amd64/v2: the node naming it; v2: the v2 node', () => {
    const nodes = [node('base', ['linux/amd64']), node('v2', ['linux/amd64/v2'])];
    expect(attribute(nodes, [], 'linux/amd64')).toEqual({ node: 'base', endpoint: 'tcp://base:1234' });
    expect(attribute(nodes, [], 'linux/amd64/v2')).toEqual({ node: 'v2', endpoint: 'tcp://v2:1234' });
    // Only a v2 node: it serves a linux/amd64 step (os and arch; no variant asked).
    expect(
      attribute([node('v2', ['linux/amd64/v2']), node('arm', ['linux/arm64'])], [], 'linux/amd64'),
    ).toEqual({
      node: 'v2',
      endpoint: 'tcp://v2:1234',
    });
  });
});

function attempt(over: Partial<Attempt>, log = ''): Attempt {
  return {
    number: 1,
    exitCode: 1,
    durationMs: 4000,
    logFile: '',
    timedOut: false,
    cancelled: false,
    trace: parseTrace(log),
    ...over,
  };
}

test('a build entry: the cut attempt on the multi-platform step’s node, recovered, with its wait', () => {
  const log = [
    '#5 [linux/386 stage-1 2/2] RUN make',
    '#5 0.164 compiling',
    'ERROR: failed to build: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF',
  ].join('\n');
  const outcome: BuildOutcome = {
    success: true,
    metadata: '',
    imageid: '',
    digest: '',
    attempts: [
      attempt(
        {
          classification: { category: 'transport', retryable: true, reason: 'cut', pattern: 'goaway' },
          waitMs: 1500,
        },
        log,
      ),
      attempt({ number: 2, exitCode: 0 }),
    ],
  };
  const e = buildEntry(outcome, NODES, ['linux/386', 'linux/amd64'], 'run-1', NOW, byName);
  expect(e.events).toEqual([
    {
      kind: 'attempt',
      category: 'transport',
      pattern: 'goaway',
      transient: true,
      recovered: true,
      node: 'two',
      endpoint: 'tcp://10.0.0.2:1234',
      step: 'RUN make',
      lostMs: 5500,
    },
  ]);
  expect(recoveredLine(e)).toBe(
    '**Recovered:** 1 transient failure (goaway on node `two` at `RUN make`, +5\\.5 s)',
  );
});

test('a re-check that found a node down names it; a boot failure and a merge retry are incidents', () => {
  const outcome: BuildOutcome = {
    success: false,
    metadata: '',
    imageid: '',
    digest: '',
    attempts: [
      attempt({
        classification: { category: 'transport', retryable: true, reason: 'cut' },
        downNodes: [{ name: 'one', endpoint: 'tcp://e' }],
      }),
    ],
  };
  expect(buildEntry(outcome, NODES, [], 'r', NOW, byName).events[0]).toMatchObject({
    kind: 'recheck',
    node: 'one',
    recovered: false,
  });
  const boot = bootEntry(
    [{ name: 'two', endpoint: 'tcp://d', driver: 'remote', status: 'inactive', reason: 'refused', hint: '' }],
    NODES,
    'r',
    NOW,
    byName,
  );
  expect(boot.events).toEqual([
    {
      kind: 'boot',
      category: 'builder',
      transient: true,
      recovered: false,
      node: 'two',
      endpoint: 'tcp://d',
      lostMs: 0,
    },
  ]);
  const merge: MergeOutcome = {
    success: true,
    digest: '',
    platforms: [],
    metadata: '',
    attempts: [
      {
        number: 1,
        exitCode: 1,
        durationMs: 300,
        trace: parseTrace(''),
        classification: { category: 'registry', retryable: true, reason: '503' },
        stall: { nodes: [], quietMs: 1, registry: { host: 'reg.example.test:5000' } },
      },
      { number: 2, exitCode: 0, durationMs: 300, trace: parseTrace('') },
    ],
  };
  expect(mergeEntry(merge, 'r', NOW).events).toEqual([
    {
      kind: 'merge',
      category: 'registry',
      transient: true,
      recovered: true,
      registry: 'reg.example.test:5000',
      lostMs: 300,
    },
  ]);
});

describe('summary math and the flaky rules', () => {
  const window = (events: LedgerEvent[][]): Ledger => ({
    version: 1,
    entries: events.map((es, i) => entry(ago((events.length - i) * 3600_000), es, `r${i}`)),
  });
  test('counts per node, category and registry, this run, and the trend', () => {
    const l: Ledger = {
      version: 1,
      entries: [
        entry(ago(10 * DAY), [ev({ node: 'two' })]),
        entry(ago(2 * DAY), [
          ev({ node: 'two', recovered: false, category: 'builder', kind: 'boot', lostMs: 0 }),
        ]),
        entry(ago(DAY), [
          ev({ category: 'registry', registry: 'r.test', lostMs: 2000 }),
          ev({ category: 'step', transient: false, recovered: false }),
        ]),
      ],
    };
    const s = summarize(l, l.entries[2], NOW);
    expect(s.window).toEqual({ runs: 3, since: l.entries[0].at, until: l.entries[2].at });
    expect(s.thisRun).toEqual({ attempts: 3, recovered: 1, notRecovered: 1, lostMs: 3000 });
    expect(s.nodes[0]).toEqual({
      node: 'two',
      endpoint: 'tcp://10.0.0.2:1234',
      runs: 3,
      incidents: 2,
      recovered: 1,
      notRecovered: 1,
      lostMs: 1000,
      categories: { transport: 1, builder: 1 },
    });
    expect(s.categories.map((c) => [c.category, c.incidents])).toEqual(
      // By incidents, then time lost.
      [
        ['registry', 1],
        ['transport', 1],
        ['step', 1],
        ['builder', 1],
      ],
    );
    expect(s.registries).toEqual([
      { host: 'r.test', incidents: 1, recovered: 1, notRecovered: 0, lostMs: 2000 },
    ]);
    expect(s.trend).toEqual({ thisWeek: 2, lastWeek: 1 });
  });
  test('2 of 2 transient incidents: no finding; 3 of 3: flaky-node naming the endpoint', () => {
    expect(flakyFindings(window([[ev({ node: 'two' })], [ev({ node: 'two' })]]))).toEqual([]);
    const f = flakyFindings(
      window([[ev({ node: 'two' })], [ev({ node: 'two' })], [ev({ node: 'two', category: 'builder' })]]),
    );
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['flaky-node', 'warning']]);
    expect(f[0].title).toBe(
      'Node two (tcp://10.0.0.2:1234) had 3 of the 3 transient incidents of the last 3 runs',
    );
    expect(f[0].message).toContain('transport 2, builder 1');
    expect(f[0].message).toContain('BuildKit logs');
  });
  test('3 of 7 (43 %) is not half; 3 of 6 (50 %) is; deterministic failures do not count', () => {
    const other = (n: number) => Array.from({ length: n }, () => [ev({ node: 'one' })]);
    const mine = [[ev({ node: 'two' })], [ev({ node: 'two' })], [ev({ node: 'two' })]];
    expect(
      flakyFindings(window([...mine, ...other(4)])).filter((f) => f.title.startsWith('Node two')),
    ).toEqual([]);
    expect(
      flakyFindings(window([...mine, ...other(3)])).filter((f) => f.title.startsWith('Node two')),
    ).toHaveLength(1);
    const steps = Array.from({ length: 10 }, () => [
      ev({ category: 'step', transient: false, recovered: false }),
    ]);
    expect(flakyFindings(window([...mine, ...steps])).map((f) => f.rule)).toEqual(['flaky-node']);
  });
  test('flaky-registry names the host', () => {
    const r = (host: string) => [ev({ category: 'registry', registry: host })];
    const f = flakyFindings(window([r('a.test'), r('a.test'), r('a.test'), r('b.test')]));
    expect(f.map((x) => x.rule)).toEqual(['flaky-registry']);
    expect(f[0].message).toContain('`a.test`');
  });
});

describe('rendering', () => {
  const hostile = entry(ago(DAY), [
    ev({ node: 'x|`y`@team', registry: '<img src=x>', step: 'RUN `echo` | #12' }),
  ]);
  const s = summarize(append(undefined, hostile, NOW), hostile, NOW);
  test('markdown: tables whose cells cannot break out, mentions and HTML escaped', () => {
    const md = ledgerMarkdown(s);
    expect(md).toContain(
      '| node | endpoint | runs | incidents | recovered | not recovered | time lost | categories |',
    );
    // In a code span: shown as text, never rendered as HTML.
    expect(md).toContain('| `<img src=x>` |');
    // The node name whole in one code span (no mention, its pipe escaped for the table).
    expect(md).toContain('| ``x\\|`y`@team`` |');
    for (const line of md.split('\n').filter((l) => l.startsWith('| `'))) {
      // 8 cells (nodes) or 5 (categories, registries): no cell split by a pipe of its own.
      expect([7, 10]).toContain(line.replace(/\\\|/g, '').split('|').length);
    }
    expect(recoveredLine(hostile)).not.toContain('#12 ');
  });
  test('markdown and text show the same tables: every node, the unattributed row, categories, registries', () => {
    const l = append(
      append(
        undefined,
        entry(ago(9 * DAY), [
          ev({ node: 'two', lostMs: 41_000 }),
          ev({ category: 'registry', registry: 'r.test' }),
        ]),
        NOW,
      ),
      entry(ago(DAY), [
        ev({ lostMs: 0, recovered: false }),
        ev({ node: 'one', category: 'builder', kind: 'boot' }),
      ]),
      NOW,
    );
    const sum = summarize(l, l.entries[1], NOW);
    // The rows, enumerated from the summary: 2 of the 4 incidents were on no known node.
    const secs = (v: number) => (v ? seconds(v) : '-');
    const tally = (t: Tally) => [t.incidents, t.recovered, t.notRecovered].map(String).concat(secs(t.lostMs));
    const expected = [
      [
        ['node', 'endpoint', 'runs', 'incidents', 'recovered', 'not recovered', 'time lost', 'categories'],
        ...sum.nodes.map((r) => [
          r.node,
          r.endpoint || '-',
          String(r.runs),
          ...tally(r),
          Object.entries(r.categories)
            .map(([c, k]) => `${c} ${k}`)
            .join(', ') || '-',
        ]),
        ['unattributed', '-', '-', '2', '-', '-', '-', '-'],
      ],
      [
        ['category', 'incidents', 'recovered', 'not recovered', 'time lost'],
        ...sum.categories.map((r) => [r.category, ...tally(r)]),
      ],
      [
        ['registry', 'incidents', 'recovered', 'not recovered', 'time lost'],
        ...sum.registries.map((r) => [r.host, ...tally(r)]),
      ],
    ];
    expect(expected[0]).toHaveLength(4);
    expect(expected[0][1]).toEqual(['two', 'tcp://10.0.0.2:1234', '2', '1', '1', '0', '41 s', 'transport 1']);
    // Markdown: `| a | b |` rows (not the `| --- |` line), code spans and escapes taken off.
    const mdTables = ledgerMarkdown(sum)
      .split('\n\n')
      .filter((b) => b.startsWith('| '))
      .map((b) =>
        b
          .split('\n')
          .filter((line) => !line.startsWith('| ---'))
          .map((line) =>
            line
              .slice(2, -2)
              .split(' | ')
              .map((c) => c.replace(/^`(.*)`$/, '$1').replace(/\\(.)/g, '$1')),
          ),
      );
    // Text: blocks of aligned columns (two spaces or more between them), headers in capitals.
    const txt = ledgerText(sum);
    const textTables = txt
      .trimEnd()
      .split('\n\n')
      .slice(1)
      .map((b) => b.split('\n').map((line, i) => line.split(/ {2,}/).map((c) => (i ? c : c.toLowerCase()))));
    expect(mdTables).toEqual(expected);
    expect(textTables).toEqual(expected);
    expect(txt).toMatch(/^unattributed +- +- +2 +- +- +- +-$/m);
  });
  test('text and json', () => {
    expect(ledgerText(s)).toMatch(/^NODE +ENDPOINT +RUNS +INCIDENTS/m);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(Object.keys(s)).toEqual([
      'version',
      'window',
      'thisRun',
      'nodes',
      'categories',
      'registries',
      'trend',
    ]);
  });
});

test('entries are saved redacted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bxg-ledger-'));
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'l.json');
    const { ledger } = await recordRun(
      Promise.resolve(undefined),
      entry(ago(1), [ev({ step: 'RUN curl -H s3cr3t-token-value' })]),
      ['s3cr3t-token-value'],
      NOW,
    );
    await fileLedgerStore(file, () => {}).save(ledger);
    expect(readFileSync(file, 'utf8')).not.toContain('s3cr3t-token-value');
    expect(readFileSync(file, 'utf8')).toContain('***');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
