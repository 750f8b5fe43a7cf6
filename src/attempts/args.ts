import type { BuildConfig } from '../config/config.js';

export interface BuildFiles {
  builder: string;
  metadataFile: string;
  iidFile: string;
  /** `--secret` values (id=…,src=… / id=…,env=…) with secret values already in private files. */
  secretSpecs: string[];
}

/** argv for `docker buildx build`, flag for flag as docker/build-push-action maps its inputs. */
export function buildArgs(b: BuildConfig, f: BuildFiles): string[] {
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
  many('--build-arg', b.buildArgs);
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
