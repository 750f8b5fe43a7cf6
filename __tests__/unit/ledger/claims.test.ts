// docs/ledger.md's claims that no other test showed: a cancelled attempt is no incident; the
// two-platform cut (the real `transport-two-platforms` capture) is transport, retried, and
// unattributed; the `unattributed` row; the "Not recovered:" line.
import { attempt, log } from '../../support/report-cases.js';
import { buildEntry, type LedgerEvent, byName } from '../../../src/ledger/entry.js';
import { summarize } from '../../../src/ledger/window.js';
import { ledgerMarkdown, recoveredLine } from '../../../src/ledger/render.js';
import type { BuildOutcome } from '../../../src/attempts/run.js';

const NOW = new Date('2026-12-05T12:00:00Z');
const outcome = (attempts: BuildOutcome['attempts']): BuildOutcome => ({
  success: attempts[attempts.length - 1].exitCode === 0,
  attempts,
  metadata: '',
  imageid: '',
  digest: '',
});
// The demo's builder (scripts/demo.mjs): the GOAWAY was on node amd64.
const DEMO = [
  { name: 'amd64', endpoint: 'tcp://127.0.0.1:1', platforms: ['linux/amd64'] },
  { name: 'i386', endpoint: 'tcp://127.0.0.1:2', platforms: ['linux/386'] },
];
const PLATFORMS = ['linux/amd64', 'linux/386'];
const cut = () => attempt(1, log('transport-two-platforms'), { waitMs: 1000 });
const green = () => attempt(2, log('two-node'));

test('a cancelled attempt is not an incident (cancelled, or classified cancelled)', () => {
  const cancelled = [
    attempt(1, log('transport'), { cancelled: true }),
    attempt(1, log('transport'), {
      classification: { category: 'cancelled', retryable: false, reason: 'cancelled' },
    }),
  ];
  for (const a of cancelled)
    expect(buildEntry(outcome([a]), DEMO, PLATFORMS, 'r', NOW, byName).events).toEqual([]);
  expect(
    buildEntry(outcome([attempt(1, log('transport'))]), DEMO, PLATFORMS, 'r', NOW, byName).events,
  ).toHaveLength(1);
});

test('the two-platform cut (the real capture): transport, retried, its step the one left running, unattributed (never guessed) with an unattributed row', () => {
  // The capture leaves steps running on both platforms (the cut amd64 node's, and the 386 one buildx
  // cancelled without printing its end): no platform is certain, so no node.
  const entry = buildEntry(outcome([cut(), green()]), DEMO, PLATFORMS, 'r', NOW, byName);
  expect(entry.events).toHaveLength(1);
  const [e] = entry.events;
  expect(e).toMatchObject({ category: 'transport', transient: true, recovered: true });
  expect(e.step).toMatch(/^RUN echo "npm ci/);
  expect(e.node).toBeUndefined();
  const md = ledgerMarkdown(summarize({ version: 1, entries: [entry] }, entry, NOW));
  expect(md).toContain('| unattributed | - | - | 1 | - | - | - | - |');
  expect(md).toMatch(/\| `amd64` \| `tcp:\/\/127\.0\.0\.1:1` \| 1 \| 0 \|/);
});

test('"Not recovered:" names transient incidents that ended the run; a deterministic failure is in neither line', () => {
  const ev = (over: Partial<LedgerEvent>): LedgerEvent => ({
    kind: 'attempt',
    category: 'transport',
    transient: true,
    recovered: false,
    lostMs: 1500,
    ...over,
  });
  const line = recoveredLine({
    at: NOW.toISOString(),
    run: 'r',
    attempts: 3,
    nodes: [],
    events: [
      ev({ recovered: true, node: 'two', pattern: 'goaway-graceful-stop', step: 'RUN make' }),
      ev({ node: 'two', pattern: 'connection-lost' }),
      ev({ category: 'step', transient: false, step: 'RUN test' }),
    ],
  });
  expect(line).toBe(
    '**Recovered:** 1 transient failure (goaway-graceful-stop on node `two` at `RUN make`, +1\\.5 s)<br>**Not recovered:** 1 infrastructure failure (connection-lost on node `two`, +1\\.5 s)',
  );
  const clean = { at: NOW.toISOString(), run: 'r', attempts: 1, nodes: [], events: [] };
  expect(recoveredLine(clean)).toBeUndefined();
});
