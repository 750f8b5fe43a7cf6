// A local stand-in for the GitHub Actions cache service v2 (it cannot be reached here), so the real
// @actions/cache library runs unmodified: the Twirp JSON methods it calls (CreateCacheEntry,
// FinalizeCacheEntryUpload, GetCacheEntryDownloadURL) and the blob URLs they hand out, which the
// library's Azure Blob client uploads to (single PUT or blocks + block list) and downloads from
// (HEAD, then ranged GETs).
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** An entry's archive, decompressed (gzip or zstd), as latin1 text: its tar, to look inside. */
export function entryText(blob: Buffer): string {
  const tar =
    blob[0] === 0x1f && blob[1] === 0x8b ? gunzipSync(blob) : execFileSync('zstd', ['-dc'], { input: blob });
  return tar.toString('latin1');
}

interface Entry {
  id: number;
  key: string;
  version: string;
  blob: Buffer;
  blocks: Map<string, Buffer>;
  finalized: boolean;
  createdAt: number;
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

export class FakeCacheService {
  readonly entries: Entry[] = [];
  readonly calls: string[] = [];
  /** How many of the next archive downloads answer garbage of the archive's length (a corrupt transfer). */
  garbledDownloads = 0;
  /**
   * A service that accepts every connection and never answers: requests are read, counted in
   * `calls` (`stalled <path>`) and held open until stop().
   */
  stall = false;
  private held: ServerResponse[] = [];
  private server?: Server;
  private nextId = 1;

  constructor(readonly token = 'runtime-token') {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** The variables @actions/cache reads to find the service. */
  get env(): NodeJS.ProcessEnv {
    return {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: this.url,
      ACTIONS_RUNTIME_TOKEN: this.token,
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e) => res.writeHead(500).end(String(e)));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.held.splice(0)) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (this.stall) {
      this.calls.push(`stalled ${url.pathname.replace(SERVICE, '')}`);
      this.held.push(res);
      return;
    }
    if (url.pathname.startsWith(SERVICE))
      return this.twirp(url.pathname.slice(SERVICE.length), req, body, res);
    const blob = url.pathname.match(/^\/blobs\/(\d+)$/);
    if (blob) return this.blob(Number(blob[1]), req, url, body, res);
    res.writeHead(404).end();
  }

  private json(res: ServerResponse, status: number, data: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
  }

  private twirp(method: string, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    this.calls.push(method);
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return this.json(res, 401, { code: 'unauthenticated', msg: 'bad token' });
    const r = JSON.parse(body.toString() || '{}') as Record<string, unknown>;
    const version = String(r.version ?? '');
    switch (method) {
      case 'CreateCacheEntry': {
        const key = String(r.key);
        if (this.entries.some((e) => e.key === key && e.version === version)) {
          return this.json(res, 200, {
            ok: false,
            message: 'cache entry with the same key and version already exists',
          });
        }
        const e: Entry = {
          id: this.nextId++,
          key,
          version,
          blob: Buffer.alloc(0),
          blocks: new Map(),
          finalized: false,
          createdAt: Date.now(),
        };
        this.entries.push(e);
        return this.json(res, 200, { ok: true, signed_upload_url: `${this.url}blobs/${e.id}?sig=upload` });
      }
      case 'FinalizeCacheEntryUpload': {
        const e = this.entries.find((x) => x.key === String(r.key) && x.version === version && !x.finalized);
        if (!e || e.blob.length !== Number(r.size_bytes))
          return this.json(res, 200, { ok: false, message: 'upload not found or size mismatch' });
        e.finalized = true;
        return this.json(res, 200, { ok: true, entry_id: String(e.id) });
      }
      case 'GetCacheEntryDownloadURL': {
        const ready = this.entries
          .filter((e) => e.finalized && e.version === version)
          .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
        const exact = ready.find((e) => e.key === String(r.key));
        const prefixed = ((r.restore_keys as string[]) ?? [])
          .map((p) => ready.find((e) => e.key.startsWith(p)))
          .find(Boolean);
        const hit = exact ?? prefixed;
        if (!hit) return this.json(res, 200, { ok: false });
        return this.json(res, 200, {
          ok: true,
          signed_download_url: `${this.url}blobs/${hit.id}?sig=download`,
          matched_key: hit.key,
        });
      }
    }
    this.json(res, 404, { code: 'bad_route', msg: method });
  }

  private blob(id: number, req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): void {
    const e = this.entries.find((x) => x.id === id);
    if (!e) return void res.writeHead(404).end();
    const headers = {
      etag: `"0x${id}"`,
      'last-modified': new Date(e.createdAt).toUTCString(),
      'x-ms-request-id': `req-${id}`,
      'x-ms-version': '2024-11-04',
      date: new Date().toUTCString(),
    };
    const comp = url.searchParams.get('comp');
    if (req.method === 'PUT' && comp === 'block') {
      e.blocks.set(url.searchParams.get('blockid') ?? '', body);
      return void res.writeHead(201, headers).end();
    }
    if (req.method === 'PUT' && comp === 'blocklist') {
      const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map(
        (m) => m[1],
      );
      e.blob = Buffer.concat(ids.map((b) => e.blocks.get(b) ?? Buffer.alloc(0)));
      return void res.writeHead(201, headers).end();
    }
    if (req.method === 'PUT') {
      e.blob = body;
      return void res.writeHead(201, headers).end();
    }
    const common = {
      ...headers,
      'x-ms-blob-type': 'BlockBlob',
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
    };
    if (req.method === 'HEAD')
      return void res.writeHead(200, { ...common, 'content-length': String(e.blob.length) }).end();
    if (req.method === 'GET') {
      if (this.garbledDownloads > 0) {
        this.garbledDownloads--;
        const garbage = Buffer.alloc(e.blob.length, 0x5a);
        return void res.writeHead(200, { ...common, 'content-length': String(garbage.length) }).end(garbage);
      }
      const range = String(req.headers['x-ms-range'] ?? req.headers.range ?? '').match(/bytes=(\d+)-(\d*)/);
      if (!range)
        return void res.writeHead(200, { ...common, 'content-length': String(e.blob.length) }).end(e.blob);
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), e.blob.length - 1) : e.blob.length - 1;
      const part = e.blob.subarray(start, end + 1);
      return void res
        .writeHead(206, {
          ...common,
          'content-length': String(part.length),
          'content-range': `bytes ${start}-${end}/${e.blob.length}`,
        })
        .end(part);
    }
    res.writeHead(405).end();
  }
}
