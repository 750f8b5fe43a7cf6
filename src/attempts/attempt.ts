// One `docker buildx build` attempt: stderr streams to a log file and through the trace parser; a
// plain-style rendering goes to the job log as it happens.
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Buildx, RunResult } from '../buildx/buildx.js';
import { TraceParser } from '../trace/parser.js';
import { LineSplitter, withTruncated } from '../trace/read.js';
import type { BuildTrace, Step } from '../trace/types.js';
import { registryHostIn, StallWatch, type Stall, type StallWatchOptions } from './watchdog.js';
import { describeFsError } from '../config/errors.js';
import { renderEvent } from './render.js';

export interface AttemptRun {
  result: RunResult;
  trace: BuildTrace;
  /** The stall watchdog stopped the attempt: a node stopped answering. */
  stall?: Stall;
  /** Why the attempt's log file could not be written (a full or read-only RUNNER_TEMP), if so. */
  logError?: string;
}

export async function runAttempt(
  buildx: Buildx,
  args: string[],
  logFile: string,
  opts: {
    timeoutMs?: number;
    signal?: AbortSignal;
    out: (line: string) => void;
    /** bake: the folder it runs in, extra environment, and its targets (to read step names). */
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    targets?: string[];
    /** The stall watchdog (stall-timeout-seconds), when on. */
    stall?: Omit<StallWatchOptions, 'runningStep' | 'onStall' | 'registryHost'>;
  },
): Promise<AttemptRun> {
  // The log file is a copy for the report; a disk that is full or read-only must not cost the
  // build its verdict: the first write error stops the copy, the parser still sees every line.
  let logError: string | undefined;
  const file = createWriteStream(logFile);
  file.on('error', (e) => (logError ??= `${describeFsError(e)} (${logFile})`));
  // Steps started and not yet completed: what a stall message names.
  const running = new Map<string, Step>();
  const stop = new AbortController();
  // The registry the output named last (`pushing manifest for host/…`): what a registry stall names.
  let registryHost: string | undefined;
  const watch = opts.stall
    ? new StallWatch({
        ...opts.stall,
        runningStep: () => {
          const s = [...running.values()].pop();
          return s ? s.name || s.id : undefined;
        },
        registryHost: () => registryHost,
        onStall: () => stop.abort(),
      })
    : undefined;
  const parser = new TraceParser(
    (e) => {
      if (e.kind === 'started') running.set(e.step.id, e.step);
      else if (e.kind === 'completed') running.delete(e.step.id);
      const line = renderEvent(e);
      if (line !== undefined) opts.out(line);
    },
    { targets: opts.targets },
  );
  const lines = new LineSplitter((l) => parser.push(l));
  const stdout = new LineSplitter((l) => opts.out(l));
  watch?.start();
  const result = await buildx.buildx(args, {
    capture: false,
    timeoutMs: opts.timeoutMs,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    ...(opts.env ? { env: opts.env } : {}),
    signal: opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal,
    onStderr: (chunk) => {
      watch?.progress();
      if (watch) registryHost = registryHostIn(chunk.toString()) ?? registryHost;
      if (!logError) file.write(chunk);
      lines.push(chunk);
    },
    onStdout: (chunk) => stdout.push(chunk),
  });
  watch?.stop();
  lines.end();
  stdout.end();
  // finished() also settles for a stream an earlier write error already destroyed.
  file.end();
  await finished(file).catch(() => {});
  return {
    result,
    trace: withTruncated(parser.finish(), lines.truncated),
    ...(logError ? { logError } : {}),
    ...(watch?.stall ? { stall: watch.stall } : {}),
  };
}
