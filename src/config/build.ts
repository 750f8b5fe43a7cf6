// The build's inputs (docker/build-push-action's names) and merge-sources.
import { actionInputs, input, isSet, takes } from './declaration.js';
import { UserError } from './errors.js';
import { getBoolean, getChoice, getList, getString, type InputSource } from './inputs.js';
import { CACHE_MODES, DRIVERS, type BuildConfig, type MergeConfig } from './types.js';

const CALLS = ['build', 'check', 'outline', 'targets'];

export function parseMerge(src: InputSource, build: BuildConfig): MergeConfig | undefined {
  const sources = getList(src, 'merge-sources', { ignoreComma: true });
  if (!sources.length) return undefined;
  // What a merge does not take (declaration.ts): the build's and the builder's inputs.
  const set = actionInputs().filter(
    (name) => !takes('action', 'merge', name) && !input(name)?.alwaysSet && isSet(src, name),
  );
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

export function parseBuild(src: InputSource): BuildConfig {
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
