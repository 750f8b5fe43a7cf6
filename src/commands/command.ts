import type { InputSource } from '../config/inputs.js';

/** A CLI command. Flags carry the action's input names; `positionals` are the other arguments. */
export interface Command {
  summary: string;
  run(flags: InputSource, positionals: string[]): Promise<number>;
}

/**
 * `--name value`, `--name=value`, or a bare `--name` (true). A repeated flag adds a line, so list
 * inputs read the same as a multiline action input.
 */
export function parseFlags(argv: string[]): { flags: InputSource; positionals: string[] } {
  const raw = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let key = arg.slice(2);
    let value = 'true';
    if (eq > 0) {
      key = arg.slice(2, eq);
      value = arg.slice(eq + 1);
    } else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) {
      value = argv[++i];
    }
    raw.set(key, [...(raw.get(key) ?? []), value]);
  }
  return { flags: (name) => (raw.get(name) ?? []).join('\n'), positionals };
}
