// cache-mode local: a buildx `type=local` cache folder kept between runs (the Actions cache carries
// it, src/baseline/store.ts). The build reads the folder and writes `<folder>-new`; after a
// successful build the new one replaces the old, so the folder never grows without bound.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * cache-mode: local. buildx reads the restored folder and writes a fresh one beside it (`-new`);
 * after the build the fresh one replaces the old, so the cache never grows with stale entries.
 */
export function localCacheArgs(dir: string): { cacheFrom: string[]; cacheTo: string[] } {
  const restored = existsSync(join(dir, 'index.json'));
  return {
    cacheFrom: restored ? [`type=local,src=${dir}`] : [],
    cacheTo: [`type=local,dest=${dir}-new,mode=max`],
  };
}

export function rotateLocalCache(dir: string): boolean {
  if (!existsSync(join(`${dir}-new`, 'index.json'))) return false;
  rmSync(dir, { recursive: true, force: true });
  renameSync(`${dir}-new`, dir);
  return true;
}
