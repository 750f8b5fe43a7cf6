// The Markdown report shared by the sticky PR comment (≤ 65,536 characters) and the job summary
// (≤ 1 MiB, with the full findings table). Built from `Md` values only (src/findings/markdown-escape.ts):
// untrusted text is escaped or fenced there, once; secrets are redacted before.
import {
  code,
  codeBlock,
  cutMarkdown,
  htmlComment,
  joinMd,
  link,
  gfm,
  row,
  seconds,
  sizeOf,
  text,
  type Md,
  type Measure,
} from '../findings/markdown-escape.js';
import type { Finding, Severity } from '../findings/types.js';
import type { ReportInput } from './model.js';

/** A channel's size limit in the unit GitHub counts it in. */
export interface Limit {
  max: number;
  unit: Measure;
}
/** A comment's body: at most 65,536 characters. */
export const COMMENT_LIMIT: Limit = { max: 65_536, unit: 'chars' };
/** The job summary: at most 1 MiB, in bytes. */
export const SUMMARY_LIMIT: Limit = { max: 1024 * 1024, unit: 'bytes' };

const ICON: Record<Severity, Md> = { error: gfm`🛑`, warning: gfm`⚠️`, notice: gfm`ℹ️` };

export function marker(key: string): Md {
  return htmlComment(`buildx-guard:${key}`);
}

function lineLink(input: ReportInput, f: Finding): Md | undefined {
  if (!f.file) return undefined;
  const where = `${f.file}${f.line ? `:${f.line}${f.endLine && f.endLine !== f.line ? `-${f.endLine}` : ''}` : ''}`;
  const l = input.links;
  if (!l || !l.sha) return code(where);
  const path = f.file.split('/').map(encodeURIComponent).join('/');
  const anchor = f.line ? `#L${f.line}${f.endLine && f.endLine !== f.line ? `-L${f.endLine}` : ''}` : '';
  return link(code(where), `${l.serverUrl}/${l.owner}/${l.repo}/blob/${l.sha}/${path}${anchor}`);
}

function headline(input: ReportInput): Md {
  const what = text(input.merge ? 'Merge' : input.targets ? 'Bake' : 'Build');
  if (input.status === 'success') {
    const n = attemptCount(input);
    return n > 1 ? gfm`### ✅ ${what} succeeded after ${n} attempts` : gfm`### ✅ ${what} succeeded`;
  }
  if (input.status === 'unknown')
    return gfm`### ❔ No build verdict: the log shows no finished build and no error`;
  const f = input.failure;
  // Whether it is transient: the attempts say whether it was retried.
  const kind = f?.retryable === undefined ? gfm`` : f.retryable ? gfm`, transient` : gfm`, not retryable`;
  return f ? gfm`### ❌ ${what} failed (${text(f.category)}${kind})` : gfm`### ❌ ${what} failed`;
}

/** Attempts the build took: isolated bakes count each bake's own (the most any of them took). */
function attemptCount(input: ReportInput): number {
  return input.attempts.reduce((most, a) => Math.max(most, a.number), 0);
}

const dash = gfm`-`;
const list = (items: string[], sep: ', ' | '<br>') => (items.length ? joinMd(items.map(code), sep) : dash);

/** A merge, as a merge: the sources, the platforms, the tags and the index digest. */
function mergeTable(input: ReportInput): Md | undefined {
  const m = input.merge;
  if (!m) return undefined;
  return joinMd([
    gfm`| sources | platforms | tags | index digest |`,
    gfm`| --- | --- | --- | --- |`,
    row([
      list(m.sources, '<br>'),
      list(m.platforms, ', '),
      list(m.tags, '<br>'),
      m.digest ? code(m.digest) : dash,
    ]),
  ]);
}

/** A bake's targets: how each ended and its image. */
function targetsTable(input: ReportInput): Md | undefined {
  if (!input.targets?.length) return undefined;
  const icon: Record<string, Md> = { success: gfm`✅`, failed: gfm`❌`, cancelled: gfm`⏹️` };
  // bake-isolation targets: each target's own attempts, and a retry that recovered it.
  const isolated = input.targets.some((t) => t.attempts !== undefined);
  const result = (t: NonNullable<ReportInput['targets']>[number]) => {
    const category = t.category ? gfm` (${text(t.category)})` : gfm``;
    const retry = t.status === 'success' && (t.attempts ?? 1) > 1 ? gfm` after a retry` : gfm``;
    return gfm`${icon[t.status] ?? gfm``} ${text(t.status)}${category}${retry}`;
  };
  return joinMd([
    isolated ? gfm`| target | result | attempts | digest |` : gfm`| target | result | digest |`,
    isolated ? gfm`| --- | --- | --- | --- |` : gfm`| --- | --- | --- |`,
    ...input.targets.map((t) =>
      row([
        code(t.name),
        result(t),
        ...(isolated ? [t.attempts !== undefined ? gfm`${t.attempts}` : dash] : []),
        t.digest ? code(t.digest) : dash,
      ]),
    ),
  ]);
}

const megabytes = (bytes: number) => text(`${(bytes / 1e6).toFixed(1)} MB`);

function statsTable(input: ReportInput): Md {
  const s = input.stats;
  const ratio = s.steps
    ? gfm`${Math.round((s.cachedSteps / s.steps) * 100)}% (${s.cachedSteps}/${s.steps})`
    : dash;
  return joinMd([
    gfm`| duration | attempts | cache hits | context | platforms |`,
    gfm`| --- | --- | --- | --- | --- |`,
    row([
      text(seconds(s.durationMs)),
      attemptCount(input) ? gfm`${attemptCount(input)}` : dash,
      ratio,
      megabytes(s.contextBytes),
      list(s.platforms, ', '),
    ]),
  ]);
}

function attemptsTable(input: ReportInput): Md | undefined {
  if (attemptCount(input) < 2 && input.status === 'success') return undefined;
  if (!input.attempts.length) return undefined;
  return joinMd([
    gfm`**Attempts**`,
    gfm``,
    gfm`| # | result | duration | why |`,
    gfm`| --- | --- | --- | --- |`,
    ...input.attempts.map((a) =>
      row([
        a.bake ? gfm`${code(a.bake)} ${a.number}` : gfm`${a.number}`,
        a.exitCode === 0 ? gfm`succeeded` : gfm`failed (${text(a.category ?? 'unknown')})`,
        text(seconds(a.durationMs)),
        text(a.decision ?? ''),
      ]),
    ),
  ]);
}

function nodesTable(input: ReportInput): Md | undefined {
  if (!input.nodes.length) return undefined;
  const b = input.builder;
  return joinMd([
    b ? gfm`**Builder** ${code(b.name)} (${text(b.driver)})` : gfm`**Builder**`,
    gfm``,
    gfm`| node | endpoint | status | BuildKit | platforms |`,
    gfm`| --- | --- | --- | --- | --- |`,
    ...input.nodes.map((n) =>
      row([
        code(n.name),
        code(n.endpoint || 'default'),
        gfm`${n.status === 'running' ? gfm`🟢` : gfm`🔴`} ${text(n.status)}`,
        text(n.buildkit || '-'),
        text(n.platforms.slice(0, 6).join(', ') || '-'),
      ]),
    ),
  ]);
}

function findingBlock(input: ReportInput, f: Finding, leadShown = false): Md {
  const where = lineLink(input, f);
  // build-failed's message is the error and the step's last lines: the lead above says them once.
  const said = leadShown && f.rule === 'build-failed';
  const parts = [
    gfm`#### ${ICON[f.severity]} ${text(f.title)}`,
    where ? gfm`${code(f.rule)} at ${where}` : code(f.rule),
    ...(said ? [] : [f.message]),
  ];
  if (f.hint) parts.push(gfm`**Hint:** ${text(f.hint)}`);
  if (f.url) parts.push(link(gfm`Documentation`, f.url));
  return joinMd(parts, '\n\n');
}

function findingsTable(input: ReportInput): Md {
  return joinMd([
    gfm`| severity | rule | where | finding |`,
    gfm`| --- | --- | --- | --- |`,
    ...input.findings.map((f) =>
      row([
        gfm`${ICON[f.severity]} ${text(f.severity)}`,
        code(f.rule),
        lineLink(input, f) ?? dash,
        text(f.title),
      ]),
    ),
  ]);
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

function timingChart(input: ReportInput): Md | undefined {
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
    return [...head, bar(s, i)];
  });
  function bar(s: ReportInput['steps'][number], i: number): string {
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
  const chart = codeBlock(
    [
      'gantt',
      '    dateFormat x',
      // Seconds and milliseconds for a fast build, minutes and seconds otherwise.
      `    axisFormat ${span < 10_000 ? '%S.%L s' : '%M:%S'}`,
      ...rows,
    ],
    'mermaid',
  );
  return gfm`**Step timings**\n\n${chart}`;
}

/** The failure, as a reader wants it first: the failing step's last lines, then the error. */
function failureLead(input: ReportInput): Md | undefined {
  if (!input.failure) return undefined;
  const l = input.failingLog;
  const record = input.failure.record;
  const from = record
    ? gfm`\n\n(the error${record.line ? gfm` and its Dockerfile line` : gfm``} from the build record: ${code(`docker buildx history inspect ${record.id}`)})`
    : gfm``;
  const error = gfm`${codeBlock([input.failure.message])}${from}`;
  if (!l || !l.lines.length) return error;
  const lines = l.lines.slice(-15);
  const s = lines.length === 1 ? gfm`` : gfm`s`;
  const clipped = l.clipped
    ? gfm`; BuildKit clipped its output (log limit ${code(l.clipped)} reached), so its last lines may be missing`
    : gfm``;
  return gfm`${code(l.step)} printed (last ${lines.length} line${s}${clipped}):\n\n${codeBlock(lines)}\n\nand failed with:\n\n${error}`;
}

/** A green build in one line: duration, cache hits, context. */
function greenLine(input: ReportInput): Md {
  const s = input.stats;
  const cache = s.steps ? gfm`${s.cachedSteps} of ${s.steps} steps from the cache` : gfm`no Dockerfile steps`;
  const attention = input.findings.filter((f) => f.severity !== 'notice').length;
  const look = attention ? gfm` · ${attention} finding${attention === 1 ? gfm`` : gfm`s`} to look at` : gfm``;
  return gfm`${text(seconds(s.durationMs))} · ${cache} · context ${megabytes(s.contextBytes)}${look}`;
}

/**
 * The report as Markdown within `limit` (counted in the unit GitHub counts that channel in). `full`
 * adds the table of every finding (the job summary). Sections are dropped, least useful first,
 * until it fits; then it is cut on a line with its fences and folds closed, and a pointer added.
 */
export function renderMarkdown(
  input: ReportInput,
  opts: { limit: Limit; full: boolean; topFindings?: number; compact?: boolean },
): Md {
  const size = (t: string) => sizeOf(t, opts.limit.unit);
  // compact: the verdict, the failure and the top three findings; nothing else.
  const top = opts.compact ? 3 : (opts.topFindings ?? 10);
  const errorsFirst = input.findings.slice(0, top);
  const lead = failureLead(input);
  const details = [
    input.merge ? mergeTable(input)! : statsTable(input),
    attemptsTable(input),
    nodesTable(input),
    timingChart(input),
  ].filter((x): x is Md => !!x);
  const sections: { text: Md; drop: number; compact?: boolean }[] = [
    { text: marker(input.key), drop: 99, compact: true },
    { text: headline(input), drop: 99, compact: true },
    // What failed first: the failing step's own last lines, then the error, each once.
    ...(lead ? [{ text: lead, drop: 98, compact: true }] : []),
    ...(input.status === 'success' ? [{ text: greenLine(input), drop: 98, compact: true }] : []),
    ...(input.targets?.length ? [{ text: targetsTable(input)!, drop: 90, compact: true }] : []),
    ...errorsFirst.map((f, i) => ({ text: findingBlock(input, f, !!lead), drop: 80 - i, compact: true })),
    ...(input.findings.length > top && !opts.full
      ? [{ text: gfm`…and ${input.findings.length - top} more finding(s) in the job summary.`, drop: 95 }]
      : []),
    {
      text: gfm`<details><summary>Duration, cache, attempts, builder and step timings</summary>\n\n${joinMd(details, '\n\n')}\n\n</details>`,
      drop: 40,
    },
    ...(opts.full && input.findings.length
      ? [{ text: gfm`**All ${input.findings.length} findings**\n\n${findingsTable(input)}`, drop: 30 }]
      : []),
    ...(input.omittedAnnotations
      ? [
          {
            text: gfm`${input.omittedAnnotations} finding(s) were not shown as annotations (GitHub shows at most 10 per level and 50 per step).`,
            drop: 94,
          },
        ]
      : []),
    ...(input.links?.runUrl
      ? [{ text: gfm`<sub>buildx-guard · ${link(gfm`run`, input.links.runUrl)}</sub>`, drop: 96 }]
      : []),
  ];
  // The input is redacted already (report/redact.ts): publish and the CLI redact the model first.
  const render = (list: typeof sections) =>
    gfm`${joinMd(
      list.map((s) => s.text),
      '\n\n',
    )}\n`;
  let kept = opts.compact ? sections.filter((x) => x.compact) : sections;
  let out = render(kept);
  const runUrl = input.links?.runUrl;
  const pointer = runUrl
    ? gfm`\n\n_Truncated: the full report is in the job summary (${link(gfm`run`, runUrl)})._\n`
    : gfm`\n\n_Truncated: the full report is in the job summary._\n`;
  const room = opts.limit.max - size(pointer);
  while (size(out) > room) {
    const lowest = kept.filter((s) => s.drop < 95).sort((a, b) => a.drop - b.drop)[0];
    if (!lowest) break;
    kept = kept.filter((s) => s !== lowest);
    out = render(kept);
  }
  if ((!opts.compact && kept.length < sections.length) || size(out) > opts.limit.max) {
    out = gfm`${cutMarkdown(out, room, opts.limit.unit)}${pointer}`;
  }
  return out;
}
