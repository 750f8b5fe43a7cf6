import * as core from '@actions/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buildx } from './buildx/buildx.js';
import { nodesOutput, nodesTable, platformsOf, removeBuilder, setupBuilder } from './builder/bootstrap.js';
import { parseConfig } from './config/config.js';
import { isUserError } from './config/errors.js';

/** Keys of what the main phase saves for the post phase. */
const STATE = { builder: 'builder', cleanup: 'cleanup', tempDir: 'temp-dir' } as const;

/** The main phase: config → builder → build → trace → findings → report. */
export async function run(): Promise<void> {
  try {
    const config = parseConfig((name) => core.getInput(name));
    const buildx = new Buildx();
    const version = await buildx.version();
    core.info(`buildx ${version.raw}`);
    const tempDir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'buildx-guard-'));
    core.saveState(STATE.tempDir, tempDir);
    core.saveState(STATE.cleanup, String(config.builder.cleanup));

    const setup = await core.group('Builder', () =>
      setupBuilder(
        config.builder,
        {
          buildx,
          version,
          tempDir,
          env: process.env,
          info: core.info,
          debug: core.debug,
          setSecret: core.setSecret,
        },
        (name) => core.saveState(STATE.builder, name),
      ),
    );
    core.info(
      `Builder '${setup.name}' (${setup.driver}): every node is running.\n${nodesTable(setup.state)}`,
    );
    core.setOutput('name', setup.name);
    core.setOutput('driver', setup.driver);
    core.setOutput('platforms', platformsOf(setup.state).join(','));
    core.setOutput('nodes', nodesOutput(setup.state));
  } catch (e) {
    fail(e);
  }
}

/** The post phase: removes what the main phase created, whatever its result (also when cancelled). */
export async function post(): Promise<void> {
  const builder = core.getState(STATE.builder);
  const tempDir = core.getState(STATE.tempDir);
  if (core.getState(STATE.cleanup) === 'false') {
    core.info(`cleanup is off: leaving builder '${builder}' and ${tempDir}`);
    return;
  }
  if (builder) {
    try {
      await removeBuilder(new Buildx(), builder);
      core.info(`Removed builder '${builder}'.`);
    } catch (e) {
      core.warning(`Cleanup: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}

/** One sentence for errors a user can fix; the stack trace only with debug logging on. */
export function fail(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof Error && e.stack && (core.isDebug() || !isUserError(e))) core.debug(e.stack);
  core.setFailed(message);
}
