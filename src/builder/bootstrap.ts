// Create → boot → verify every node strictly. buildx's exit code is never the verdict: up to 0.21
// `inspect --bootstrap` failed only when every node failed, and nodes that fail while loading are
// still skipped (printed as `Error:`, exit 0). Every node must read `running` afterwards.
import type { BuilderConfig } from '../config/config.js';
import { UserError } from '../config/errors.js';
import { firstLine } from '../buildx/buildx.js';
import { hintFor } from './hints.js';
import { probeTcp } from './probe.js';
import { finalError, parseBootProgress, parseInspect, type BuilderState, type NodeState } from './state.js';
import { createNodes, refuseExisting } from './create-nodes.js';
import { NodesDownError, type BuilderDeps, type BuilderSetup, type FailedNode } from './deps.js';
import { readState } from './status.js';

export * from './deps.js';
export { probeNodes, readState } from './status.js';
export { nodesDownOutput, nodesOutput, nodesTable, platformsOf, removeBuilder } from './display.js';

/**
 * Says what the bootstrap waits for, then each tcp node's reachability as soon as it is known (a
 * dead node otherwise means a long silence: the remote driver waits 20 s before it says anything).
 */
function announce(name: string, config: BuilderConfig, deps: BuilderDeps, leftMs: number): void {
  const tcp = config.nodes.filter((n) => n.endpoint.startsWith('tcp://'));
  deps.info(
    `Booting builder '${name}' and waiting for every node to report running (at most ${Math.round(leftMs / 1000)} s, bootstrap-timeout)…`,
  );
  for (const n of tcp) {
    probeTcp(n.endpoint)
      .then((problem) => {
        if (problem)
          deps.info(`Node '${n.name}' (${n.endpoint}): ${problem}; buildx keeps trying until the timeout.`);
      })
      .catch(() => undefined);
  }
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
    return { name: existing, driver: state.driver, state };
  }
  if (config.nameGiven) await refuseExisting(config.name, deps);
  // One deadline for creating, booting and verifying: buildx create already dials remote nodes.
  const deadline = Date.now() + config.bootstrapTimeoutSeconds * 1000;
  await createNodes(config, deps, onCreated, deadline);
  const state = await bootAndVerify(config.name, config, deps, deadline);
  return { name: config.name, driver: config.driver, state };
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
  announce(name, config, deps, left());
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
        state,
      );
    }
    deps.info(
      `Node${down.length === 1 ? '' : 's'} ${down.map((n) => `'${n.name}' (${n.status || 'unknown'})`).join(', ')} not running; booting again in ${wait / 1000} s (retry ${round + 1} of ${config.bootstrapRetries}).`,
    );
    await sleep(wait);
  }
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
