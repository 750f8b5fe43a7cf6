// Where a path really is, for the checks that keep a file inside allowed folders (sarif-file, a bake
// file's host reads): symbolic links resolved, also for a path that does not exist yet.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/** The real path of a file or folder that may not exist yet (its nearest existing parent resolved). */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const up = dirname(path);
    return up === path ? path : join(realPath(up), basename(path));
  }
}

/** Whether `path` is one of `roots` or below one (both already real). */
export function insideAny(path: string, roots: readonly string[]): boolean {
  return roots.some((r) => path === r || path.startsWith(r.endsWith(sep) ? r : r + sep));
}
