// `buildx-guard <command> [--flag value …]`: the action's pipeline for local use and other CI.
// Exit codes: 0 success, 1 the command's verdict (a failed build, findings at the threshold), 2 usage,
// 3 the builder or a node did not come up (infrastructure, not the build).
import { isUserError } from './config/errors.js';
import { helpText, parseFlags, suggest, UsageError, type Command } from './commands/command.js';
import { analyzeCommand } from './commands/analyze.js';
import { bakeCommand, buildCommand } from './commands/build.js';
import { classifyCommand } from './commands/classify.js';
import { doctor } from './commands/doctor.js';
import { mergeCommand } from './commands/merge.js';
import { ledgerCommand } from './commands/ledger.js';
import { VERSION } from './version.js';
import { terminal } from './joblog.js';

const commands: Record<string, Command> = {
  analyze: analyzeCommand,
  build: buildCommand,
  bake: bakeCommand,
  classify: classifyCommand,
  doctor,
  merge: mergeCommand,
  ledger: ledgerCommand,
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: buildx-guard <command> [--flag value ...]\n\nCommands:\n${lines.join('\n')}\n\nRun 'buildx-guard <command> --help' for a command's flags; 'buildx-guard --version' for the version.\nExit codes: 0 success, 1 the command's verdict (a failed build, findings at the threshold), 2 usage or set-up (a bad flag, a missing buildx plugin), 3 the builder or a node did not come up.\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    terminal.out(`buildx-guard ${VERSION}\n`);
    return 0;
  }
  if (!name || ['--help', '-h', 'help'].includes(name)) {
    (name ? terminal.out : terminal.err)(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    const s = suggest(name, Object.keys(commands));
    terminal.err(
      `buildx-guard: unknown command '${name}'${s ? `; did you mean '${s}'?` : ''} Commands: ${Object.keys(commands).join(', ')}.\n`,
    );
    return 2;
  }
  // Help does nothing else: no builder, no stdin.
  if (rest.includes('--help') || rest.includes('-h')) {
    terminal.out(helpText(command));
    return 0;
  }
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(rest, command.name);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const end = /[?.]$/.test(e.message) ? '' : '.';
    terminal.err(
      `buildx-guard ${name}: ${e.message}${end} Run 'buildx-guard ${name} --help' for its flags.\n`,
    );
    return 2;
  }
  const { flags, positionals } = parsed;
  try {
    return await command.run(flags, positionals);
  } catch (e) {
    const debug = flags('debug') === 'true' || process.env.RUNNER_DEBUG === '1';
    // Errors name action inputs ("Input 'driver' …"); on the command line they are flags.
    const message = (e instanceof Error ? e.message : String(e)).replace(/Input '([\w-]+)'/g, '--$1');
    terminal.err(`buildx-guard ${name}: ${message}\n`);
    const usersOwn = isUserError(e) || e instanceof UsageError;
    if (e instanceof Error && e.stack && (debug || !usersOwn)) terminal.err(`${e.stack}\n`);
    return usersOwn ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
