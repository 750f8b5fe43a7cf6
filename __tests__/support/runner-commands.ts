// The workflow commands the GitHub Actions runner would act on in a step's output, read as the
// runner reads them (actions/runner ActionCommand.TryParseV2 / TryParse, OutputManager):
//  - a line ends at LF, CR or CRLF (.NET StreamReader.ReadLine);
//  - `::name props::data` after leading white space; the legacy `##[name props]data` anywhere;
//  - `::stop-commands::<token>` ignores every command until `::<token>::`.
// .NET's culture-aware StartsWith/IndexOf may skip ignorable characters (format characters,
// combining marks), so they are discounted here too: the model errs on the side of a command.

export interface RunnerCommand {
  name: string;
  data: string;
  legacy: boolean;
  line: string;
}

const IGNORABLE = /[\p{C}\p{M}\p{DI}]/gu;

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function parse(line: string): RunnerCommand | undefined {
  const probe = line.replace(IGNORABLE, '').trimStart();
  if (probe.startsWith('::')) {
    const end = probe.indexOf('::', 2);
    if (end > 2) {
      const info = probe.slice(2, end);
      return { name: info.split(' ')[0], data: unescapeData(probe.slice(end + 2)), legacy: false, line };
    }
  }
  const at = probe.indexOf('##[');
  if (at >= 0) {
    const rb = probe.indexOf(']', at);
    if (rb > at + 3) {
      const info = probe.slice(at + 3, rb);
      return { name: info.split(' ')[0], data: probe.slice(rb + 1), legacy: true, line };
    }
  }
  return undefined;
}

/** A stop-commands of the action's own: a random 128-bit token (src/joblog.ts). */
export function isOwnStop(c: RunnerCommand): boolean {
  return c.name === 'stop-commands' && !c.legacy && /^[0-9a-f]{32}$/.test(c.data);
}

/** Every command in `output` (stop-commands included); with `honourStop: false`, stop-commands is ignored (defence in depth). */
export function runnerCommands(output: string, opts: { honourStop?: boolean } = {}): RunnerCommand[] {
  const honour = opts.honourStop ?? true;
  const commands: RunnerCommand[] = [];
  let stopToken: string | undefined;
  const tokens = new Set<string>();
  for (const line of output.split(/\r\n|\r|\n/)) {
    const c = parse(line);
    if (!c) continue;
    if (stopToken) {
      if (!c.legacy && c.name === stopToken) stopToken = undefined;
      else if (!honour) commands.push(c);
      continue;
    }
    if (c.name === 'stop-commands' && !c.legacy) {
      stopToken = c.data;
      tokens.add(c.data);
      commands.push(c);
      continue;
    }
    if (!honour && tokens.has(c.name)) continue;
    commands.push(c);
  }
  return commands;
}
