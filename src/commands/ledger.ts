// `buildx-guard ledger [--file F] [--format text|json|markdown]`: the flake ledger's window (what
// `build --ledger F` appends) as the tables the job summary shows, or the `ledger` output's JSON.
import { existsSync } from 'node:fs';
import { readBounded } from '../fsio/read.js';
import { getChoice } from '../config/inputs.js';
import { UserError } from '../config/errors.js';
import { ledgerMarkdown, ledgerText } from '../ledger/render.js';
import { checkLedger, summarize } from '../ledger/window.js';
import { terminal } from '../joblog.js';
import type { Command } from './command.js';

export const DEFAULT_LEDGER_FILE = '.buildx-guard-ledger.json';

export const ledgerCommand: Command = {
  name: 'ledger',
  usage: 'buildx-guard ledger [--file F] [--format text|json|markdown]',
  summary:
    "print the flake ledger's window (a file build --ledger F appends): per node, category and registry",
  async run(flags) {
    const format = getChoice(flags, 'format', ['text', 'json', 'markdown'] as const, 'text');
    const file = flags('file') || DEFAULT_LEDGER_FILE;
    if (!existsSync(file))
      throw new UserError(
        `No ledger file at ${file}; run 'buildx-guard build --ledger ${file}' to start one, or point --file at one.`,
        'file',
      );
    const checked = checkLedger(readBounded(file, 'ledger'));
    if (typeof checked === 'string')
      throw new UserError(
        `${file} is not a buildx-guard ledger (${checked}); point --file at a file that 'buildx-guard build --ledger' wrote.`,
        'file',
      );
    const { ledger } = checked;
    const last = ledger.entries[ledger.entries.length - 1];
    if (!last)
      throw new UserError(
        `${file} holds no run yet; append one with 'buildx-guard build --ledger ${file}'.`,
        'file',
      );
    const now = new Date(Math.max(Date.now(), Date.parse(last.at)));
    const summary = summarize(ledger, last, now);
    terminal.out(
      format === 'json'
        ? `${JSON.stringify(summary)}\n`
        : format === 'markdown'
          ? `${ledgerMarkdown(summary)}\n`
          : ledgerText(summary),
    );
    return 0;
  },
};
