// A node in the ledger is identified by its name (docs/ledger.md "Attribution"). A builder the
// step names itself (`name`, or `nodes` with names) keeps its nodes' names from run to run; one
// whose name is generated (no `name`: the action's default, and the CLI's `--endpoint`) gets a new
// random builder name, so a new node name, every run: such a node is known by its endpoint.
import { parseConfig } from '../../../src/config/config.js';
import { bootEntry, type LedgerEntry, nodeIdentity } from '../../../src/ledger/entry.js';
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
    return bootEntry(
      failed,
      nodes,
      `${7 + i}-1`,
      new Date(NOW.getTime() - (3 - i) * 60_000),
      nodeIdentity(config.builder.generatedNodeNames),
    );
  });
  return { version: 1, entries };
}

test('a named builder: one node, 3 incidents over 3 runs, flaky-node', () => {
  const ledger = threeDeadRuns({ driver: 'remote', endpoint: ENDPOINT, name: 'fleet' });
  const s = summarize(ledger, ledger.entries[2], NOW);
  expect(s.nodes.map((n) => [n.endpoint, n.runs, n.incidents])).toEqual([[ENDPOINT, 3, 3]]);
  expect(flakyFindings(ledger).map((f) => f.rule)).toEqual(['flaky-node']);
});

// Without `name` the node's name is new every run: the ledger knows it by its endpoint
// (config's generatedNodeNames, entry.ts nodeIdentity), so the window reaches 3 incidents on it.
test('an unnamed builder: the same endpoint is one node of the window, and flaky-node fires', () => {
  const ledger = threeDeadRuns({ driver: 'remote', endpoint: ENDPOINT });
  const s = summarize(ledger, ledger.entries[2], NOW);
  expect(s.nodes.map((n) => [n.endpoint, n.runs, n.incidents])).toEqual([[ENDPOINT, 3, 3]]);
  expect(flakyFindings(ledger).map((f) => f.rule)).toEqual(['flaky-node']);
});

test('nodes named in `nodes` keep their names without `name`; only made-up names become endpoints', () => {
  const config = parseConfig(
    (n) =>
      ({
        driver: 'remote',
        nodes: `- name: arm\n  endpoint: tcp://10.0.0.3:1234\n- endpoint: tcp://10.0.0.4:1234\n`,
      })[n] ?? '',
    ENV,
  );
  const identity = nodeIdentity(config.builder.generatedNodeNames);
  expect(config.builder.nodes.map(identity)).toEqual(['arm', 'tcp://10.0.0.4:1234']);
  const named = parseConfig((n) => ({ driver: 'remote', endpoint: ENDPOINT, name: 'fleet' })[n] ?? '', ENV);
  expect(named.builder.generatedNodeNames).toEqual([]);
});
