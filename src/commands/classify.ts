// `buildx-guard classify`: error text on stdin → {"category","retryable","reason"} on stdout.
import { classify } from '../build/classify.js';
import { parseConfig } from '../config/config.js';
import type { Command } from './command.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const classifyCommand: Command = {
  summary: 'classify build error text read from stdin (--retry-patterns adds transient patterns)',
  async run(flags) {
    const { retry } = parseConfig(flags, {});
    const c = classify(await readStdin(), { retryPatterns: retry.patterns });
    process.stdout.write(
      `${JSON.stringify({ category: c.category, retryable: c.retryable, reason: c.reason })}\n`,
    );
    return 0;
  },
};
