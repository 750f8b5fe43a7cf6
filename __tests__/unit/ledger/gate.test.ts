// The ledger never changes a build's result (issue 26): not even through `fail-on-findings`.
//
// flaky-node and flaky-registry are warnings made from the window's history (earlier runs, the base
// branch's entry): Finding.history marks them, and the fail-on-findings gate skips them.
import type { ReportConfig } from '../../../src/config/config.js';
import type { LedgerEntry, LedgerEvent } from '../../../src/ledger/entry.js';
import { recordRun } from '../../../src/ledger/ledger.js';
import { withLedger } from '../../../src/pipeline.js';
import type { ReportInput } from '../../../src/report/model.js';
import { publish } from '../../../src/report/publish.js';

const NOW = new Date('2026-12-05T12:00:00Z');
const nodes = [
  { name: 'one', endpoint: 'tcp://10.0.0.1:1234' },
  { name: 'two', endpoint: 'tcp://10.0.0.2:1234' },
];
const cut = (): LedgerEvent => ({
  kind: 'attempt',
  category: 'transport',
  transient: true,
  recovered: true,
  node: 'two',
  lostMs: 4000,
});
const entry = (hoursAgo: number, events: LedgerEvent[]): LedgerEntry => ({
  at: new Date(NOW.getTime() - hoursAgo * 3600_000).toISOString(),
  run: `r${hoursAgo}`,
  attempts: events.length + 1,
  nodes,
  events,
});

const report: ReportInput = {
  key: 'k',
  status: 'success',
  attempts: [],
  nodes: [],
  findings: [],
  stats: { durationMs: 1000, steps: 1, cachedSteps: 0, contextBytes: 0, platforms: [] },
  steps: [],
  secrets: [],
};
const cfg: ReportConfig = {
  summary: 'full',
  annotations: true,
  comment: 'off',
  checkRun: false,
  sarifFile: '',
  failOnFindings: 'warning',
  contextSizeWarnMb: 50,
  baseline: false,
  ledger: true,
  regressionThreshold: 25,
};
const deps = {
  annotate: () => {},
  writeSummary: async () => {},
  notice: () => {},
  info: () => {},
  version: '0',
};

test('the history alone (three cuts on node two last week) shows flaky-node', async () => {
  const restored = {
    version: 1 as const,
    entries: [entry(50, [cut()]), entry(40, [cut()]), entry(30, [cut()])],
  };
  const { view } = await recordRun(Promise.resolve(restored), entry(0, []), [], NOW);
  expect(view.findings.map((f) => f.rule)).toEqual(['flaky-node']);
});

test('a green build with no incident of its own is not failed by fail-on-findings: warning because of the history', async () => {
  const restored = {
    version: 1 as const,
    entries: [entry(50, [cut()]), entry(40, [cut()]), entry(30, [cut()])],
  };
  const { view } = await recordRun(Promise.resolve(restored), entry(0, []), [], NOW);
  const result = await publish(withLedger(report, view), cfg, deps);
  expect(result.gate).toBeUndefined();
});
