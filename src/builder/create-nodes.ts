// Creating the builder: refuse a name that exists, then `buildx create` (and `--append`) per node,
// within the bootstrap deadline. Only a builder whose first create succeeded is saved for cleanup.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuilderConfig } from '../config/config.js';
import { UserError } from '../config/errors.js';
import { firstLine } from '../buildx/buildx.js';
import { createArgs } from './create.js';
import { NodesDownError, type BuilderDeps } from './deps.js';
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

export async function createNodes(
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
