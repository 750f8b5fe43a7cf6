// A registry fault proxy for the test bed: plain HTTP in front of the registry, passing every request
// through, except the ones a fault matches (method + path regex, the first N times), which get:
//   { status: 503 }                    an error status (429 takes { retryAfter: seconds } too)
//   { reset: true }                    the connection is destroyed before any answer
//   { stall: true }                    the request is accepted and never answered
// Faults can be set at any time with setFaults; `hits` counts what each fault did, `log` every request.
// The Host header is passed as is, so the registry's Location headers point back at the proxy.
import http from 'node:http';

export class RegistryProxy {
  /** @param {{ target: string, faults?: object[] }} opts target is host:port of the registry */
  constructor({ target, faults = [] }) {
    this.target = target;
    this.faults = [];
    this.log = [];
    this.stalled = new Set();
    // Its own agent, without keep-alive: no socket to the registry outlives the proxy.
    this.agent = new http.Agent({ keepAlive: false });
    this.setFaults(faults);
  }

  /** @param {{ method?: string, path: RegExp|string, times?: number, status?: number, retryAfter?: number, reset?: boolean, stall?: boolean }[]} faults */
  setFaults(faults) {
    this.faults = faults.map((f) => ({ ...f, path: new RegExp(f.path), left: f.times ?? 1, hits: 0 }));
  }

  get hits() {
    return this.faults.map((f) => f.hits);
  }

  async start() {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise((r) => this.server.listen(0, '127.0.0.1', r));
    this.address = `127.0.0.1:${this.server.address().port}`;
    return this;
  }

  handle(req, res) {
    this.log.push(`${req.method} ${req.url}`);
    const fault = this.faults.find(
      (f) => f.left > 0 && (!f.method || f.method === req.method) && f.path.test(req.url),
    );
    if (fault) {
      fault.left--;
      fault.hits++;
      if (fault.reset) return req.socket.destroy();
      if (fault.stall) {
        this.stalled.add(req.socket);
        return;
      }
      req.resume();
      const headers = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      const code = fault.status === 429 ? 'TOOMANYREQUESTS' : 'UNAVAILABLE';
      res.writeHead(fault.status, headers);
      return res.end(
        JSON.stringify({ errors: [{ code, message: `injected ${fault.status}`, detail: null }] }),
      );
    }
    const [host, port] = this.target.split(':');
    const up = http.request(
      {
        host,
        port: Number(port),
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: this.agent,
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  }

  async close() {
    for (const s of this.stalled) s.destroy();
    this.agent.destroy();
    if (!this.server) return;
    const closed = new Promise((r) => this.server.close(() => r()));
    this.server.closeAllConnections();
    // Never let the proxy hold the process, even if a connection lingers.
    this.server.unref();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}
