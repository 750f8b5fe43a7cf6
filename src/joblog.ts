// The one way to the job log. Every byte the action or the CLI prints passes through this module
// (ESLint refuses `@actions/core`, `process.stdout`/`stderr`, `console` and the like anywhere else in
// src/), and every string is treated as text a pull request or a node may control: a step name, an
// error, a bake target, a line of build output.
//
// The runner reads a step's stdout and stderr line by line (LF, CR or CRLF end a line) and acts on a
// line that starts with `::` after leading white space, or that holds the legacy `##[` anywhere.
// So here:
//  - text is cut into lines at every line break and each line is neutralised (`LogLine`, which only
//    `neutralise` makes): a line that could be read as a command gains a visible prefix, and a legacy
//    `##[` is broken; characters .NET's comparisons may ignore (format characters, combining marks,
//    default-ignorable code points) are discounted when looking for either;
//  - the action's plain lines and build output are printed inside `::stop-commands::<random token>`;
//    commands are resumed only for the action's own commands (annotations, groups, the failure,
//    masks, outputs, state), whose text @actions/core escapes (%, CR and LF) after it is neutralised
//    here too;
//  - the CLI writes neutralised lines only (its output may be a file or a pipe, so no stop-commands).
import type { Redacted } from './redact/redact.js';
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';

declare const SAFE: unique symbol;
/** One line that the runner cannot read as a workflow command: only `neutralise` makes one. */
export type LogLine = string & { readonly [SAFE]: true };

/** The line breaks the runner (.NET ReadLine) honours: a line ends at each. */
const BREAKS = /\r\n|[\r\n]/;
/**
 * Characters that some reader takes for a line break (a terminal: VT, FF; Unicode: NEL, LS, PS) but
 * the runner does not: shown as a JSON-style escape inside the line, never a break, so a document the
 * CLI prints (JSON, SARIF, Markdown) keeps its structure and a JSON string still parses to the text.
 */
const SOFT_BREAKS = /[\u2028\u2029\u0085\v\f]/g;
const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
/**
 * `::` at the start after white space, and the legacy `##[` anywhere, allowing between their
 * characters what .NET's culture-aware StartsWith/IndexOf may skip (controls, format characters,
 * marks, default-ignorable code points such as the Hangul filler): both read a little more than the runner does, never less.
 */
const V2 = /^[\s\p{C}\p{M}\p{DI}]*:[\p{C}\p{M}\p{DI}]*:/u;
const LEGACY = /#[\p{C}\p{M}\p{DI}]*#[\p{C}\p{M}\p{DI}]*\[/u;
/** The prefix a command-like line gets: visible, and not white space. */
const MARK = '» ';

/** Whether the runner could read `line` as a workflow command (`::name` or legacy `##[name]`). */
export function isCommandLike(line: string): boolean {
  return V2.test(line) || LEGACY.test(line);
}

/** `text` as lines none of which is a workflow command. */
export function neutralise(text: string): LogLine[] {
  return text
    .replace(SOFT_BREAKS, visible)
    .split(BREAKS)
    .map((line) => {
      if (!isCommandLike(line)) return line as LogLine;
      // `##[` becomes `## [` (a space is never ignored); the prefix ends any `::` at the start.
      return `${MARK}${line.replace(/#/g, '# ')}` as LogLine;
    });
}

/** `text` neutralised, its lines joined with LF (for a command's data, which core escapes). */
export function neutralText(text: string): string {
  return neutralise(text).join('\n');
}

export type AnnotationProperties = core.AnnotationProperties;

function neutralProps(p?: AnnotationProperties): AnnotationProperties | undefined {
  if (!p) return p;
  const out: AnnotationProperties = { ...p };
  if (p.title !== undefined) out.title = neutralText(p.title);
  if (p.file !== undefined) out.file = neutralText(p.file);
  return out;
}

/** The action's job log: plain lines inside stop-commands, its own commands outside. */
export class JobLog {
  private token?: string;
  private hooked = false;
  constructor(private readonly emit: (line: LogLine) => void = (l) => core.info(l)) {}

  /** A plain line of the action (any text: it is neutralised and printed inside stop-commands). */
  info(text: string): void {
    this.stop();
    for (const line of neutralise(text)) this.emit(line);
  }

  /** One line of build output: the same writer as `info`. */
  out(text: string): void {
    this.info(text);
  }

  debug(text: string): void {
    this.command(() => core.debug(neutralText(text)));
  }
  warning(text: string, props?: AnnotationProperties): void {
    this.command(() => core.warning(neutralText(text), neutralProps(props)));
  }
  error(text: string, props?: AnnotationProperties): void {
    this.command(() => core.error(neutralText(text), neutralProps(props)));
  }
  notice(text: string, props?: AnnotationProperties): void {
    this.command(() => core.notice(neutralText(text), neutralProps(props)));
  }
  /** The step's failure (an `::error::` and exit code 1): redacted text only (src/redact). */
  fail(text: Redacted<string>): void {
    // eslint-disable-next-line no-restricted-properties -- the one place the step fails
    this.command(() => core.setFailed(neutralText(text)));
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.command(() => core.startGroup(neutralText(name)));
    try {
      return await fn();
    } finally {
      this.command(() => core.endGroup());
    }
  }
  /** Commands the runner must see even while build output streams: masks, outputs, state. */
  setSecret(value: string): void {
    this.command(() => core.setSecret(value));
  }
  setOutput(name: string, value: string): void {
    this.command(() => core.setOutput(name, value));
  }
  saveState(name: string, value: string): void {
    this.command(() => core.saveState(name, value));
  }

  /** Resumes workflow commands, if stopped; the process does so at exit anyway. */
  resume(): void {
    if (!this.token) return;
    const token = this.token;
    this.token = undefined;
    this.emit(`::${token}::` as LogLine);
  }

  private stop(): void {
    if (this.token) return;
    this.token = randomBytes(16).toString('hex');
    this.emit(`::stop-commands::${this.token}` as LogLine);
    if (!this.hooked) {
      // Stdout to a pipe is synchronous on Linux: the resume line is written before Node exits.
      this.hooked = true;
      process.once('exit', () => this.resume());
    }
  }

  private command(fn: () => void): void {
    this.resume();
    fn();
  }
}

/** The action's job log (both phases). */
export const jobLog = new JobLog();

/** What the action reads from the runner: inputs, state, whether debug logging is on, the summary. */
export const { getInput, getState, isDebug } = core;

/** The job summary: redacted Markdown only (publish() gives nothing else). */
export async function writeSummary(markdown: Redacted<string>): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- the one place the summary is written
  await core.summary.addRaw(markdown).write();
}

/**
 * The CLI's writer: neutralised lines to stdout or stderr. Also what keeps a CLI run in a workflow's
 * `run:` step from printing a command; its documents (JSON, SARIF, Markdown) pass through it too.
 */
export const terminal = {
  out(text: string): void {
    writeLines(process.stdout, text);
  },
  err(text: string): void {
    writeLines(process.stderr, text);
  },
};

function writeLines(stream: NodeJS.WriteStream, text: string): void {
  // A trailing line break ends the last line; it does not start an empty one.
  const body = text.replace(/(\r\n|[\r\n])$/, '');
  stream.write(`${neutralise(body).join('\n')}\n`);
}
