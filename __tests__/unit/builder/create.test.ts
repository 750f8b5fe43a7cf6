// Registering the nodes: the first created alone, the others appended concurrently only when their
// order cannot change where buildx sends a build; every node that fails is named.
import type { Buildx, RunResult } from '../../../src/buildx/buildx.js';
import { appendOrderFree, createNodes } from '../../../src/builder/create-nodes.js';
import { NodesDownError, type BuilderDeps } from '../../../src/builder/deps.js';
import { parseConfig } from '../../../src/config/config.js';

const node = (name: string, platforms: string[]) => ({
  name,
  endpoint: `tcp://${name}:1234`,
  platforms,
  driverOpts: [],
  buildkitdFlags: '',
  buildkitdConfigInline: '',
});

test.each([
  [[node('a', []), node('b', ['linux/arm64']), node('c', ['linux/s390x'])], true],
  // The first node is created first: it may share a platform (it wins either way).
  [[node('a', ['linux/arm64']), node('b', ['linux/arm64']), node('c', ['linux/amd64'])], true],
  [[node('a', []), node('b', ['linux/arm64']), node('c', ['linux/arm64'])], false],
  [[node('a', []), node('b', []), node('c', ['linux/arm64'])], false],
  [[node('a', [])], true],
])('append order free: %#', (nodes, free) => {
  expect(appendOrderFree(nodes)).toBe(free);
});

function fakeDeps(fail: string[]) {
  let running = 0;
  const seen = { maxConcurrent: 0, order: [] as string[] };
  const buildx = {
    async buildx(args: string[]): Promise<RunResult> {
      const name = args[args.indexOf('--node') + 1];
      seen.order.push(name);
      running++;
      seen.maxConcurrent = Math.max(seen.maxConcurrent, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      const bad = fail.includes(name);
      return {
        code: bad ? 1 : 0,
        stdout: '',
        stderr: bad ? `ERROR: failed to initialize builder x (${name}): connection refused` : '',
        stderrTail: '',
        timedOut: false,
        cancelled: false,
        durationMs: 20,
      };
    },
  };
  const deps = {
    buildx: buildx as unknown as Buildx,
    tempDir: '/tmp',
    env: {},
    info: () => {},
    debug: () => {},
  };
  return { deps: deps as unknown as BuilderDeps, seen };
}

const config = (nodes: string) =>
  parseConfig((n) => ({ driver: 'remote', name: 'x', nodes })[n] ?? '', {}).builder;

const disjoint = `
- { name: a, endpoint: tcp://a:1, platforms: linux/amd64 }
- { name: b, endpoint: tcp://b:1, platforms: linux/arm64 }
- { name: c, endpoint: tcp://c:1, platforms: linux/s390x }
- { name: d, endpoint: tcp://d:1, platforms: linux/ppc64le }
`;

test('disjoint platforms: the first alone, then the others at once; every failure named', async () => {
  const { deps, seen } = fakeDeps(['b', 'd']);
  let created = '';
  const err = await createNodes(config(disjoint), deps, (n) => (created = n), Date.now() + 10_000).catch(
    (e) => e,
  );
  expect(seen.order[0]).toBe('a');
  expect(seen.maxConcurrent).toBe(3);
  expect(created).toBe('x');
  expect(err).toBeInstanceOf(NodesDownError);
  expect((err as NodesDownError).failed.map((f) => f.name)).toEqual(['b', 'd']);
});

test('no platforms listed: one after the other, in the given order, stopping at the first failure', async () => {
  const { deps, seen } = fakeDeps(['c']);
  const nodes = disjoint.replace(/, platforms: \S+ \}/g, ' }');
  const err = await createNodes(config(nodes), deps, () => {}, Date.now() + 10_000).catch((e) => e);
  expect(seen.maxConcurrent).toBe(1);
  expect(seen.order).toEqual(['a', 'b', 'c']);
  expect((err as NodesDownError).failed.map((f) => f.name)).toEqual(['c']);
});

test('the first node fails: nothing appended, nothing to clean up', async () => {
  const { deps, seen } = fakeDeps(['a']);
  let created = '';
  const err = await createNodes(config(disjoint), deps, (n) => (created = n), Date.now() + 10_000).catch(
    (e) => e,
  );
  expect(seen.order).toEqual(['a']);
  expect(created).toBe('');
  expect((err as NodesDownError).failed.map((f) => f.name)).toEqual(['a']);
});
