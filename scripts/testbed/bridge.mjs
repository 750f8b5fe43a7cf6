// A TCP bridge that makes one dockerd a buildx `remote` node, with fault injection.
//
// Per accepted connection it dials the daemon's socket, upgrades `POST /grpc` to h2c (the same hijack
// the docker driver uses to reach the embedded BuildKit), then pipes bytes both ways. Faults are set
// per bridge and apply to new connections (or, for timed faults, to the connections open when armed):
//   refuse           no listener: connections are refused (a dead node)
//   blackhole        accept, never answer
//   late=<ms>        refuse until <ms> after the fault was set, then serve (a node that comes up late)
//   reset=<ms>       destroy the connection <ms> after it opened
//   goaway=<ms>      <ms> after the connection opened, at an HTTP/2 frame boundary of the
//                    server→client stream, write GOAWAY(NO_ERROR, "graceful_stop") and close
//   silence          from now on nothing passes either way: open connections stay open and go
//                    quiet, new ones are accepted and never answered (a node that hangs mid-build)
//   once | every     timed faults fire on the first connection only (default) or on every one
//
// Also a command: node scripts/testbed/bridge.mjs --socket PATH [--port N] [--fault SPEC]
import net from 'node:net';

const FRAME_HEADER = 9;
const GOAWAY = 0x7;

/** Parses `goaway=3000,every` into a fault; '' or 'none' is no fault. */
export function parseFault(spec) {
  if (!spec || spec === 'none') return null;
  const fault = { mode: '', ms: 0, every: false };
  for (const part of spec.split(',')) {
    const [key, value] = part.split('=');
    if (key === 'once') fault.every = false;
    else if (key === 'every') fault.every = true;
    else if (['refuse', 'blackhole', 'late', 'reset', 'goaway', 'silence'].includes(key)) {
      fault.mode = key;
      fault.ms = value === undefined ? 0 : Number(value);
      if (!Number.isFinite(fault.ms) || fault.ms < 0) throw new Error(`bad fault time in '${spec}'`);
    } else throw new Error(`unknown fault '${part}' in '${spec}'`);
  }
  if (!fault.mode) throw new Error(`fault '${spec}' names no mode`);
  return fault;
}

/** A GOAWAY frame: last stream id (31 bits), error code NO_ERROR, debug data "graceful_stop". */
export function goawayFrame(lastStreamId = 0x7fffffff) {
  const debug = Buffer.from('graceful_stop');
  const payload = Buffer.alloc(8 + debug.length);
  payload.writeUInt32BE(lastStreamId & 0x7fffffff, 0);
  payload.writeUInt32BE(0, 4);
  debug.copy(payload, 8);
  const header = Buffer.alloc(FRAME_HEADER);
  header.writeUIntBE(payload.length, 0, 3);
  header.writeUInt8(GOAWAY, 3);
  header.writeUInt8(0, 4);
  header.writeUInt32BE(0, 5);
  return Buffer.concat([header, payload]);
}

/** Tracks HTTP/2 frame boundaries in a byte stream (the server→client side after the preface). */
class FrameCursor {
  constructor() {
    this.header = Buffer.alloc(0);
    this.remaining = 0; // payload bytes left in the current frame
  }
  /** Returns offsets within `chunk` at which a frame ends (a boundary). */
  boundaries(chunk) {
    const out = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - i);
        this.remaining -= take;
        i += take;
        if (this.remaining === 0) out.push(i);
        continue;
      }
      const need = FRAME_HEADER - this.header.length;
      const take = Math.min(need, chunk.length - i);
      this.header = Buffer.concat([this.header, chunk.subarray(i, i + take)]);
      i += take;
      if (this.header.length === FRAME_HEADER) {
        this.remaining = this.header.readUIntBE(0, 3);
        this.header = Buffer.alloc(0);
        if (this.remaining === 0) out.push(i);
      }
    }
    return out;
  }
  get atBoundary() {
    return this.remaining === 0 && this.header.length === 0;
  }
}

export class NodeBridge {
  /** @param {{ socketPath: string, port?: number, fault?: string | null, log?: (line: string) => void }} opts */
  constructor(opts) {
    this.socketPath = opts.socketPath;
    this.port = opts.port ?? 0;
    this.log = opts.log ?? (() => {});
    this.server = null;
    this.conns = new Set();
    this.fault = null;
    this.fired = false;
    this.lateTimer = null;
    this.stats = { connections: 0, faultsFired: 0 };
    if (opts.fault) this.fault = parseFault(opts.fault);
  }

  get endpoint() {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** Binds the port (so the endpoint is known) and listens unless the fault keeps the node down. */
  async start() {
    await this.listen();
    this.applyFault();
    return this;
  }

  /** Changes the fault; timed faults re-arm (`once` fires again once). */
  setFault(spec) {
    this.fault = typeof spec === 'string' || spec === null ? parseFault(spec) : spec;
    this.fired = false;
    this.applyFault();
  }

  applyFault() {
    clearTimeout(this.lateTimer);
    const f = this.fault;
    if (f && (f.mode === 'refuse' || f.mode === 'late')) {
      this.unlisten();
      for (const c of this.conns) c.destroy();
      if (f.mode === 'late') {
        this.lateTimer = setTimeout(() => {
          this.fault = null;
          this.listen().catch((e) => this.log(`relisten failed: ${e.message}`));
        }, f.ms);
      }
    } else if (!this.server) {
      this.listen().catch((e) => this.log(`relisten failed: ${e.message}`));
    } else if (f && (f.mode === 'reset' || f.mode === 'goaway')) {
      for (const c of this.conns) this.armTimed(c);
    } else if (f && f.mode === 'silence') {
      for (const c of this.conns) c.silenced = true;
      this.stats.faultsFired++;
    }
  }

  listen() {
    if (this.server) return Promise.resolve();
    const server = net.createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = server.address().port;
        server.off('error', reject);
        resolve();
      });
    });
  }

  unlisten() {
    if (!this.server) return;
    this.server.close();
    this.server = null;
  }

  accept(client) {
    this.stats.connections++;
    const conn = {
      client,
      upstream: null,
      cursor: new FrameCursor(),
      pendingGoaway: false,
      timer: null,
      destroy: () => {},
    };
    this.conns.add(conn);
    const destroy = () => {
      clearTimeout(conn.timer);
      client.destroy();
      conn.upstream?.destroy();
      this.conns.delete(conn);
    };
    conn.destroy = destroy;
    client.on('error', destroy);
    client.on('close', destroy);
    if (this.fault?.mode === 'blackhole' || this.fault?.mode === 'silence') {
      client.pause();
      return;
    }
    this.armTimed(conn);
    client.pause();
    const upstream = net.createConnection(this.socketPath);
    conn.upstream = upstream;
    upstream.on('error', (e) => {
      this.log(`upstream error: ${e.message}`);
      destroy();
    });
    upstream.on('close', destroy);
    upstream.on('connect', () => {
      upstream.write('POST /grpc HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n');
    });
    let head = Buffer.alloc(0);
    const onHead = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      upstream.off('data', onHead);
      const status = head.subarray(0, head.indexOf('\r\n')).toString();
      if (!/^HTTP\/1\.1 101/.test(status)) {
        this.log(`upgrade refused: ${status}`);
        destroy();
        return;
      }
      const rest = head.subarray(end + 4);
      if (rest.length) this.toClient(conn, rest);
      upstream.on('data', (c) => this.toClient(conn, c));
      client.on('data', (c) => conn.silenced || upstream.write(c));
      client.resume();
    };
    upstream.on('data', onHead);
  }

  armTimed(conn) {
    const f = this.fault;
    if (!f || (f.mode !== 'reset' && f.mode !== 'goaway') || conn.timer) return;
    if (this.fired && !f.every) return;
    conn.timer = setTimeout(() => {
      conn.timer = null;
      if (this.fault !== f || (this.fired && !f.every) || !this.conns.has(conn)) return;
      this.fired = true;
      this.stats.faultsFired++;
      this.log(`fault ${f.mode} fired after ${f.ms} ms`);
      if (f.mode === 'reset') {
        if (conn.client.resetAndDestroy) conn.client.resetAndDestroy();
        conn.destroy();
      } else {
        conn.pendingGoaway = true;
        if (conn.cursor.atBoundary) this.sendGoaway(conn);
      }
    }, f.ms);
  }

  toClient(conn, chunk) {
    if (conn.silenced) return;
    if (!conn.pendingGoaway) {
      conn.cursor.boundaries(chunk);
      conn.client.write(chunk);
      return;
    }
    const cuts = conn.cursor.boundaries(chunk);
    const cut = conn.cursor.atBoundary && !cuts.length ? chunk.length : cuts[0];
    if (cut === undefined) {
      conn.client.write(chunk);
      return;
    }
    conn.client.write(chunk.subarray(0, cut));
    this.sendGoaway(conn);
  }

  sendGoaway(conn) {
    if (!conn.pendingGoaway) return;
    conn.pendingGoaway = false;
    conn.upstream?.removeAllListeners('data');
    conn.client.end(goawayFrame(), () => conn.destroy());
  }

  async close() {
    clearTimeout(this.lateTimer);
    for (const c of this.conns) c.destroy();
    if (this.server) await new Promise((r) => this.server.close(() => r()));
    this.server = null;
  }
}

// Command-line use: keeps a bridge up until interrupted.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const socketPath = opt('socket');
  if (!socketPath) {
    console.error('usage: bridge.mjs --socket PATH [--port N] [--fault SPEC]');
    process.exit(2);
  }
  const bridge = new NodeBridge({
    socketPath,
    port: Number(opt('port') ?? 0),
    fault: opt('fault'),
    log: console.error,
  });
  await bridge.start();
  console.log(bridge.endpoint);
  const stop = () => bridge.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
