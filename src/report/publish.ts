// Sends one report to every channel: annotations, the job summary, SARIF, the sticky PR comment and
// the check run. A channel that fails (a fork's read-only token, rate limits, an outage) adds to one
// notice; it never changes the build's result.
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import type { ReportConfig } from '../config/config.js';
import { describeFsError } from '../config/errors.js';
import { SEVERITY_RANK } from '../findings/index.js';
import type { Finding, Severity } from '../findings/types.js';
import { ReportError, type CheckAnnotation, type GitHub } from '../github/github.js';
import { plainText, selectAnnotations } from './annotations.js';
import { COMMENT_LIMIT, marker, renderMarkdown, SUMMARY_LIMIT } from './markdown.js';
import type { ReportInput } from './model.js';
import { redactReport } from './redact.js';
import { derive, Redactor, type Redacted } from '../redact/redact.js';
import { toSarif } from './sarif.js';

export interface AnnotationProps {
  title: string;
  file?: string;
  startLine?: number;
  endLine?: number;
}

export interface PublishDeps {
  annotate: (severity: Severity, message: Redacted<string>, props: Redacted<AnnotationProps>) => void;
  writeSummary: (markdown: Redacted<string>) => Promise<void>;
  notice: (message: string) => void;
  info: (message: string) => void;
  github?: GitHub;
  version: string;
  /** How long the GitHub part (comment, check run) may take in all; REPORT_BUDGET_MS by default. */
  budgetMs?: number;
}

export const REPORT_BUDGET_MS = 120_000;

export interface PublishResult {
  /** Why the step must fail because of fail-on-findings, if it must. */
  gate?: string;
  checkRequests?: number;
}

export async function publish(
  raw: ReportInput,
  cfg: ReportConfig,
  deps: PublishDeps,
): Promise<PublishResult> {
  const result: PublishResult = {};
  try {
    await toChannels(raw, cfg, deps, result);
  } catch (e) {
    // Every channel catches what it expects; this is what nobody expected (a rendering bug on an
    // input never seen). The build's result stands; the gate below still applies.
    deps.notice(
      `buildx-guard could not publish its report (the build result is unchanged): ${new Redactor(raw.secrets).text(e instanceof Error ? e.message : String(e))}`,
    );
  }
  const gate = failOnFindings(raw, cfg);
  if (gate) result.gate = gate;
  return result;
}

/**
 * The fail-on-findings verdict: this build's findings at the configured severity or worse, redacted.
 * Findings of the ledger's history (flaky-node, flaky-registry) never count: the ledger changes no
 * build's result.
 */
function failOnFindings(raw: ReportInput, cfg: ReportConfig): string | undefined {
  if (cfg.failOnFindings === 'none') return undefined;
  const limit = SEVERITY_RANK[cfg.failOnFindings];
  const hits = raw.findings.filter((f) => !f.history && SEVERITY_RANK[f.severity] <= limit);
  if (!hits.length) return undefined;
  return new Redactor(raw.secrets).text(
    `${hits.length} finding(s) at ${cfg.failOnFindings} level or worse (fail-on-findings: ${cfg.failOnFindings}); first: ${hits[0].rule}, ${hits[0].title}.`,
  );
}

async function toChannels(
  raw: ReportInput,
  cfg: ReportConfig,
  deps: PublishDeps,
  result: PublishResult,
): Promise<void> {
  const problems: string[] = [];

  // Once, before any channel: nothing below ever sees a secret.
  const redacted = redactReport(raw);
  const { shown, omitted } = selectAnnotations(redacted.findings);
  const input = derive(redacted, (r): ReportInput => ({ ...r, omittedAnnotations: omitted }));
  if (cfg.annotations)
    for (const f of derive(input, () => shown))
      deps.annotate(
        f.severity,
        derive(input, () => annotationText(f)),
        derive(input, () => annotationProps(f)),
      );

  try {
    if (cfg.summary !== 'off')
      await deps.writeSummary(
        derive(input, (r) =>
          renderMarkdown(r, {
            limit: SUMMARY_LIMIT,
            full: cfg.summary === 'full',
            compact: cfg.summary === 'compact',
          }),
        ),
      );
  } catch (e) {
    problems.push(`Could not write the job summary: ${(e as Error).message}.`);
  }
  if (cfg.sarifFile) {
    try {
      writeNoFollow(
        cfg.sarifFile,
        derive(input, (r) => `${JSON.stringify(toSarif(r.findings, deps.version), null, 2)}\n`),
      );
      deps.info(`SARIF with ${input.findings.length} finding(s) written to ${cfg.sarifFile}.`);
    } catch (e) {
      problems.push(`Could not write SARIF to ${cfg.sarifFile} (sarif-file): ${describeFsError(e)}.`);
    }
  }

  const gh = deps.github;
  if (gh) {
    // The whole GitHub part has a budget: a server that never answers costs a notice, not the job.
    const budget = deps.budgetMs ?? REPORT_BUDGET_MS;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((r) => (timer = setTimeout(() => r('expired'), budget)));
    const done = await Promise.race([toGitHub(gh, input, cfg, result, problems, deps.info), expired]);
    clearTimeout(timer);
    if (done === 'expired') {
      gh.abort();
      problems.push(
        `GitHub did not answer within ${Math.round(budget / 1000)} s; the comment and check run were not updated.`,
      );
    }
  }
  if (problems.length) {
    deps.notice(
      `buildx-guard could not publish everything (the build result is unchanged; annotations and the job summary are complete): ${problems.join(' ')}`,
    );
  }
}

/** The sticky comment and the check run; a failure of either adds to `problems`. */
async function toGitHub(
  gh: GitHub,
  input: Redacted<ReportInput>,
  cfg: ReportConfig,
  result: PublishResult,
  problems: string[],
  info: (message: string) => void,
): Promise<'done'> {
  if (cfg.comment !== 'off' && gh.ctx.pullNumber) {
    const body = derive(input, (r) => renderMarkdown(r, { limit: COMMENT_LIMIT, full: false }));
    try {
      if (cfg.comment === 'sticky' || input.status === 'failed') {
        const c = await gh.upsertComment(gh.ctx.pullNumber, marker(input.key), body);
        info(`${c.created ? 'Created' : 'Updated'} the pull request comment ${c.id}.`);
      } else {
        // on-failure and the build passed: only update an earlier failure's comment, to say it is fixed.
        const id = await gh.findComment(gh.ctx.pullNumber, marker(input.key));
        if (id !== undefined) {
          await gh.upsertComment(gh.ctx.pullNumber, marker(input.key), body);
        }
      }
    } catch (e) {
      if (!(e instanceof ReportError)) throw e;
      problems.push(e.message);
    }
  }
  if (cfg.checkRun) {
    try {
      result.checkRequests = await gh.checkRun(
        derive(input, (r) => ({
          name: checkRunName(r.key),
          headSha: gh.ctx.headSha,
          conclusion:
            r.status === 'failed'
              ? ('failure' as const)
              : r.status === 'unknown'
                ? ('neutral' as const)
                : ('success' as const),
          title:
            r.status === 'failed' ? `Build failed (${r.failure?.category ?? 'unknown'})` : 'Build succeeded',
          summary: `${r.findings.length} finding(s). The full report is in the job summary.`,
          annotations: checkAnnotations(r.findings),
          detailsUrl: r.links?.runUrl,
        })),
      );
    } catch (e) {
      if (!(e instanceof ReportError)) throw e;
      problems.push(e.message);
    }
  }
  return 'done';
}

/**
 * The check run's name (at most 100 characters): a long key loses its middle, never its end, which
 * holds what tells matrix legs apart.
 */
export function checkRunName(key: string): string {
  const room = 100 - 'buildx-guard ()'.length;
  return `buildx-guard (${key.length > room ? `${key.slice(0, 40)}…${key.slice(-(room - 41))}` : key})`;
}

function annotationText(f: Finding): string {
  const text = plainText(f.message);
  return `${text.length > 4000 ? `${text.slice(0, 4000)}…` : text}${f.hint ? `\nHint: ${f.hint}` : ''}`;
}

function annotationProps(f: Finding): AnnotationProps {
  return {
    title: f.title,
    ...(f.file ? { file: f.file } : {}),
    ...(f.line ? { startLine: f.line, endLine: f.endLine ?? f.line } : {}),
  };
}

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

/** Every finding with a file and line, for the check run (which has no per-level display limit). */
export function checkAnnotations(findings: Finding[]): CheckAnnotation[] {
  return findings
    .filter((f) => f.file && f.line)
    .map((f) => ({
      path: f.file!,
      start_line: f.line!,
      end_line: f.endLine ?? f.line!,
      annotation_level: LEVEL[f.severity],
      title: f.title.slice(0, 255),
      message: annotationText(f).slice(0, 64 * 1024 - 1),
    }));
}

/** Writes a file without following a symlink at its path (a planted link cannot redirect it). */
function writeNoFollow(path: string, text: Redacted<string>): void {
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
    0o644,
  );
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
