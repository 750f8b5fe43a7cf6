// `buildx-guard <command> [--flag value …]`: the action's pipeline for local use and other CI.
import { isUserError } from './config/errors.js';
import { parseFlags, type Command } from './commands/command.js';
import { analyzeCommand } from './commands/analyze.js';
import { buildCommand } from './commands/build.js';
import { classifyCommand } from './commands/classify.js';
import { doctor } from './commands/doctor.js';

const commands: Record<string, Command> = {
  analyze: analyzeCommand,
  build: buildCommand,
  classify: classifyCommand,
  doctor,
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: buildx-guard <command> [--flag value ...]\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || ['--help', '-h', 'help'].includes(name)) {
    (name ? process.stdout : process.stderr).write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(
      `buildx-guard: unknown command '${name}'; commands: ${Object.keys(commands).join(', ')}.\n`,
    );
    return 2;
  }
  const { flags, positionals } = parseFlags(rest);
  try {
    return await command.run(flags, positionals);
  } catch (e) {
    const debug = flags('debug') === 'true' || process.env.RUNNER_DEBUG === '1';
    // Errors name action inputs ("Input 'driver' …"); on the command line they are flags.
    const message = (e instanceof Error ? e.message : String(e)).replace(/Input '([\w-]+)'/g, '--$1');
    process.stderr.write(`buildx-guard ${name}: ${message}\n`);
    if (e instanceof Error && e.stack && (debug || !isUserError(e))) process.stderr.write(`${e.stack}\n`);
    return isUserError(e) ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
