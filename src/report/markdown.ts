// The Markdown report shared by the sticky PR comment (≤ 65,536 characters) and the job summary
// (≤ 1 MiB, with the full findings table). Untrusted text is escaped or fenced; secrets are redacted.
import { code, codeBlock, escapeMarkdown, seconds } from '../findings/markdown-escape.js';
import type { Finding, Severity } from '../findings/types.js';
import type { ReportInput } from './model.js';

export const COMMENT_LIMIT = 65_536;
export const SUMMARY_LIMIT = 1024 * 1024;

const ICON: Record<Severity, string> = { error: '🛑', warning: '⚠️', notice: 'ℹ️' };

export function marker(key: string): string {
  return `<!-- buildx-guard:${key.replace(/[^a-zA-Z0-9_./:-]/g, '_')} -->`;
}

function lineLink(input: ReportInput, f: Finding): string {
  if (!f.file) return '';
  const where = `${f.file}${f.line ? `:${f.line}${f.endLine && f.endLine !== f.line ? `-${f.endLine}` : ''}` : ''}`;
  const l = input.links;
  if (!l || !l.sha) return code(where);
  const path = f.file.split('/').map(encodeURIComponent).join('/');
  const anchor = f.line ? `#L${f.line}${f.endLine && f.endLine !== f.line ? `-L${f.endLine}` : ''}` : '';
  return `[${code(where)}](${l.serverUrl}/${l.owner}/${l.repo}/blob/${l.sha}/${path}${anchor})`;
}

function headline(input: ReportInput): string {
  const what = input.merge ? 'Merge' : input.targets ? 'Bake' : 'Build';
  if (input.status === 'success') {
    const n = attemptCount(input);
    const retried = n > 1 ? ` after ${n} attempts` : '';
    return `### ✅ ${what} succeeded${retried}`;
  }
  if (input.status === 'unknown')
    return '### ❔ No build verdict: the log shows no finished build and no error';
  const f = input.failure;
  // Whether it is transient: the attempts say whether it was retried.
  const kind = f?.retryable === undefined ? '' : f.retryable ? ', transient' : ', not retryable';
  return `### ❌ ${what} failed${f ? ` (${f.category}${kind})` : ''}`;
}

/** Attempts the build took: isolated bakes count each bake's own (the most any of them took). */
function attemptCount(input: ReportInput): number {
  return input.attempts.reduce((most, a) => Math.max(most, a.number), 0);
}

/** A merge, as a merge: the sources, the platforms, the tags and the index digest. */
function mergeTable(input: ReportInput): string | undefined {
  const m = input.merge;
  if (!m) return undefined;
  return [
    '| sources | platforms | tags | index digest |',
    '| --- | --- | --- | --- |',
    `| ${m.sources.map(code).join('<br>')} | ${m.platforms.map(code).join(', ') || '-'} | ${m.tags.map(code).join('<br>')} | ${m.digest ? code(m.digest) : '-'} |`,
  ].join('\n');
}

/** A bake's targets: how each ended and its image. */
function targetsTable(input: ReportInput): string | undefined {
  if (!input.targets?.length) return undefined;
  const icon: Record<string, string> = { success: '✅', failed: '❌', cancelled: '⏹️' };
  // bake-isolation targets: each target's own attempts, and a retry that recovered it.
  const isolated = input.targets.some((t) => t.attempts !== undefined);
  const result = (t: NonNullable<ReportInput['targets']>[number]) =>
    `${icon[t.status] ?? ''} ${escapeMarkdown(t.status)}${t.category ? ` (${escapeMarkdown(t.category)})` : ''}${t.status === 'success' && (t.attempts ?? 1) > 1 ? ' after a retry' : ''}`;
  return [
    isolated ? '| target | result | attempts | digest |' : '| target | result | digest |',
    isolated ? '| --- | --- | --- | --- |' : '| --- | --- | --- |',
    ...input.targets.map(
      (t) =>
        `| ${code(t.name)} | ${result(t)} |${isolated ? ` ${t.attempts ?? '-'} |` : ''} ${t.digest ? code(t.digest) : '-'} |`,
    ),
  ].join('\n');
}

function statsTable(input: ReportInput): string {
  const s = input.stats;
  const ratio = s.steps
    ? `${Math.round((s.cachedSteps / s.steps) * 100)}% (${s.cachedSteps}/${s.steps})`
    : '-';
  return [
    '| duration | attempts | cache hits | context | platforms |',
    '| --- | --- | --- | --- | --- |',
    `| ${seconds(s.durationMs)} | ${attemptCount(input) || '-'} | ${ratio} | ${(s.contextBytes / 1e6).toFixed(1)} MB | ${s.platforms.map(code).join(', ') || '-'} |`,
  ].join('\n');
}

function attemptsTable(input: ReportInput): string | undefined {
  if (attemptCount(input) < 2 && input.status === 'success') return undefined;
  if (!input.attempts.length) return undefined;
  return [
    '**Attempts**',
    '',
    '| # | result | duration | why |',
    '| --- | --- | --- | --- |',
    ...input.attempts.map(
      (a) =>
        `| ${a.bake ? `${code(a.bake)} ` : ''}${a.number} | ${a.exitCode === 0 ? 'succeeded' : `failed (${a.category ?? 'unknown'})`} | ${seconds(a.durationMs)} | ${escapeMarkdown(a.decision ?? '')} |`,
    ),
  ].join('\n');
}

function nodesTable(input: ReportInput): string | undefined {
  if (!input.nodes.length) return undefined;
  return [
    `**Builder** ${input.builder ? `${code(input.builder.name)} (${escapeMarkdown(input.builder.driver)})` : ''}`,
    '',
    '| node | endpoint | status | BuildKit | platforms |',
    '| --- | --- | --- | --- | --- |',
    ...input.nodes.map(
      (n) =>
        `| ${code(n.name)} | ${code(n.endpoint || 'default')} | ${n.status === 'running' ? '🟢' : '🔴'} ${escapeMarkdown(n.status)} | ${escapeMarkdown(n.buildkit || '-')} | ${escapeMarkdown(n.platforms.slice(0, 6).join(', ') || '-')} |`,
    ),
  ].join('\n');
}

function findingBlock(input: ReportInput, f: Finding, leadShown = false): string {
  const where = lineLink(input, f);
  // build-failed's message is the error and the step's last lines: the lead above says them once.
  const said = leadShown && f.rule === 'build-failed';
  const parts = [
    `#### ${ICON[f.severity]} ${escapeMarkdown(f.title)}`,
    `${code(f.rule)}${where ? ` at ${where}` : ''}`,
    ...(said ? [] : [f.message]),
  ];
  if (f.hint) parts.push(`**Hint:** ${escapeMarkdown(f.hint)}`);
  if (f.url) parts.push(`[Documentation](${f.url.replace(/[()\s]/g, encodeURIComponent)})`);
  return parts.join('\n\n');
}

function findingsTable(input: ReportInput): string {
  return [
    '| severity | rule | where | finding |',
    '| --- | --- | --- | --- |',
    ...input.findings.map(
      (f) =>
        `| ${ICON[f.severity]} ${f.severity} | ${code(f.rule)} | ${lineLink(input, f) || '-'} | ${escapeMarkdown(f.title)} |`,
    ),
  ].join('\n');
}

/** Mermaid labels allow little: keep letters, digits and a few safe signs. */
function chartLabel(s: string): string {
  return (
    s
      .replace(/[^A-Za-z0-9 ./_=+-]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 48) || 'step'
  );
}

function timingChart(input: ReportInput): string | undefined {
  const steps = input.steps.filter((s) => s.durationMs > 0 || s.cached).slice(0, 200);
  if (!steps.length) return undefined;
  const top = [...steps].sort((a, b) => b.durationMs - a.durationMs).slice(0, 25);
  // A bake's steps in one section per target (the steps come grouped by target), each by start.
  const group = new Map<string, number>();
  for (const s of steps) if (!group.has(s.target ?? '')) group.set(s.target ?? '', group.size);
  const shown = steps
    .filter((s) => top.includes(s))
    .sort(
      (a, b) =>
        group.get(a.target ?? '')! - group.get(b.target ?? '')! || (a.startMs ?? 0) - (b.startMs ?? 0),
    );
  const t0 = Math.min(...shown.map((s) => s.startMs ?? Infinity));
  let cursor = 0;
  let section: string | undefined;
  const rows = shown.flatMap((s, i) => {
    const head = s.target && s.target !== section ? [`    section ${chartLabel(s.target)}`] : [];
    section = s.target ?? section;
    return [...head, row(s, i)];
  });
  function row(s: ReportInput['steps'][number], i: number): string {
    const start = s.startMs !== undefined && Number.isFinite(t0) ? s.startMs - t0 : cursor;
    const before = s.id ? input.baseline?.get(s.id) : undefined;
    const label = `${chartLabel(s.label)}${before !== undefined ? ` (was ${seconds(before)})` : ''}`;
    // A cached step took no time: a milestone, not a 1 ms bar.
    if (s.cached && !s.failed)
      return `    ${chartLabel(`${label} cached`)} :milestone, done, s${i}, ${start}, 0ms`;
    cursor = start + Math.max(s.durationMs, 1);
    const tag = s.failed ? 'crit, ' : 'active, ';
    return `    ${chartLabel(label)} :${tag}s${i}, ${start}, ${start + Math.max(s.durationMs, 1)}`;
  }
  const span = Math.max(cursor, ...shown.map((s) => s.durationMs));
  return [
    '**Step timings**',
    '',
    '```mermaid',
    'gantt',
    '    dateFormat x',
    // Seconds and milliseconds for a fast build, minutes and seconds otherwise.
    `    axisFormat ${span < 10_000 ? '%S.%L s' : '%M:%S'}`,
    ...rows,
    '```',
  ].join('\n');
}

/** The failure, as a reader wants it first: the failing step's last lines, then the error. */
function failureLead(input: ReportInput): string | undefined {
  if (!input.failure) return undefined;
  const l = input.failingLog;
  const record = input.failure.record;
  const from = record
    ? `\n\n(the error${record.line ? ' and its Dockerfile line' : ''} from the build record: ${code(`docker buildx history inspect ${record.id}`)})`
    : '';
  const error = `${codeBlock([input.failure.message])}${from}`;
  if (!l || !l.lines.length) return error;
  const lines = l.lines.slice(-15);
  const clipped = l.clipped
    ? `; BuildKit clipped its output (log limit ${code(l.clipped)} reached), so its last lines may be missing`
    : '';
  return `${code(l.step)} printed (last ${lines.length} line${lines.length === 1 ? '' : 's'}${clipped}):\n\n${codeBlock(lines)}\n\nand failed with:\n\n${error}`;
}

/** A green build in one line: duration, cache hits, context. */
function greenLine(input: ReportInput): string {
  const s = input.stats;
  const cache = s.steps ? `${s.cachedSteps} of ${s.steps} steps from the cache` : 'no Dockerfile steps';
  const attention = input.findings.filter((f) => f.severity !== 'notice').length;
  return `${seconds(s.durationMs)} · ${cache} · context ${(s.contextBytes / 1e6).toFixed(1)} MB${attention ? ` · ${attention} finding${attention === 1 ? '' : 's'} to look at` : ''}`;
}

/**
 * The report as Markdown within `limit` characters. `full` adds the table of every finding (the job
 * summary). Sections are dropped, least useful first, until it fits; then it is cut with a pointer.
 */
export function renderMarkdown(
  input: ReportInput,
  opts: { limit: number; full: boolean; topFindings?: number; compact?: boolean },
): string {
  // compact: the verdict, the failure and the top three findings; nothing else.
  const top = opts.compact ? 3 : (opts.topFindings ?? 10);
  const errorsFirst = input.findings.slice(0, top);
  const lead = failureLead(input);
  const details = [
    input.merge ? mergeTable(input)! : statsTable(input),
    attemptsTable(input),
    nodesTable(input),
    timingChart(input),
  ].filter((x): x is string => !!x);
  const sections: { text: string; drop: number; compact?: boolean }[] = [
    { text: marker(input.key), drop: 99, compact: true },
    { text: headline(input), drop: 99, compact: true },
    // What failed first: the failing step's own last lines, then the error, each once.
    ...(lead ? [{ text: lead, drop: 98, compact: true }] : []),
    ...(input.status === 'success' ? [{ text: greenLine(input), drop: 98, compact: true }] : []),
    ...(input.targets?.length ? [{ text: targetsTable(input)!, drop: 90, compact: true }] : []),
    ...errorsFirst.map((f, i) => ({ text: findingBlock(input, f, !!lead), drop: 80 - i, compact: true })),
    ...(input.findings.length > top && !opts.full
      ? [{ text: `…and ${input.findings.length - top} more finding(s) in the job summary.`, drop: 95 }]
      : []),
    {
      text: `<details><summary>Duration, cache, attempts, builder and step timings</summary>\n\n${details.join('\n\n')}\n\n</details>`,
      drop: 40,
    },
    ...(opts.full && input.findings.length
      ? [{ text: `**All ${input.findings.length} findings**\n\n${findingsTable(input)}`, drop: 30 }]
      : []),
    ...(input.omittedAnnotations
      ? [
          {
            text: `${input.omittedAnnotations} finding(s) were not shown as annotations (GitHub shows at most 10 per level and 50 per step).`,
            drop: 94,
          },
        ]
      : []),
    ...(input.links?.runUrl
      ? [{ text: `<sub>buildx-guard · [run](${input.links.runUrl})</sub>`, drop: 96 }]
      : []),
  ];
  // The input is redacted already (report/redact.ts): publish and the CLI redact the model first.
  const render = (list: typeof sections) => list.map((s) => s.text).join('\n\n') + '\n';
  let kept = opts.compact ? sections.filter((x) => x.compact) : sections;
  let text = render(kept);
  const pointer = `\n\n_Truncated: the full report is in the job summary${input.links?.runUrl ? ` (${input.links.runUrl})` : ''}._\n`;
  while (text.length > opts.limit - pointer.length) {
    const lowest = kept.filter((s) => s.drop < 95).sort((a, b) => a.drop - b.drop)[0];
    if (!lowest) break;
    kept = kept.filter((s) => s !== lowest);
    text = render(kept);
  }
  if ((!opts.compact && kept.length < sections.length) || text.length > opts.limit) {
    text = text.slice(0, opts.limit - pointer.length) + pointer;
  }
  return text;
}
