// The only module that runs docker/buildx. It runs argv arrays (never a shell string), can stream
// output, and can stop a command on timeout or cancellation, which @actions/exec cannot.
import { UserError } from '../config/errors.js';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { readBounded } from '../fsio/read.js';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface RunOptions {
  /** Stop the command (SIGINT, then SIGKILL) after this many milliseconds. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onStdout?: (chunk: Buffer) => void;
  onStderr?: (chunk: Buffer) => void;
  /** Keep the whole stdout/stderr in the result (default). Off for builds, whose logs stream to files. */
  capture?: boolean;
  input?: string;
  /** The working folder (bake reads its files and contexts relative to it). */
  cwd?: string;
  /** Variables added to the environment for this command. */
  env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The last 64 KiB of stderr, also when `capture` is off. */
  stderrTail: string;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
}

export interface BuildxVersion {
  raw: string;
  major: number;
  minor: number;
  patch: number;
}

const TAIL_BYTES = 64 * 1024;
/**
 * Stopping a command: SIGINT (buildx cancels the build and exits), then SIGTERM, then SIGKILL, all
 * within the 7.5 s the runner waits after cancelling a job before it signals us again.
 */
export const STOP_ESCALATION_MS = { term: 3_000, kill: 6_000 };
const SIGNAL_NUMBERS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** The phase's cancellation (installed first by the entry point): it stops every child, whoever ran it. */
let phaseSignal: AbortSignal | undefined;

/** Every command run from now on is stopped when `signal` aborts, on top of its own signal. */
export function stopEveryCommandOn(signal: AbortSignal | undefined): void {
  phaseSignal = signal;
}

export class Buildx {
  constructor(
    readonly dockerPath = 'docker',
    readonly env: NodeJS.ProcessEnv = process.env,
    /**
     * The buildx binary to run directly (standalone), the one `docker buildx` would run; found on
     * the Docker CLI's plugin path when the default `docker` is used. Running it directly saves the
     * Docker CLI's start-up and its plugin scan, about 80 ms per call.
     */
    readonly plugin: string | undefined = dockerPath === 'docker' ? findBuildxPlugin(env) : undefined,
  ) {}

  /** `docker buildx <args…>` (the plugin run directly when it was found). */
  buildx(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    if (!this.plugin) return this.docker(['buildx', ...args], opts);
    return this.spawn(this.plugin, args, opts);
  }

  /** `docker <args…>`. */
  docker(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    return this.spawn(this.dockerPath, args, opts);
  }

  private spawn(command: string, args: string[], opts: RunOptions): Promise<RunResult> {
    const started = Date.now();
    const capture = opts.capture ?? true;
    return new Promise((resolve, reject) => {
      // Its own process group: `docker buildx` runs the buildx plugin as a child process, and a stop
      // must reach both (a plugin left behind keeps the pipes open and waits on a silent node).
      const child = spawn(command, args, {
        env: childEnv(this.env, opts.env),
        ...(opts.cwd ? { cwd: opts.cwd } : {}),
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      });
      const signal = (sig: NodeJS.Signals) => {
        try {
          if (child.pid) process.kill(-child.pid, sig);
        } catch {
          child.kill(sig);
        }
      };
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let tail = Buffer.alloc(0);
      let timedOut = false;
      let cancelled = false;
      const escalation: NodeJS.Timeout[] = [];
      const stop = () => {
        if (escalation.length) return;
        signal('SIGINT');
        escalation.push(
          setTimeout(() => signal('SIGTERM'), STOP_ESCALATION_MS.term),
          setTimeout(() => signal('SIGKILL'), STOP_ESCALATION_MS.kill),
        );
      };
      const timer = opts.timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            stop();
          }, opts.timeoutMs)
        : undefined;
      const onAbort = () => {
        cancelled = true;
        stop();
      };
      const cancel =
        opts.signal && phaseSignal
          ? AbortSignal.any([opts.signal, phaseSignal])
          : (opts.signal ?? phaseSignal);
      if (cancel?.aborted) onAbort();
      cancel?.addEventListener('abort', onAbort, { once: true });
      child.stdout.on('data', (d: Buffer) => {
        if (capture) out.push(d);
        opts.onStdout?.(d);
      });
      child.stderr.on('data', (d: Buffer) => {
        if (capture) err.push(d);
        tail = Buffer.concat([tail, d]);
        if (tail.length > TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
        opts.onStderr?.(d);
      });
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        cancel?.removeEventListener('abort', onAbort);
        reject(
          e.code === 'ENOENT'
            ? new UserError(
                `'${command}' was not found${command === this.dockerPath ? ' on PATH' : ''}; install the Docker CLI with the buildx plugin.`,
              )
            : e,
        );
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        escalation.forEach(clearTimeout);
        cancel?.removeEventListener('abort', onAbort);
        resolve({
          code: code ?? (signal ? 128 + (SIGNAL_NUMBERS[signal] ?? 2) : 1),
          stdout: Buffer.concat(out).toString(),
          stderr: Buffer.concat(err).toString(),
          stderrTail: tail.toString(),
          timedOut,
          cancelled,
          durationMs: Date.now() - started,
        });
      });
      // A command that exits without reading its input closes the pipe (EPIPE): its exit code says
      // what happened, the write error must not crash the process.
      child.stdin.on('error', () => {});
      child.stdin.end(opts.input ?? '');
    });
  }

  async version(): Promise<BuildxVersion> {
    const r = await this.buildx(['version'], { timeoutMs: 30_000 });
    if (r.code !== 0) {
      throw new UserError(
        /unknown (?:command|flag)|is not a docker command/i.test(r.stderr)
          ? `The buildx plugin is not installed (docker says: ${firstLine(r.stderr)}); install it (Debian/Ubuntu: apt-get install docker-buildx; or docker/setup-buildx-action in a workflow) and run again.`
          : `'docker buildx version' failed (${firstLine(r.stderr) || `exit code ${r.code}`}); is the buildx plugin installed?`,
      );
    }
    return parseBuildxVersion(r.stdout);
  }
}

/**
 * Variables no child (buildx, bake, docker) gets from the job's environment. A bake file reads any
 * environment variable (`variable "ACTIONS_RUNTIME_TOKEN" {}`), so the runner's credentials, the
 * action's own inputs and state, and the runner's file-command paths stay with this process:
 * - the runner's credentials and service URLs: every `ACTIONS_*` variable (ACTIONS_RUNTIME_TOKEN,
 *   ACTIONS_ID_TOKEN_REQUEST_TOKEN/URL, ACTIONS_CACHE_URL, ACTIONS_RESULTS_URL, …);
 * - the action's inputs (`INPUT_*`, github-token among them) and its saved state (`STATE_*`);
 * - the usual token variables a job sets for other steps (GITHUB_TOKEN, GH_TOKEN);
 * - the runner's file commands (GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE,
 *   GITHUB_STEP_SUMMARY): their paths tell an output where to write to change later steps;
 * - DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND: the Docker CLI marks the plugins it runs with it; a
 *   buildx run directly must not inherit it (when a plugin runs us), or it would take itself for a
 *   plugin and misread its arguments.
 */
export function deniedVariable(name: string): boolean {
  return DENIED_PREFIX.test(name) || DENIED.has(name.toUpperCase());
}
const DENIED_PREFIX = /^(?:ACTIONS_|INPUT_|STATE_)/i;
const DENIED = new Set([
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
  'DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND',
]);

/** The job's environment minus the denied variables (deniedVariable). */
export function scrubbedEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && !deniedVariable(k)) env[k] = v;
  return env;
}

/**
 * The environment of every command this module runs (the one place a child's environment is made):
 * the job's environment scrubbed (scrubbedEnv), then the variables the caller adds on purpose for
 * this command (RunOptions.env: build-arg values, BUILDX_BAKE_GIT_AUTH_TOKEN for a remote bake on
 * the run's server, the Actions cache grant of a `type=gha` build cache).
 */
export function childEnv(base: NodeJS.ProcessEnv, extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = scrubbedEnv(base);
  for (const [k, v] of Object.entries(extra ?? {})) if (v !== undefined) env[k] = v;
  delete env.DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND;
  return env;
}

/** Where the Docker CLI looks for its plugins after its own config folder (Linux and macOS). */
const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins',
];

/**
 * The `docker-buildx` binary that `docker buildx` runs: the first in the config folder's
 * `cli-plugins` (`$DOCKER_CONFIG` or `~/.docker`), then the system folders, as the Docker CLI
 * searches. Undefined (so `docker buildx` is run) when the CLI's order is not certain: on Windows,
 * with `cliPluginsExtraDirs` in the config file, or `BUILDX_GUARD_DOCKER_CLI=1` asks for it.
 */
export function findBuildxPlugin(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  systemDirs: string[] = SYSTEM_PLUGIN_DIRS,
): string | undefined {
  if (platform === 'win32' || env.BUILDX_GUARD_DOCKER_CLI === '1') return undefined;
  const configDir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
  try {
    const config = JSON.parse(readBounded(join(configDir, 'config.json'), 'docker-config')) as unknown;
    const extra = (config as { cliPluginsExtraDirs?: unknown } | null)?.cliPluginsExtraDirs;
    if (Array.isArray(extra) && extra.length > 0) return undefined;
  } catch {
    // No config file, or one the Docker CLI will complain about itself.
  }
  for (const dir of [join(configDir, 'cli-plugins'), ...systemDirs]) {
    const path = join(dir, 'docker-buildx');
    try {
      const st = statSync(path);
      if (st.isFile() && st.mode & 0o111) return path;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

/** `github.com/docker/buildx 0.29.1+ds1 …` or `… v0.13.1 …` → numbers; unknown versions read as 0.0.0. */
export function parseBuildxVersion(text: string): BuildxVersion {
  const m = text.match(/\bv?(\d+)\.(\d+)\.(\d+)/);
  const raw = text.trim().split(/\s+/)[1] ?? text.trim();
  if (!m) return { raw, major: 0, minor: 0, patch: 0 };
  return { raw, major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}

export function atLeast(v: BuildxVersion, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  );
}
