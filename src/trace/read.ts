// Reads a log line by line into a trace: never the whole file in memory, and never one whole line
// either: a line past MAX_LINE_CHARS keeps its head and its tail (half each) and loses its middle
// (counted), so a 600 MB line costs 1 MiB and still ends with what decides its category (a step's
// `did not complete successfully: exit code: N` comes after the command it quotes).
import { openBoundedStream } from '../fsio/read.js';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { TraceParser, type TraceEvent } from './parser.js';
import type { BuildTrace } from './types.js';

/** The longest line kept; buildx's own lines are far shorter, a log line past this is cut. */
export const MAX_LINE_CHARS = 1 << 20;

/** What the reader knows beforehand: the bake targets of the build, when it is a bake. */
export interface ReadOptions {
  targets?: readonly string[];
}

export async function readTrace(
  path: string,
  listener?: (e: TraceEvent) => void,
  opts: ReadOptions = {},
): Promise<BuildTrace> {
  return readTraceFrom(openBoundedStream(path, 'log'), listener, opts);
}

export async function readTraceFrom(
  input: Readable,
  listener?: (e: TraceEvent) => void,
  opts: ReadOptions = {},
): Promise<BuildTrace> {
  const parser = new TraceParser(listener, opts);
  const lines = new LineSplitter((l) => parser.push(l));
  for await (const chunk of input) lines.push(chunk as Buffer);
  lines.end();
  return withTruncated(parser.finish(), lines.truncated);
}

export function withTruncated(trace: BuildTrace, truncated: number): BuildTrace {
  return truncated ? { ...trace, truncatedLines: truncated } : trace;
}

/** What stands for the middle of a line cut by the reader. */
export function cutMarker(chars: number): string {
  return ` … [${chars} characters cut] … `;
}

/**
 * Splits a byte stream into lines for a parser, holding only the unfinished last line, and at most
 * `max` characters of it: an over-long line keeps its first and its last `max / 2` characters (the
 * middle is dropped as it streams by, never held), joined by a marker naming how much was cut.
 */
export class LineSplitter {
  private partial = '';
  /** The line is over `max`: `partial` is its head, `tail` its last characters so far. */
  private dropping = false;
  private tail: string[] = [];
  private tailChars = 0;
  private seen = 0;
  private readonly decoder = new StringDecoder('utf8');
  private readonly half: number;
  /** How many lines were cut to `max`. */
  truncated = 0;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly max = MAX_LINE_CHARS,
  ) {
    this.half = Math.floor(max / 2);
  }

  push(chunk: Buffer | string): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      if (!this.dropping) {
        if (this.partial.length + (end - start) > this.max) {
          // Past the cap: the head is the first half, what follows streams through the tail.
          const headRoom = this.half - Math.min(this.half, this.partial.length);
          const rest = this.partial.slice(this.half) + text.slice(start + headRoom, end);
          this.partial = this.partial.slice(0, this.half) + text.slice(start, start + headRoom);
          this.seen = this.partial.length;
          this.dropping = true;
          this.truncated++;
          this.keepTail(rest);
        } else this.partial += text.slice(start, end);
      } else this.keepTail(text.slice(start, end));
      if (nl < 0) return;
      this.emit();
      start = nl + 1;
    }
  }

  end(): void {
    this.push(this.decoder.end());
    if (this.partial || this.dropping) this.emit();
  }

  /** Keeps the last `half` characters seen; compacts when twice that is held (linear overall). */
  private keepTail(text: string): void {
    if (!text) return;
    this.seen += text.length;
    this.tail.push(text);
    this.tailChars += text.length;
    if (this.tailChars >= 2 * this.half) this.compactTail();
  }

  private compactTail(): void {
    const kept = this.tail.join('').slice(-this.half);
    this.tail = [kept];
    this.tailChars = kept.length;
  }

  private emit(): void {
    if (this.dropping) {
      this.compactTail();
      const tail = this.tail[0] ?? '';
      this.onLine(this.partial + cutMarker(this.seen - this.partial.length - tail.length) + tail);
    } else this.onLine(this.partial);
    this.partial = '';
    this.dropping = false;
    this.tail = [];
    this.tailChars = 0;
    this.seen = 0;
  }
}
