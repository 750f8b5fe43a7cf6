// The one declaration of every input (src/config/declaration.ts), walked: for every command of both
// adapters (the action's modes: build, bake, merge, setup with build: false; the CLI's commands) and
// every declared input, setting the input either has an effect on what that command does, or is
// refused with one sentence naming it. Never accepted and ignored. A new input without a sample
// here does not compile; a new input wired into one command and not the other fails here.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { bakeArgs } from '../../../src/attempts/bake.js';
import { buildCommand } from '../../../src/attempts/args.js';
import { bakeConfig, buildConfig } from '../../../src/commands/build.js';
import { ALL_FLAGS, helpText, parseFlags, UsageError } from '../../../src/commands/command.js';
import { mergeConfig } from '../../../src/commands/merge.js';
import { terminalReport } from '../../../src/commands/session.js';
import { parseConfig, type Config } from '../../../src/config/config.js';
import {
  ACTION_MODES,
  CLI_COMMANDS,
  cliFlags,
  input,
  INPUT_NAMES,
  takes,
  type ActionMode,
  type CliCommand,
  type InputName,
} from '../../../src/config/declaration.js';
import { UserError } from '../../../src/config/errors.js';
import type { InputSource } from '../../../src/config/inputs.js';
import { repoRoot } from '../../support/paths.js';

const REF = (d: string) => `registry.test/app@sha256:${d.repeat(64)}`;

/** A value other than the default for every declared input. */
const SAMPLE: Record<InputName, string> = {
  driver: 'kubernetes',
  name: 'given-name',
  builder: 'existing-builder',
  nodes: '- name: a\n  endpoint: ctx-a',
  endpoint: 'ctx-one',
  'driver-opts': 'image=moby/buildkit:latest',
  'buildkitd-flags': '--debug',
  'buildkitd-config-inline': '[worker.oci]\n  max-parallelism = 4',
  'bootstrap-timeout': '30',
  'bootstrap-retries': '1',
  cleanup: 'false',
  build: 'false',
  context: 'sub',
  file: 'Dockerfile.other',
  tags: 'registry.test/app:1',
  labels: 'a=b',
  platforms: 'linux/arm64',
  push: 'true',
  load: 'true',
  outputs: 'type=local,dest=out',
  target: 'stage',
  'build-args': 'A=1',
  'build-contexts': 'base=docker-image://alpine',
  secrets: 'id=value',
  'secret-files': 'f=/tmp/f',
  'secret-envs': 'e=HOME',
  ssh: 'default',
  'cache-from': 'type=registry,ref=registry.test/cache',
  'cache-to': 'type=inline',
  'no-cache': 'true',
  'no-cache-filters': 'stage',
  pull: 'true',
  network: 'host',
  'add-hosts': 'h:10.0.0.1',
  allow: 'network.host',
  'shm-size': '2g',
  ulimit: 'nofile=1024:1024',
  'cgroup-parent': 'parent',
  annotations: 'index:k=v',
  'merge-sources': REF('1'),
  files: 'other.hcl',
  targets: 'app',
  set: 'app.tags=x',
  workdir: 'sub',
  source: 'https://example.test/o/r.git',
  'bake-isolation': 'targets',
  'bake-parallelism': '2',
  provenance: 'mode=max',
  sbom: 'true',
  attests: 'type=sbom',
  call: 'check',
  'github-token': 'token-value',
  'max-attempts': '5',
  'retry-wait-seconds': '3',
  'retry-max-wait-seconds': '60',
  'attempt-timeout-minutes': '5',
  'stall-timeout-seconds': '60',
  'retry-patterns': 'flaky',
  'max-crash-retries': '2',
  comment: 'off',
  summary: 'compact',
  annotate: 'false',
  'check-run': 'true',
  'report-key': 'leg-a',
  'sarif-file': 'out.sarif',
  'fail-on-findings': 'error',
  'context-size-warn-mb': '10',
  baseline: 'false',
  ledger: 'false',
  'regression-threshold': '50',
  'cache-mode': 'local',
  sources: REF('2'),
  'report-file': 'report.md',
  timings: 'true',
  format: 'json',
  log: 'build.log',
  dockerfile: 'Dockerfile',
  'bake-file': 'docker-bake.json',
  'fail-on-failure': 'true',
  'exit-code': 'true',
  debug: 'true',
};

/** What an input means something only beside (and is refused without). */
const NEEDS: Partial<Record<InputName, Record<string, string>>> = {
  'bake-parallelism': { 'bake-isolation': 'targets' },
};

const from =
  (inputs: Record<string, string>): InputSource =>
  (name) =>
    inputs[name] ?? '';

// The default builder name is random (unique per step): fixed here, so two parses compare.
beforeAll(() => jest.spyOn(Math, 'random').mockReturnValue(0.5));
afterAll(() => jest.restoreAllMocks());

const FILES = { builder: 'b', metadataFile: 'm', iidFile: 'i', secretSpecs: [] };

/**
 * What each of the action's modes reads of the Config: the mode's argv for docker buildx (built by
 * the real argv builders), and the settings its stages read. A field left out is one the mode never
 * reads, so an input that only changes it has no effect there.
 */
const ACTION_VIEW: Record<ActionMode, (c: Config) => unknown> = {
  build: (c) => ({
    builder: c.builder,
    enabled: c.build.enabled,
    argv: buildCommand(c.build, FILES, {}), // the argv and the environment (build-args' values)
    secrets: [c.build.secrets, c.build.secretFiles, c.build.secretEnvs], // --secret (secrets.ts)
    token: c.build.githubToken,
    cacheMode: c.build.cacheMode,
    retry: c.retry,
    report: c.report,
  }),
  bake: (c) => ({
    builder: c.builder,
    enabled: c.build.enabled,
    bake: c.bake,
    argv: c.bake ? bakeArgs(c.bake, c.build, FILES) : [],
    token: c.build.githubToken,
    retry: c.retry,
    report: c.report,
  }),
  // merge.ts reads the sources, tags, annotations and the retry (stall-timeout-seconds included:
  // imagetools' silence is a registry stall); the report has no baseline and no build context.
  merge: (c) => ({
    merge: c.merge,
    tags: c.build.tags,
    annotations: c.build.annotations,
    retry: c.retry,
    report: { ...c.report, baseline: true, regressionThreshold: 0, contextSizeWarnMb: 0 },
    token: c.build.githubToken,
  }),
  setup: (c) => ({ builder: c.builder, enabled: c.build.enabled }),
};
const ACTION_BASE: Record<ActionMode, Record<string, string>> = {
  build: {},
  bake: { files: 'docker-bake.hcl' },
  merge: { 'merge-sources': REF('0'), tags: 'registry.test/app:base' },
  setup: { build: 'false' },
};
const modeOf = (c: Config): ActionMode =>
  c.merge ? 'merge' : !c.build.enabled ? 'setup' : c.bake ? 'bake' : 'build';
/** The inputs whose value chooses what the step does. */
const SELECTORS = ['build', 'merge-sources', 'files', 'targets', 'set', 'workdir', 'source'];

function outcome(fn: () => unknown): { value?: unknown; error?: Error } {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: e as Error };
  }
}

describe.each(ACTION_MODES)('the action, mode %s', (mode) => {
  const base = ACTION_BASE[mode];
  const before = parseConfig(from(base), {});
  test('the base inputs select the mode', () => expect(modeOf(before)).toBe(mode));
  const actionInputs = INPUT_NAMES.filter((n) => input(n)!.action?.length);
  test.each(actionInputs)('%s: an effect, or refused naming it', (name) => {
    const d = input(name)!;
    if (base[name] === SAMPLE[name]) return expect(takes('action', mode, name)).toBe(true);
    const needs = takes('action', mode, name) ? (NEEDS[name] ?? {}) : {};
    const r = outcome(() => parseConfig(from({ ...base, ...needs, [name]: SAMPLE[name] }), {}));
    if (r.error) {
      expect(r.error).toBeInstanceOf(UserError);
      // A selector that switches to a mode refusing the base's own inputs (bake with build: false).
      if (!r.error.message.includes(`'${name}'`)) return expect(SELECTORS).toContain(name);
      // Refused: only an input the mode does not take (a sample value is valid where it is taken).
      expect({ name, taken: takes('action', mode, name) }).toEqual({ name, taken: false });
      expect(r.error.message).toContain(`'${name}'`);
      return;
    }
    const after = r.value as Config;
    if (modeOf(after) !== mode) return expect(SELECTORS).toContain(name);
    if (d.alwaysSet && !takes('action', mode, name)) return; // the runner's own default: not refused
    expect({ name, taken: takes('action', mode, name) }).toEqual({ name, taken: true });
    expect(ACTION_VIEW[mode](after)).not.toEqual(
      ACTION_VIEW[mode](parseConfig(from({ ...base, ...needs }), {})),
    );
  });
});

const omit = (o: object, ...keys: string[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** The CLI commands that read the Config, through the command's own mapping of its flags. */
const CLI_CONFIG: Partial<Record<CliCommand, (f: InputSource) => unknown>> = {
  build: (f) => {
    const c = buildConfig(f, []);
    // The terminal has no Actions cache (no baseline, no local cache) and no PR: terminalReport.
    const report = omit(terminalReport(c.report, f('report-file')), 'baseline', 'regressionThreshold');
    return { ...omit(ACTION_VIEW.build(c) as object, 'cacheMode'), report, debug: c.debug };
  },
  bake: (f) => {
    const c = bakeConfig(f, []);
    const report = omit(terminalReport(c.report, f('report-file')), 'baseline', 'regressionThreshold');
    return { ...(ACTION_VIEW.bake(c) as object), report, debug: c.debug };
  },
  merge: (f) => {
    const c = mergeConfig(f);
    return {
      ...(ACTION_VIEW.merge(c) as object),
      report: ACTION_VIEW.merge({ ...c, report: terminalReport(c.report, f('report-file')) }),
      debug: c.debug,
    };
  },
  doctor: (f) => {
    const c = parseConfig(f, {});
    return { builder: c.builder, platforms: c.build.platforms, debug: c.debug };
  },
};
const CLI_BASE: Partial<Record<CliCommand, Record<string, string>>> = {
  merge: { sources: REF('0'), tags: 'registry.test/app:base' },
};

/**
 * Flags whose effect is on what the command prints, shown by running the bundled CLI below (with no
 * docker on PATH), or by an end-to-end test on the test bed (named).
 */
const PRINTED: Partial<Record<CliCommand, string[]>> = {
  analyze: [
    'log',
    'dockerfile',
    'bake-file',
    'format',
    'context-size-warn-mb',
    'fail-on-findings',
    'fail-on-failure',
    'debug',
  ],
  classify: ['retry-patterns', 'format', 'exit-code', 'debug'],
  doctor: ['format'],
  ledger: ['file', 'format'],
};
const END_TO_END: Partial<Record<CliCommand, Record<string, string>>> = {
  build: {
    timings: '__tests__/e2e/cli.test.ts: build --timings prints where the time went',
    ledger: '__tests__/e2e/ledger.test.ts: build --ledger FILE appends a run, ledger --file prints it',
  },
  bake: {
    timings: 'the same Timings as build (src/commands/build.ts runOnTerminal)',
    ledger: 'the same ledger store as build (src/commands/build.ts runOnTerminal)',
  },
};

describe.each(CLI_COMMANDS)('buildx-guard %s', (command) => {
  const base = CLI_BASE[command] ?? {};
  const argv = (inputs: Record<string, string>) => Object.entries(inputs).map(([k, v]) => `--${k}=${v}`);
  test('--help lists exactly the flags it takes', () => {
    const help = helpText({ name: command, summary: '', usage: '', run: async () => 0 });
    const listed = [...help.matchAll(/^ {2}--([\w-]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual(cliFlags(command));
  });
  test.each(INPUT_NAMES)('--%s: an effect, or refused naming it', (name) => {
    const needs = takes('cli', command, name) ? (NEEDS[name] ?? {}) : {};
    const args = argv({ ...base, ...needs, [name]: SAMPLE[name] });
    if (!takes('cli', command, name)) {
      const r = outcome(() => parseFlags(args, command));
      expect(r.error).toBeInstanceOf(UsageError);
      expect(r.error!.message).toContain(`--${name} is not a flag of 'buildx-guard ${command}'`);
      return;
    }
    const flags = parseFlags(args, command).flags;
    expect(flags(name)).toBe(base[name] === SAMPLE[name] ? base[name] : SAMPLE[name]);
    if (PRINTED[command]?.includes(name) || END_TO_END[command]?.[name]) return;
    const view = CLI_CONFIG[command];
    expect({ name, command, readsConfig: !!view }).toEqual({ name, command, readsConfig: true });
    expect(view!(flags)).not.toEqual(view!(parseFlags(argv({ ...base, ...needs }), command).flags));
  });
});

test('every flag is a declared input, and the parser knows them all', () => {
  expect(Object.keys(ALL_FLAGS)).toEqual(INPUT_NAMES);
});

// The printed effects, on the committed bundle (as __tests__/unit/repo/cli.test.ts runs it).
const cli = join(repoRoot, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'bxg-decl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function run(args: string[], input = ''): Promise<string> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { env: { PATH: '' } }, (err, stdout, stderr) =>
      resolve(`exit ${err ? err.code : 0}\n${stdout}\n${stderr}`),
    );
    child.stdin?.end(input);
  });
}

test('the printed flags change what the command prints', async () => {
  const fixtures = join(repoRoot, '__fixtures__', 'logs');
  const failing = join(repoRoot, '__fixtures__', 'corpus', 'wild-logs', '01.log');
  const bake = join(fixtures, 'bake-failing');
  const bakeFile = join(dir, 'docker-bake.json');
  const ledgerFile = join(dir, 'ledger.json');
  writeFileSync(
    ledgerFile,
    JSON.stringify({
      version: 1,
      entries: [{ at: '2026-12-01T00:00:00.000Z', run: '1-1', attempts: 1, nodes: [], events: [] }],
    }),
  );
  writeFileSync(
    bakeFile,
    JSON.stringify({ target: { test: { context: bake, dockerfile: 'test.Dockerfile' } } }),
  );
  const cases: [CliCommand, string, string[], string[], string?][] = [
    ['analyze', 'log', ['--log', failing], ['--log', join(fixtures, 'lint', '0.29.1-plain.log')]],
    [
      'analyze',
      'dockerfile',
      ['--log', join(fixtures, 'missing-copy', '0.29.1-plain.log')],
      ['--dockerfile', join(fixtures, 'missing-copy', 'Dockerfile')],
    ],
    ['analyze', 'bake-file', ['--log', join(bake, '0.29.1-rawjson.log')], ['--bake-file', bakeFile]],
    ['analyze', 'format', ['--log', failing], ['--format', 'json']],
    [
      'analyze',
      'context-size-warn-mb',
      ['--log', join(fixtures, 'large-context', '0.29.1-plain.log')],
      ['--context-size-warn-mb', '100000'],
    ],
    ['analyze', 'fail-on-findings', ['--log', failing], ['--fail-on-findings', 'error']],
    ['analyze', 'fail-on-failure', ['--log', failing], ['--fail-on-failure']],
    ['analyze', 'debug', ['--log', join(dir, 'missing.log')], ['--debug']],
    ['classify', 'retry-patterns', [], ['--retry-patterns', 'no such file'], 'no such file or directory'],
    ['classify', 'format', [], ['--format', 'text'], 'no such file or directory'],
    ['classify', 'exit-code', [], ['--exit-code'], 'no such file or directory'],
    ['classify', 'debug', ['--retry-patterns', '(a+)+'], ['--debug'], 'x'],
    ['doctor', 'format', [], ['--format', 'json']],
    ['ledger', 'file', [], ['--file', ledgerFile]],
    ['ledger', 'format', ['--file', ledgerFile], ['--format', 'json']],
  ];
  const covered = cases.map(([c, n]) => `${c} ${n}`);
  expect(covered.sort()).toEqual(
    Object.entries(PRINTED)
      .flatMap(([c, ns]) => ns.map((n) => `${c} ${n}`))
      .sort(),
  );
  for (const [command, name, baseArgs, flag, stdin] of cases) {
    const without = await run([command, ...baseArgs], stdin);
    const withFlag = await run([command, ...baseArgs, ...flag], stdin);
    expect({ command, name, differs: withFlag !== without }).toEqual({ command, name, differs: true });
  }
}, 60_000);
