import type { BuildConfig } from '../config/config.js';
import { UserError } from '../config/errors.js';
import { SECRET_NAME } from './secrets.js';

export interface BuildFiles {
  builder: string;
  metadataFile: string;
  iidFile: string;
  /** `--secret` values (id=…,src=… / id=…,env=…) with secret values already in private files. */
  secretSpecs: string[];
}

/** A build's command: its argv and what its environment gets besides the job's (scrubbed) one. */
export interface BuildCommand {
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Variables the child itself reads (the Docker CLI, buildx, Go's runtime, TLS and proxy settings,
 * the dynamic loader, the locale): a build-arg of that name would change how buildx runs if it went
 * into its environment. Prefixes end with `_` (GOOGLE_API_KEY is not Go's, DOCKERHUB_TOKEN not the
 * Docker CLI's).
 */
const CHILD_READS =
  /^(?:PATH|HOME|USER|SHELL|TMPDIR|PWD|LANG|LANGUAGE|TZ|TERM|NO_COLOR|SSH_AUTH_SOCK|SSL_CERT_(?:FILE|DIR)|GO(?:GC|DEBUG|MAXPROCS|MEMLIMIT|TRACEBACK)|(?:HTTPS?|FTP|NO|ALL)_PROXY|(?:DOCKER|BUILDX|BUILDKIT|LD|LC|XDG|OTEL)_\w*)$/i;

/**
 * The variables of the Actions cache service that buildx's `type=gha` cache reads when the cache
 * spec names no url/token. Only a build (never a bake, whose file reads any variable) gets them,
 * and only when its cache-from/cache-to uses `type=gha`: a Dockerfile cannot read the client's
 * environment.
 */
const GHA_CACHE_VARIABLES = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_SERVICE_V2',
];

function usesGhaCache(b: BuildConfig): boolean {
  return [...b.cacheFrom, ...b.cacheTo].some((c) => /(?:^|,)type=gha(?:,|$)/.test(c));
}

/**
 * `--build-arg NAME` on argv and `NAME=value` in the child's environment (buildx reads the value
 * from its environment when no `=` is given), so no build-arg value is on a command line (config
 * refuses a line without `=`). A name the child reads itself (CHILD_READS:
 * PATH, HOME, HTTP_PROXY, DOCKER_…) keeps `NAME=value` on argv, so it cannot change how buildx
 * runs; one of those named like a secret is refused in one sentence.
 */
function buildArgFlags(lines: string[]): BuildCommand {
  const args: string[] = [];
  const env: NodeJS.ProcessEnv = {};
  for (const line of lines) {
    const eq = line.indexOf('=');
    const name = eq < 0 ? line : line.slice(0, eq);
    if (eq <= 0) {
      args.push('--build-arg', line);
    } else if (CHILD_READS.test(name)) {
      if (SECRET_NAME.test(name)) {
        throw new UserError(
          `Build-arg '${name}' is named like a secret and like a variable buildx itself reads, so its value could only go on the command line; rename it or pass it with 'secrets'.`,
          'build-args',
        );
      }
      args.push('--build-arg', line);
    } else {
      args.push('--build-arg', name);
      env[name] = line.slice(eq + 1);
    }
  }
  return { args, env };
}

/** The build's argv and environment (build-arg values; the `type=gha` cache's grant). */
export function buildCommand(b: BuildConfig, f: BuildFiles, jobEnv: NodeJS.ProcessEnv): BuildCommand {
  const buildArgs = buildArgFlags(b.buildArgs);
  const env: NodeJS.ProcessEnv = {};
  if (usesGhaCache(b)) for (const k of GHA_CACHE_VARIABLES) if (jobEnv[k]) env[k] = jobEnv[k];
  return { args: buildArgv(b, f, buildArgs.args), env: { ...env, ...buildArgs.env } };
}

/** argv for `docker buildx build`, flag for flag as docker/build-push-action maps its inputs. */
function buildArgv(b: BuildConfig, f: BuildFiles, buildArgFlags: string[]): string[] {
  const args = [
    'build',
    '--builder',
    f.builder,
    '--progress=rawjson',
    '--metadata-file',
    f.metadataFile,
    ...(takesImageIdFile(b.outputs) ? ['--iidfile', f.iidFile] : []),
  ];
  const many = (flag: string, values: string[]) => values.forEach((v) => args.push(flag, v));
  const one = (flag: string, value: string) => value && args.push(flag, value);
  one('--file', b.file);
  many('--tag', b.tags);
  many('--label', b.labels);
  if (b.platforms.length) args.push('--platform', b.platforms.join(','));
  if (b.push) args.push('--push');
  if (b.load) args.push('--load');
  many('--output', b.outputs);
  one('--target', b.target);
  args.push(...buildArgFlags);
  many('--build-context', b.buildContexts);
  many('--secret', f.secretSpecs);
  many('--ssh', b.ssh);
  many('--cache-from', b.cacheFrom);
  many('--cache-to', b.cacheTo);
  if (b.noCache) args.push('--no-cache');
  many('--no-cache-filter', b.noCacheFilters);
  if (b.pull) args.push('--pull');
  one('--network', b.network);
  many('--add-host', b.addHosts);
  if (b.allow.length) args.push('--allow', b.allow.join(','));
  one('--shm-size', b.shmSize);
  many('--ulimit', b.ulimit);
  one('--cgroup-parent', b.cgroupParent);
  many('--annotation', b.annotations);
  if (b.provenance) args.push(`--provenance=${b.provenance}`);
  if (b.sbom) args.push(`--sbom=${b.sbom}`);
  many('--attest', b.attests);
  one('--call', b.call);
  args.push(b.context);
  return args;
}

/**
 * buildx refuses --iidfile with the local and tar exporters ("local and tar exporters are
 * incompatible with image ID file"); `-o ./dir` is local and `-o -` is tar.
 */
export function takesImageIdFile(outputs: string[]): boolean {
  return !outputs.some((o) => {
    const type = o.match(/(?:^|,)type=([^,]+)/)?.[1];
    if (type) return type === 'local' || type === 'tar';
    return !o.includes('=');
  });
}
