// One `docker buildx build` attempt: stderr streams to a log file and through the trace parser; a
// plain-style rendering goes to the job log as it happens.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Buildx, RunResult } from '../buildx/buildx.js';
import { TraceParser } from '../trace/parser.js';
import { LineSplitter, withTruncated } from '../trace/read.js';
import type { BuildTrace } from '../trace/types.js';
import { describeFsError } from '../config/errors.js';
import { renderEvent } from './render.js';

export interface AttemptRun {
  result: RunResult;
  trace: BuildTrace;
  /** Why the attempt's log file could not be written (a full or read-only RUNNER_TEMP), if so. */
  logError?: string;
}

export async function runAttempt(
  buildx: Buildx,
  args: string[],
  logFile: string,
  opts: { timeoutMs?: number; signal?: AbortSignal; out: (line: string) => void },
): Promise<AttemptRun> {
  // The log file is a copy for the report; a disk that is full or read-only must not cost the
  // build its verdict: the first write error stops the copy, the parser still sees every line.
  let logError: string | undefined;
  const file = createWriteStream(logFile);
  file.on('error', (e) => (logError ??= `${describeFsError(e)} (${logFile})`));
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
      if (!logError) file.write(chunk);
      lines.push(chunk);
    },
    onStdout: (chunk) => stdout.push(chunk),
  });
  lines.end();
  stdout.end();
  // finished() also settles for a stream an earlier write error already destroyed.
  file.end();
  await finished(file).catch(() => {});
  return {
    result,
    trace: withTruncated(parser.finish(), lines.truncated),
    ...(logError ? { logError } : {}),
  };
}
