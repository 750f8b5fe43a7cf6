// One `docker buildx build` attempt: stderr streams to a log file and through the trace parser; a
// plain-style rendering goes to the job log as it happens.
import { createWriteStream } from 'node:fs';
import type { Buildx, RunResult } from '../buildx/buildx.js';
import { TraceParser } from '../trace/parser.js';
import { LineSplitter } from '../trace/read.js';
import type { BuildTrace } from '../trace/types.js';
import { renderEvent } from './render.js';

export interface AttemptRun {
  result: RunResult;
  trace: BuildTrace;
}

export async function runAttempt(
  buildx: Buildx,
  args: string[],
  logFile: string,
  opts: { timeoutMs?: number; signal?: AbortSignal; out: (line: string) => void },
): Promise<AttemptRun> {
  const file = createWriteStream(logFile);
  const parser = new TraceParser((e) => {
    const line = renderEvent(e);
    if (line !== undefined) opts.out(line);
  });
  const lines = new LineSplitter((l) => parser.push(l));
  const stdout = new LineSplitter((l) => opts.out(l));
  const result = await buildx.buildx(args, {
    capture: false,
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    onStderr: (chunk) => {
      file.write(chunk);
      lines.push(chunk);
    },
    onStdout: (chunk) => stdout.push(chunk),
  });
  lines.end();
  stdout.end();
  await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { result, trace: parser.finish() };
}
