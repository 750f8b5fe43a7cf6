import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
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

export const DRIVERS = ['docker-container', 'remote', 'kubernetes', 'docker'] as const;
export type Driver = (typeof DRIVERS)[number];

/** One BuildKit node of the builder, as `docker buildx create [--append]` takes it. */
export interface NodeSpec {
  name: string;
  endpoint: string;
  platforms: string[];
  driverOpts: string[];
  buildkitdFlags: string;
  buildkitdConfigInline: string;
}

export interface BuilderConfig {
  driver: Driver;
  /** Name of the builder this step creates. */
  name: string;
  /** The name came from the `name` input (a default name is unique to the run). */
  nameGiven: boolean;
  /** An existing builder to use (and verify) instead of creating one. */
  existing: string;
  nodes: NodeSpec[];
  bootstrapTimeoutSeconds: number;
  bootstrapRetries: number;
  cleanup: boolean;
}

/** The `docker buildx build` of the step; names and semantics of docker/build-push-action. */
export interface BuildConfig {
  /** False: only set up and verify the builder (as docker/setup-buildx-action). */
  enabled: boolean;
  context: string;
  file: string;
  tags: string[];
  labels: string[];
  platforms: string[];
  push: boolean;
  load: boolean;
  outputs: string[];
  target: string;
  buildArgs: string[];
  buildContexts: string[];
  secrets: string[];
  secretFiles: string[];
  secretEnvs: string[];
  ssh: string[];
  cacheFrom: string[];
  cacheTo: string[];
  noCache: boolean;
  noCacheFilters: string[];
  pull: boolean;
  network: string;
  addHosts: string[];
  allow: string[];
  shmSize: string;
  ulimit: string[];
  cgroupParent: string;
  annotations: string[];
  provenance: string;
  sbom: string;
  attests: string[];
  call: string;
  githubToken: string;
  /** `local`: keep a buildx type=local cache folder in the Actions cache between runs. */
  cacheMode: (typeof CACHE_MODES)[number];
}

export const CACHE_MODES = ['none', 'local'] as const;

export interface RetryConfig {
  maxAttempts: number;
  waitSeconds: number;
  maxWaitSeconds: number;
  /** 0: no limit. A timed-out attempt counts as transient. */
  attemptTimeoutMinutes: number;
  /** No progress for this long: probe the nodes; one that does not answer stops the attempt. 0: off. */
  stallTimeoutSeconds: number;
  /** Extra regular expressions whose match makes a failure retryable. */
  patterns: RegExp[];
  /** Crashes of buildx/BuildKit are retried at most this many times. */
  maxCrashRetries: number;
}

export const COMMENT_MODES = ['sticky', 'on-failure', 'off'] as const;
export const SUMMARY_MODES = ['full', 'compact', 'off'] as const;
export const FAIL_ON = ['none', 'error', 'warning'] as const;

/** Where findings go after the build. */
export interface ReportConfig {
  /** The job summary: full, compact (the verdict, the failure and the top findings), or off. */
  summary: (typeof SUMMARY_MODES)[number];
  /** Annotations of findings in the job log (input `annotate`; the check run is its own input). */
  annotations: boolean;
  comment: (typeof COMMENT_MODES)[number];
  checkRun: boolean;
  sarifFile: string;
  failOnFindings: (typeof FAIL_ON)[number];
  contextSizeWarnMb: number;
  /** Compare with the previous build's baseline (saved with @actions/cache). */
  baseline: boolean;
  /** Percent slower than the baseline that counts as a regression. */
  regressionThreshold: number;
}

/** `merge-sources`: instead of a build, `imagetools create` of these images into every tag. */
export interface MergeConfig {
  /** Image references, `name:tag` or `name@sha256:…`, one per line of the input. */
  sources: string[];
}

export interface Config {
  builder: BuilderConfig;
  build: BuildConfig;
  /** Set when `merge-sources` is: the step merges instead of building (no builder is needed). */
  merge?: MergeConfig;
  retry: RetryConfig;
  report: ReportConfig;
  debug: boolean;
}

const NODE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
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

export interface ConfigEnv {
  [key: string]: string | undefined;
}

/**
 * `sarif-file` resolved inside the workspace or RUNNER_TEMP (symlinked folders resolved first), so a
 * path like `../..` or `/etc/x` cannot write outside them; anything else is an input error.
 */
export function sarifPath(value: string, env: ConfigEnv, cwd = process.cwd()): string {
  if (!value) return '';
  const roots = [env.GITHUB_WORKSPACE || cwd, env.RUNNER_TEMP].filter((r): r is string => !!r).map(real);
  const abs = resolve(env.GITHUB_WORKSPACE || cwd, value);
  const parent = real(dirname(abs));
  const path = join(parent, basename(abs));
  const inside = roots.some((r) => path === r || path.startsWith(r + sep));
  if (!inside) {
    throw new UserError(
      `Input 'sarif-file' must be a path inside the workspace or RUNNER_TEMP (e.g. buildx-guard.sarif); got '${value}'.`,
      'sarif-file',
    );
  }
  return path;
}

/** The real path of a folder that may not exist yet (its nearest existing parent resolved). */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const up = dirname(path);
    return up === path ? path : join(real(up), basename(path));
  }
}

/** Builds the typed Config from inputs; every bad value becomes one UserError naming its input. */
export function parseConfig(src: InputSource, env: ConfigEnv = process.env): Config {
  const build = parseBuild(src);
  const merge = parseMerge(src, build);
  return {
    builder: parseBuilder(src, env),
    build,
    ...(merge ? { merge } : {}),
    retry: parseRetry(src),
    report: {
      comment: getChoice(src, 'comment', COMMENT_MODES, 'sticky'),
      checkRun: getBoolean(src, 'check-run', false),
      summary: getChoice(src, 'summary', SUMMARY_MODES, 'full'),
      annotations: getBoolean(src, 'annotate', true),
      sarifFile: sarifPath(getString(src, 'sarif-file'), env),
      failOnFindings: getChoice(src, 'fail-on-findings', FAIL_ON, 'none'),
      contextSizeWarnMb: getNumber(src, 'context-size-warn-mb', 50, { min: 0, max: 1_000_000 }),
      baseline: getBoolean(src, 'baseline', true),
      regressionThreshold: getNumber(src, 'regression-threshold', 25, {
        min: 0,
        max: 10_000,
        integer: false,
      }),
    },
    debug: env.RUNNER_DEBUG === '1' || getBoolean(src, 'debug', false),
  };
}

const CALLS = ['build', 'check', 'outline', 'targets'];

/** Inputs that only mean something to a build: an error beside merge-sources, naming each one. */
const BUILD_ONLY = [
  'file',
  'target',
  'platforms',
  'build-args',
  'build-contexts',
  'outputs',
  'load',
  'cache-from',
  'cache-to',
  'secrets',
  'secret-files',
  'secret-envs',
  'no-cache',
  'pull',
  'call',
];

function parseMerge(src: InputSource, build: BuildConfig): MergeConfig | undefined {
  const sources = getList(src, 'merge-sources', { ignoreComma: true });
  if (!sources.length) return undefined;
  const set = BUILD_ONLY.filter((name) => {
    const v = getString(src, name);
    return v !== '' && v !== 'false';
  });
  if (build.context !== '.') set.unshift('context');
  if (set.length) {
    throw new UserError(
      `Input 'merge-sources' merges existing images instead of building, so ${set.map((n) => `'${n}'`).join(', ')} cannot be set with it; remove ${set.length === 1 ? 'it' : 'them'}, or split the build and the merge into two steps.`,
      'merge-sources',
    );
  }
  if (!build.tags.length) {
    throw new UserError(
      `Input 'merge-sources' needs 'tags': the image references the merged index is pushed to (e.g. ghcr.io/owner/app:1.2.3).`,
      'tags',
    );
  }
  const bad = sources.find((s) => /\s/.test(s) || s.startsWith('-'));
  if (bad) {
    throw new UserError(
      `Each line of input 'merge-sources' must be one image reference (name:tag or name@sha256:…); got '${bad}'.`,
      'merge-sources',
    );
  }
  return { sources };
}

function parseBuild(src: InputSource): BuildConfig {
  const list = (name: string) => getList(src, name);
  const lines = (name: string) => getList(src, name, { ignoreComma: true });
  const build: BuildConfig = {
    enabled: getBoolean(src, 'build', true),
    context: getString(src, 'context', '.'),
    file: getString(src, 'file'),
    tags: list('tags'),
    labels: lines('labels'),
    platforms: list('platforms'),
    push: getBoolean(src, 'push', false),
    load: getBoolean(src, 'load', false),
    outputs: lines('outputs'),
    target: getString(src, 'target'),
    buildArgs: lines('build-args'),
    buildContexts: lines('build-contexts'),
    secrets: lines('secrets'),
    secretFiles: lines('secret-files'),
    secretEnvs: list('secret-envs'),
    ssh: lines('ssh'),
    cacheFrom: lines('cache-from'),
    cacheTo: lines('cache-to'),
    noCache: getBoolean(src, 'no-cache', false),
    noCacheFilters: list('no-cache-filters'),
    pull: getBoolean(src, 'pull', false),
    network: getString(src, 'network'),
    addHosts: list('add-hosts'),
    allow: list('allow'),
    shmSize: getString(src, 'shm-size'),
    ulimit: lines('ulimit'),
    cgroupParent: getString(src, 'cgroup-parent'),
    annotations: lines('annotations'),
    provenance: getString(src, 'provenance'),
    sbom: getString(src, 'sbom'),
    attests: lines('attests'),
    call: getString(src, 'call'),
    githubToken: getString(src, 'github-token'),
    cacheMode: getChoice(src, 'cache-mode', CACHE_MODES, 'none'),
  };
  if (build.cacheMode === 'local' && getChoice(src, 'driver', DRIVERS, 'docker-container') === 'docker') {
    throw new UserError(
      `Input 'cache-mode: local' needs a builder that can export a cache (driver docker-container, remote or kubernetes); the docker driver cannot.`,
      'cache-mode',
    );
  }
  if (build.push && build.load && build.outputs.length) {
    throw new UserError(
      `Inputs 'push', 'load' and 'outputs' cannot all be set; 'outputs' replaces the other two.`,
      'outputs',
    );
  }
  if (build.call && !CALLS.includes(build.call.split(',')[0])) {
    throw new UserError(
      `Input 'call' must be one of ${CALLS.join(', ')} (optionally with ,format=json); got '${build.call}'.`,
      'call',
    );
  }
  for (const [name, values] of [
    ['secrets', build.secrets],
    ['secret-files', build.secretFiles],
    ['secret-envs', build.secretEnvs],
    ['build-args', build.buildArgs],
    ['build-contexts', build.buildContexts],
  ] as const) {
    const bad = values.findIndex((v) => !/^[^=\s]+=/.test(v));
    if (bad >= 0) {
      // A secret's line is never echoed: without '=', the whole line may be the value.
      const got = name === 'secrets' ? `line ${bad + 1}` : `'${values[bad]}'`;
      throw new UserError(`Each line of input '${name}' must be KEY=value; got ${got}.`, name);
    }
  }
  return build;
}

function parseRetry(src: InputSource): RetryConfig {
  const patterns = getList(src, 'retry-patterns', { ignoreComma: true }).map((p) => {
    try {
      return new RegExp(p, 'm');
    } catch (e) {
      throw new UserError(
        `Input 'retry-patterns' has an invalid regular expression '${p}': ${(e as Error).message}.`,
        'retry-patterns',
      );
    }
  });
  const waitSeconds = getNumber(src, 'retry-wait-seconds', 10, { min: 0, max: 3600 });
  const maxWaitSeconds = getNumber(src, 'retry-max-wait-seconds', 120, { min: 0, max: 3600 });
  if (maxWaitSeconds < waitSeconds) {
    throw new UserError(
      `Input 'retry-max-wait-seconds' (${maxWaitSeconds}) must not be below 'retry-wait-seconds' (${waitSeconds}).`,
      'retry-max-wait-seconds',
    );
  }
  return {
    maxAttempts: getNumber(src, 'max-attempts', 3, { min: 1, max: 20 }),
    waitSeconds,
    maxWaitSeconds,
    attemptTimeoutMinutes: getNumber(src, 'attempt-timeout-minutes', 0, {
      min: 0,
      max: 24 * 60,
      integer: false,
    }),
    stallTimeoutSeconds: getNumber(src, 'stall-timeout-seconds', 300, { min: 0, max: 24 * 3600 }),
    patterns,
    maxCrashRetries: getNumber(src, 'max-crash-retries', 1, { min: 0, max: 10 }),
  };
}

function parseBuilder(src: InputSource, env: ConfigEnv): BuilderConfig {
  const driver = getChoice(src, 'driver', DRIVERS, 'docker-container');
  const existing = getString(src, 'builder');
  if (existing && !NODE_NAME.test(existing)) {
    throw new UserError(
      `Input 'builder' must be the name of an existing builder (letters, digits, '.', '_' or '-', as 'docker buildx ls' lists it); got '${existing}'.`,
      'builder',
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
