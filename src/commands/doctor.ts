// `buildx-guard doctor`: create (or take) a builder, boot it, verify every node, print the table.
// Exits 1 when a node is down. A builder it created is removed afterwards unless --cleanup false.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buildx } from '../buildx/buildx.js';
import { NodesDownError, nodesTable, removeBuilder, setupBuilder } from '../builder/bootstrap.js';
import { parseConfig } from '../config/config.js';
import type { Command } from './command.js';

export const doctor: Command = {
  summary: 'boot a builder (--nodes/--endpoint/--builder …) and verify every node is running',
  async run(flags) {
    const config = parseConfig(flags);
    const buildx = new Buildx();
    const version = buildx.version();
    version.catch(() => undefined);
    const tempDir = mkdtempSync(join(tmpdir(), 'buildx-guard-'));
    let created = '';
    const log = (line: string) => process.stderr.write(`${line}\n`);
    try {
      const setup = await setupBuilder(
        config.builder,
        { buildx, version, tempDir, env: process.env, info: log, debug: config.debug ? log : () => {} },
        (name) => (created = name),
      );
      process.stdout.write(`${nodesTable(setup.state)}\n`);
      process.stdout.write(
        `builder '${setup.name}' (${setup.driver}, buildx ${(await version).raw}): every node is running\n`,
      );
      return 0;
    } catch (e) {
      if (!(e instanceof NodesDownError)) throw e;
      process.stdout.write(`${e.message}\n`);
      return 1;
    } finally {
      if (created && config.builder.cleanup)
        await removeBuilder(buildx, created).catch((e) => log(`cleanup: ${e.message}`));
      rmSync(tempDir, { recursive: true, force: true });
    }
  },
};
