// `docker buildx bake` instead of a build: the inputs of docker/bake-action. Any of them makes the
// step a bake; an input that only means something to `docker buildx build` is then an error naming it.
import { UserError } from './errors.js';
import { getChoice, getList, getNumber, getString, type InputSource } from './inputs.js';
import type { BakeConfig } from './types.js';
import { actionInputs, isSet, takes } from './declaration.js';

export const BAKE_INPUTS = ['files', 'targets', 'set', 'workdir', 'source'] as const;

/** A bake target or group name, as buildx accepts them. */
const TARGET_NAME = /^[A-Za-z0-9_-]+$/;

/** Inputs that say how to bake, meaningless without a bake. */
const BAKE_MODE_INPUTS = ['bake-isolation', 'bake-parallelism'] as const;

export function parseBake(src: InputSource): BakeConfig | undefined {
  const given = BAKE_INPUTS.filter((n) => getString(src, n) !== '');
  if (!given.length) {
    const mode = BAKE_MODE_INPUTS.find((n) => getString(src, n) !== '');
    if (mode) {
      throw new UserError(
        `Input '${mode}' says how to run docker buildx bake, and this step builds: add 'files' or 'targets' to bake, or remove '${mode}'.`,
        mode,
      );
    }
    return undefined;
  }
  // What a bake does not take (declaration.ts): the build's own inputs, merge-sources.
  const set = actionInputs().filter((name) => !takes('action', 'bake', name) && isSet(src, name));
  if (set.length) {
    throw new UserError(
      `Input${given.length === 1 ? '' : 's'} ${given.map((n) => `'${n}'`).join(', ')} run${given.length === 1 ? 's' : ''} docker buildx bake, which takes ${set.map((n) => `'${n}'`).join(', ')} from the bake file: remove ${set.length === 1 ? 'it' : 'them'} and set ${set.length === 1 ? 'it' : 'them'} in the bake file or with 'set' (e.g. *.platform=linux/amd64,linux/arm64).`,
      set[0],
    );
  }
  const targets = getList(src, 'targets');
  const badTarget = targets.find((t) => !TARGET_NAME.test(t));
  if (badTarget) {
    throw new UserError(
      `Input 'targets' lists bake targets or groups (letters, digits, '-' and '_'), one per line or comma-separated; got '${badTarget}'.`,
      'targets',
    );
  }
  const overrides = getList(src, 'set', { ignoreComma: true });
  const badSet = overrides.find((s) => !/^[^=\s]+\.[^=\s]+=/.test(s));
  if (badSet) {
    throw new UserError(
      `Each line of input 'set' must be target.key=value (e.g. *.platform=linux/amd64 or app.tags=app:dev); got '${badSet}'.`,
      'set',
    );
  }
  const files = getList(src, 'files');
  const bad = files.find((f) => f.startsWith('-'));
  if (bad) throw new UserError(`Input 'files' lists bake files; '${bad}' is not a file name.`, 'files');
  const isolation = getChoice(src, 'bake-isolation', ['none', 'targets'] as const, 'none');
  const parallelism = getNumber(src, 'bake-parallelism', 0, { max: 64 });
  // One bake runs its targets as buildx schedules them: a bound on isolated bakes means nothing.
  if (parallelism && isolation !== 'targets') {
    throw new UserError(
      `Input 'bake-parallelism' bounds the isolated bakes of 'bake-isolation: targets'; set that too, or remove 'bake-parallelism'.`,
      'bake-parallelism',
    );
  }
  return {
    files,
    targets,
    set: overrides,
    workdir: getString(src, 'workdir', '.'),
    source: getString(src, 'source'),
    isolation,
    parallelism,
  };
}

/** A bake source that is not a local folder: a Git URL or another remote bake definition. */
export function isRemoteSource(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith('git@');
}
