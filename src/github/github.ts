// The only module that talks to the GitHub API: the sticky PR comment and the check run.
// A failure here is a reporting problem, never a build result: callers turn `ReportError` into a notice.
import { randomUUID } from 'node:crypto';
import { readBounded } from '../fsio/read.js';
import type { Octokit } from '@octokit/rest';
import type { Redacted } from '../redact/redact.js';

export interface GitHubContext {
  owner: string;
  repo: string;
  apiUrl: string;
  serverUrl: string;
  /** The commit the findings are about: the PR's head (not the merge commit), else GITHUB_SHA. */
  headSha: string;
  pullNumber?: number;
  runUrl: string;
}

/** Reads the run's context from the runner's environment; undefined outside GitHub Actions. */
export function readContext(env: NodeJS.ProcessEnv = process.env): GitHubContext | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return undefined;
  let event: { pull_request?: { number?: number; head?: { sha?: string } } } = {};
  try {
    if (env.GITHUB_EVENT_PATH) event = JSON.parse(readBounded(env.GITHUB_EVENT_PATH, 'event'));
  } catch {
    event = {};
  }
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  return {
    owner,
    repo,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
    serverUrl,
    headSha: event.pull_request?.head?.sha ?? env.GITHUB_SHA ?? '',
    pullNumber: event.pull_request?.number,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
  };
}

/** A GitHub API call that failed, described in one sentence for a notice. */
export class ReportError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

function describe(what: string, e: unknown): ReportError {
  const err = e as { status?: number; message?: string; response?: { headers?: Record<string, string> } };
  const status = err.status;
  const msg = (err.message ?? String(e)).split('\n')[0];
  let why: string;
  // Octokit reports a request that got no answer at all as status 500: say what happened.
  if (/^no answer within /.test(msg)) why = msg;
  else if (status === 401) why = 'the token was rejected (check github-token)';
  else if (status === 403 && err.response?.headers?.['x-ratelimit-remaining'] === '0')
    why = 'the API rate limit is exhausted';
  else if (status === 403)
    why = `the token may not do this (${msg}): a pull request from a fork gets a read-only token, or the workflow lacks 'pull-requests: write' / 'checks: write'`;
  else if (status === 404) why = `not found (${msg}): the token cannot see this repository or pull request`;
  else if (status === 429) why = 'the API rate limit is exhausted';
  else if (status && status >= 500) why = `GitHub answered ${status} (${msg})`;
  else why = msg;
  return new ReportError(`Could not ${what}: ${why}.`, status);
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

/** Annotations per check-run request, as the API allows. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** How long one API request may take, and how often a request that timed out or got a 5xx is tried again. */
export const REQUEST_TIMEOUT_MS = 20_000;
export const REQUEST_RETRIES = 2;

/** The login of the bot behind GITHUB_TOKEN: the author of every comment that token writes. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Whether a request may simply be sent again after a timeout or a 5xx: reads, and the update of a
 * comment (the same body twice is one body). A create (POST) is never repeated blindly: GitHub may
 * have done it before the 502; the caller lists again and looks for it (see `GitHub`). A check-run
 * update appends annotations, so it is not repeated either.
 */
export function mayRepeat(method: string | undefined, url: string): boolean {
  const m = (method ?? 'GET').toUpperCase();
  return (
    m === 'GET' || m === 'HEAD' || (m === 'PATCH' && /\/issues\/comments\/\d+$/.test(new URL(url).pathname))
  );
}

/** A request that failed in a way that leaves unknown whether GitHub did it (no answer, or a 5xx). */
function outcomeUnknown(e: unknown): boolean {
  const status = (e as { status?: number }).status;
  return status === undefined || status >= 500;
}

/**
 * fetch with a deadline per request and a bounded retry of what is worth retrying (a timeout, a
 * network error, a 5xx) where repeating is safe (`mayRepeat`). Octokit has no timeout of its own: a
 * server that never answers would hang a finished build forever.
 */
export function patientFetch(
  timeoutMs = REQUEST_TIMEOUT_MS,
  retries = REQUEST_RETRIES,
  stop?: AbortSignal,
): typeof fetch {
  return async (url, init) => {
    const tries = mayRepeat(init?.method, String(url instanceof Request ? url.url : url)) ? retries : 0;
    for (let attempt = 0; ; attempt++) {
      const signals = [
        AbortSignal.timeout(timeoutMs),
        ...(init?.signal ? [init.signal] : []),
        ...(stop ? [stop] : []),
      ];
      try {
        const res = await fetch(url, { ...init, signal: AbortSignal.any(signals) });
        if (res.status < 500 || attempt >= tries) return res;
      } catch (e) {
        if (init?.signal?.aborted || stop?.aborted || attempt >= tries) {
          throw (e as Error).name === 'TimeoutError'
            ? new Error(
                `no answer within ${Math.round(timeoutMs / 1000)} s (${tries + 1} ${tries ? 'tries' : 'try'})`,
              )
            : e;
        }
      }
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  };
}

export class GitHub {
  /** The client, loaded on first use: a run that reports nothing to GitHub never loads it. */
  private octokitP?: Promise<Octokit>;
  private readonly token: string;
  private readonly timeouts: { timeoutMs?: number; retries?: number };
  private identity?: Promise<string | undefined>;
  private readonly stop = new AbortController();

  constructor(
    token: string,
    readonly ctx: GitHubContext,
    opts: { timeoutMs?: number; retries?: number } = {},
  ) {
    this.token = token;
    this.timeouts = opts;
  }

  private client(): Promise<Octokit> {
    this.octokitP ??= import('@octokit/rest').then(
      ({ Octokit }) =>
        new Octokit({
          auth: this.token,
          baseUrl: this.ctx.apiUrl,
          userAgent: 'buildx-guard',
          log: { debug() {}, info() {}, warn() {}, error() {} },
          request: { fetch: patientFetch(this.timeouts.timeoutMs, this.timeouts.retries, this.stop.signal) },
        }),
    );
    return this.octokitP;
  }

  /** Gives up every request still waiting (the reporting budget is spent). */
  abort(): void {
    this.stop.abort();
  }

  /**
   * The login behind the token: a person's for a personal token (REST /user), a GitHub App's bot
   * (`<slug>[bot]`) for an installation token, which cannot read /user but can ask GraphQL's
   * `viewer`. Undefined when neither answers (then GITHUB_TOKEN's bot is assumed).
   */
  private whoAmI(): Promise<string | undefined> {
    const denied = (e: unknown) => {
      const status = (e as { status?: number }).status;
      return status === 401 || status === 403;
    };
    this.identity ??= this.client().then((c) =>
      c.rest.users.getAuthenticated().then(
        (r) => r.data.login,
        (e) => {
          if (!denied(e)) throw describe('find out who the token belongs to', e);
          return c.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }').then(
            (r) => (typeof r.viewer?.login === 'string' && r.viewer.login ? r.viewer.login : undefined),
            () => undefined,
          );
        },
      ),
    );
    return this.identity;
  }

  /**
   * A comment this token wrote: its own login (a person's, or a GitHub App's bot), or when that
   * cannot be known the `github-actions[bot]` bot's. Another bot's comment with our marker is not ours.
   */
  private async isOwn(user: { login?: string; type?: string } | null | undefined): Promise<boolean> {
    const me = await this.whoAmI();
    return me ? user?.login === me : user?.type === 'Bot' && user.login === ACTIONS_BOT;
  }

  /**
   * Creates or updates the comment carrying `marker` on the pull request; never adds a second one.
   * Returns the comment id and whether it was created.
   */
  async upsertComment(
    pullNumber: number,
    marker: string,
    body: Redacted<string>,
  ): Promise<{ id: number; created: boolean }> {
    const { owner, repo } = this.ctx;
    const update = async (id: number) => {
      try {
        await (await this.client()).rest.issues.updateComment({ owner, repo, comment_id: id, body });
      } catch (e) {
        throw describe('update the pull request comment', e);
      }
    };
    const existing = await this.findComment(pullNumber, marker);
    if (existing !== undefined) {
      await update(existing);
      return { id: existing, created: false };
    }
    const create = async () =>
      (await this.client()).rest.issues.createComment({ owner, repo, issue_number: pullNumber, body });
    try {
      return { id: (await create()).data.id, created: true };
    } catch (e) {
      if (!outcomeUnknown(e)) throw describe('comment on the pull request', e);
      // A 5xx or no answer: GitHub may have made it. Look before making another.
      const made = await this.lookupComment(pullNumber, marker);
      if (made !== undefined) {
        await update(made);
        return { id: made, created: true };
      }
      try {
        return { id: (await create()).data.id, created: true };
      } catch (again) {
        throw describe('comment on the pull request', again);
      }
    }
  }

  /** Lookups started early (prefetchComment), each used once by findComment. */
  private readonly early = new Map<string, Promise<number | undefined>>();

  /**
   * Starts looking up the sticky comment (and loading the client) while the build runs, so that
   * reporting waits for no lookup. A lookup that fails here is simply done again when needed.
   */
  prefetchComment(pullNumber: number, marker: string): void {
    const key = `${pullNumber}\n${marker}`;
    if (this.early.has(key)) return;
    const lookup = this.lookupComment(pullNumber, marker);
    lookup.catch(() => this.early.delete(key));
    this.early.set(key, lookup);
  }

  /**
   * The id of the comment carrying `marker` that this token wrote (a person's comment that quotes
   * the marker is never taken over), reading every page of the pull request's comments.
   */
  async findComment(pullNumber: number, marker: string): Promise<number | undefined> {
    const key = `${pullNumber}\n${marker}`;
    const early = this.early.get(key);
    this.early.delete(key);
    if (early) {
      try {
        return await early;
      } catch {
        // Looked up again below.
      }
    }
    return this.lookupComment(pullNumber, marker);
  }

  private async lookupComment(pullNumber: number, marker: string): Promise<number | undefined> {
    const { owner, repo } = this.ctx;
    try {
      const comments = await (
        await this.client()
      ).paginate((await this.client()).rest.issues.listComments, {
        owner,
        repo,
        issue_number: pullNumber,
        per_page: 100,
      });
      for (const c of comments) if (c.body?.includes(marker) && (await this.isOwn(c.user))) return c.id;
      return undefined;
    } catch (e) {
      if (e instanceof ReportError) throw e;
      throw describe('read the pull request comments', e);
    }
  }

  /**
   * One completed check run on `headSha` with every annotation: the first 50 with the create call,
   * the rest appended 50 per update. Returns the number of requests made.
   */
  async checkRun(
    opts: Redacted<{
      name: string;
      headSha: string;
      conclusion: 'success' | 'failure' | 'neutral';
      title: string;
      summary: string;
      annotations: CheckAnnotation[];
      detailsUrl?: string;
    }>,
  ): Promise<number> {
    const { owner, repo } = this.ctx;
    const batches: CheckAnnotation[][] = [];
    for (let i = 0; i < opts.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
      batches.push(opts.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    }
    const output = (annotations: CheckAnnotation[]) => ({
      title: opts.title,
      summary: opts.summary,
      annotations,
    });
    // Ours alone: after a 5xx or no answer, the check run this call made is found by it.
    const externalId = `buildx-guard-${randomUUID()}`;
    const create = async () =>
      (
        await (
          await this.client()
        ).rest.checks.create({
          owner,
          repo,
          name: opts.name,
          head_sha: opts.headSha,
          external_id: externalId,
          status: 'completed',
          conclusion: opts.conclusion,
          completed_at: new Date().toISOString(),
          ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
          output: output(batches[0] ?? []),
        })
      ).data.id;
    let id: number;
    try {
      id = await create();
    } catch (e) {
      if (!outcomeUnknown(e)) throw describe('create the check run', e);
      // GitHub may have made it: look for it before making another.
      let made: number | undefined;
      try {
        const runs = await (
          await this.client()
        ).rest.checks.listForRef({ owner, repo, ref: opts.headSha, check_name: opts.name, per_page: 100 });
        made = runs.data.check_runs.find((r) => r.external_id === externalId)?.id;
      } catch (listing) {
        throw describe('read the check runs', listing);
      }
      try {
        id = made ?? (await create());
      } catch (again) {
        throw describe('create the check run', again);
      }
    }
    for (const batch of batches.slice(1)) {
      try {
        await (
          await this.client()
        ).rest.checks.update({ owner, repo, check_run_id: id, output: output(batch) });
      } catch (e) {
        throw describe('add annotations to the check run', e);
      }
    }
    return Math.max(1, batches.length);
  }
}
