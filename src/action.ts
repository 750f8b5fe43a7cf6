import * as core from '@actions/core';
import { parseConfig } from './config/config.js';
import { isUserError } from './config/errors.js';

/** The main phase: config → builder → build → trace → findings → report. */
export async function run(): Promise<void> {
  try {
    const config = parseConfig((name) => core.getInput(name));
    core.debug(`config: ${JSON.stringify(config)}`);
  } catch (e) {
    fail(e);
  }
}

/** The post phase: cleanup of what the main phase created, whatever its result. */
export async function post(): Promise<void> {
  try {
    // Cleanup lands with the builder stage.
  } catch (e) {
    core.warning(`Cleanup failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** One sentence for errors a user can fix; the stack trace only with debug logging on. */
export function fail(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  if (!isUserError(e) && e instanceof Error && e.stack) core.debug(e.stack);
  if (isUserError(e) && core.isDebug() && e.stack) core.debug(e.stack);
  core.setFailed(message);
}
