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
