// A CLI command and its flags. Flags are parsed by node:util's parseArgs in strict mode: an unknown
// flag or a misspelling is a usage error with a suggestion (exit 2), never silently ignored.
import { parseArgs } from 'node:util';
import type { InputSource } from '../config/inputs.js';
import { cliFlags, input, INPUT_NAMES, refuseUntaken, type CliCommand } from '../config/declaration.js';

export interface FlagSpec {
  /** A flag that takes no value (`--push`); it may still be given one (`--push=false`). */
  boolean?: boolean;
  /** One line of the usage. */
  help: string;
}

/** A CLI command. Its flags are the inputs src/config/declaration.ts gives it, by their names. */
export interface Command {
  name: CliCommand;
  summary: string;
  /** `buildx-guard <name> …` and what the positionals are. */
  usage: string;
  run(flags: InputSource, positionals: string[]): Promise<number>;
}

function flagSpec(name: string, command?: CliCommand): FlagSpec {
  const d = input(name)!;
  const help = typeof d.help === 'string' ? d.help : (command && d.help?.[command]) || d.description;
  return { ...(d.kind === 'boolean' ? { boolean: true } : {}), help: help.replace(/\.$/, '') };
}

/** A command's flags, from the declaration: exactly the inputs it takes. */
export function flagsOf(command: CliCommand): Record<string, FlagSpec> {
  return Object.fromEntries(cliFlags(command).map((n) => [n, flagSpec(n, command)]));
}

/**
 * Every declared name as a flag: what the parser accepts, so that a declared input a command does
 * not take reaches refuseUntaken (one sentence saying where it is taken) instead of "unknown flag".
 */
export const ALL_FLAGS: Record<string, FlagSpec> = Object.fromEntries(
  INPUT_NAMES.map((n) => [n, flagSpec(n)]),
);

/** A usage error: the message, and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Spellings users bring from Docker's own CLI, and what the flag is called here. */
const DOCKER_SPELLINGS: Record<string, string> = {
  platform: 'platforms',
  tag: 'tags',
  label: 'labels',
  output: 'outputs',
  'build-arg': 'build-args',
  'build-context': 'build-contexts',
  secret: 'secrets',
  annotation: 'annotations',
  attest: 'attests',
  'add-host': 'add-hosts',
  'no-cache-filter': 'no-cache-filters',
  f: 'file',
  t: 'tags',
};

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The flag the user most likely meant, if one is close. */
export function suggest(flag: string, known: string[]): string | undefined {
  if (DOCKER_SPELLINGS[flag] && known.includes(DOCKER_SPELLINGS[flag])) return DOCKER_SPELLINGS[flag];
  const best = known.map((k) => ({ k, d: distance(flag, k) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.max(1, Math.floor(flag.length / 3)) ? best.k : undefined;
}

/**
 * Parses a command's arguments strictly. A repeated flag adds a line, so list inputs read the same
 * as a multiline action input; a boolean flag may be given bare (`--push`).
 */
export function parseFlags(
  argv: string[],
  command: CliCommand,
): { flags: InputSource; positionals: string[] } {
  const spec = ALL_FLAGS;
  const known = Object.keys(spec);
  const own = Object.keys(flagsOf(command));
  // parseArgs on Node 20 cannot negate booleans: a bare boolean flag becomes --name=true, and
  // every flag is read as a string, so --cleanup=false and --cleanup false work too.
  // A value flag takes the next token as its value even when it starts with '-' (a YAML list for
  // --nodes, '-' for stdin), unless that token is itself a --flag.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = a.match(/^--([\w-]+)$/);
    const next = argv[i + 1];
    if (m && spec[m[1]]?.boolean) {
      args.push(next === 'true' || next === 'false' ? a : `${a}=true`);
    } else if (m && spec[m[1]] && next !== undefined && !next.startsWith('--')) {
      args.push(`${a}=${next}`);
      i++;
    } else args.push(a);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(known.map((k) => [k, { type: 'string', multiple: true }])),
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const flag = (e as Error).message.match(/option '(?:-\w, )?--?([\w-]+)/i)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const s = suggest(flag, own);
      throw new UsageError(
        `unknown flag '${flag.length === 1 ? '-' : '--'}${flag}'${s ? `; did you mean '--${s}'?` : ''}`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`flag '--${flag}' needs a value (--${flag} VALUE)`);
    throw new UsageError((e as Error).message);
  }
  const values = parsed.values as Record<string, string[] | undefined>;
  const flags: InputSource = (name) => (values[name] ?? []).join('\n');
  try {
    refuseUntaken('cli', command, flags);
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\.$/, ''));
  }
  return { flags, positionals: parsed.positionals };
}

/** A command's help: usage, summary and every flag. */
export function helpText(c: Command): string {
  const rows = Object.entries(flagsOf(c.name)).map(([k, f]) => `  --${k.padEnd(26)} ${f.help}`);
  return `Usage: ${c.usage}\n\n${c.summary}\n\nFlags:\n${rows.join('\n')}\n  ${'--help, -h'.padEnd(28)} print this help and exit\n`;
}
