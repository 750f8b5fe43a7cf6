// What a bake file may read from the runner besides its contexts: its own folder only, unless the
// workflow's `allow` input grants more (buildx's fs.read entitlement, enforced here for every
// progress mode).
import { resolve } from 'node:path';
import { insideAny, realPath } from '../fsio/paths.js';
import { UserError } from '../config/errors.js';

/** The files `docker buildx bake` reads when it is given no --file (buildx's defaultFilenames()). */
export const DEFAULT_BAKE_FILES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
  'docker-bake.json',
  'docker-bake.hcl',
  'docker-bake.override.json',
  'docker-bake.override.hcl',
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];

export type Printed = { target?: Record<string, Record<string, unknown>> };

/** `src=…` of a printed entry: an object (buildx ≥ 0.14) or a CSV string (older). */
function sourcesOf(entry: unknown, keys: string[]): string[] {
  if (typeof entry === 'string') {
    const fields = entry.split(',').map((f) => f.split('='));
    const local = !fields.some(([k, v]) => k === 'type' && v !== 'local' && v !== 'file');
    return local ? fields.filter(([k, v]) => keys.includes(k) && v).map(([, v]) => v) : [];
  }
  if (!entry || typeof entry !== 'object') return [];
  const o = entry as Record<string, unknown>;
  if (typeof o.type === 'string' && o.type !== 'local' && o.type !== 'file') return [];
  return keys.flatMap((k) => {
    const v = o[k];
    return typeof v === 'string' && v ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
  });
}

/**
 * A bake file reads only its own folder: a secret or SSH key source, or a local cache, outside the
 * folder bake runs in (after symbolic links) is refused unless `allow` grants it (`fs.read=DIR`,
 * `fs=DIR`, `fs.read=*`). buildx checks this itself only for some progress modes; not for rawjson,
 * which the action uses, so a pull request's bake file could read ~/.docker/config.json.
 */
export function checkHostReads(printed: Printed, cwd: string, allow: string[]): void {
  const granted = allow
    .flatMap((a) => a.split(','))
    .map((a) => a.match(/^fs(?:\.read)?=(.+)$/)?.[1])
    .filter((d): d is string => !!d);
  if (granted.includes('*')) return;
  const roots = [cwd, ...granted].map((d) => realPath(resolve(cwd, d)));
  for (const [name, t] of Object.entries(printed.target ?? {})) {
    const arr = (k: string) => (Array.isArray(t[k]) ? (t[k] as unknown[]) : []);
    const reads = [
      ...arr('secret').flatMap((e) => sourcesOf(e, ['src', 'source']).map((p) => [p, 'secret'] as const)),
      ...arr('ssh').flatMap((e) => sourcesOf(e, ['paths']).map((p) => [p, 'ssh'] as const)),
      ...arr('cache-from').flatMap((e) =>
        typeof e === 'string' && !e.includes('type=local')
          ? []
          : sourcesOf(e, ['src']).map((p) => [p, 'cache-from'] as const),
      ),
    ];
    for (const [path, what] of reads) {
      const abs = realPath(resolve(cwd, path));
      if (!insideAny(abs, roots)) {
        throw new UserError(
          `Bake target '${name}' reads '${path}' (${what}) outside the folder bake runs in; a bake file reads only its own folder unless input 'allow' grants it (fs.read=${path}).`,
          'allow',
        );
      }
    }
  }
}
