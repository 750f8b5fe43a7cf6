// A local stand-in for the GitHub REST API (github.com cannot be reached here). It serves only the
// operations buildx-guard calls, validates every request against the official OpenAPI description
// (__fixtures__/github/openapi-operations.json, extracted from @octokit/openapi), and enforces what
// the schema does not say: comment bodies of at most 65,536 characters, at most 50 annotations per
// check-run request, 403 "Resource not accessible by integration" for a read-only token.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv as AjvType } from 'ajv';
import { repoRoot } from './paths.js';

// ajv and ajv-formats are CommonJS; load them as such.
const require = createRequire(import.meta.url);
const Ajv = require('ajv').default as typeof AjvType;
const addFormats = require('ajv-formats').default as (ajv: AjvType) => void;

interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: { name: string; in: string; required: boolean; schema: object }[];
  requestBody: object | null;
  requestBodyRequired: boolean;
}

export interface Recorded {
  method: string;
  path: string;
  operationId: string;
  status: number;
  body: unknown;
}

/** Tokens with special behaviour; any other token may do everything. */
export const TOKENS = {
  readOnly: 'ghs_read_only',
  rateLimited: 'ghs_rate_limited',
  bad: 'ghs_bad',
  /** A server that accepts the connection and never answers. */
  hang: 'ghs_hang',
  /** A personal access token: GET /user answers with its login (installation tokens get 403). */
  personal: 'ghp_personal',
  /** A GitHub App's installation token: no /user, its bot is GraphQL's `viewer`. */
  app: 'ghs_app_installation',
};

/** Who wrote a comment: the bot behind GITHUB_TOKEN, a person, or the owner of a personal token. */
export const USERS = {
  bot: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
  human: { login: 'mallory', id: 666, type: 'User' },
  personal: { login: 'octo-dev', id: 1234, type: 'User' },
  /** Another app's bot (not the one behind GITHUB_TOKEN). */
  otherBot: { login: 'renovate[bot]', id: 29139614, type: 'Bot' },
  /** The bot of a GitHub App whose installation token the workflow made. */
  app: { login: 'buildx-guard-ci[bot]', id: 90000001, type: 'Bot' },
};
type User = (typeof USERS)[keyof typeof USERS];

/** Who a token acts as: a personal token's owner, an App's bot, else GITHUB_TOKEN's bot. */
function userOf(token: string): User {
  return token === TOKENS.personal ? USERS.personal : token === TOKENS.app ? USERS.app : USERS.bot;
}

const spec = JSON.parse(
  readFileSync(join(repoRoot, '__fixtures__', 'github', 'openapi-operations.json'), 'utf8'),
) as {
  operations: Operation[];
};

export class FakeGitHub {
  readonly requests: Recorded[] = [];
  readonly violations: string[] = [];
  readonly comments = new Map<number, { id: number; body: string; user?: User }[]>();
  readonly checkRuns: {
    id: number;
    head_sha: string;
    name: string;
    conclusion?: string;
    external_id?: string;
    annotations: unknown[];
    requests: number;
  }[] = [];
  /**
   * Faults for the next requests of an operation: answer `status` instead, before doing it
   * (`done: false`) or after (`done: true`: GitHub did it and a proxy in front answered 502).
   */
  readonly faults: { operationId: string; status: number; done: boolean }[] = [];
  private server?: Server;
  private nextId = 1000;
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: {
    op: Operation;
    re: RegExp;
    names: string[];
    validate?: ReturnType<AjvType['compile']>;
  }[];

  constructor() {
    addFormats(this.ajv);
    this.routes = spec.operations.map((op) => {
      const names: string[] = [];
      const re = new RegExp(`^${op.path.replace(/\{(\w+)\}/g, (_, n) => (names.push(n), '([^/]+)'))}$`);
      return { op, re, names, validate: op.requestBody ? this.ajv.compile(op.requestBody) : undefined };
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        this.violations.push(`server error: ${e}`);
        res.writeHead(500).end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  commentsOn(issue: number): { id: number; body: string; user?: User }[] {
    return this.comments.get(issue) ?? [];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString();
    const body = raw ? JSON.parse(raw) : undefined;
    if (url.pathname === '/graphql') return this.graphql(req, res, body);
    const route = this.routes.find((r) => r.op.method === req.method && r.re.test(url.pathname));
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({
        method: req.method!,
        path: url.pathname,
        operationId: route?.op.operationId ?? '?',
        status,
        body,
      });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    if (!route) {
      this.violations.push(`unknown operation ${req.method} ${url.pathname}`);
      return send(404, { message: 'Not Found' });
    }
    const params: Record<string, string> = {};
    route.re
      .exec(url.pathname)!
      .slice(1)
      .forEach((v, i) => (params[route.names[i]] = decodeURIComponent(v)));
    for (const p of route.op.parameters) {
      const value =
        p.in === 'path'
          ? params[p.name]
          : p.in === 'query'
            ? (url.searchParams.get(p.name) ?? undefined)
            : undefined;
      if (value === undefined) {
        if (p.required) this.violations.push(`${route.op.operationId}: missing ${p.in} parameter ${p.name}`);
        continue;
      }
      const typed = (p.schema as { type?: string }).type === 'integer' ? Number(value) : value;
      if (!this.ajv.validate(p.schema, typed))
        this.violations.push(`${route.op.operationId}: ${p.name}=${value} ${this.ajv.errorsText()}`);
    }
    if (route.validate) {
      if (body === undefined && route.op.requestBodyRequired)
        this.violations.push(`${route.op.operationId}: missing body`);
      else if (body !== undefined && !route.validate(body)) {
        this.violations.push(`${route.op.operationId}: ${this.ajv.errorsText(route.validate.errors)}`);
        return send(422, { message: 'Validation Failed' });
      }
    }
    const auth = req.headers.authorization ?? '';
    const token = auth.replace(/^(token|bearer) /i, '');
    if (!token) return send(401, { message: 'Requires authentication' });
    if (token === TOKENS.bad) return send(401, { message: 'Bad credentials' });
    if (token === TOKENS.rateLimited) {
      return send(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0' },
      );
    }
    if (token === TOKENS.hang) return; // never answers
    if (token === TOKENS.readOnly && req.method !== 'GET')
      return send(403, { message: 'Resource not accessible by integration' });
    const fault = this.faults.findIndex((f) => f.operationId === route.op.operationId);
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      const fail = () => send(f.status, { message: 'Bad Gateway' });
      if (!f.done) return fail();
      const drop = () => {};
      this.operate(route.op.operationId, params, url, body, drop, userOf(token));
      return fail();
    }
    return this.operate(route.op.operationId, params, url, body, send, userOf(token));
  }

  /**
   * GraphQL is not in the REST description: the one query the action sends (`viewer { login }`)
   * is answered as GitHub does, per token; any other request is a violation.
   */
  private graphql(req: IncomingMessage, res: ServerResponse, body: unknown): void {
    const token = (req.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
    const query = (body as { query?: unknown } | undefined)?.query;
    this.requests.push({ method: req.method!, path: '/graphql', operationId: 'graphql', status: 200, body });
    if (token === TOKENS.hang) return;
    const answer = (status: number, data: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
    };
    if (
      req.method !== 'POST' ||
      typeof query !== 'string' ||
      query.replace(/\s+/g, ' ').trim() !== 'query { viewer { login } }'
    ) {
      this.violations.push(`graphql: unexpected request ${req.method} ${JSON.stringify(body)}`);
      return answer(400, { message: 'Problems parsing JSON' });
    }
    if (!token || token === TOKENS.bad) return answer(401, { message: 'Bad credentials' });
    answer(200, { data: { viewer: { login: userOf(token).login } } });
  }

  private operate(
    id: string,
    params: Record<string, string>,
    url: URL,
    body: Record<string, unknown> | undefined,
    send: (status: number, data: unknown, headers?: Record<string, string>) => void,
    user: User,
  ): void {
    switch (id) {
      case 'users/get-authenticated':
        // Installation tokens (GITHUB_TOKEN, a GitHub App's) cannot read /user.
        return user.type === 'Bot'
          ? send(403, { message: 'Resource not accessible by integration' })
          : send(200, { ...user, node_id: 'U_1', avatar_url: '', url: '', html_url: '' });
      case 'issues/list-comments': {
        const all = this.commentsOn(Number(params.issue_number));
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) {
          const next = new URL(url.toString().replace('http://x', this.url));
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next}>; rel="next"`;
        }
        return send(
          200,
          slice.map((c) => ({ ...c, user: c.user ?? USERS.bot })),
          headers,
        );
      }
      case 'issues/create-comment': {
        const text = String(body!.body);
        if (text.length > 65_536)
          return send(422, { message: 'Body is too long (maximum is 65536 characters)' });
        const c = { id: this.nextId++, body: text, user };
        this.comments.set(Number(params.issue_number), [...this.commentsOn(Number(params.issue_number)), c]);
        return send(201, { ...c, user });
      }
      case 'issues/update-comment': {
        const text = String(body!.body);
        if (text.length > 65_536)
          return send(422, { message: 'Body is too long (maximum is 65536 characters)' });
        for (const list of this.comments.values()) {
          const c = list.find((x) => x.id === Number(params.comment_id));
          if (c) {
            c.body = text;
            return send(200, { ...c, user });
          }
        }
        return send(404, { message: 'Not Found' });
      }
      case 'checks/list-for-ref': {
        const name = url.searchParams.get('check_name');
        const runs = this.checkRuns
          .filter((r) => r.head_sha === params.ref && (!name || r.name === name))
          .map((r) => ({
            id: r.id,
            head_sha: r.head_sha,
            name: r.name,
            external_id: r.external_id ?? null,
            status: 'completed',
            conclusion: r.conclusion ?? null,
          }));
        return send(200, { total_count: runs.length, check_runs: runs });
      }
      case 'checks/create':
      case 'checks/update': {
        const annotations = ((body?.output as { annotations?: unknown[] } | undefined)?.annotations ??
          []) as unknown[];
        if (annotations.length > 50) {
          this.violations.push(`${id}: ${annotations.length} annotations in one request (max 50)`);
          return send(422, { message: 'Only 50 annotations are allowed per request' });
        }
        if (id === 'checks/create') {
          const run = {
            id: this.nextId++,
            head_sha: String(body!.head_sha),
            name: String(body!.name),
            conclusion: body!.conclusion as string,
            ...(body!.external_id ? { external_id: String(body!.external_id) } : {}),
            annotations,
            requests: 1,
          };
          this.checkRuns.push(run);
          return send(201, { id: run.id, head_sha: run.head_sha, name: run.name, status: 'completed' });
        }
        const run = this.checkRuns.find((r) => r.id === Number(params.check_run_id));
        if (!run) return send(404, { message: 'Not Found' });
        run.annotations.push(...annotations);
        run.requests++;
        return send(200, { id: run.id, head_sha: run.head_sha, name: run.name });
      }
    }
    send(404, { message: 'Not Found' });
  }
}
