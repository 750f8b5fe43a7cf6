// Which node a failed attempt is pinned on, as buildx schedules platforms: the node the user set the
// platform on first (buildx's `*`), and never a guess when the log leaves steps running on two
// platforms. The logs are the shape of a real two-node build of `npm run demo` (a GOAWAY from node
// amd64 while both platforms ran), cut to the lines that matter.
import type { Attempt, BuildOutcome } from '../../../src/attempts/run.js';
import { parseInspect } from '../../../src/builder/state.js';
import { attribute, buildEntry, byName, registryOf, stepOf } from '../../../src/ledger/entry.js';
import { pushHosts } from '../../../src/diagnosis/stall.js';
import { parseTrace } from '../../../src/trace/parser.js';

const NOW = new Date('2026-12-05T12:00:00Z');

// Two daemons of one architecture, each given its platform (`platforms:` in the nodes input):
// both list linux/amd64, only one was set to it.
const INSPECT = `Name:          demo
Driver:        remote

Nodes:
Name:             amd64
Endpoint:         tcp://127.0.0.1:40001
Status:           running
BuildKit version: v0.12.5
Platforms:        linux/amd64*, linux/amd64/v2, linux/amd64/v3, linux/386

Name:             i386
Endpoint:         tcp://127.0.0.1:40002
Status:           running
BuildKit version: v0.12.5
Platforms:        linux/386*, linux/amd64, linux/amd64/v2, linux/amd64/v3
`;
const NODES = parseInspect(INSPECT).nodes;

const GOAWAY =
  'ERROR: failed to build: failed to solve: Unavailable: closing transport due to: connection error: desc = "error reading from server: EOF", received prior goaway: code: NO_ERROR, debug data: "graceful_stop"';

function outcome(log: string): BuildOutcome {
  const failed: Attempt = {
    number: 1,
    exitCode: 1,
    durationMs: 3000,
    logFile: '',
    timedOut: false,
    cancelled: false,
    trace: parseTrace(log),
    classification: {
      category: 'transport',
      retryable: true,
      reason: 'cut',
      pattern: 'goaway-graceful-stop',
    },
  };
  const ok: Attempt = { ...failed, number: 2, exitCode: 0, trace: parseTrace(''), classification: undefined };
  return { success: true, metadata: '', imageid: '', digest: '', attempts: [failed, ok] };
}

test('buildx inspect: the platforms the user set on a node (`*`) are its declared ones', () => {
  expect(NODES.map((n) => [n.name, n.declared])).toEqual([
    ['amd64', ['linux/amd64']],
    ['i386', ['linux/386']],
  ]);
  expect(NODES[1].platforms).toContain('linux/amd64');
});

test('a platform both nodes list goes to the node the user set it on; none set: none', () => {
  expect(attribute(NODES, [], 'linux/amd64')).toEqual({ node: 'amd64', endpoint: 'tcp://127.0.0.1:40001' });
  expect(attribute(NODES, [], 'linux/386')).toEqual({ node: 'i386', endpoint: 'tcp://127.0.0.1:40002' });
  const undeclared = NODES.map(({ declared: _, ...n }) => n);
  expect(attribute(undeclared, [], 'linux/amd64')).toEqual({});
  // arm64 on an amd64 node through emulation, and on a native node the user set it on.
  const fleet = [
    {
      name: 'x86',
      endpoint: 'tcp://a',
      platforms: ['linux/amd64', 'linux/arm64'],
      declared: ['linux/amd64'],
    },
    {
      name: 'arm',
      endpoint: 'tcp://b',
      platforms: ['linux/arm64', 'linux/arm/v7'],
      declared: ['linux/arm64'],
    },
  ];
  expect(attribute(fleet, [], 'linux/arm64')).toEqual({ node: 'arm', endpoint: 'tcp://b' });
  // Two nodes set to the same platform: none (never guessed).
  const twins = fleet.map((n) => ({ ...n, declared: ['linux/arm64'] }));
  expect(attribute(twins, [], 'linux/arm64')).toEqual({});
});

/** One rawjson vertex (what the action's attempts read: `--progress=rawjson`). */
function vertex(
  digest: string,
  name: string,
  o: { inputs?: string[]; done?: boolean; error?: string } = {},
): string {
  return JSON.stringify({
    vertexes: [
      {
        digest: `sha256:${digest}`,
        name,
        ...(o.inputs ? { inputs: o.inputs.map((i) => `sha256:${i}`) } : {}),
        started: '2026-12-05T12:00:00Z',
        ...(o.done || o.error ? { completed: '2026-12-05T12:00:01Z' } : {}),
        ...(o.error ? { error: o.error } : {}),
      },
    ],
  });
}

test('a GOAWAY that left one platform’s step running and cancelled the other’s: that step’s node', () => {
  // BuildKit names the platform on the first steps only; the RUNs are on their inputs' platform.
  const log = [
    vertex('a7', '[linux/amd64 stage-1 2/4] COPY . /app', { done: true }),
    vertex('a6', '[stage-1 3/4] RUN echo "npm ci (simulated)" && sleep 2', { inputs: ['a7'] }),
    vertex('b18', '[linux/386 stage-1 2/4] COPY . /app', { done: true }),
    vertex('b17', '[stage-1 3/4] RUN echo "npm ci (simulated)" && sleep 2', {
      inputs: ['b18'],
      error:
        'process "/bin/sh -c echo \\"npm ci (simulated)\\" && sleep 2" did not complete successfully: exit code: 137: context canceled: context canceled',
    }),
    GOAWAY,
  ].join('\n');
  expect(stepOf(parseTrace(log))).toEqual({
    label: 'RUN echo "npm ci (simulated)" && sleep 2',
    platform: 'linux/amd64',
  });
  expect(
    buildEntry(outcome(log), NODES, ['linux/amd64', 'linux/386'], 'r', NOW, byName).events[0],
  ).toMatchObject({
    node: 'amd64',
    recovered: true,
    transient: true,
  });
});

test('a GOAWAY that left steps running on both platforms: unattributed, whichever the log printed last', () => {
  const log = [
    vertex('a5', '[linux/amd64 stage-1 2/4] COPY . /app', { done: true }),
    vertex('a7', '[stage-1 3/4] RUN echo "npm run build (simulated)" && sleep 1', { inputs: ['a5'] }),
    vertex('b5', '[linux/386 stage-1 2/4] COPY . /app', { done: true }),
    vertex('b7', '[stage-1 3/4] RUN echo "npm run build (simulated)" && sleep 1', { inputs: ['b5'] }),
    GOAWAY,
  ].join('\n');
  const step = stepOf(parseTrace(log));
  expect(step.label).toBe('RUN echo "npm run build (simulated)" && sleep 1');
  expect(step.platform).toBeUndefined();
  const event = buildEntry(outcome(log), NODES, ['linux/amd64', 'linux/386'], 'r', NOW, byName).events[0];
  expect(event.node).toBeUndefined();
  expect(event.step).toBe('RUN echo "npm run build (simulated)" && sleep 1');
});

test('a registry failure that names no host takes the one host the build pushes to', () => {
  expect(pushHosts(['127.0.0.1:5000/app:1', '127.0.0.1:5000/app:latest'])).toEqual(['127.0.0.1:5000']);
  expect(pushHosts(['ghcr.io/o/app:1', 'app:1', 'library/app', 'localhost/x'])).toEqual([
    'ghcr.io',
    'docker.io',
    'localhost',
  ]);
  const c = { category: 'registry' as const, retryable: true, reason: '503' };
  const text = 'failed to build: received unexpected HTTP status: 503 Service Unavailable';
  expect(registryOf(c, undefined, text, ['127.0.0.1:5000'])).toBe('127.0.0.1:5000');
  // Two hosts: which one failed is not known.
  expect(registryOf(c, undefined, text, ['ghcr.io', 'docker.io'])).toBeUndefined();
  // A host the text names wins; a failure that is not the registry's names none.
  expect(registryOf(c, undefined, 'pushing manifest for quay.io/o/app:1: 503', ['ghcr.io'])).toBe('quay.io');
  expect(registryOf({ ...c, category: 'step' }, undefined, text, ['ghcr.io'])).toBeUndefined();
});
