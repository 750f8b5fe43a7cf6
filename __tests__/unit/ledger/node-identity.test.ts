// A node in the ledger is identified by its name (docs/ledger.md "Attribution"). A builder the
// step names itself (`name`, or `nodes` with names) keeps its nodes' names from run to run; one
// whose name is generated (no `name`: the action's default, and the CLI's `--endpoint`) gets a new
// random builder name, so a new node name, every run.
import { parseConfig } from '../../../src/config/config.js';
import { bootEntry, type LedgerEntry } from '../../../src/ledger/entry.js';
import { summarize, type Ledger } from '../../../src/ledger/window.js';
import { flakyFindings } from '../../../src/ledger/render.js';

const NOW = new Date();
const ENDPOINT = 'tcp://10.0.0.2:1234';
const ENV = { GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'image' };

/** Three runs of the same step on the same remote endpoint, each with its node dead at boot. */
function threeDeadRuns(inputs: Record<string, string>): Ledger {
  const entries: LedgerEntry[] = [0, 1, 2].map((i) => {
    const config = parseConfig((n) => inputs[n] ?? '', { ...ENV, GITHUB_RUN_ID: String(7 + i) });
    const nodes = config.builder.nodes.map((n) => ({ name: n.name, endpoint: n.endpoint }));
    const failed = nodes.map((n) => ({
      ...n,
      driver: 'remote',
      status: 'inactive',
      reason: 'refused',
      hint: '',
    }));
    return bootEntry(failed, nodes, `${7 + i}-1`, new Date(NOW.getTime() - (3 - i) * 60_000));
  });
  return { version: 1, entries };
}

test('a named builder: one node, 3 incidents over 3 runs, flaky-node', () => {
  const ledger = threeDeadRuns({ driver: 'remote', endpoint: ENDPOINT, name: 'fleet' });
  const s = summarize(ledger, ledger.entries[2], NOW);
  expect(s.nodes.map((n) => [n.endpoint, n.runs, n.incidents])).toEqual([[ENDPOINT, 3, 3]]);
  expect(flakyFindings(ledger).map((f) => f.rule)).toEqual(['flaky-node']);
});

// DEFECT (src/ledger/entry.ts / src/ledger/window.ts: a node is keyed by its name; reported, not
// this part's files): without `name` the same endpoint is three nodes of one run each, so the
// window never reaches 3 incidents on a node and flaky-node never fires for the most common
// single-endpoint set-up. Keying a node of a generated builder name by its endpoint would fix it.
// `.failing` until fixed: then make it `test`.
test.failing('an unnamed builder: the same endpoint is one node of the window, and flaky-node fires', () => {
  const ledger = threeDeadRuns({ driver: 'remote', endpoint: ENDPOINT });
  const s = summarize(ledger, ledger.entries[2], NOW);
  expect(s.nodes.map((n) => [n.endpoint, n.runs, n.incidents])).toEqual([[ENDPOINT, 3, 3]]);
  expect(flakyFindings(ledger).map((f) => f.rule)).toEqual(['flaky-node']);
});
