// The typed configuration every stage reads: what the action's inputs (or the CLI's flags) mean.

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
  /**
   * Node names made up for this run (`<builder>0`, … of a builder the step did not name): the flake
   * ledger knows such a node by its endpoint instead.
   */
  generatedNodeNames: string[];
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
  /** Keep the flake ledger in the Actions cache (docs/ledger.md). */
  ledger: boolean;
  /** `report-key`: names this leg's comment and check run instead of the hash of its inputs ('' = the hash). */
  key?: string;
}

/** `merge-sources`: instead of a build, `imagetools create` of these images into every tag. */
export interface MergeConfig {
  /** Image references, `name:tag` or `name@sha256:…`, one per line of the input. */
  sources: string[];
}

/** `docker buildx bake` instead of a build (docker/bake-action's inputs). */
export interface BakeConfig {
  /** Bake files (`--file`); none: buildx's defaults (docker-bake.hcl, compose.yaml, …). */
  files: string[];
  /** Targets or groups; none: the file's `default` group. */
  targets: string[];
  /** `--set` overrides, `target.key=value`. */
  set: string[];
  /** The folder bake runs in; files and contexts are relative to it. */
  workdir: string;
  /** A remote bake definition (a Git URL); '' or '.': the local files. */
  source: string;
  /**
   * `targets`: each target (with the targets it links through `target:` contexts) is its own
   * `docker buildx bake` with its own attempts; `none`: one bake for all (buildx's behaviour).
   */
  isolation: 'none' | 'targets';
  /** Isolated bakes running at once at most; 0: all. */
  parallelism: number;
}

export interface Config {
  builder: BuilderConfig;
  build: BuildConfig;
  /** Set when a bake input is: the step runs `docker buildx bake` instead of `build`. */
  bake?: BakeConfig;
  /** Set when `merge-sources` is: the step merges instead of building (no builder is needed). */
  merge?: MergeConfig;
  retry: RetryConfig;
  report: ReportConfig;
  debug: boolean;
}

export interface ConfigEnv {
  [key: string]: string | undefined;
}
