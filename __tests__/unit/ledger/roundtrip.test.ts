// What a run saves, the next run must read back: every entry recordRun returns passes the restore's
// check (window.ts, checkLedger), or the run's incidents vanish from the history at the next restore.
//
// The check refuses a text over 512 characters and more than 64 events or nodes; append() fits every
// entry to it (window.ts, fit): a long `RUN` line is clipped, an isolated bake of many targets keeps
// its last 64 events.
import type { Attempt, BuildOutcome } from '../../../src/attempts/run.js';
import { buildEntry, byName } from '../../../src/ledger/entry.js';
import { recordRun } from '../../../src/ledger/ledger.js';
import { checkLedger } from '../../../src/ledger/window.js';
import { parseTrace } from '../../../src/trace/parser.js';

const NOW = new Date('2026-12-05T12:00:00Z');
const NODES = [{ name: 'one', endpoint: 'tcp://10.0.0.1:1234', platforms: ['linux/amd64'] }];

function attempt(over: Partial<Attempt>, log = ''): Attempt {
  return {
    number: 1,
    exitCode: 1,
    durationMs: 4000,
    logFile: '',
    timedOut: false,
    cancelled: false,
    trace: parseTrace(log),
    classification: { category: 'transport', retryable: true, reason: 'cut', pattern: 'connection-lost' },
    ...over,
  };
}

/** The entry as the next run reads it: saved (JSON), restored, checked. */
async function readBack(outcome: BuildOutcome): Promise<{ saved: number; read: number }> {
  const entry = buildEntry(outcome, NODES, ['linux/amd64'], 'run-1', NOW, byName);
  const { ledger } = await recordRun(Promise.resolve(undefined), entry, [], NOW);
  const r = checkLedger(JSON.stringify(ledger));
  if (typeof r === 'string') throw new Error(r);
  return { saved: ledger.entries.length, read: r.ledger.entries.length };
}

const longRun = `RUN apt-get update && apt-get install -y --no-install-recommends ${Array.from(
  { length: 60 },
  (_, i) => `package-${i}`,
).join(' ')} && rm -rf /var/lib/apt/lists/*`;

test('a transient failure on a RUN line over 512 characters is read back by the next run', async () => {
  expect(longRun.length).toBeGreaterThan(512);
  const log = [
    `#5 [2/2] ${longRun}`,
    '#5 0.164 fetching',
    'ERROR: failed to build: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF',
  ].join('\n');
  const outcome: BuildOutcome = {
    success: true,
    metadata: '',
    imageid: '',
    digest: '',
    attempts: [attempt({}, log), attempt({ number: 2, exitCode: 0, classification: undefined })],
  };
  expect(await readBack(outcome)).toEqual({ saved: 1, read: 1 });
});

test('an isolated bake with 66 failed attempts (22 targets, 3 each) is read back by the next run', async () => {
  const attempts = Array.from({ length: 22 }, (_, t) =>
    [1, 2, 3].map((n) => attempt({ number: n, bake: `t${t}` })),
  ).flat();
  const outcome: BuildOutcome = { success: false, metadata: '', imageid: '', digest: '', attempts };
  expect(await readBack(outcome)).toEqual({ saved: 1, read: 1 });
});

test('a short step and a few failed attempts are read back (the check itself works)', async () => {
  const log = [
    '#5 [2/2] RUN make',
    'ERROR: failed to build: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF',
  ].join('\n');
  const outcome: BuildOutcome = {
    success: true,
    metadata: '',
    imageid: '',
    digest: '',
    attempts: [attempt({}, log), attempt({ number: 2, exitCode: 0, classification: undefined })],
  };
  expect(await readBack(outcome)).toEqual({ saved: 1, read: 1 });
});
