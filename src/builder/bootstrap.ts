// Create → boot → verify every node strictly. buildx's exit code is never the verdict: up to 0.21
// `inspect --bootstrap` failed only when every node failed, and nodes that fail while loading are
// still skipped (printed as `Error:`, exit 0). Every node must read `running` afterwards.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuilderConfig } from '../config/config.js';
import { UserError } from '../config/errors.js';
import type { SilentNode } from '../build/watchdog.js';
import { atLeast, firstLine, type Buildx, type BuildxVersion } from '../buildx/buildx.js';
import { createArgs } from './create.js';
import { hintFor } from './hints.js';
import { probeTcp } from './probe.js';
import {
  finalError,
  parseBootProgress,
  parseInspect,
  parseLsJson,
  type BuilderState,
  type NodeState,
} from './state.js';
import { tlsDriverOpts } from './tls.js';

export interface BuilderDeps {
  buildx: Buildx;
  /** buildx's version, asked for concurrently and awaited only where a parser depends on it. */
  version: Promise<BuildxVersion>;
  /** Private folder for TLS material and inline BuildKit configs, removed by cleanup. */
  tempDir: string;
  env: NodeJS.ProcessEnv;
  info: (line: string) => void;
  debug: (line: string) => void;
  setSecret?: (value: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface FailedNode {
  name: string;
  endpoint: string;
  driver: string;
  status: string;
  reason: string;
  hint: string;
}

/** The builder's nodes are not all running; the message names each one. */
export class NodesDownError extends Error {
  constructor(
    readonly builder: string,
    readonly failed: FailedNode[],
    readonly total: number,
    /** Why the builder as a whole is unusable, when buildx lists no node to blame. */
    readonly builderError?: string,
  ) {
    super(
      failed.length === 0
        ? `Builder '${builder}' has no node that is running: ${builderError || 'buildx lists no nodes for it'}.`
        : `${failed.length} of ${total} node${total === 1 ? '' : 's'} of builder '${builder}' ${failed.length === 1 ? 'is' : 'are'} not running:\n` +
            failed
              .map(
                (f) =>
                  `- node '${f.name}' (${f.driver}, ${f.endpoint || 'default endpoint'}): ${f.status || 'unknown'}, ${f.reason}. Hint: ${f.hint}.`,
              )
              .join('\n'),
    );
    this.name = 'NodesDownError';
  }
}

export interface BuilderSetup {
  name: string;
  driver: string;
  /** True when this step created the builder (and so may remove it). */
  created: boolean;
  state: BuilderState;
}

/** The least time a status read gets, even past the deadline: the failure must name each node. */
const STATUS_READ_MIN_MS = 5_000;

const sleeper = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Creates the builder (unless an existing one is used), boots it and verifies every node. */
export async function setupBuilder(
  config: BuilderConfig,
  deps: BuilderDeps,
  onCreated: (name: string) => void = () => {},
): Promise<BuilderSetup> {
  const existing =
    config.existing || (config.driver === 'docker' ? config.nodes[0].endpoint || 'default' : '');
  if (existing) {
    const state = await bootAndVerify(existing, config, deps);
    return { name: existing, driver: state.driver, created: false, state };
  }
  if (config.nameGiven) await refuseExisting(config.name, deps);
  // One deadline for creating, booting and verifying: buildx create already dials remote nodes.
  const deadline = Date.now() + config.bootstrapTimeoutSeconds * 1000;
  await createNodes(config, deps, onCreated, deadline);
  const state = await bootAndVerify(config.name, config, deps, deadline);
  return { name: config.name, driver: config.driver, created: true, state };
}

/**
 * A builder of that name exists already: creating into it would rewrite its nodes, and removing it
 * afterwards would delete what another job or a person set up.
 */
async function refuseExisting(name: string, deps: BuilderDeps): Promise<void> {
  const r = await deps.buildx.buildx(['inspect', name], { timeoutMs: 60_000 });
  if (r.code === 0) {
    throw new UserError(
      `Builder '${name}' already exists; to build on it, set input 'builder' to '${name}' (its nodes are verified and it is never removed), or choose another 'name'.`,
      'name',
    );
  }
}

async function createNodes(
  config: BuilderConfig,
  deps: BuilderDeps,
  onCreated: (name: string) => void,
  deadline: number,
): Promise<void> {
  for (const [i, node] of config.nodes.entries()) {
    const tls = tlsDriverOpts(i, node.driverOpts, deps.env, join(deps.tempDir, 'tls'));
    for (const s of tls.secrets) deps.setSecret?.(s);
    let configFile: string | undefined;
    if (node.buildkitdConfigInline.trim()) {
      mkdirSync(deps.tempDir, { recursive: true, mode: 0o700 });
      configFile = join(deps.tempDir, `buildkitd-${node.name}.toml`);
      writeFileSync(configFile, node.buildkitdConfigInline, { mode: 0o600 });
    }
    const args = createArgs(config, node, i, tls.driverOpts, configFile);
    deps.debug(`docker buildx ${args.join(' ')}`);
    const r = await deps.buildx.buildx(args, { timeoutMs: Math.max(1000, deadline - Date.now()) });
    // Saved once the first create succeeded (and only then), so cleanup also removes a builder
    // whose later nodes failed, and never one this step did not create.
    if (i === 0 && r.code === 0) onCreated(config.name);
    if (r.code !== 0) {
      const reason = r.timedOut
        ? `no answer within ${config.bootstrapTimeoutSeconds} s (bootstrap-timeout)`
        : finalError(r.stderr) || firstLine(r.stderr) || `exit code ${r.code}`;
      throw new NodesDownError(
        config.name,
        [
          {
            name: node.name,
            endpoint: node.endpoint,
            driver: config.driver,
            status: 'not created',
            reason: `docker buildx create failed: ${reason}`,
            hint: hintFor(reason),
          },
        ],
        config.nodes.length,
      );
    }
  }
}

/**
 * Boots all nodes (buildx boots them concurrently), then reads every node's status. Nodes that are
 * not running are booted again up to `bootstrapRetries` times with backoff.
 */
export async function bootAndVerify(
  name: string,
  config: BuilderConfig,
  deps: BuilderDeps,
  deadline = Date.now() + config.bootstrapTimeoutSeconds * 1000,
): Promise<BuilderState> {
  const sleep = deps.sleep ?? sleeper;
  // bootstrap-timeout bounds the whole boot and verification, every round and status read included
  // (plus at most STATUS_READ_MIN_MS for the last status read, so the failure can name each node).
  const left = () => Math.max(0, deadline - Date.now());
  for (let round = 0; ; round++) {
    // The rounds still possible share what is left, so a node that comes up late gets a retry.
    const rounds = config.bootstrapRetries - round + 1;
    const boot = await deps.buildx.buildx(['inspect', '--bootstrap', name], {
      timeoutMs: Math.max(1000, Math.floor(left() / rounds)),
    });
    deps.debug(`inspect --bootstrap exited ${boot.code}${boot.timedOut ? ' (timed out)' : ''}`);
    if (/no builder .* found/i.test(boot.stderr)) {
      throw new UserError(
        `Builder '${name}' does not exist (${finalError(boot.stderr) || firstLine(boot.stderr)}); create it first or leave input 'builder' empty.`,
        'builder',
      );
    }
    // What inspect printed after booting is a live read; when it shows every node running that is the
    // verdict. Anything else (an Error: line, a stale status, nothing printed) is read again from ls.
    const printed = boot.code === 0 ? parseInspect(boot.stdout) : undefined;
    const allRunning = (s?: BuilderState) =>
      !!s && s.nodes.length > 0 && s.nodes.every((n) => n.status === 'running');
    const state =
      printed && allRunning(printed)
        ? printed
        : await readState(name, deps, Math.max(STATUS_READ_MIN_MS, left()));
    const down = state.nodes.filter((n) => n.status !== 'running');
    if (state.nodes.length > 0 && down.length === 0) return state;
    const reasons = parseBootProgress(
      boot.stderr,
      down.map((n) => n.name),
    );
    const wait = Math.min(2000 * 2 ** round, 15_000);
    if (round >= config.bootstrapRetries || left() < wait + 1000) {
      const builderError = state.error || printed?.error || finalError(boot.stderr) || undefined;
      throw new NodesDownError(
        name,
        await describe(down, state, boot, reasons, config),
        state.nodes.length,
        builderError,
      );
    }
    deps.info(
      `Node${down.length === 1 ? '' : 's'} ${down.map((n) => `'${n.name}' (${n.status || 'unknown'})`).join(', ')} not running; booting again in ${wait / 1000} s (retry ${round + 1} of ${config.bootstrapRetries}).`,
    );
    await sleep(wait);
  }
}

/**
 * The stall watchdog's probe: buildx asks every node of the builder for its status within
 * `timeoutMs`. Resolves with the nodes that are not running, or with every node serving the build
 * when buildx itself gets no answer in time (a node that hangs takes the whole call with it).
 */
export async function probeNodes(
  name: string,
  serving: NodeState[],
  deps: Pick<BuilderDeps, 'buildx'>,
  timeoutMs: number,
): Promise<SilentNode[]> {
  const r = await deps.buildx.buildx(['inspect', name], { timeoutMs });
  const silent = (n: { name: string; endpoint: string }, reason: string) => ({
    name: n.name,
    endpoint: n.endpoint,
    reason,
  });
  if (r.timedOut || r.code !== 0) {
    const why = r.timedOut
      ? `did not answer within ${Math.round(timeoutMs / 1000)} s`
      : finalError(r.stderr) || `buildx inspect exited ${r.code}`;
    return serving.map((n) => silent(n, why));
  }
  return parseInspect(r.stdout)
    .nodes.filter((n) => n.status !== 'running')
    .map((n) => silent(n, n.error || `status ${n.status || 'unknown'}`));
}

/** Reads every node's live status: `ls --format json` on buildx ≥ 0.13, `inspect` text otherwise. */
export async function readState(
  name: string,
  deps: Pick<BuilderDeps, 'buildx' | 'version' | 'debug'>,
  timeoutMs = 60_000,
): Promise<BuilderState> {
  if (atLeast(await deps.version, 0, 13)) {
    const ls = await deps.buildx.buildx(['ls', '--format', 'json'], { timeoutMs });
    const state = parseLsJson(ls.stdout, name);
    if (state) {
      if (state.unknown.length) deps.debug(`ls: unrecognised lines: ${state.unknown.join(' | ')}`);
      return state;
    }
    deps.debug(`ls --format json did not list builder '${name}' (exit ${ls.code}); reading inspect instead`);
  }
  const r = await deps.buildx.buildx(['inspect', name], { timeoutMs });
  const state = parseInspect(r.stdout);
  if (state.unknown.length) deps.debug(`inspect: unrecognised lines: ${state.unknown.join(' | ')}`);
  if (!state.name)
    throw new Error(`docker buildx inspect ${name} failed: ${firstLine(r.stderr) || `exit code ${r.code}`}`);
  return state;
}

async function describe(
  down: NodeState[],
  state: BuilderState,
  boot: { stderr: string; timedOut: boolean },
  reasons: Map<string, string>,
  config: BuilderConfig,
): Promise<FailedNode[]> {
  const fallback = state.nodes.length === 1 || down.length === 1 ? finalError(boot.stderr) : '';
  return Promise.all(
    down.map(async (n) => {
      const said =
        n.error ||
        reasons.get(n.name) ||
        (boot.timedOut
          ? `did not boot within ${config.bootstrapTimeoutSeconds} s (bootstrap-timeout)`
          : '') ||
        fallback ||
        'buildx gave no reason';
      const probe = await probeTcp(n.endpoint);
      const reason = probe ? `${said} (${probe})` : said;
      return {
        name: n.name,
        endpoint: n.endpoint,
        driver: state.driver || config.driver,
        status: n.status,
        reason,
        hint: hintFor(reason),
      };
    }),
  );
}

/** The union of the nodes' platforms, in first-seen order. */
export function platformsOf(state: BuilderState): string[] {
  return [...new Set(state.nodes.flatMap((n) => n.platforms))];
}

/** The per-node table for the log. */
export function nodesTable(state: BuilderState): string {
  const rows = [['NODE', 'ENDPOINT', 'STATUS', 'BUILDKIT', 'PLATFORMS']].concat(
    state.nodes.map((n) => [
      n.name,
      n.endpoint,
      n.status || '-',
      n.buildkit || '-',
      n.platforms.join(', ') || '-',
    ]),
  );
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  '))
    .join('\n');
}

/** The `nodes` output: a JSON array a workflow can read with fromJSON. */
export function nodesOutput(state: BuilderState): string {
  return JSON.stringify(
    state.nodes.map((n) => ({
      name: n.name,
      endpoint: n.endpoint,
      status: n.status,
      buildkit: n.buildkit,
      platforms: n.platforms,
    })),
  );
}

/** Removes a builder this step created. Never called for an existing builder. */
export async function removeBuilder(buildx: Buildx, name: string): Promise<void> {
  const r = await buildx.buildx(['rm', '--force', name], { timeoutMs: 120_000 });
  if (r.code !== 0 && !/not found|no builder/i.test(r.stderr)) {
    throw new Error(`docker buildx rm ${name} failed: ${firstLine(r.stderr) || `exit code ${r.code}`}`);
  }
}
