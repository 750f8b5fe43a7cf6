import type { BuilderConfig, NodeSpec } from '../config/config.js';

/**
 * argv for `docker buildx create` of node `index` (the first creates the builder, the others
 * `--append`). `configFile` is the node's inline BuildKit config written to a file.
 */
export function createArgs(
  builder: BuilderConfig,
  node: NodeSpec,
  index: number,
  driverOpts: string[],
  configFile?: string,
): string[] {
  const args = ['create', '--name', builder.name, '--driver', builder.driver, '--node', node.name];
  if (index > 0) args.push('--append');
  for (const opt of driverOpts) args.push('--driver-opt', opt);
  if (node.platforms.length) args.push('--platform', node.platforms.join(','));
  if (node.buildkitdFlags) args.push('--buildkitd-flags', node.buildkitdFlags);
  if (configFile) args.push('--buildkitd-config', configFile);
  if (node.endpoint) args.push(node.endpoint);
  return args;
}
