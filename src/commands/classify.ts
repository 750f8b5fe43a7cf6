// `buildx-guard classify`: error text on stdin → {"category","retryable","reason","remedy"} on stdout.
// The text may be a bare error message or a whole pasted log (timestamps, wrappers, quotes): a log is
// read like `analyze` reads it, so both commands agree.
import { parseConfig } from '../config/config.js';
import { getBoolean, getChoice } from '../config/inputs.js';
import { classify, readFailure } from '../diagnosis/classify.js';
import { parseTrace } from '../trace/parser.js';
import { failureHints, failureText, failingStep } from '../trace/query.js';
import { UsageError, type Command } from './command.js';
import { terminal } from '../joblog.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** What to classify: the failure as the trace reads it, or the text itself when it shows none. */
export function classifiedText(text: string): string {
  return classifiedInput(text).text;
}

/** The text, and what the trace knows of the failure (the failing vertex) for the reading. */
export function classifiedInput(text: string): { text: string; hints: ReturnType<typeof failureHints> } {
  const trace = parseTrace(text);
  return trace.error || failingStep(trace) || trace.crashed
    ? { text: failureText(trace), hints: failureHints(trace) }
    : { text, hints: {} };
}

export const classifyCommand: Command = {
  usage: 'buildx-guard classify [--retry-patterns RE] [--format json|text] [--exit-code] < error.txt',
  name: 'classify',
  summary:
    'classify build error text (or a whole log) read from stdin (--retry-patterns adds transient patterns)',
  async run(flags) {
    const { retry } = parseConfig(flags, {});
    const format = getChoice(flags, 'format', ['json', 'text'] as const, 'json');
    const exitCode = getBoolean(flags, 'exit-code', false);
    if (process.stdin.isTTY) {
      throw new UsageError(
        'classify reads the error text (or a whole build log) on stdin: buildx-guard classify < build.log, or docker buildx build . 2>&1 | buildx-guard classify',
      );
    }
    const input = classifiedInput(await readStdin());
    const c = classify(input.text, { ...input.hints, retryPatterns: retry.patterns });
    const { operation } = readFailure(input.text, input.hints);
    terminal.out(
      format === 'text'
        ? `${c.category} (${c.retryable ? 'transient: worth a retry' : 'not transient: a retry will fail the same way'}): ${c.reason}${c.remedy ? `\nremedy: ${c.remedy}` : ''}\n`
        : `${JSON.stringify({ category: c.category, retryable: c.retryable, reason: c.reason, ...(c.remedy ? { remedy: c.remedy } : {}), operation })}\n`,
    );
    // Exit codes: with --exit-code, 0 transient and 1 not; else 0 whatever the verdict (2 is usage).
    return exitCode && !c.retryable ? 1 : 0;
  },
};
