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
function describeFsError(e) {
  const code = e.code;
  const words = {
    EISDIR: "it is a folder",
    ENOENT: "its folder does not exist",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    ENOSPC: "the disk is full",
    ELOOP: "it is a symbolic link",
    ENOTDIR: "a part of the path is not a folder"
  };
  return (code && words[code]) ?? (e instanceof Error ? e.message : String(e));
}

// src/buildx/buildx.ts
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
var TAIL_BYTES = 64 * 1024;
var STOP_ESCALATION_MS = { term: 3e3, kill: 6e3 };
var SIGNAL_NUMBERS = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
var Buildx = class {
  constructor(dockerPath = "docker", env = process.env, plugin = dockerPath === "docker" ? findBuildxPlugin(env) : void 0) {
    this.dockerPath = dockerPath;
    this.env = env;
    this.plugin = plugin;
  }
  dockerPath;
  env;
  plugin;
  /** `docker buildx <args…>` (the plugin run directly when it was found). */
  buildx(args, opts = {}) {
    if (!this.plugin) return this.docker(["buildx", ...args], opts);
    return this.spawn(this.plugin, args, opts);
  }
  /** `docker <args…>`. */
  docker(args, opts = {}) {
    return this.spawn(this.dockerPath, args, opts);
  }
  spawn(command, args, opts) {
    const started = Date.now();
    const capture = opts.capture ?? true;
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, {
        env: childEnv(this.env, opts.env),
        ...opts.cwd ? { cwd: opts.cwd } : {},
        stdio: ["pipe", "pipe", "pipe"],
        detached: true
      });
      const signal = (sig) => {
        try {
          if (child.pid) process.kill(-child.pid, sig);
        } catch {
          child.kill(sig);
        }
      };
      const out = [];
      const err = [];
      let tail = Buffer.alloc(0);
      let timedOut = false;
      let cancelled = false;
      const escalation = [];
      const stop = () => {
        if (escalation.length) return;
        signal("SIGINT");
        escalation.push(
          setTimeout(() => signal("SIGTERM"), STOP_ESCALATION_MS.term),
          setTimeout(() => signal("SIGKILL"), STOP_ESCALATION_MS.kill)
        );
      };
      const timer = opts.timeoutMs ? setTimeout(() => {
        timedOut = true;
        stop();
      }, opts.timeoutMs) : void 0;
      const onAbort = () => {
        cancelled = true;
        stop();
      };
      if (opts.signal?.aborted) onAbort();
      opts.signal?.addEventListener("abort", onAbort, { once: true });
      child.stdout.on("data", (d) => {
        if (capture) out.push(d);
        opts.onStdout?.(d);
      });
      child.stderr.on("data", (d) => {
        if (capture) err.push(d);
        tail = Buffer.concat([tail, d]);
        if (tail.length > TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
        opts.onStderr?.(d);
      });
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(
          e.code === "ENOENT" ? new Error(
            `'${command}' was not found${command === this.dockerPath ? " on PATH" : ""}; install the Docker CLI with the buildx plugin.`
          ) : e
        );
      });
      child.on("close", (code, signal2) => {
        clearTimeout(timer);
        escalation.forEach(clearTimeout);
        opts.signal?.removeEventListener("abort", onAbort);
        resolve({
          code: code ?? (signal2 ? 128 + (SIGNAL_NUMBERS[signal2] ?? 2) : 1),
          stdout: Buffer.concat(out).toString(),
          stderr: Buffer.concat(err).toString(),
          stderrTail: tail.toString(),
          timedOut,
          cancelled,
          durationMs: Date.now() - started
        });
      });
      child.stdin.on("error", () => {
      });
      child.stdin.end(opts.input ?? "");
    });
  }
  async version() {
    const r = await this.buildx(["version"], { timeoutMs: 3e4 });
    if (r.code !== 0) {
      throw new UserError(
        /unknown (?:command|flag)|is not a docker command/i.test(r.stderr) ? `The buildx plugin is not installed (docker says: ${firstLine(r.stderr)}); install it (Debian/Ubuntu: apt-get install docker-buildx; or docker/setup-buildx-action in a workflow) and run again.` : `'docker buildx version' failed (${firstLine(r.stderr) || `exit code ${r.code}`}); is the buildx plugin installed?`
      );
    }
    return parseBuildxVersion(r.stdout);
  }
};
function childEnv(base, extra) {
  const env = extra ? { ...base, ...extra } : { ...base };
  delete env.DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND;
  return env;
}
var SYSTEM_PLUGIN_DIRS = [
  "/usr/local/lib/docker/cli-plugins",
  "/usr/local/libexec/docker/cli-plugins",
  "/usr/lib/docker/cli-plugins",
  "/usr/libexec/docker/cli-plugins"
];
function findBuildxPlugin(env, platform = process.platform, systemDirs = SYSTEM_PLUGIN_DIRS) {
  if (platform === "win32" || env.BUILDX_GUARD_DOCKER_CLI === "1") return void 0;
  const configDir = env.DOCKER_CONFIG || join(env.HOME || homedir(), ".docker");
  try {
    const config = JSON.parse(readFileSync(join(configDir, "config.json"), "utf8"));
    const extra = config?.cliPluginsExtraDirs;
    if (Array.isArray(extra) && extra.length > 0) return void 0;
  } catch {
  }
  for (const dir of [join(configDir, "cli-plugins"), ...systemDirs]) {
    const path = join(dir, "docker-buildx");
    try {
      const st = statSync(path);
      if (st.isFile() && st.mode & 73) return path;
    } catch {
    }
  }
  return void 0;
}
function parseBuildxVersion(text) {
  const m = text.match(/\bv?(\d+)\.(\d+)\.(\d+)/);
  const raw = text.trim().split(/\s+/)[1] ?? text.trim();
  if (!m) return { raw, major: 0, minor: 0, patch: 0 };
  return { raw, major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}
function atLeast(v, major, minor) {
  return v.major > major || v.major === major && v.minor >= minor;
}
function firstLine(text) {
  return text.split("\n").map((l) => l.trim()).find((l) => l !== "") ?? "";
}

// src/builder/display.ts
function platformsOf(state) {
  return [...new Set(state.nodes.flatMap((n) => n.platforms))];
}
function nodesTable(state) {
  const rows = [["NODE", "ENDPOINT", "STATUS", "BUILDKIT", "PLATFORMS"]].concat(
    state.nodes.map((n) => [
      n.name,
      n.endpoint,
      n.status || "-",
      n.buildkit || "-",
      n.platforms.join(", ") || "-"
    ])
  );
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => c === r.length - 1 ? cell : cell.padEnd(widths[c])).join("  ")).join("\n");
}
function nodesOutput(state) {
  return JSON.stringify(
    state.nodes.map((n) => ({
      name: n.name,
      endpoint: n.endpoint,
      status: n.status,
      buildkit: n.buildkit,
      platforms: n.platforms
    }))
  );
}
function nodesDownOutput(e) {
  const seen = e.state?.nodes ?? [];
  const reasons = new Map(e.failed.map((f) => [f.name, f.reason]));
  return JSON.stringify([
    ...seen.map((n) => ({
      name: n.name,
      endpoint: n.endpoint,
      status: n.status || "unknown",
      buildkit: n.buildkit,
      platforms: n.platforms,
      ...reasons.has(n.name) ? { reason: reasons.get(n.name) } : {}
    })),
    ...e.failed.filter((f) => !seen.some((n) => n.name === f.name)).map((f) => ({
      name: f.name,
      endpoint: f.endpoint,
      status: f.status || "unknown",
      buildkit: "",
      platforms: [],
      reason: f.reason
    }))
  ]);
}
async function removeBuilder(buildx, name) {
  const r = await buildx.buildx(["rm", "--force", name], { timeoutMs: 12e4 });
  if (r.code !== 0 && !/not found|no builder/i.test(r.stderr)) {
    throw new Error(`docker buildx rm ${name} failed: ${firstLine(r.stderr) || `exit code ${r.code}`}`);
  }
}

// src/state-keys.ts
var STATE = { builder: "builder", cleanup: "cleanup", tempDir: "temp-dir" };

export {
  UserError,
  isUserError,
  describeFsError,
  Buildx,
  atLeast,
  firstLine,
  platformsOf,
  nodesTable,
  nodesOutput,
  nodesDownOutput,
  removeBuilder,
  STATE
};
//# sourceMappingURL=chunk-Y4EJOUAJ.js.map
