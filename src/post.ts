// The post phase: removes what the main phase created, whatever its result (also when cancelled).
// Loaded on its own (src/index.ts imports it with import()), so it reads none of the main phase's
// code: a post with nothing to remove ends right after Node's start-up.
import { getState, jobLog as log } from './joblog.js';
import { rmSync } from 'node:fs';
import { Buildx } from './buildx/buildx.js';
import { removeBuilder } from './builder/display.js';
import { STATE } from './state-keys.js';

export async function post(): Promise<void> {
  const builder = getState(STATE.builder);
  const tempDir = getState(STATE.tempDir);
  // Removed also with cleanup off: the Actions cache holds them, and they may name build-arg values.
  for (const dir of keptDirs()) rmSync(dir, { recursive: true, force: true });
  if (getState(STATE.cleanup) === 'false') {
    log.info(`cleanup is off: leaving builder '${builder}' and ${tempDir}`);
    return;
  }
  if (builder) {
    try {
      await removeBuilder(new Buildx(), builder);
      log.info(`Removed builder '${builder}'.`);
    } catch (e) {
      log.warning(`Cleanup: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}

/** The folders kept between runs (baseline, build cache): the Actions cache holds them, not the disk. */
function keptDirs(): string[] {
  try {
    const dirs: unknown = JSON.parse(getState(STATE.keptDirs) || '[]');
    // Only folders of ours (the state is written by the main phase, but a path is checked before rm).
    return Array.isArray(dirs)
      ? dirs.filter(
          (d): d is string => typeof d === 'string' && /\/buildx-guard-[a-z]+-[0-9a-f]{16}(-new)?$/.test(d),
        )
      : [];
  } catch {
    return [];
  }
}
