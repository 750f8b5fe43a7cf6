import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);

// src/fsio/read.ts
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from "node:fs";
var MiB = 1 << 20;
var READ_LIMITS = {
  dockerfile: { cap: 4 * MiB, what: "The Dockerfile" },
  "bake-file": { cap: 4 * MiB, what: "The bake file" },
  "secret-file": { cap: 1 * MiB, what: "The secret file" },
  baseline: { cap: 4 * MiB, what: "The baseline file" },
  /** The flake ledger (docs/ledger.md): twice its 256 KB bound, so an entry over it is read and refused by size. */
  ledger: { cap: 512 * 1024, what: "The ledger file" },
  metadata: { cap: 16 * MiB, what: "The build metadata file" },
  "image-id": { cap: 64 * 1024, what: "The image ID file" },
  event: { cap: 64 * MiB, what: "The event file (GITHUB_EVENT_PATH)" },
  "docker-config": { cap: 4 * MiB, what: "The Docker config file" },
  proc: { cap: 1 * MiB, what: "The /proc file" },
  /** buildx's reference of a build (`refs/<builder>/<node>/<id>`): only its head is read. */
  "build-ref": { cap: 64 * 1024, what: "The buildx build reference file" },
  /** A build log (`analyze --log`): streamed, so no cap; only the kind of file is checked. */
  log: { cap: Number.POSITIVE_INFINITY, what: "The log file" }
};
var UnreadableFileError = class extends Error {
  constructor(message, path, reason) {
    super(message);
    this.path = path;
    this.reason = reason;
    this.name = "UnreadableFileError";
  }
  path;
  reason;
};
function kindOf(st) {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a FIFO";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}
function mib(bytes) {
  return bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / 1024} KiB`;
}
function notRegular(kind, path, st) {
  return new UnreadableFileError(
    `${READ_LIMITS[kind].what} ${path} is not a regular file (${kindOf(st)}); point it at a regular file (a symbolic link must end at one).`,
    path,
    "not-regular"
  );
}
function tooBig(kind, path) {
  const { what, cap } = READ_LIMITS[kind];
  return new UnreadableFileError(
    `${what} ${path} is over ${mib(cap)}, the most this action reads of it; check that the path names the right file.`,
    path,
    "too-big"
  );
}
function openRegular(path, kind, shown = path) {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(kind, shown, st);
    return fd;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
function checkReadable(path, kind, shown = path) {
  const fd = openRegular(path, kind, shown);
  try {
    if (fstatSync(fd).size > READ_LIMITS[kind].cap) throw tooBig(kind, shown);
  } finally {
    closeSync(fd);
  }
}
function readBoundedBytes(path, kind) {
  const cap = READ_LIMITS[kind].cap;
  const fd = openRegular(path, kind);
  try {
    const limit = Number.isFinite(cap) ? cap + 1 : Number.MAX_SAFE_INTEGER;
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const buf = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > cap) throw tooBig(kind, path);
      if (total >= limit) break;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
function readBounded(path, kind) {
  return readBoundedBytes(path, kind).toString("utf8");
}
function readHead(path, kind, bytes) {
  const fd = openRegular(path, kind);
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

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
  return e instanceof UserError || e instanceof UnreadableFileError;
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
import { statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
var TAIL_BYTES = 64 * 1024;
var STOP_ESCALATION_MS = { term: 3e3, kill: 6e3 };
var SIGNAL_NUMBERS = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
var phaseSignal;
function stopEveryCommandOn(signal) {
  phaseSignal = signal;
}
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
      const cancel = opts.signal && phaseSignal ? AbortSignal.any([opts.signal, phaseSignal]) : opts.signal ?? phaseSignal;
      if (cancel?.aborted) onAbort();
      cancel?.addEventListener("abort", onAbort, { once: true });
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
        cancel?.removeEventListener("abort", onAbort);
        reject(
          e.code === "ENOENT" ? new UserError(
            `'${command}' was not found${command === this.dockerPath ? " on PATH" : ""}; install the Docker CLI with the buildx plugin.`
          ) : e
        );
      });
      child.on("close", (code, signal2) => {
        clearTimeout(timer);
        escalation.forEach(clearTimeout);
        cancel?.removeEventListener("abort", onAbort);
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
function deniedVariable(name) {
  return DENIED_PREFIX.test(name) || DENIED.has(name.toUpperCase());
}
var DENIED_PREFIX = /^(?:ACTIONS_|INPUT_|STATE_)/i;
var DENIED = /* @__PURE__ */ new Set([
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_OUTPUT",
  "GITHUB_STATE",
  "GITHUB_STEP_SUMMARY",
  "DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND"
]);
function scrubbedEnv(base) {
  const env = {};
  for (const [k, v] of Object.entries(base)) if (v !== void 0 && !deniedVariable(k)) env[k] = v;
  return env;
}
function childEnv(base, extra) {
  const env = scrubbedEnv(base);
  for (const [k, v] of Object.entries(extra ?? {})) if (v !== void 0) env[k] = v;
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
    const config = JSON.parse(readBounded(join(configDir, "config.json"), "docker-config"));
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
var STATE = {
  builder: "builder",
  cleanup: "cleanup",
  tempDir: "temp-dir",
  keptDirs: "kept-dirs"
};

export {
  checkReadable,
  readBounded,
  readHead,
  UserError,
  isUserError,
  describeFsError,
  stopEveryCommandOn,
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
//# sourceMappingURL=chunk-4OX4L4MG.js.map
