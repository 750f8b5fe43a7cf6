// The Markdown report shared by the sticky PR comment (≤ 65,536 characters) and the job summary
// (≤ 1 MiB of UTF-8). The comment decides, the summary explains, and each says every fact once:
// - the lead: one line with the verdict (and, when it failed, the step, node or target and the
//   category); for a failure the step's last lines, the error's cause chain and the retries;
// - the comment: then at most three findings, one line each, and one fold with the rest;
// - the summary: then every finding once (its message, not its title), the attempts, the facts,
//   the nodes and the chart.
// Built from `Md` values only (src/findings/markdown-escape.ts): untrusted text is escaped or fenced
// there, once; secrets were redacted on the model before (report/redact.ts).
import {
  code,
  codeBlock,
  cutMarkdown,
  gfm,
  html,
  htmlComment,
  joinMd,
  link,
  row,
  seconds,
  sizeOf,
  text,
  type Md,
  type Measure,
} from '../findings/markdown-escape.js';
import type { Finding, Severity } from '../findings/types.js';
import type { ReportInput } from './model.js';
import { ledgerMarkdown, recoveredLine } from '../ledger/render.js';

/** A channel's size limit in the unit GitHub counts it in. */
export interface Limit {
  max: number;
  unit: Measure;
}
/** A comment's body: at most 65,536 characters. */
export const COMMENT_LIMIT: Limit = { max: 65_536, unit: 'chars' };
/** The job summary: at most 1 MiB, in bytes. */
export const SUMMARY_LIMIT: Limit = { max: 1024 * 1024, unit: 'bytes' };

/** Columns of a code block before we wrap it: GitHub's comment column (~780 px) shows about 100. */
export const WRAP_COLUMNS = 90;
/** Findings the comment shows one line each before its fold. */
export const COMMENT_FINDINGS = 3;
/** The failing step's last lines the lead shows. */
export const LEAD_LOG_LINES = 10;

const ICON: Record<Severity, Md> = { error: gfm`🛑`, warning: gfm`⚠️`, notice: gfm`ℹ️` };
const none = gfm``;
const dash = gfm`-`;

export function marker(key: string): Md {
  return htmlComment(`buildx-guard:${key}`);
}

/** A figure with one decimal (`1.2`) as Markdown: our own digits, nothing to escape. */
function tenths(value: number): Md {
  const t = Math.round(value * 10);
  return gfm`${Math.trunc(t / 10)}.${Math.abs(t % 10)}`;
}

/** A duration as `seconds()` writes it (`1.2 s`, `12 s`). */
function duration(ms: number): Md {
  return ms >= 10_000 ? gfm`${Math.round(ms / 1000)} s` : gfm`${tenths(ms / 1000)} s`;
}

/** Lines joined by `<br>` and a line break (one paragraph, one item a line). */
function brLines(parts: Md[]): Md {
  return joinMd(
    parts.map((p, i) => (i < parts.length - 1 ? gfm`${p}<br>` : p)),
    '\n',
  );
}

/** The finding's Dockerfile lines at the head commit, shown as `label` (its location by default). */
function lineLink(input: ReportInput, f: Finding, label?: Md): Md | undefined {
  if (!f.file) return label;
  const where = `${f.file}${f.line ? `:${f.line}${f.endLine && f.endLine !== f.line ? `-${f.endLine}` : ''}` : ''}`;
  const l = input.links;
  // No commit to link to (the CLI): the location beside the label.
  if (!l || !l.sha) return label ? gfm`${label} (${code(where)})` : code(where);
  const path = f.file.split('/').map(encodeURIComponent).join('/');
  const anchor = f.line ? `#L${f.line}${f.endLine && f.endLine !== f.line ? `-L${f.endLine}` : ''}` : '';
  return link(label ?? code(where), `${l.serverUrl}/${l.owner}/${l.repo}/blob/${l.sha}/${path}${anchor}`);
}

/**
 * Lines no wider than `width`, broken at a space (or after `: `) where one is near, so that the end
 * of a long error (`exit code: 1`) is on screen instead of behind a horizontal scroll bar.
 */
export function wrapLine(line: string, width = WRAP_COLUMNS): string[] {
  const chars = [...line];
  if (chars.length <= width) return [line];
  const indent = /^\s*/.exec(line)![0].slice(0, 8);
  const out: string[] = [];
  let rest = chars;
  let first = true;
  while (rest.length > (first ? width : width - indent.length - 2)) {
    const room = first ? width : width - indent.length - 2;
    const window = rest.slice(0, room + 1).join('');
    // The last break in the right half of the window; else a hard cut.
    const at = Math.max(window.lastIndexOf(' '), window.lastIndexOf(':') + 1);
    const cut = at > room / 2 ? at : room;
    const piece = [...window].slice(0, cut).join('').trimEnd();
    out.push(first ? piece : `${indent}↪ ${piece}`);
    rest = rest.slice(cut);
    while (rest[0] === ' ') rest = rest.slice(1);
    first = false;
  }
  if (rest.length) out.push(first ? rest.join('') : `${indent}↪ ${rest.join('')}`);
  return out;
}

/** Every line of `lines` wrapped for the comment's width. */
function wrapped(lines: string[]): string[] {
  return lines.flatMap((l) => wrapLine(l));
}

/** `process "/bin/sh -c <the step's command>" did not complete` → `process "…"`: the lead names the step. */
function dropQuotedCommand(line: string): string {
  let out = '';
  let from = 0;
  for (let at = line.indexOf('process "', from); at >= 0; at = line.indexOf('process "', from)) {
    let end = at + 'process "'.length;
    while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
    if (end >= line.length) break;
    out += `${line.slice(from, at)}process "…"`;
    from = end + 1;
  }
  return out + line.slice(from);
}

/**
 * The error's cause chain, one cause a line: buildx joins causes with `: `. The quoted command of a
 * failed `RUN` is dropped (the lead names the step), so the chain's end stays in view.
 */
export function causeChain(message: string): string[] {
  return message
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((line) => {
      const plain = dropQuotedCommand(line.replace(/^ERROR: /, ''));
      // Causes are joined by ": "; a short tail ("exit code: 1") stays with its cause. A chain
      // wider than the column is broken between causes, each on its own line, indented.
      const parts: string[] = [];
      for (const p of plain.split(/: (?=\S)/)) {
        if (parts.length && (!/\s/.test(p) || p.length < 4)) parts[parts.length - 1] += `: ${p}`;
        else parts.push(p);
      }
      if ([...plain].length <= WRAP_COLUMNS) return [plain];
      return parts.map((p, i) => `${'  '.repeat(Math.min(i, 4))}${p}${i < parts.length - 1 ? ':' : ''}`);
    });
}

/** Attempts the build took: isolated bakes count each bake's own (the most any of them took). */
function attemptCount(input: ReportInput): number {
  return input.attempts.reduce((most, a) => Math.max(most, a.number), 0);
}

function what(input: ReportInput): 'Builder' | 'Merge' | 'Bake' | 'Build' {
  if (!input.attempts.length && input.failure?.category === 'builder') return 'Builder';
  return input.merge ? 'Merge' : input.targets ? 'Bake' : 'Build';
}

/** Where a failed build failed: the step, else the target, else the nodes that are down. */
function failedAt(input: ReportInput): Md {
  const targets = (input.targets ?? []).filter((t) => t.status === 'failed').map((t) => code(t.name));
  const down = input.nodes.filter((n) => n.status !== 'running').map((n) => code(n.name));
  const s = (n: Md[]) => (n.length > 1 ? gfm`s` : none);
  if (input.failingLog) {
    const of = targets.length === 1 ? gfm` (target ${targets[0]})` : none;
    // The step, linked to its Dockerfile lines (build-failed's anchor): named once, here.
    const failed = input.findings.find((f) => f.rule === 'build-failed');
    const step = code(input.failingLog.step);
    return gfm` at ${(failed && lineLink(input, failed, step)) ?? step}${of}`;
  }
  if (targets.length) return gfm` at target${s(targets)} ${joinMd(targets, ', ')}`;
  if (down.length) return gfm` at node${s(down)} ${joinMd(down, ', ')}`;
  return none;
}

/** What the lead line says: the verdict with the duration, cached steps and attempts of a green build. */
function leadLine(input: ReportInput): Md {
  const s = input.stats;
  const name = text(what(input));
  if (input.status === 'success') {
    const facts = [duration(s.durationMs)];
    if (s.steps) facts.push(gfm`${s.cachedSteps} of ${s.steps} steps cached`);
    if (attemptCount(input) > 1) facts.push(gfm`${attemptCount(input)} attempts`);
    return gfm`✅ **${name} succeeded** · ${joinMd(facts, ' · ')}`;
  }
  if (input.status === 'unknown')
    return gfm`❔ **No build verdict**: the log shows no finished build and no error`;
  const f = input.failure;
  const kind = f?.retryable === undefined ? none : f.retryable ? gfm`, transient` : gfm`, not retryable`;
  return gfm`❌ **${name} failed**${failedAt(input)}${f ? gfm` · ${text(f.category)}${kind}` : none}`;
}

/** What was retried and why, one line an attempt that was retried. */
function retriedLines(input: ReportInput): Md[] {
  return input.attempts
    .filter((a) => a.exitCode !== 0 && a.decision?.startsWith('retried'))
    .map(
      (a) =>
        gfm`↻ ${a.bake ? gfm`${code(a.bake)}: a` : gfm`A`}ttempt ${a.number} failed (${text(a.category ?? 'unknown')}) and was ${text(a.decision!)}`,
    );
}

/** The failure below the lead line: the step's last lines, the cause chain, the notes, the hint. */
function failureBlock(input: ReportInput, withRetries: boolean): Md | undefined {
  if (input.status !== 'failed' || !input.failure) return undefined;
  const parts: Md[] = [];
  const log = input.failingLog?.lines.slice(-LEAD_LOG_LINES) ?? [];
  if (log.length) parts.push(codeBlock(wrapped(log)));
  const chain = causeChain(input.failure.message);
  // The chain is said once: not again when it is the step's own last line.
  if (chain.length && !(chain.length === 1 && log.at(-1)?.trim() === chain[0].trim()))
    parts.push(codeBlock(wrapped(chain)));
  const notes: Md[] = [];
  if (input.failingLog?.clipped)
    notes.push(
      gfm`BuildKit clipped the step's output (log limit ${code(input.failingLog.clipped)} reached), so its last lines may be missing.`,
    );
  const record = input.failure.record;
  if (record)
    notes.push(
      gfm`(the error${record.line ? gfm` and its Dockerfile line` : none} from the build record: ${code(`docker buildx history inspect ${record.id}`)})`,
    );
  if (notes.length) parts.push(brLines(notes));
  const hint = input.findings.find((f) => f.rule === 'build-failed')?.hint;
  if (hint) parts.push(gfm`**Hint:** ${text(hint)}`);
  if (withRetries) {
    const retried = retriedLines(input);
    if (retried.length) parts.push(brLines(retried));
  }
  return parts.length ? joinMd(parts, '\n\n') : undefined;
}

/** The findings the lead does not already say (build-failed is the lead). */
function otherFindings(input: ReportInput): Finding[] {
  return input.findings.filter((f) => !(f.rule === 'build-failed' && input.status === 'failed'));
}

/** One finding in one line: icon, rule, linked location, its title as the sentence. */
function findingLine(input: ReportInput, f: Finding): Md {
  const where = lineLink(input, f);
  return gfm`${ICON[f.severity]} ${code(f.rule)}${where ? gfm` ${where}` : none}: ${text(f.title)}`;
}

/** One finding explained (the summary): where, then its message, hint and documentation. */
function findingBlock(input: ReportInput, f: Finding): Md {
  const where = lineLink(input, f);
  const parts = [
    gfm`${ICON[f.severity]} ${code(f.rule)}${where ? gfm` ${where}` : none}${f.target ? gfm` (target ${code(f.target)})` : none}`,
    f.message,
  ];
  if (f.hint) parts.push(gfm`**Hint:** ${text(f.hint)}`);
  if (f.url) parts.push(link(gfm`Documentation`, f.url));
  return joinMd(parts, '\n\n');
}

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
    const category = t.category ? gfm` (${text(t.category)})` : none;
    const retry = t.status === 'success' && (t.attempts ?? 1) > 1 ? gfm` after a retry` : none;
    return gfm`${icon[t.status] ?? none} ${text(t.status)}${category}${retry}`;
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

/** The build's figures the lead line does not say (a green lead says duration, cache and attempts). */
function factsTable(input: ReportInput, withAttempts: boolean): Md | undefined {
  const s = input.stats;
  const green = input.status === 'success';
  const cols: [Md, Md][] = [];
  if (!green && s.durationMs) cols.push([gfm`duration`, duration(s.durationMs)]);
  if (!green && withAttempts && input.attempts.length)
    cols.push([gfm`attempts`, gfm`${attemptCount(input)}`]);
  if (!green && s.steps)
    cols.push([
      gfm`cache hits`,
      gfm`${Math.round((s.cachedSteps / s.steps) * 100)}% (${s.cachedSteps}/${s.steps})`,
    ]);
  if (!input.merge && (s.steps || s.contextBytes))
    cols.push([gfm`context`, gfm`${tenths(s.contextBytes / 1e6)} MB`]);
  if (!input.merge && s.platforms.length) cols.push([gfm`platforms`, list(s.platforms, ', ')]);
  if (!cols.length) return undefined;
  return joinMd([row(cols.map((c) => c[0])), row(cols.map(() => gfm`---`)), row(cols.map((c) => c[1]))]);
}

function attemptsTable(input: ReportInput): Md | undefined {
  // Isolated bakes (each attempt names its bake) show theirs also when none was retried.
  if (attemptCount(input) < 2 && !(input.status !== 'success' && input.attempts.some((a) => a.bake)))
    return undefined;
  return joinMd([
    gfm`| attempt | result | duration | why |`,
    gfm`| --- | --- | --- | --- |`,
    ...input.attempts.map((a) =>
      row([
        a.bake ? gfm`${code(a.bake)} ${a.number}` : gfm`${a.number}`,
        a.exitCode === 0 ? gfm`succeeded` : gfm`failed (${text(a.category ?? 'unknown')})`,
        duration(a.durationMs),
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

/** Mermaid labels allow little: keep letters, digits and a few safe signs. */
function chartLabel(s: string, max = 64): string {
  return (
    s
      .replace(/[^A-Za-z0-9 ./_=+-]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, max)
      .trim() || 'step'
  );
}

function timingChart(input: ReportInput): Md | undefined {
  const steps = input.steps.filter((s) => s.durationMs > 0 || s.cached || s.failed).slice(0, 200);
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
  // Labels are the step's label (with its platform and stage); two that read the same after
  // sanitising are told apart by a number, so no two bars carry one label.
  const used = new Map<string, number>();
  const unique = (label: string): string => {
    const n = (used.get(label) ?? 0) + 1;
    used.set(label, n);
    return n === 1 ? label : `${label} ${n}`;
  };
  const rows = shown.flatMap((s, i) => {
    const head = s.target && s.target !== section ? [`    section ${chartLabel(s.target)}`] : [];
    section = s.target ?? section;
    return [...head, bar(s, i)];
  });
  function bar(s: ReportInput['steps'][number], i: number): string {
    const start = s.startMs !== undefined && Number.isFinite(t0) ? s.startMs - t0 : cursor;
    const before = s.id ? input.baseline?.get(s.id) : undefined;
    const was = before !== undefined ? ` was ${seconds(before)}` : '';
    // A cached step took no time: a milestone, not a 1 ms bar.
    if (s.cached && !s.failed)
      return `    ${unique(`${chartLabel(s.label)} cached`)} :milestone, done, s${i}, ${start}, 0ms`;
    cursor = start + Math.max(s.durationMs, 1);
    const tag = s.failed ? 'crit, ' : 'active, ';
    return `    ${unique(chartLabel(`${chartLabel(s.label)}${was}`, 80))} :${tag}s${i}, ${start}, ${start + Math.max(s.durationMs, 1)}`;
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

interface Section {
  text: Md;
  /** Sections go least useful first (lowest) until the text fits; 95 and up are never dropped. */
  drop: number;
}

function fold(summary: Md, body: Md[]): Md {
  return gfm`<details><summary>${summary}</summary>\n\n${joinMd(body, '\n\n')}\n\n</details>`;
}

/** The comment: the lead, at most three findings one line each, one fold with the rest. */
function commentSections(input: ReportInput, withFold: boolean): Section[] {
  const failure = failureBlock(input, true);
  const others = otherFindings(input);
  // A green build lists its warnings; a failure its other findings of any level.
  const upFront = (input.status === 'success' ? others.filter((f) => f.severity !== 'notice') : others).slice(
    0,
    COMMENT_FINDINGS,
  );
  const rest = others.filter((f) => !upFront.includes(f));
  const shownInFold = rest.slice(0, 20);
  const facts = [
    input.merge ? mergeTable(input) : undefined,
    targetsTable(input),
    factsTable(input, true),
    nodesTable(input),
  ].filter((x): x is Md => !!x);
  const more = rest.length > shownInFold.length ? rest.length - shownInFold.length : 0;
  const foldBody: Md[] = [
    ...(shownInFold.length ? [brLines(shownInFold.map((f) => findingLine(input, f)))] : []),
    ...(more ? [gfm`…and ${more} more finding(s) in the job summary.`] : []),
    ...facts,
    ...ledgerSection(input),
  ];
  const elsewhere: Md[] = [
    ...(rest.length || upFront.length ? [gfm`every finding explained`] : []),
    ...(attemptsTable(input) ? [gfm`the attempts`] : []),
    ...(timingChart(input) ? [gfm`the step timings`] : []),
  ];
  if (elsewhere.length) foldBody.push(gfm`In the job summary: ${joinMd(elsewhere, ', ')}.`);
  // Inside <summary> (HTML): html() escapes, not Markdown's backslashes.
  const noun = html(what(input).toLowerCase());
  const label = rest.length
    ? gfm`${rest.length} more finding${rest.length === 1 ? none : gfm`s`} and the ${noun}’s figures`
    : gfm`The ${noun}’s figures`;
  return [
    { text: gfm`${marker(input.key)}\n${leadLine(input)}`, drop: 99 },
    ...(failure ? [{ text: failure, drop: 98 }] : []),
    ...(upFront.length ? [{ text: brLines(upFront.map((f) => findingLine(input, f))), drop: 90 }] : []),
    ...(withFold ? [{ text: fold(label, foldBody), drop: 40 }] : []),
    ...(!withFold && rest.length
      ? [{ text: gfm`…and ${rest.length} more finding(s) in the job summary.`, drop: 95 }]
      : []),
  ];
}

/** The summary: the lead, the attempts, every finding explained once, the figures, the nodes, the chart. */
function summarySections(input: ReportInput): Section[] {
  const failure = failureBlock(input, false);
  const others = otherFindings(input);
  const attempts = attemptsTable(input);
  const nodes = nodesTable(input);
  const chart = timingChart(input);
  return [
    { text: gfm`${marker(input.key)}\n${leadLine(input)}`, drop: 99 },
    ...(failure ? [{ text: failure, drop: 98 }] : []),
    ...(attempts ? [{ text: attempts, drop: 92 }] : []),
    ...others.map((f, i) => ({ text: findingBlock(input, f), drop: 80 - Math.min(i, 40) })),
    ...[input.merge ? mergeTable(input) : undefined, targetsTable(input), factsTable(input, false)]
      .filter((x): x is Md => !!x)
      .map((t) => ({ text: t, drop: 90 })),
    ...(nodes ? [{ text: nodes, drop: 85 }] : []),
    ...ledgerSection(input).map((t) => ({ text: t, drop: 60 })),
    ...(chart ? [{ text: chart, drop: 30 }] : []),
  ];
}

/**
 * The flake ledger: this run's recovered failures, then the window's tables (src/ledger/render.ts).
 * A window with no incident is one line: a table of zeros per node says nothing a green build needs.
 */
function ledgerSection(input: ReportInput): Md[] {
  if (!input.ledger) return [];
  const { summary, entry } = input.ledger;
  const line = recoveredLine(entry);
  const runs = summary.window.runs;
  const window = summary.categories.length
    ? ledgerMarkdown(summary)
    : gfm`**Flake ledger**: no incident in ${runs} run${runs === 1 ? none : gfm`s`} since ${text(summary.window.since.slice(0, 10))}.`;
  return [...(line ? [line] : []), window];
}

/**
 * The report as Markdown within `limit` (counted in the unit GitHub counts that channel in): the
 * comment (`full: false`), the job summary (`full: true`), or the comment without its fold
 * (`compact`, the `summary: compact` input). Sections are dropped, least useful first, until it
 * fits; then it is cut on a line with its fences and folds closed, and a pointer added.
 */
export function renderMarkdown(
  input: ReportInput,
  opts: { limit: Limit; full: boolean; compact?: boolean },
): Md {
  const size = (t: string) => sizeOf(t, opts.limit.unit);
  const sections: Section[] = [
    ...(opts.full && !opts.compact ? summarySections(input) : commentSections(input, !opts.compact)),
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
  const render = (kept: Section[]) =>
    gfm`${joinMd(
      kept.map((s) => s.text),
      '\n\n',
    )}\n`;
  let kept = sections;
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
  if (kept.length < sections.length || size(out) > opts.limit.max) {
    out = gfm`${cutMarkdown(out, room, opts.limit.unit)}${pointer}`;
  }
  return out;
}
