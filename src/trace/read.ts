// Reads a log line by line into a trace: never the whole file in memory, and never one whole line
// either: a line past MAX_LINE_CHARS is cut there (and counted), so a 600 MB line costs 1 MiB.
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

/**
 * Splits a byte stream into lines for a parser, holding only the unfinished last line, and at most
 * `max` characters of it: the rest of an over-long line is dropped until its newline.
 */
export class LineSplitter {
  private partial = '';
  private dropping = false;
  private readonly decoder = new StringDecoder('utf8');
  /** How many lines were cut at `max`. */
  truncated = 0;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly max = MAX_LINE_CHARS,
  ) {}

  push(chunk: Buffer | string): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      if (!this.dropping) {
        const room = this.max - this.partial.length;
        if (end - start > room) {
          this.partial += text.slice(start, start + room);
          this.dropping = true;
          this.truncated++;
        } else this.partial += text.slice(start, end);
      }
      if (nl < 0) return;
      this.onLine(this.partial);
      this.partial = '';
      this.dropping = false;
      start = nl + 1;
    }
  }

  end(): void {
    this.push(this.decoder.end());
    if (this.partial) this.onLine(this.partial);
    this.partial = '';
    this.dropping = false;
  }
}
