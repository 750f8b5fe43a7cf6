// Creating the builder: refuse a name that exists, then `buildx create` (and `--append`) per node,
// within the bootstrap deadline. Only a builder whose first create succeeded is saved for cleanup.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuilderConfig } from '../config/config.js';
import { UserError } from '../config/errors.js';
import { firstLine } from '../buildx/buildx.js';
import { createArgs } from './create.js';
import { bootstrapBound, NodesDownError, type BuilderDeps, type FailedNode } from './deps.js';
import { hintFor } from './hints.js';
import { finalError } from './state.js';
import { tlsDriverOpts } from './tls.js';

/**
 * A builder of that name exists already: creating into it would rewrite its nodes, and removing it
 * afterwards would delete what another job or a person set up.
 */
export async function refuseExisting(name: string, deps: BuilderDeps): Promise<void> {
  const r = await deps.buildx.buildx(['inspect', name], { timeoutMs: 60_000 });
  if (r.code === 0) {
    throw new UserError(
      `Builder '${name}' already exists; to build on it, set input 'builder' to '${name}' (its nodes are verified and it is never removed), or choose another 'name'.`,
      'name',
    );
  }
}

/**
 * Whether the order the nodes are appended in cannot matter: buildx sends a platform to the first
 * node listing it (and a build with no platform to the first node, which is always created first),
 * so the other nodes may be appended in any order when each lists its platforms and no two share one.
 */
export function appendOrderFree(nodes: BuilderConfig['nodes']): boolean {
  const seen = new Set<string>();
  for (const n of nodes.slice(1)) {
    if (!n.platforms.length) return false;
    for (const p of n.platforms) {
      if (seen.has(p)) return false;
      seen.add(p);
    }
  }
  return true;
}

/**
 * Registers every node: the first with `buildx create`, the others with `create --append`. buildx
 * holds its store's lock (a flock on `buildx/.lock`) for the whole of each create, from reading the
 * builder to saving it, so concurrent appends are serialised there and none is lost; running them
 * concurrently saves each process's start-up. They run one after the other when their order matters
 * (see appendOrderFree). Every node whose create fails is named.
 */
export async function createNodes(
  config: BuilderConfig,
  deps: BuilderDeps,
  onCreated: (name: string) => void,
  deadline: number,
): Promise<void> {
  const create = (i: number) => createNode(config, i, deps, deadline);
  const first = await create(0);
  // Saved once the first create succeeded (and only then), so cleanup also removes a builder
  // whose later nodes failed, and never one this step did not create.
  if (!first) onCreated(config.name);
  const failed: FailedNode[] = first ? [first] : [];
  const rest = config.nodes.slice(1).map((_, i) => i + 1);
  if (!first && appendOrderFree(config.nodes)) {
    failed.push(...(await Promise.all(rest.map(create))).filter((f): f is FailedNode => !!f));
  } else if (!first) {
    for (const i of rest) {
      const f = await create(i);
      if (f) {
        failed.push(f);
        break;
      }
    }
  }
  if (failed.length) throw new NodesDownError(config.name, failed, config.nodes.length);
}

/** `buildx create [--append]` of node `i`; the node as a failure when it could not be created. */
async function createNode(
  config: BuilderConfig,
  i: number,
  deps: BuilderDeps,
  deadline: number,
): Promise<FailedNode | undefined> {
  const node = config.nodes[i];
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
  if (r.code === 0) return undefined;
  const reason = r.timedOut
    ? `no answer within ${bootstrapBound(config)}`
    : finalError(r.stderr) || firstLine(r.stderr) || `exit code ${r.code}`;
  return {
    name: node.name,
    endpoint: node.endpoint,
    driver: config.driver,
    status: 'not created',
    reason: `docker buildx create failed: ${reason}`,
    hint: hintFor(reason, config.driver),
  };
}
