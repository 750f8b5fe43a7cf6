// Every input of buildx-guard, declared once: its name, kind, default, description, and which
// commands take it, in the action (by what the step does: build, bake, merge, or only set up the
// builder with `build: false`) and on the command line. From this one table:
// - action.yml's inputs and the README's inputs table are generated (`npm run docs`; `npm run lint`
//   checks them, scripts/docs.mjs);
// - each CLI command's flags (parseArgs options) and its --help are derived (src/commands/command.ts);
// - an input set for a command that does not take it is refused with one sentence naming it
//   (`refuseUntaken`: the action's through parseConfig, the CLI's through parseFlags, before anything runs);
// - every name src/config reads must be declared here (`declared`).
// __tests__/unit/config/declaration.test.ts walks it: every (command, input) pair has an effect or is
// refused. To add an input: add it here, read it in src/config, give the test a sample value.
import { UserError } from './errors.js';
import type { InputSource } from './inputs.js';

/** What the action's step does: chosen by its inputs (merge-sources, a bake input, build: false). */
export const ACTION_MODES = ['build', 'bake', 'merge', 'setup'] as const;
export type ActionMode = (typeof ACTION_MODES)[number];
export const CLI_COMMANDS = ['build', 'bake', 'merge', 'doctor', 'analyze', 'classify', 'ledger'] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

/**
 * How a value is read: boolean (a bare CLI flag), number, choice (one of a list), string, list (one
 * item per line or comma), lines (one item per line), text (as given), yaml.
 */
export type Kind = 'boolean' | 'number' | 'choice' | 'string' | 'list' | 'lines' | 'text' | 'yaml';

export interface InputDecl {
  kind: Kind;
  /** The default, as action.yml shows it ('' or absent: none). */
  default?: string;
  /** action.yml's description and the README's. */
  description: string;
  /** The CLI's --help line, where shorter than the description (per command where they differ). */
  help?: string | Partial<Record<CliCommand, string>>;
  /** The action's modes that take it; [] or absent: not an input of the action. */
  action?: readonly ActionMode[];
  /** The CLI commands that take it as --name. */
  cli?: readonly CliCommand[];
  /**
   * The runner always gives it a value (a default that is an expression, e.g. ${{ github.token }}):
   * the action never refuses it where a mode does not use it (the CLI does).
   */
  alwaysSet?: boolean;
  /** What to do instead, when a CLI command refuses it and no other command takes it. */
  cliInstead?: string;
}

const BUILDER = ['build', 'bake', 'setup'] as const;
const BUILDER_CLI = ['build', 'bake', 'doctor'] as const;
const RUNS = ['build', 'bake', 'merge'] as const;

export const INPUTS = {
  driver: {
    kind: 'choice',
    default: 'docker-container',
    description:
      "Builder driver: docker-container, remote, kubernetes, or docker (the daemon's default builder).",
    action: BUILDER,
    cli: BUILDER_CLI,
  },
  name: {
    kind: 'string',
    description:
      'Name of the builder to create. Default derived from the run, so parallel jobs never collide.',
    action: BUILDER,
    cli: BUILDER_CLI,
  },
  builder: {
    kind: 'string',
    description:
      'Use this existing builder instead of creating one; its nodes are still verified strictly and it is never removed.',
    action: BUILDER,
    cli: BUILDER_CLI,
    help: 'an existing builder to verify and use (never removed)',
  },
  nodes: {
    kind: 'yaml',
    description:
      'YAML list of nodes: each with name, endpoint, platforms, driver-opts, buildkitd-flags, buildkitd-config-inline.',
    action: BUILDER,
    cli: BUILDER_CLI,
  },
  endpoint: {
    kind: 'string',
    description:
      'Endpoint of the single node (a URL such as tcp://buildkitd:1234, or a Docker context name).',
    action: BUILDER,
    cli: BUILDER_CLI,
  },
  'driver-opts': {
    kind: 'lines',
    description: 'Driver options of the single node, one per line (e.g. cacert=/path/ca.pem).',
    action: BUILDER,
    cli: BUILDER_CLI,
  },
  'buildkitd-flags': {
    kind: 'string',
    description: 'BuildKit daemon flags of the single node.',
    action: BUILDER,
    cli: BUILDER_CLI,
  },
  'buildkitd-config-inline': {
    kind: 'text',
    description: 'Inline BuildKit daemon configuration (TOML) of the single node.',
    action: BUILDER,
    cli: BUILDER_CLI,
  },
  'bootstrap-timeout': {
    kind: 'number',
    default: '120',
    description:
      'Seconds creating, booting and verifying the nodes may take, every boot round and the last status read included; nodes not running by then fail the step, each named. A tcp:// node that refuses connections or does not resolve fails sooner, after 4 quick probes over 7 s.',
    action: BUILDER,
    cli: BUILDER_CLI,
  },
  'bootstrap-retries': {
    kind: 'number',
    default: '2',
    description:
      "How many times a node that did not reach 'running' is booted again, with backoff, before the step fails.",
    action: BUILDER,
    cli: BUILDER_CLI,
  },
  cleanup: {
    kind: 'boolean',
    default: 'true',
    description:
      'Remove the builder this step created, its temporary files and TLS material in the post phase.',
    action: BUILDER,
    cli: BUILDER_CLI,
  },
  build: {
    kind: 'boolean',
    default: 'true',
    description:
      'Run the build. false only sets up and verifies the builder, as docker/setup-buildx-action does.',
    action: ['build', 'bake', 'setup'],
    cli: [],
  },
  context: {
    kind: 'string',
    default: '.',
    description: 'Build context (a path, or a Git URL).',
    action: ['build'],
    cli: ['build'],
    help: 'the build context (a path or a Git URL; or give it as the argument), default .',
  },
  file: {
    kind: 'string',
    description: 'Path to the Dockerfile. Default {context}/Dockerfile.',
    help: { ledger: 'the ledger file to print (what build --ledger appends)' },
    action: ['build'],
    cli: ['build', 'ledger'],
  },
  tags: {
    kind: 'list',
    description: 'Image tags, one per line or comma-separated.',
    action: ['build', 'merge'],
    cli: ['build', 'merge'],
    help: {
      build: 'image tags (repeat the flag for several)',
      merge: 'where the merged index is pushed (repeat the flag for several repositories or tags)',
    },
  },
  labels: {
    kind: 'lines',
    description: 'Image labels, one per line.',
    action: ['build'],
    cli: ['build'],
  },
  platforms: {
    kind: 'list',
    description: 'Target platforms of the build, comma-separated (e.g. linux/amd64,linux/arm64).',
    action: ['build'],
    cli: ['build', 'doctor'],
  },
  push: {
    kind: 'boolean',
    default: 'false',
    description: 'Push the image (--push).',
    action: ['build', 'bake'],
    cli: ['build', 'bake'],
  },
  load: {
    kind: 'boolean',
    default: 'false',
    description: 'Load the image into Docker (--load).',
    action: ['build', 'bake'],
    cli: ['build', 'bake'],
  },
  outputs: {
    kind: 'lines',
    description: 'Outputs (--output), one per line.',
    action: ['build'],
    cli: ['build'],
  },
  target: {
    kind: 'string',
    description: 'Target stage to build.',
    action: ['build'],
    cli: ['build'],
  },
  'build-args': {
    kind: 'lines',
    description:
      'Build arguments, one KEY=value per line. Values reach buildx through its environment (--build-arg KEY), never its command line; a name buildx reads itself (PATH, HOME, a proxy, DOCKER_*, BUILDX_*, ...) stays KEY=value on the command line, and is refused when it is also named like a secret.',
    action: ['build'],
    cli: ['build'],
  },
  'build-contexts': {
    kind: 'lines',
    description: 'Additional build contexts, one name=source per line.',
    action: ['build'],
    cli: ['build'],
  },
  secrets: {
    kind: 'lines',
    description: 'Secrets, one id=value per line. Values go to private files and are masked.',
    action: ['build'],
    cli: ['build'],
  },
  'secret-files': {
    kind: 'lines',
    description: 'Secret files, one id=path per line.',
    action: ['build'],
    cli: ['build'],
  },
  'secret-envs': {
    kind: 'list',
    description: 'Secrets from environment variables, one id=ENV per line.',
    action: ['build'],
    cli: ['build'],
  },
  ssh: {
    kind: 'lines',
    description: 'SSH agent sockets or keys to expose (default|<id>[=<socket>|<key>[,<key>]]), one per line.',
    action: ['build'],
    cli: ['build'],
  },
  'cache-from': {
    kind: 'lines',
    description: 'Cache sources (--cache-from), one per line.',
    action: ['build'],
    cli: ['build'],
  },
  'cache-to': {
    kind: 'lines',
    description: 'Cache exports (--cache-to), one per line.',
    action: ['build'],
    cli: ['build'],
  },
  'no-cache': {
    kind: 'boolean',
    default: 'false',
    description: 'Do not use the cache.',
    action: ['build', 'bake'],
    cli: ['build', 'bake'],
  },
  'no-cache-filters': {
    kind: 'list',
    description: 'Stages to build without the cache.',
    action: ['build'],
    cli: ['build'],
  },
  pull: {
    kind: 'boolean',
    default: 'false',
    description: 'Always pull referenced images.',
    action: ['build', 'bake'],
    cli: ['build', 'bake'],
  },
  network: {
    kind: 'string',
    description: 'Networking mode of RUN instructions.',
    action: ['build'],
    cli: ['build'],
  },
  'add-hosts': {
    kind: 'list',
    description: 'Custom host-to-IP mappings (host:ip).',
    action: ['build'],
    cli: ['build'],
  },
  allow: {
    kind: 'list',
    description:
      'Extra privileged entitlements (e.g. network.host,security.insecure); for bake, also host folders a target may read outside its workdir (fs.read=DIR, fs=DIR, fs.read=*): secret and ssh sources, local cache-from.',
    action: ['build', 'bake'],
    cli: ['build', 'bake'],
  },
  'shm-size': {
    kind: 'string',
    description: 'Size of /dev/shm (e.g. 2g).',
    action: ['build'],
    cli: ['build'],
  },
  ulimit: {
    kind: 'lines',
    description: 'Ulimit options (e.g. nofile=1024:1024), one per line.',
    action: ['build'],
    cli: ['build'],
  },
  'cgroup-parent': {
    kind: 'string',
    description: 'Parent cgroup of RUN instructions.',
    action: ['build'],
    cli: ['build'],
  },
  annotations: {
    kind: 'lines',
    description: 'Annotations for the image, one per line.',
    action: ['build', 'merge'],
    cli: ['build', 'merge'],
    help: { merge: 'an annotation of the index, index:key=value (repeat the flag for several)' },
  },
  'merge-sources': {
    kind: 'lines',
    description:
      'Merge instead of build: image references (name:tag or name@sha256:…), one per line, combined with docker buildx imagetools create into one index pushed to every tags entry; retried like a build and verified (every platform of every source on every tag). No builder is needed.',
    cliInstead: "merging is its own command: run 'buildx-guard merge --sources REF --sources REF --tags REF'",
    action: ['merge'],
    cli: [],
  },
  files: {
    kind: 'list',
    description:
      'Bake instead of build: bake files (docker buildx bake --file), one per line or comma-separated; relative to workdir. Any of files, targets, set, workdir or source runs docker buildx bake; the build-only inputs (file, tags, platforms, build-args, …) are then an error: set them in the bake file or with set.',
    action: ['bake'],
    cli: ['bake'],
  },
  targets: {
    kind: 'list',
    description:
      "Bake targets or groups, one per line or comma-separated. Default the bake file's default group.",
    action: ['bake'],
    cli: ['bake'],
    help: 'bake targets or groups, comma-separated (or give them as arguments)',
  },
  set: {
    kind: 'lines',
    description:
      'Bake overrides (--set), one target.key=value per line, e.g. *.platform=linux/amd64,linux/arm64.',
    action: ['bake'],
    cli: ['bake'],
  },
  workdir: {
    kind: 'string',
    description:
      'The folder bake runs in; bake files and contexts are relative to it. Default the workspace.',
    action: ['bake'],
    cli: ['bake'],
  },
  source: {
    kind: 'string',
    description:
      'A remote bake definition (a Git URL) instead of the local files. Default the local files in workdir.',
    action: ['bake'],
    cli: ['bake'],
  },
  'bake-isolation': {
    kind: 'choice',
    description:
      'none (default): one docker buildx bake for all targets, as buildx does (the first failure cancels the rest). targets: each target (with the targets it links through target: contexts) runs as its own bake on the same builder, with its own attempts; a failing target never stops the others, and the step fails naming each target that failed.',
    help: 'targets: each target its own bake with its own attempts (default none: one bake)',
    action: ['bake'],
    cli: ['bake'],
  },
  'bake-parallelism': {
    kind: 'number',
    description: 'With bake-isolation targets, how many targets bake at once at most. Default 0, all.',
    help: 'with --bake-isolation targets: bakes at once at most (default 0: all)',
    action: ['bake'],
    cli: ['bake'],
  },
  provenance: {
    kind: 'string',
    description: 'Provenance attestation (--provenance), e.g. mode=max or false.',
    action: ['build', 'bake'],
    cli: ['build', 'bake'],
  },
  sbom: {
    kind: 'string',
    description: 'SBOM attestation (--sbom), e.g. true.',
    action: ['build', 'bake'],
    cli: ['build', 'bake'],
  },
  attests: {
    kind: 'lines',
    description: 'Attestations (--attest), one per line.',
    action: ['build'],
    cli: ['build'],
  },
  call: {
    kind: 'string',
    description: 'Evaluate a build method instead of building (build, check, outline, targets).',
    action: ['build'],
    cli: ['build'],
  },
  'github-token': {
    kind: 'string',
    default: '${{ github.token }}',
    description: 'Token for Git contexts on GitHub, passed as the GIT_AUTH_TOKEN secret.',
    action: ['build', 'bake', 'merge'],
    cli: ['build', 'bake'],
    alwaysSet: true,
  },
  'max-attempts': {
    kind: 'number',
    default: '3',
    description: 'Build attempts at most; only transient failures (transport, registry, crash) are retried.',
    action: RUNS,
    cli: RUNS,
  },
  'retry-wait-seconds': {
    kind: 'number',
    default: '10',
    description:
      'First wait before a retry; doubles per retry with full jitter (longer after a registry 429).',
    action: RUNS,
    cli: RUNS,
  },
  'retry-max-wait-seconds': {
    kind: 'number',
    default: '120',
    description: 'Longest wait before a retry.',
    action: RUNS,
    cli: RUNS,
  },
  'attempt-timeout-minutes': {
    kind: 'number',
    default: '0',
    description: 'Stop an attempt after this many minutes and count it as transient (0 = no limit).',
    action: RUNS,
    cli: RUNS,
  },
  'stall-timeout-seconds': {
    kind: 'number',
    default: '300',
    description:
      'Seconds without build progress before the nodes are probed: a node that does not answer stops the attempt (transport, the node named) and the retry decides; a node that answers means a quiet step, and the build goes on, unless the step is a push or export waiting on a registry (then the attempt is stopped as registry, retryable; merge-sources likewise). 0 turns the watchdog off.',
    action: ['build', 'bake', 'merge'],
    cli: ['build', 'bake', 'merge'],
  },
  'retry-patterns': {
    kind: 'lines',
    description: 'Extra regular expressions, one per line; a failure whose text matches one is retried.',
    action: RUNS,
    cli: ['build', 'bake', 'merge', 'classify'],
  },
  'max-crash-retries': {
    kind: 'number',
    default: '1',
    description: 'How many times a buildx/BuildKit crash (panic) is retried.',
    action: RUNS,
    cli: RUNS,
  },
  comment: {
    kind: 'choice',
    default: 'sticky',
    description:
      'Sticky pull request comment: sticky (create or update one comment), on-failure (only when the build fails, and updated once fixed), or off.',
    action: RUNS,
    cli: [],
  },
  summary: {
    kind: 'choice',
    default: 'full',
    description:
      'Job summary: full (everything), compact (the verdict, the failure and the top three findings), or off.',
    action: RUNS,
    cli: [],
  },
  annotate: {
    kind: 'boolean',
    default: 'true',
    description:
      "Annotate the findings in the job log and on the pull request's changed files (true or false; the check run is its own input). Named annotate because annotations is the image's annotations, as in docker/build-push-action.",
    action: RUNS,
    cli: [],
  },
  'check-run': {
    kind: 'boolean',
    default: 'false',
    description:
      "Also publish a check run with every finding as an annotation on the PR's head commit (needs checks write).",
    action: RUNS,
    cli: [],
  },
  'report-key': {
    kind: 'string',
    description:
      "Names this build's sticky comment and check run within the job (letters, digits, _ . / : -). Default: a short hash of what tells matrix legs apart (platforms, target, build-args, tags, bake targets and files), with the commit and run ids taken out so that it stays the same across pushes.",
    action: RUNS,
    cli: [],
  },
  'sarif-file': {
    kind: 'string',
    description: 'Write the findings as SARIF 2.1.0 to this path (for github/codeql-action/upload-sarif).',
    action: RUNS,
    cli: RUNS,
    help: 'write the findings as SARIF 2.1.0 here (a path inside the current folder)',
  },
  'fail-on-findings': {
    kind: 'choice',
    default: 'none',
    description:
      'Fail the step after reporting when a finding of this build has this severity or worse: none, error, warning. The flake ledger’s flaky-node and flaky-registry (earlier runs’ history) never count.',
    action: RUNS,
    cli: ['build', 'bake', 'merge', 'analyze'],
    help: 'exit 1 when a finding has this severity or worse: error, warning, none (default)',
  },
  'context-size-warn-mb': {
    kind: 'number',
    default: '50',
    description: 'Warn when the build context sent to BuildKit is larger than this many MB.',
    action: ['build', 'bake'],
    cli: ['build', 'bake', 'analyze'],
  },
  baseline: {
    kind: 'boolean',
    default: 'true',
    description:
      "Compare with the previous build's baseline (saved with the Actions cache): slower-than-baseline and cache-ratio-drop findings, before/after in the timing chart.",
    action: ['build', 'bake'],
    cli: [],
  },
  ledger: {
    kind: 'string',
    default: 'true',
    description:
      "Keep the flake ledger (docs/ledger.md): every run's failed attempts, nodes down and stalls, per node, category and registry, in the Actions cache beside the baseline (pull requests read it, never write it); the window's table in the summary, flaky-node and flaky-registry findings, the `ledger` output. false: the run neither reads nor appends to it (a ledger already kept stays as it is), and the output is empty.",
    help: {
      build:
        'a file, not true or false: read this ledger (JSON) and append the run to it; a folder, a missing folder or a ledger it cannot read whole is refused before the build, exit 2 (docs/ledger.md)',
      bake: 'a file, as for build',
    },
    action: RUNS,
    cli: ['build', 'bake'],
  },
  'regression-threshold': {
    kind: 'number',
    default: '25',
    description: 'Percent slower than the baseline (and at least 5 s) that counts as a regression.',
    action: ['build', 'bake'],
    cli: [],
  },
  'cache-mode': {
    kind: 'choice',
    default: 'none',
    description:
      'local: keep a buildx type=local build cache in the Actions cache between runs (for drivers that cannot use type=gha; the -new folder rotation keeps it from growing). none: off.',
    action: ['build'],
    cli: [],
  },
  // The command line's own flags.
  sources: {
    kind: 'lines',
    description:
      "An image to merge, name:tag or name@sha256:… (repeat the flag); the action's merge-sources.",
    cli: ['merge'],
  },
  'report-file': {
    kind: 'string',
    description: 'Write the Markdown report (what the PR comment and summary show) to this file.',
    cli: ['build', 'bake', 'merge'],
  },
  timings: {
    kind: 'boolean',
    description: 'Print where the time went, phase by phase (to stderr).',
    cli: ['build', 'bake'],
  },
  format: {
    kind: 'choice',
    description:
      'The output format: json, text, markdown, sarif, codequality or junit (analyze); json or text (classify, doctor); text, json or markdown (ledger).',
    help: {
      analyze: 'json, text (default), markdown, sarif, codequality or junit (JUnit XML)',
      ledger: 'text (default: the tables), json (the `ledger` output) or markdown (the job summary’s tables)',
      classify: 'json (default: one line, {"category","retryable","reason","remedy"}) or text',
      doctor: 'text (default: the node table and the checks) or json (the verdict, with every node)',
    },
    cli: ['analyze', 'classify', 'doctor', 'ledger'],
  },
  log: {
    kind: 'string',
    description:
      "The build log: --progress=rawjson or plain, a GitHub raw log, a pasted one (2>&1 of buildx); '-' reads it from stdin.",
    cli: ['analyze'],
  },
  dockerfile: {
    kind: 'lines',
    description:
      'The Dockerfile, to place findings at its lines; for a bake log, TARGET=PATH (repeat the flag for each target).',
    cli: ['analyze'],
  },
  'bake-file': {
    kind: 'lines',
    description:
      "A bake log's bake file (repeat for several): each target's Dockerfile is read from it, resolved by docker buildx bake --print in the current folder.",
    cli: ['analyze'],
  },
  'fail-on-failure': {
    kind: 'boolean',
    description: 'Exit 1 when the log shows a failed build.',
    cli: ['analyze'],
  },
  'exit-code': {
    kind: 'boolean',
    description:
      'Exit 0 when the failure is transient (worth a retry), 1 when it is not: for shell retry loops.',
    cli: ['classify'],
  },
  debug: {
    kind: 'boolean',
    description: 'Print stack traces and buildx commands.',
    // `ledger` only reads a file: nothing to debug.
    cli: ['build', 'bake', 'merge', 'doctor', 'analyze', 'classify'],
  },
} as const satisfies Record<string, InputDecl>;

export type InputName = keyof typeof INPUTS;

/** Looks up a declared input (the table typed loosely, for walking it). */
export function input(name: string): InputDecl | undefined {
  return Object.hasOwn(INPUTS, name) ? (INPUTS as Record<string, InputDecl>)[name] : undefined;
}

/** Every declared name, in the table's order. */
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

/** The action's inputs (action.yml), in order. */
export function actionInputs(): InputName[] {
  return INPUT_NAMES.filter((n) => (input(n)!.action ?? []).length > 0);
}

/** A CLI command's flags, in order. */
export function cliFlags(command: CliCommand): InputName[] {
  return INPUT_NAMES.filter((n) => (input(n)!.cli ?? []).includes(command));
}

export function takes(adapter: 'action', mode: ActionMode, name: string): boolean;
export function takes(adapter: 'cli', command: CliCommand, name: string): boolean;
export function takes(adapter: 'action' | 'cli', command: string, name: string): boolean {
  const d = input(name);
  const list: readonly string[] = (adapter === 'action' ? d?.action : d?.cli) ?? [];
  return list.includes(command);
}

/** A value other than nothing and the default: the user set it. */
export function isSet(src: InputSource, name: string): boolean {
  const v = src(name).trim();
  return v !== '' && v !== (input(name)?.default ?? '');
}

/**
 * Inputs of docker/setup-buildx-action that this action does not take, with what to do instead. The
 * runner only warns about an input a step does not declare, and still passes it (INPUT_<NAME>): a
 * workflow moved over from setup-buildx-action would otherwise lose its meaning without a word.
 */
export const REFUSED_INPUTS: Record<string, string> = {
  version:
    'buildx comes from the runner (the log says which); to pin one, run docker/setup-buildx-action with version before this step and set builder to the builder it created',
  use: 'the build always runs on the builder this step created or verified; remove use',
  'keep-state': 'cleanup: false keeps the builder and its state; remove keep-state',
  'buildkitd-config':
    "give the configuration inline with buildkitd-config-inline (or a node's buildkitd-config-inline in nodes)",
};

const MODE_WORDS: Record<ActionMode, string> = {
  build: 'when the step builds',
  bake: 'when the step bakes (files, targets, set, workdir or source)',
  merge: 'when the step merges (merge-sources)',
  setup: 'with build: false (the step only sets up and verifies the builder)',
};

const VERBS: Record<ActionMode, string> = {
  build: 'builds',
  bake: 'bakes',
  merge: 'merges',
  setup: 'only sets up the builder (build: false)',
};

/**
 * The one check every adapter passes through: an input (action) or flag (CLI) set for a command that
 * does not take it is an error naming it and saying where it is taken; never accepted and ignored.
 * The action checks only its own inputs (the CLI's flags never reach it as inputs).
 */
export function refuseUntaken(adapter: 'action', mode: ActionMode, src: InputSource): void;
export function refuseUntaken(adapter: 'cli', command: CliCommand, src: InputSource): void;
export function refuseUntaken(adapter: 'action' | 'cli', command: string, src: InputSource): void {
  for (const name of INPUT_NAMES) {
    const d: InputDecl = INPUTS[name];
    const list: readonly string[] = (adapter === 'action' ? d.action : d.cli) ?? [];
    if (adapter === 'action' && !d.action?.length) continue;
    if (list.includes(command) || (adapter === 'action' && d.alwaysSet) || !isSet(src, name)) continue;
    if (adapter === 'action') {
      throw new UserError(
        `Input '${name}' does nothing ${MODE_WORDS[command as ActionMode]}; remove it (it is taken only when the step ${(d.action ?? []).map((m) => VERBS[m]).join(' or ')}).`,
        name,
      );
    }
    const others = (d.cli ?? []).filter((c) => c !== command);
    const where = d.cliInstead
      ? `: ${d.cliInstead}`
      : others.length
        ? `; run ${others.map((c) => `'buildx-guard ${c} --${name}'`).join(' or ')} for it`
        : d.action?.length
          ? '; it is an input of the action only (the terminal has no counterpart)'
          : '';
    throw new UserError(`--${name} is not a flag of 'buildx-guard ${command}'${where}.`, name);
  }
}

/** An input source that refuses to read a name the table does not declare: a programming error. */
export function declared(src: InputSource): InputSource {
  return (name) => {
    if (!input(name) && !Object.hasOwn(REFUSED_INPUTS, name))
      throw new Error(`Input '${name}' is read but not declared in src/config/declaration.ts.`);
    return src(name);
  };
}
