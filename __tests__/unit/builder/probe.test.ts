// The quick probes over real sockets on 127.0.0.1: a port nothing listens on (refused), a server
// that accepts and never answers (black hole), a node that comes up between probes, and a name that
// does not resolve (answered by an injected lookup: no resolver is asked).
import net from 'node:net';
import { probeEndpoint, probeTcp, quickProbe } from '../../../src/builder/probe.js';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(port = 0): Promise<net.Server> {
  const server = net.createServer((socket) => socket.pause()); // accepts, never answers
  servers.push(server);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const portOf = (s: net.Server) => (s.address() as net.AddressInfo).port;

/** A port nothing listens on: bind, read the port, close. */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = portOf(s);
  await new Promise((r) => s.close(r));
  return port;
}

const notFound: net.LookupFunction = (hostname, _opts, cb) =>
  process.nextTick(() =>
    cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4),
  );

test('a refused port is dead at once, naming the address', async () => {
  const port = await freePort();
  expect(await probeEndpoint(`tcp://127.0.0.1:${port}`)).toEqual({
    kind: 'dead',
    detail: `tcp 127.0.0.1:${port}: connection refused`,
  });
});

test('a name that does not resolve is dead', async () => {
  const r = await probeEndpoint('tcp://buildkit-node-7:1234', { lookup: notFound });
  expect(r).toEqual({ kind: 'dead', detail: 'tcp buildkit-node-7:1234: no such host' });
});

test('a server that accepts and never answers is open: the boot rounds judge it', async () => {
  const server = await listen();
  expect(await probeEndpoint(`tcp://127.0.0.1:${portOf(server)}`)).toEqual({ kind: 'open' });
  expect(await probeTcp(`tcp://127.0.0.1:${portOf(server)}`)).toBeUndefined();
});

test('endpoints that are not tcp:// are not probed', async () => {
  for (const e of ['unix:///run/buildkit/buildkitd.sock', 'my-context', 'ssh://me@host', 'tcp://host', ''])
    expect(await probeEndpoint(e)).toEqual({ kind: 'not-tcp' });
});

test('quick probes: a node refused at every probe is dead, with the number of probes', async () => {
  const port = await freePort();
  const first: string[] = [];
  const r = await quickProbe(`tcp://127.0.0.1:${port}`, {
    delaysMs: [20, 20, 20],
    onDead: (d) => first.push(d),
  });
  expect(r).toEqual({
    kind: 'dead',
    detail: `tcp 127.0.0.1:${port}: connection refused (4 probes over 0 s)`,
  });
  expect(first).toEqual([`tcp 127.0.0.1:${port}: connection refused`]);
});

test('quick probes: a node that comes up between probes (restarting) is open', async () => {
  const port = await freePort();
  const r = await quickProbe(`tcp://127.0.0.1:${port}`, {
    delaysMs: [200, 200, 200],
    // It starts listening once the first probe was refused.
    onDead: () => void listen(port),
  });
  expect(r).toEqual({ kind: 'open' });
});

test('quick probes stop at the deadline and when aborted', async () => {
  const port = await freePort();
  const endpoint = `tcp://127.0.0.1:${port}`;
  const atDeadline = await quickProbe(endpoint, { delaysMs: [50, 5_000], deadline: Date.now() + 1_000 });
  expect(atDeadline).toMatchObject({ kind: 'dead', detail: expect.stringMatching(/\(2 probes over 0 s\)$/) });
  const stop = new AbortController();
  const started = quickProbe(endpoint, { delaysMs: [60_000], signal: stop.signal });
  stop.abort();
  expect(await started).toMatchObject({ kind: 'dead' });
});
