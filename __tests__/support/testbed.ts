// Helpers for e2e tests on the test bed: buildx of a chosen version, bridges with faults, busybox
// contexts without a registry, and the bundled action run exactly as the runner runs it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeBridge } from '../../scripts/testbed/bridge.mjs';
import { startContainerdStoreDaemon as startStoreDaemon } from '../../scripts/testbed/containerd-store.mjs';
import { repoRoot } from './paths.js';

export const repo = repoRoot;
export type BuildxVersion = '0.29.1' | '0.13.1';
export const BUILDX_VERSIONS: BuildxVersion[] = ['0.29.1', '0.13.1'];

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: the e2e global setup did not start the test bed engine.`);
  return v;
}

/** Unix sockets (paths) of the test bed's daemons, one per node. */
export function daemonSockets(): string[] {
  return need('BUILDX_GUARD_DOCKER_HOSTS')
    .split(' ')
    .map((h) => h.replace(/^unix:\/\//, ''));
}

/** The environment for a buildx version: its own DOCKER_CONFIG (plugin and builder store). */
export function buildxEnv(
  version: BuildxVersion = '0.29.1',
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  const config = need(version === '0.29.1' ? 'BUILDX_GUARD_CONFIG_0_29_1' : 'BUILDX_GUARD_CONFIG_0_13_1');
  return { ...process.env, DOCKER_CONFIG: config, ...extra };
}

/** Runs a command asynchronously, so bridges in this process keep serving while it runs. */
export function exec(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {},
): Promise<Result> {
  return new Promise((resolve, reject) => {
    // No input: stdin is /dev/null. With input, a command that exits without reading it (its
    // stdin closed first) is not an error of ours: its exit code says how it ended.
    const child = spawn(cmd, args, {
      env: opts.env ?? process.env,
      cwd: opts.cwd,
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    if (opts.input !== undefined) {
      child.stdin!.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') reject(e);
      });
      child.stdin!.end(opts.input);
    }
  });
}

export function docker(
  args: string[],
  version: BuildxVersion = '0.29.1',
  extra: NodeJS.ProcessEnv = {},
): Promise<Result> {
  return exec('docker', args, { env: buildxEnv(version, extra) });
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/** Bridges opened by a test file; close them all in afterAll with `closeBridges()`. */
const bridges: NodeBridge[] = [];

export async function startBridge(daemon: number, fault: string | null = null): Promise<NodeBridge> {
  const sockets = daemonSockets();
  if (daemon >= sockets.length)
    throw new Error(`the test bed has ${sockets.length} daemons, not ${daemon + 1}`);
  const bridge = new NodeBridge({ socketPath: sockets[daemon], fault });
  bridges.push(bridge);
  return bridge.start();
}

/** A bridge whose port is bound but never listens again: a node with nothing listening. */
export async function deadEndpoint(): Promise<string> {
  const bridge = await startBridge(0, 'refuse');
  return bridge.endpoint;
}

export async function closeBridges(): Promise<void> {
  await Promise.all(bridges.splice(0).map((b) => b.close()));
}

export async function removeBuilder(name: string, version: BuildxVersion = '0.29.1'): Promise<void> {
  await docker(['buildx', 'rm', '--force', name], version).catch(() => undefined);
}

/** The image every test builds on: busybox from Debian, no registry involved. */
export const BUSYBOX_BASE = `FROM scratch AS busybox
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
`;

/** A build context with the amd64 busybox, a Dockerfile and extra files; removed by `cleanupDirs()`. */
const dirs: string[] = [];
export function busyboxContext(
  dockerfile: string,
  files: Record<string, string | Buffer> = {},
  arch: 'amd64' | 'arm64' = 'amd64',
): string {
  const dir = mkdtempSync(join(tmpdir(), 'bxg-ctx-'));
  dirs.push(dir);
  copyFileSync(
    need(arch === 'amd64' ? 'BUILDX_GUARD_BUSYBOX_AMD64' : 'BUILDX_GUARD_BUSYBOX_ARM64'),
    join(dir, 'busybox'),
  );
  if (arch === 'arm64') copyFileSync(need('BUILDX_GUARD_BUSYBOX_AMD64'), join(dir, 'busybox-amd64'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function tempDir(prefix = 'bxg-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function cleanupDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface ActionRun {
  main: Result;
  post: Result;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` blocks, as @actions/core writes). */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^([^<=]+)<<(.+)$/);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const eq = lines[i].indexOf('=');
      out[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
    }
  }
  return out;
}

/** The environment the runner gives the action: INPUT_* variables and fresh command files. */
export function actionEnv(
  inputs: Record<string, string>,
  opts: { version?: BuildxVersion; env?: NodeJS.ProcessEnv } = {},
): { env: NodeJS.ProcessEnv; files: Record<string, string> } {
  const dir = tempDir('bxg-runner-');
  const names = {
    GITHUB_OUTPUT: 'output',
    GITHUB_STATE: 'state',
    GITHUB_STEP_SUMMARY: 'summary',
    GITHUB_ENV: 'env',
    GITHUB_PATH: 'path',
  };
  const files: Record<string, string> = {};
  for (const [k, f] of Object.entries(names)) {
    files[k] = join(dir, f);
    writeFileSync(files[k], '');
  }
  const inputEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const env = buildxEnv(opts.version ?? '0.29.1', {
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: join(dir, 'runner-temp'),
    GITHUB_WORKSPACE: repo,
    ...files,
    ...opts.env,
    ...inputEnv,
  });
  mkdirSync(env.RUNNER_TEMP!, { recursive: true });
  return { env, files };
}

/** The post phase with the state the main phase saved, as the runner passes it (STATE_*). */
export function runPost(env: NodeJS.ProcessEnv, stateFile: string): Promise<Result> {
  const stateEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(parseCommandFile(readFileSync(stateFile, 'utf8'))))
    stateEnv[`STATE_${k}`] = v;
  return exec(process.execPath, [join(repo, 'dist', 'index.js')], { env: { ...env, ...stateEnv } });
}

/**
 * Runs the bundled action as the runner does: `node dist/index.js` with INPUT_* variables and
 * command files, then the post phase with the saved state as STATE_* variables.
 */
export async function runAction(
  inputs: Record<string, string>,
  opts: { version?: BuildxVersion; env?: NodeJS.ProcessEnv; skipPost?: boolean } = {},
): Promise<ActionRun> {
  const { env, files } = actionEnv(inputs, opts);
  const main = await exec(process.execPath, [join(repo, 'dist', 'index.js')], { env });
  const post = opts.skipPost ? { code: 0, stdout: '', stderr: '' } : await runPost(env, files.GITHUB_STATE);
  return {
    main,
    post,
    state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
  };
}

/**
 * The workflow commands the runner would act on in a step's stdout, honouring
 * `::stop-commands::<token>` … `::<token>::` as the runner does.
 */
export function processedCommands(stdout: string): string[] {
  const commands: string[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split('\n')) {
    if (stopToken) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = line.match(/^::stop-commands::(.+)$/);
    if (stop) {
      stopToken = stop[1];
      continue;
    }
    if (/^::[a-z-]+/.test(line)) commands.push(line);
  }
  return commands;
}

/** Waits until `check` is true, polling; fails the test after `ms`. */
export async function waitFor(check: () => boolean, ms = 60_000, what = 'condition'): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A containerd-store dockerd (scripts/testbed/containerd-store.mjs); its folder is removed by `cleanupDirs()` too. */
export async function startContainerdStoreDaemon(): Promise<{ socket: string; stop: () => Promise<void> }> {
  const d = await startStoreDaemon();
  dirs.push(d.dir);
  return d;
}

/** The head commit of the test pull requests. */
export const PR_HEAD_SHA = '0123456789abcdef0123456789abcdef01234567';

/** The environment of a pull_request run in repository octo/app, PR `pr`, workspace `workspace`. */
export function pullRequestEnv(apiUrl: string, workspace: string, pr: number): NodeJS.ProcessEnv {
  const event = join(tempDir('bxg-event-'), 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: pr, head: { sha: PR_HEAD_SHA } } }));
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
    GITHUB_RUN_ID: '42',
    GITHUB_JOB: 'build',
    GITHUB_WORKSPACE: workspace,
  };
}

/** A value the e2e global setup put in the environment (the registry's address, crane's path). */
export function testbedValue(name: 'BUILDX_GUARD_REGISTRY' | 'BUILDX_GUARD_CRANE'): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: the e2e global setup did not start the test bed registry.`);
  return v;
}

/** The test bed registry's address (`127.0.0.1:port`). */
export const testRegistry = (): string => testbedValue('BUILDX_GUARD_REGISTRY');

/** The digest the registry serves for `ref`, read by crane (not by buildx). */
export async function registryDigest(ref: string): Promise<string> {
  const r = await exec(testbedValue('BUILDX_GUARD_CRANE'), ['digest', '--insecure', ref]);
  if (r.code !== 0) throw new Error(`crane digest ${ref}: ${r.stderr}`);
  return r.stdout.trim();
}
