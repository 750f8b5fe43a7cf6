// `buildx-guard ledger [--file F] [--format text|json|markdown]`: the flake ledger's window (what
// `build --ledger F` appends) as the tables the job summary shows, or the `ledger` output's JSON.
// And the one check of a ledger file the CLI reads or appends (`readLedgerFlag`): a bad path or a
// file this version cannot read is one sentence (exit 2) before anything runs, never a lost history.
import { accessSync, constants, existsSync, lstatSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readBounded } from '../fsio/read.js';
import { getChoice } from '../config/inputs.js';
import { describeFsError, isUserError, UserError } from '../config/errors.js';
import { ledgerMarkdown, ledgerText } from '../ledger/render.js';
import { fileLedgerStore, type LedgerStore } from '../ledger/store.js';
import { checkLedger, summarize, type Ledger, type LedgerSummary } from '../ledger/window.js';
import { terminal } from '../joblog.js';
import type { Command } from './command.js';

export const DEFAULT_LEDGER_FILE = '.buildx-guard-ledger.json';

function lstatOrNone(file: string, flag: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(
      `--${flag} ${file} cannot be read (${describeFsError(e)}); point --${flag} at a file you can read.`,
      flag,
    );
  }
}

/**
 * The ledger in `file`, checked whole: undefined when there is none yet. A folder, a FIFO, a file
 * that is not a ledger or is a newer version's is refused with one sentence. For `--ledger` (the
 * file is appended to, so replaced by what this version understands) a symbolic link and a file
 * with an entry this version cannot read are refused too: the rest of its history would be lost.
 */
export function readLedgerFlag(
  file: string,
  flag: 'file' | 'ledger',
): { ledger: Ledger; dropped: number } | undefined {
  const st = lstatOrNone(file, flag);
  if (!st) return undefined;
  const kept = flag === 'ledger' ? ' (this one was left as it is)' : '';
  if (st.isDirectory())
    throw new UserError(
      `--${flag} ${file} is a folder; point --${flag} at a file, such as ${join(file, DEFAULT_LEDGER_FILE)}.`,
      flag,
    );
  if (flag === 'ledger' && st.isSymbolicLink())
    throw new UserError(
      `--ledger ${file} is a symbolic link; point --ledger at the file itself (the append would replace the link).`,
      flag,
    );
  let text: string;
  try {
    text = readBounded(file, 'ledger');
  } catch (e) {
    if (isUserError(e)) throw e;
    throw new UserError(
      `--${flag} ${file} cannot be read (${describeFsError(e)}); point --${flag} at a file you can read.`,
      flag,
    );
  }
  const checked = checkLedger(text);
  if (typeof checked === 'string') {
    const version = newerVersion(text);
    throw new UserError(
      version
        ? `${file} is a version ${version} ledger, written by a newer buildx-guard; use that version with it (this one reads version 1)${kept}.`
        : `${file} is not a buildx-guard ledger (${checked}); point --${flag} at a file that 'buildx-guard build --ledger' wrote${kept}.`,
      flag,
    );
  }
  if (checked.dropped && flag === 'ledger')
    throw new UserError(
      `${file} has ${checked.dropped} entr${checked.dropped === 1 ? 'y' : 'ies'} this buildx-guard cannot read (a newer version's, or edited by hand); append with the version that wrote them, or point --ledger at another file${kept}.`,
      flag,
    );
  return checked;
}

/** The version of a ledger newer than this code reads, when the text says so. */
function newerVersion(text: string): number | undefined {
  try {
    const v = (JSON.parse(text) as { version?: unknown }).version;
    return typeof v === 'number' && Number.isInteger(v) && v > 1 ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `build --ledger FILE` (and `bake`): checked before the builder boots (exit 2, the file untouched),
 * then the store that appends to it. A write that still fails after the build (a full disk) is one
 * line on stderr, the build's exit code unchanged and the file as it was (written beside it, then
 * renamed: src/ledger/store.ts).
 */
export function ledgerFlagStore(file: string, warn: (m: string) => void): LedgerStore {
  if (file === 'true' || file === 'false')
    throw new UserError(
      `--ledger takes a file in the CLI (the action's ledger: ${file} is its Actions cache switch); give a path such as --ledger ${DEFAULT_LEDGER_FILE}, or leave the flag out for no ledger.`,
      'ledger',
    );
  // Read and checked once, here: the run appends to this (restore reads the file no more).
  const checked = readLedgerFlag(file, 'ledger');
  const dir = dirname(resolve(file));
  if (!existsSync(dir))
    throw new UserError(
      `The folder ${dir} of --ledger ${file} does not exist; create it (mkdir -p ${dir}) or point --ledger at a file in an existing folder.`,
      'ledger',
    );
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new UserError(
      `--ledger ${file} cannot be written: its folder ${dir} is not writable (${describeFsError(e)}); point --ledger at a file in a folder you can write.`,
      'ledger',
    );
  }
  // The file store's one message on save is its failure: said on stderr, not at debug level.
  const store = fileLedgerStore(file, (m) =>
    warn(`${m.replace(/\.$/, '')} (the build result is unchanged; the ledger file is as it was).`),
  );
  return { ...store, restore: async () => checked?.ledger };
}

/** The terminal's one line after `build --ledger FILE`: the window's counts, and how to see them. */
export function ledgerLine(file: string, s: LedgerSummary): string {
  const incidents = s.categories.reduce((n, c) => n + c.incidents, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `Flake ledger ${file}: ${plural(s.window.runs, 'run')}, ${plural(incidents, 'incident')} (this run: ${s.thisRun.recovered} recovered, ${s.thisRun.notRecovered} not recovered); 'buildx-guard ledger --file ${file}' prints the tables.`;
}

export const ledgerCommand: Command = {
  name: 'ledger',
  usage: 'buildx-guard ledger [--file F] [--format text|json|markdown]',
  summary:
    "print the flake ledger's window (a file build --ledger F appends): per node, category and registry",
  async run(flags) {
    const format = getChoice(flags, 'format', ['text', 'json', 'markdown'] as const, 'text');
    const file = flags('file') || DEFAULT_LEDGER_FILE;
    const checked = readLedgerFlag(file, 'file');
    if (!checked)
      throw new UserError(
        `No ledger file at ${file}; run 'buildx-guard build --ledger ${file}' to start one, or point --file at one.`,
        'file',
      );
    const { ledger, dropped } = checked;
    if (dropped)
      terminal.err(
        `buildx-guard ledger: ${dropped} entr${dropped === 1 ? 'y' : 'ies'} of ${file} left out: this version cannot read ${dropped === 1 ? 'it' : 'them'} (a newer version's, or edited by hand).\n`,
      );
    const last = ledger.entries[ledger.entries.length - 1];
    if (!last)
      throw new UserError(
        `${file} holds no run yet; append one with 'buildx-guard build --ledger ${file}'.`,
        'file',
      );
    // "This run" of the output is the file's newest entry: the last run that appended to it.
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
