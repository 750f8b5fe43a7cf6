#!/usr/bin/env node
import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);

// src/config/errors.ts
var UserError = class extends Error {
  constructor(message, input) {
    super(message);
    this.input = input;
    this.name = "UserError";
  }
  input;
};
function isUserError(e) {
  return e instanceof UserError;
}

// src/commands/command.ts
function parseFlags(argv) {
  const raw = /* @__PURE__ */ new Map();
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--") || arg === "--") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    let key = arg.slice(2);
    let value = "true";
    if (eq > 0) {
      key = arg.slice(2, eq);
      value = arg.slice(eq + 1);
    } else if (argv[i + 1] !== void 0 && !argv[i + 1].startsWith("--")) {
      value = argv[++i];
    }
    raw.set(key, [...raw.get(key) ?? [], value]);
  }
  return { flags: (name) => (raw.get(name) ?? []).join("\n"), positionals };
}

// src/cli.ts
var commands = {};
function usage() {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: buildx-guard <command> [--flag value ...]

Commands:
${lines.join("\n")}
`;
}
async function main(argv) {
  const [name, ...rest] = argv;
  if (!name || ["--help", "-h", "help"].includes(name)) {
    (name ? process.stdout : process.stderr).write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(
      `buildx-guard: unknown command '${name}'; commands: ${Object.keys(commands).join(", ")}.
`
    );
    return 2;
  }
  const { flags, positionals } = parseFlags(rest);
  try {
    return await command.run(flags, positionals);
  } catch (e) {
    const debug = flags("debug") === "true" || process.env.RUNNER_DEBUG === "1";
    process.stderr.write(`buildx-guard ${name}: ${e instanceof Error ? e.message : String(e)}
`);
    if (e instanceof Error && e.stack && (debug || !isUserError(e))) process.stderr.write(`${e.stack}
`);
    return isUserError(e) ? 2 : 1;
  }
}
process.exitCode = await main(process.argv.slice(2));
export {
  main
};
//# sourceMappingURL=cli.js.map
