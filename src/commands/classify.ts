// `buildx-guard classify`: error text on stdin → {"category","retryable","reason","remedy"} on stdout.
// The text may be a bare error message or a whole pasted log (timestamps, wrappers, quotes): a log is
// read like `analyze` reads it, so both commands agree.
import { parseConfig } from '../config/config.js';
import { classify } from '../diagnosis/classify.js';
import { parseTrace } from '../trace/parser.js';
import { failureText, failingStep } from '../trace/query.js';
import { DEBUG_FLAG, UsageError, type Command } from './command.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** What to classify: the failure as the trace reads it, or the text itself when it shows none. */
export function classifiedText(text: string): string {
  const trace = parseTrace(text);
  return trace.error || failingStep(trace) || trace.crashed ? failureText(trace) : text;
}

export const classifyCommand: Command = {
  usage: 'buildx-guard classify [--retry-patterns RE] < error.txt',
  flags: {
    'retry-patterns': { help: 'extra regular expressions whose match makes a failure retryable' },
    debug: DEBUG_FLAG,
  },
  summary:
    'classify build error text (or a whole log) read from stdin (--retry-patterns adds transient patterns)',
  async run(flags) {
    const { retry } = parseConfig(flags, {});
    if (process.stdin.isTTY) {
      throw new UsageError(
        'classify reads the error text (or a whole build log) on stdin: buildx-guard classify < build.log, or docker buildx build . 2>&1 | buildx-guard classify',
      );
    }
    const c = classify(classifiedText(await readStdin()), { retryPatterns: retry.patterns });
    process.stdout.write(
      `${JSON.stringify({ category: c.category, retryable: c.retryable, reason: c.reason, ...(c.remedy ? { remedy: c.remedy } : {}) })}\n`,
    );
    return 0;
  },
};
