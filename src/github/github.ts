// The only module that talks to the GitHub API: the sticky PR comment and the check run.
// A failure here is a reporting problem, never a build result: callers turn `ReportError` into a notice.
import { readFileSync } from 'node:fs';
import { Octokit } from '@octokit/rest';

export interface GitHubContext {
  owner: string;
  repo: string;
  apiUrl: string;
  serverUrl: string;
  eventName: string;
  /** The commit the findings are about: the PR's head (not the merge commit), else GITHUB_SHA. */
  headSha: string;
  pullNumber?: number;
  runUrl: string;
  workflow: string;
  job: string;
}

/** Reads the run's context from the runner's environment; undefined outside GitHub Actions. */
export function readContext(env: NodeJS.ProcessEnv = process.env): GitHubContext | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return undefined;
  let event: { pull_request?: { number?: number; head?: { sha?: string } } } = {};
  try {
    if (env.GITHUB_EVENT_PATH) event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch {
    event = {};
  }
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  return {
    owner,
    repo,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
    serverUrl,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    headSha: event.pull_request?.head?.sha ?? env.GITHUB_SHA ?? '',
    pullNumber: event.pull_request?.number,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
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
  if (status === 401) why = 'the token was rejected (check github-token)';
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

export class GitHub {
  private readonly octokit: Octokit;

  constructor(
    token: string,
    readonly ctx: GitHubContext,
  ) {
    this.octokit = new Octokit({
      auth: token,
      baseUrl: ctx.apiUrl,
      userAgent: 'buildx-guard',
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
  }

  /**
   * Creates or updates the comment carrying `marker` on the pull request; never adds a second one.
   * Returns the comment id and whether it was created.
   */
  async upsertComment(
    pullNumber: number,
    marker: string,
    body: string,
  ): Promise<{ id: number; created: boolean }> {
    const { owner, repo } = this.ctx;
    const existing = await this.findComment(pullNumber, marker);
    try {
      if (existing !== undefined) {
        await this.octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body });
        return { id: existing, created: false };
      }
      const created = await this.octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: pullNumber,
        body,
      });
      return { id: created.data.id, created: true };
    } catch (e) {
      throw describe(
        existing !== undefined ? 'update the pull request comment' : 'comment on the pull request',
        e,
      );
    }
  }

  /** The id of the comment carrying `marker`, reading every page of the pull request's comments. */
  async findComment(pullNumber: number, marker: string): Promise<number | undefined> {
    const { owner, repo } = this.ctx;
    try {
      const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: pullNumber,
        per_page: 100,
      });
      return comments.find((c) => c.body?.includes(marker))?.id;
    } catch (e) {
      throw describe('read the pull request comments', e);
    }
  }

  /**
   * One completed check run on `headSha` with every annotation: the first 50 with the create call,
   * the rest appended 50 per update. Returns the number of requests made.
   */
  async checkRun(opts: {
    name: string;
    headSha: string;
    conclusion: 'success' | 'failure' | 'neutral';
    title: string;
    summary: string;
    annotations: CheckAnnotation[];
    detailsUrl?: string;
  }): Promise<number> {
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
    let id: number;
    try {
      const created = await this.octokit.rest.checks.create({
        owner,
        repo,
        name: opts.name,
        head_sha: opts.headSha,
        status: 'completed',
        conclusion: opts.conclusion,
        completed_at: new Date().toISOString(),
        ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
        output: output(batches[0] ?? []),
      });
      id = created.data.id;
    } catch (e) {
      throw describe('create the check run', e);
    }
    for (const batch of batches.slice(1)) {
      try {
        await this.octokit.rest.checks.update({ owner, repo, check_run_id: id, output: output(batch) });
      } catch (e) {
        throw describe('add annotations to the check run', e);
      }
    }
    return Math.max(1, batches.length);
  }
}
