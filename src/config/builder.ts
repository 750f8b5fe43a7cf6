// The builder's inputs: driver, name or existing builder, the nodes (YAML or the single-node
// inputs), endpoints.
import { UserError } from './errors.js';
import {
  getBoolean,
  getChoice,
  getList,
  getNumber,
  getString,
  getYaml,
  splitList,
  type InputSource,
} from './inputs.js';
import { isSet } from './declaration.js';
import { DRIVERS, type BuilderConfig, type ConfigEnv, type Driver, type NodeSpec } from './types.js';

export const NODE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]*$/;
const ENDPOINT_SCHEMES = [
  'tcp:',
  'unix:',
  'ssh:',
  'npipe:',
  'docker-container:',
  'kube-pod:',
  'http:',
  'https:',
];
const NODE_KEYS = [
  'name',
  'endpoint',
  'platforms',
  'driver-opts',
  'buildkitd-flags',
  'buildkitd-config-inline',
];

export function parseBuilder(src: InputSource, env: ConfigEnv): BuilderConfig {
  const driver = getChoice(src, 'driver', DRIVERS, 'docker-container');
  const existing = getString(src, 'builder');
  if (existing && !NODE_NAME.test(existing)) {
    throw new UserError(
      `Input 'builder' must be the name of an existing builder (letters, digits, '.', '_' or '-', as 'docker buildx ls' lists it); got '${existing}'.`,
      'builder',
    );
  }
  // An existing builder is used as it is: what only configures a builder this step creates is an error.
  const creates = ['name', 'buildkitd-flags', 'buildkitd-config-inline'].filter(
    (n) => existing && isSet(src, n),
  );
  if (creates.length) {
    throw new UserError(
      `Input 'builder' uses an existing builder as it is, so ${creates.map((n) => `'${n}'`).join(', ')} (for a builder this step creates) cannot be set with it; remove ${creates.length === 1 ? 'it' : 'them'}.`,
      creates[0],
    );
  }
  const name = getString(src, 'name') || defaultBuilderName(env);
  if (!NODE_NAME.test(name)) {
    throw new UserError(
      `Input 'name' must start with a letter or digit and contain only letters, digits, '.', '_' or '-'; got '${name}'.`,
      'name',
    );
  }
  const nodes = parseNodes(src, name, driver);
  if (existing && nodes.some((n) => n.endpoint || n.driverOpts.length)) {
    throw new UserError(
      `Input 'builder' uses an existing builder, so 'nodes', 'endpoint' and 'driver-opts' cannot be set with it; remove one or the other.`,
      'builder',
    );
  }
  // A tcp:// endpoint under the default driver is read as a Docker daemon; a BuildKit address there
  // answers with raw HTTP/2 bytes. Make the driver a choice, not a default.
  if (!getString(src, 'driver') && nodes.some((n) => n.endpoint.startsWith('tcp://'))) {
    throw new UserError(
      `Nodes with tcp:// endpoints need input 'driver' set: 'remote' for BuildKit daemons (buildkitd --addr tcp://…), or 'docker-container' if the endpoints are Docker daemons.`,
      'driver',
    );
  }
  if (driver === 'remote' && !existing) {
    const missing = nodes.find((n) => !n.endpoint);
    if (missing) {
      throw new UserError(
        `The remote driver needs an endpoint for node '${missing.name}'; set 'endpoint' (e.g. tcp://buildkitd:1234) or the node's 'endpoint' in 'nodes'.`,
        'endpoint',
      );
    }
  }
  if (driver === 'docker' && nodes.length > 1) {
    throw new UserError(
      `The docker driver has exactly one node; use driver 'remote' or 'docker-container' for 'nodes'.`,
      'nodes',
    );
  }
  return {
    driver,
    name,
    nameGiven: !!getString(src, 'name'),
    generatedNodeNames: getString(src, 'name')
      ? []
      : nodes.filter((n, i) => n.name === `${name}${i}`).map((n) => n.name),
    existing,
    nodes,
    bootstrapTimeoutSeconds: getNumber(src, 'bootstrap-timeout', 120, { min: 1, max: 3600 }),
    bootstrapRetries: getNumber(src, 'bootstrap-retries', 2, { min: 0, max: 10 }),
    cleanup: getBoolean(src, 'cleanup', true),
  };
}

/** Unique per job and per step, so matrix jobs and two steps in one job never share a builder. */
function defaultBuilderName(env: ConfigEnv): string {
  const parts = ['buildx-guard', env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT, env.GITHUB_JOB]
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/[^a-zA-Z0-9_.-]/g, '-'));
  parts.push(Math.random().toString(36).slice(2, 8));
  return parts.join('-');
}

function parseNodes(src: InputSource, builderName: string, driver: Driver): NodeSpec[] {
  const single: NodeSpec = {
    name: `${builderName}0`,
    endpoint: getString(src, 'endpoint'),
    platforms: [],
    driverOpts: getList(src, 'driver-opts', { ignoreComma: true }),
    buildkitdFlags: getString(src, 'buildkitd-flags'),
    buildkitdConfigInline: src('buildkitd-config-inline'),
  };
  const raw = getYaml(src, 'nodes');
  if (raw === undefined || raw === null) {
    validateEndpoint(single.endpoint, 'endpoint', driver);
    return [single];
  }
  if (single.endpoint || single.driverOpts.length) {
    throw new UserError(
      `Set either 'nodes' or the single-node inputs 'endpoint'/'driver-opts', not both; move them into the first item of 'nodes'.`,
      'nodes',
    );
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new UserError(
      `Input 'nodes' must be a YAML list of nodes (each with 'name' and 'endpoint').`,
      'nodes',
    );
  }
  const seen = new Set<string>();
  return raw.map((item, i) => {
    const where = `Item ${i + 1} of input 'nodes'`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new UserError(`${where} must be a mapping with 'name' and 'endpoint'.`, 'nodes');
    }
    const obj = item as Record<string, unknown>;
    const unknownKey = Object.keys(obj).find((k) => !NODE_KEYS.includes(k));
    if (unknownKey) {
      throw new UserError(
        `${where} has unknown key '${unknownKey}'; allowed keys: ${NODE_KEYS.join(', ')}.`,
        'nodes',
      );
    }
    const node: NodeSpec = {
      name: scalar(obj.name, `${where}: 'name'`) || `${builderName}${i}`,
      endpoint: scalar(obj.endpoint, `${where}: 'endpoint'`),
      platforms: stringList(obj.platforms, `${where}: 'platforms'`),
      driverOpts: stringList(obj['driver-opts'], `${where}: 'driver-opts'`, true),
      buildkitdFlags: scalar(obj['buildkitd-flags'], `${where}: 'buildkitd-flags'`),
      buildkitdConfigInline: scalar(obj['buildkitd-config-inline'], `${where}: 'buildkitd-config-inline'`),
    };
    if (!NODE_NAME.test(node.name)) {
      throw new UserError(
        `${where} has an invalid name '${node.name}': use letters, digits, '.', '_' or '-'.`,
        'nodes',
      );
    }
    if (seen.has(node.name)) {
      throw new UserError(
        `Input 'nodes' names node '${node.name}' twice; node names must be unique.`,
        'nodes',
      );
    }
    seen.add(node.name);
    validateEndpoint(node.endpoint, `nodes[${i}].endpoint`, driver);
    return node;
  });
}

function scalar(v: unknown, what: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new UserError(`${what} must be a single value, not a list or mapping.`, 'nodes');
}

function stringList(v: unknown, what: string, ignoreComma = false): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.map((x) => scalar(x, what).trim()).filter((x) => x !== '');
  return splitList(scalar(v, what), { ignoreComma });
}

/** An endpoint is a URL of a scheme buildx knows, or a Docker context name. */
function validateEndpoint(endpoint: string, input: string, driver: Driver): void {
  if (endpoint === '') return;
  if (endpoint.includes('://')) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (url && ENDPOINT_SCHEMES.includes(url.protocol)) {
      if (url.protocol === 'tcp:' && (!url.hostname || !url.port)) {
        throw new UserError(
          `Endpoint '${endpoint}' (${input}) needs a host and a port, e.g. tcp://buildkitd:1234.`,
          input,
        );
      }
      // BuildKit's tcp address is host:port only: a path or query would be dropped, and the
      // failure later blamed on the network.
      if (url.protocol === 'tcp:' && ((url.pathname && url.pathname !== '/') || url.search || url.hash)) {
        throw new UserError(
          `Endpoint '${endpoint}' (${input}) has a path; a tcp endpoint is only host and port, e.g. tcp://${url.host}.`,
          input,
        );
      }
      return;
    }
    throw new UserError(
      `Endpoint '${endpoint}' (${input}) is not a valid URL; use tcp://host:port, unix:///path, ssh://user@host, docker-container://name, kube-pod://name or a Docker context name.`,
      input,
    );
  }
  if (driver === 'remote' || !CONTEXT_NAME.test(endpoint)) {
    throw new UserError(
      `Endpoint '${endpoint}' (${input}) is neither a URL nor a Docker context name${driver === 'remote' ? ' usable by the remote driver, which needs a URL such as tcp://host:port' : ''}.`,
      input,
    );
  }
}
