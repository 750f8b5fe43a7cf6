// Create → boot → verify every node strictly. buildx's exit code is never the verdict: up to 0.21
// `inspect --bootstrap` failed only when every node failed, and nodes that fail while loading are
// still skipped (printed as `Error:`, exit 0). Every node must read `running` afterwards.
import type { BuilderConfig } from '../config/config.js';
import { UserError } from '../config/errors.js';
import { firstLine } from '../buildx/buildx.js';
import { hintFor } from './hints.js';
import { probeTcp, probeWindowSeconds, quickProbe } from './probe.js';
import { finalError, parseBootProgress, parseInspect, type BuilderState, type NodeState } from './state.js';
import { createNodes, refuseExisting } from './create-nodes.js';
import {
  bootstrapBound,
  NodesDownError,
  type BuilderDeps,
  type BuilderSetup,
  type FailedNode,
} from './deps.js';
import { readState } from './status.js';

export * from './deps.js';
export { probeNodes, readState } from './status.js';
export {
  failedNodesTable,
  nodesDownOutput,
  nodesOutput,
  nodesTable,
  platformsOf,
  removeBuilder,
} from './display.js';

/** Says what the bootstrap waits for, and the bound. */
function announce(name: string, config: BuilderConfig, deps: BuilderDeps): void {
  deps.info(
    `Booting builder '${name}' and waiting for every node to report running (within ${bootstrapBound(config)})…`,
  );
}

/**
 * The least time a status read gets, even past the deadline: the failure must name each node.
 * buildx asks every node for its status (20 s for one that never answers) and, stopped, prints what
 * it has, the silent node as `inactive`.
 */
const STATUS_READ_MIN_MS = 3_000;

/**
 * When creating and booting must end so the last status read still fits in bootstrap-timeout: it
 * keeps STATUS_READ_MIN_MS for that read (half the timeout when that is shorter).
 */
function bootPhaseEnd(deadline: number, config: BuilderConfig): number {
  return deadline - Math.min(STATUS_READ_MIN_MS, (config.bootstrapTimeoutSeconds * 1000) / 2);
}

const sleeper = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The boot was stopped because the quick probes found a node dead. */
class BootStopped extends Error {}

/** Creates the builder (unless an existing one is used), boots it and verifies every node. */
export async function setupBuilder(
  config: BuilderConfig,
  deps: BuilderDeps,
  onCreated: (name: string) => void = () => {},
): Promise<BuilderSetup> {
  const existing =
    config.existing || (config.driver === 'docker' ? config.nodes[0].endpoint || 'default' : '');
  const name = existing || config.name;
  // One deadline for creating, booting and verifying: buildx create already dials remote nodes.
  const deadline = Date.now() + config.bootstrapTimeoutSeconds * 1000;
  let created = !!existing;
  const state = await failFast(
    name,
    config,
    deps,
    deadline,
    () => created,
    async (signal) => {
      if (!existing) {
        if (config.nameGiven) await refuseExisting(config.name, deps);
        await createNodes(
          config,
          deps,
          (n) => {
            created = true;
            onCreated(n);
          },
          bootPhaseEnd(deadline, config),
        );
      }
      return bootAndVerify(name, config, deps, deadline, signal);
    },
  );
  return { name, driver: existing ? state.driver : config.driver, state };
}

/**
 * Runs the set-up while every tcp:// node is probed directly (quickProbe). When a node refuses
 * connections, does not resolve or is unreachable at every quick probe, the boot is stopped and the
 * step fails naming it, instead of waiting out buildx's 20 s per boot round. A node that accepts, or
 * whose endpoint is not tcp:// (unix socket, Docker context, kubernetes, ssh), is left to the boot
 * rounds, bounded by bootstrap-timeout. The create itself is never interrupted (a builder stopped
 * half-saved could not be cleaned up).
 */
async function failFast<T extends BuilderState>(
  name: string,
  config: BuilderConfig,
  deps: BuilderDeps,
  deadline: number,
  created: () => boolean,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const probed = config.nodes.filter((n) => n.endpoint.startsWith('tcp://'));
  const stopBoot = new AbortController();
  const stopProbes = new AbortController();
  const verdicts = Promise.all(
    probed.map(async (n) => ({
      node: n,
      reach: await quickProbe(n.endpoint, {
        deadline,
        ...(deps.quickProbeDelaysMs ? { delaysMs: deps.quickProbeDelaysMs } : {}),
        signal: stopProbes.signal,
        onDead: (detail) =>
          deps.info(
            `Node '${n.name}' (${n.endpoint}): ${detail}; probing again for ${probeWindowSeconds(deps.quickProbeDelaysMs)} s before failing.`,
          ),
      }),
    })),
  ).then((all) => {
    const dead = all.filter((v) => v.reach.kind === 'dead');
    if (dead.length && !stopProbes.signal.aborted) stopBoot.abort();
    return dead;
  });
  try {
    return await run(stopBoot.signal);
  } catch (e) {
    if (!stopBoot.signal.aborted) throw e;
  } finally {
    stopProbes.abort();
  }
  const dead = await verdicts;
  const state = created()
    ? await readState(name, deps, STATUS_READ_MIN_MS).catch(() => undefined)
    : undefined;
  throw new NodesDownError(
    name,
    dead.map(({ node, reach }) => {
      const reason = reach.kind === 'dead' ? reach.detail : '';
      const driver = state?.driver || config.driver;
      return {
        name: node.name,
        endpoint: node.endpoint,
        driver,
        status: state?.nodes.find((s) => s.name === node.name)?.status || 'not booted',
        reason,
        hint: hintFor(reason, driver),
      };
    }),
    config.nodes.length,
    undefined,
    state,
  );
}

/**
 * Boots all nodes (buildx boots them concurrently), then reads every node's status. Nodes that are
 * not running are booted again up to `bootstrapRetries` times with backoff. `signal` stops it (the
 * quick probes found a node dead): it then throws BootStopped.
 */
export async function bootAndVerify(
  name: string,
  config: BuilderConfig,
  deps: BuilderDeps,
  deadline = Date.now() + config.bootstrapTimeoutSeconds * 1000,
  signal?: AbortSignal,
): Promise<BuilderState> {
  const sleep = deps.sleep ?? sleeper;
  const stopped = () => {
    if (signal?.aborted) throw new BootStopped(`boot of builder '${name}' stopped`);
  };
  // bootstrap-timeout bounds the whole boot and verification, every round and status read included:
  // the boot rounds end STATUS_READ_MIN_MS before it, so the last status read can name each node.
  const left = () => Math.max(0, deadline - Date.now());
  const bootLeft = () => Math.max(0, bootPhaseEnd(deadline, config) - Date.now());
  announce(name, config, deps);
  for (let round = 0; ; round++) {
    stopped();
    // The rounds still possible share what is left, so a node that comes up late gets a retry.
    const rounds = config.bootstrapRetries - round + 1;
    // With no time left to boot (buildx create of a node that never answers takes it all) there is
    // no boot round: only the status read.
    const budget = Math.floor(bootLeft() / rounds);
    const boot =
      budget >= 1000
        ? await deps.buildx.buildx(['inspect', '--bootstrap', name], {
            timeoutMs: budget,
            ...(signal ? { signal } : {}),
          })
        : { code: 1, stdout: '', stderr: '', timedOut: true };
    deps.debug(`inspect --bootstrap exited ${boot.code}${boot.timedOut ? ' (timed out)' : ''}`);
    stopped();
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
    stopped();
    const down = state.nodes.filter((n) => n.status !== 'running');
    if (state.nodes.length > 0 && down.length === 0) return state;
    const reasons = parseBootProgress(
      boot.stderr,
      down.map((n) => n.name),
    );
    const wait = Math.min(2000 * 2 ** round, 15_000);
    if (round >= config.bootstrapRetries || bootLeft() < wait + 1000) {
      const builderError = state.error || printed?.error || finalError(boot.stderr) || undefined;
      throw new NodesDownError(
        name,
        await describe(down, state, boot, reasons, config),
        state.nodes.length,
        builderError,
        state,
      );
    }
    deps.info(
      `Node${down.length === 1 ? '' : 's'} ${down.map((n) => `'${n.name}' (${n.status || 'unknown'})`).join(', ')} not running; booting again in ${wait / 1000} s (retry ${round + 1} of ${config.bootstrapRetries}).`,
    );
    await Promise.race([sleep(wait), aborted(signal)]);
  }
}

/** Resolves when `signal` aborts (never without one). */
function aborted(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}

async function describe(
  down: NodeState[],
  state: BuilderState,
  boot: { stderr: string; timedOut: boolean },
  reasons: Map<string, string>,
  config: BuilderConfig,
): Promise<FailedNode[]> {
  // buildx's answer to our own stop at the timeout ("got 1 SIGTERM/SIGINTs, forcing shutdown",
  // "context canceled") is not a reason: the timeout is.
  const ours = (text: string | undefined) =>
    boot.timedOut && !!text && /SIGTERM\/SIGINT|forcing shutdown|context canceled/i.test(text);
  const own = (text: string | undefined) => (ours(text) ? '' : (text ?? ''));
  const fallback = own(state.nodes.length === 1 || down.length === 1 ? finalError(boot.stderr) : '');
  return Promise.all(
    down.map(async (n) => {
      const said =
        n.error ||
        own(reasons.get(n.name)) ||
        (boot.timedOut ? `did not boot within ${bootstrapBound(config)}` : '') ||
        fallback ||
        'buildx gave no reason';
      const probe = await probeTcp(n.endpoint);
      const reason = probe ? `${said} (${probe})` : said;
      const driver = state.driver || config.driver;
      return {
        name: n.name,
        endpoint: n.endpoint,
        driver,
        status: n.status,
        reason,
        hint: hintFor(reason, driver),
      };
    }),
  );
}
