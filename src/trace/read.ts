// Reads a log file line by line into a trace: never the whole file in memory.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { TraceParser, type TraceEvent } from './parser.js';
import type { BuildTrace } from './types.js';

export async function readTrace(path: string, listener?: (e: TraceEvent) => void): Promise<BuildTrace> {
  const parser = new TraceParser(listener);
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) parser.push(line);
  return parser.finish();
}

/** Splits a byte stream into lines for a parser, holding only the unfinished last line. */
export class LineSplitter {
  private partial = '';
  constructor(private readonly onLine: (line: string) => void) {}
  push(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const l of lines) this.onLine(l);
  }
  end(): void {
    if (this.partial) this.onLine(this.partial);
    this.partial = '';
  }
}
